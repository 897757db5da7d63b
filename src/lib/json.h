/* json.h: the streaming JSON writer that every JSON output goes through (json.c). */
#ifndef SX_JSON_H
#define SX_JSON_H

#include <stddef.h>

#include "buf.h"

/*
 * A writer appends one JSON value to an sx_buf as it is described: begin/end an object or an
 * array (any depth), a key, then a value. It writes the commas and the colons; strings are
 * checked as UTF-8 on the way (an ill-formed sequence becomes U+FFFD, written raw as EF BF BD;
 * valid text, U+2028 and '/' included, is copied as it is) and only '"', '\\' and the C0
 * controls are escaped (\n \t \r, else \u00xx). Numbers never depend on the locale.
 *
 *	sx_json w;
 *	sx_json_init(&w, &buf);
 *	sx_json_begin_object(&w);
 *	sx_json_kv_str(&w, "id", "dev-01");
 *	sx_json_key(&w, "rows");
 *	sx_json_begin_array(&w); sx_json_int(&w, 1); sx_json_end_array(&w);
 *	sx_json_end_object(&w);              -> {"id":"dev-01","rows":[1]}
 *	sx_json_free(&w);                    (the buffer stays the caller's)
 *
 * Misuse (a value in an object without its key, a key in an array, an end that does not match
 * its begin) is a programming error and trips an assert.
 */
typedef struct sx_json {
	sx_buf *b;              /* where the text goes (not owned) */
	unsigned char *st;      /* one state byte per open level; st[0] is the top level */
	size_t depth;           /* open objects and arrays */
	size_t cap;             /* bytes allocated in st */
} sx_json;

/* Start a writer appending to B (which it does not own); sx_json_free releases its stack. */
void sx_json_init(sx_json *w, sx_buf *b);
void sx_json_free(sx_json *w);
/* The number of objects and arrays open (0 once the value is complete). */
size_t sx_json_depth(const sx_json *w);

void sx_json_begin_object(sx_json *w);
void sx_json_end_object(sx_json *w);
void sx_json_begin_array(sx_json *w);
void sx_json_end_array(sx_json *w);
/* The next member's name, in an object (checked and escaped like a string). */
void sx_json_key(sx_json *w, const char *key);

/* Values. sx_json_str(NULL) writes null; sx_json_strn takes LEN bytes (NULs become \u0000). */
void sx_json_str(sx_json *w, const char *s);
void sx_json_strn(sx_json *w, const char *s, size_t len);
void sx_json_null(sx_json *w);
void sx_json_bool(sx_json *w, int v);
void sx_json_int(sx_json *w, long long v);
void sx_json_uint(sx_json *w, unsigned long long v);
/* V with DECIMALS digits after a '.' (printf's %.Nf, 0 <= N <= 17); a NaN or infinity is null. */
void sx_json_fixed(sx_json *w, double v, int decimals);
/* V in the fewest significant digits that read back as V (%g style, '.' and maybe e+NN). */
void sx_json_double(sx_json *w, double v);

/* A key and its value in one call. */
void sx_json_kv_str(sx_json *w, const char *key, const char *s);
void sx_json_kv_bool(sx_json *w, const char *key, int v);
void sx_json_kv_int(sx_json *w, const char *key, long long v);

/*
 * A line break before the next member or element: the comma owed to the one before is written
 * first (",\n"), so the output reads one entry per line. Between a key and its value it is only
 * a line break; at the top level, after the value, it is the final newline.
 */
void sx_json_newline(sx_json *w);

/* Append S (LEN bytes) to B as a JSON string literal, quotes included, as sx_json_strn does. */
void sx_json_quote(sx_buf *b, const char *s, size_t len);

#endif

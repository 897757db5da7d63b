/* json.c: the streaming JSON writer: nesting stack, commas, UTF-8-checked strings, locale-free numbers. */
#include "json.h"

#include <assert.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The state byte of one level. */
enum {
	S_OBJECT = 1,   /* an object (else an array, or the top level) */
	S_HAS = 2,      /* a member or element was written: the next one needs a comma */
	S_KEYED = 4,    /* in an object: the key is written, its value comes next */
	S_SEP = 8       /* the comma owed is already written (sx_json_newline) */
};

/* U+FFFD REPLACEMENT CHARACTER, for each ill-formed piece of a string. */
static const char S_fffd[] = "\xef\xbf\xbd";

void
sx_json_init(sx_json *w, sx_buf *b)
{
	w->b = b;
	w->cap = 16;
	w->st = sx_calloc(w->cap, 1);
	w->depth = 0;
}

void
sx_json_free(sx_json *w)
{
	free(w->st);
	w->st = NULL;
	w->cap = w->depth = 0;
}

size_t
sx_json_depth(const sx_json *w)
{
	return w->depth;
}

/* The comma owed before a new member or element of the current level, if any. */
static void
S_separate(sx_json *w)
{
	unsigned char *s = &w->st[w->depth];

	if ((*s & (S_HAS | S_SEP)) == S_HAS && w->depth > 0)
		sx_buf_putc(w->b, ',');
	*s = (unsigned char)((*s | S_HAS) & ~S_SEP);
}

/* What every value does first: in an object, consume its key; elsewhere, the comma. */
static void
S_value(sx_json *w)
{
	unsigned char *s = &w->st[w->depth];

	if (*s & S_OBJECT) {
		assert(*s & S_KEYED);
		*s &= (unsigned char)~S_KEYED;
		return;
	}
	S_separate(w);
}

static void
S_push(sx_json *w, unsigned char kind, char ch)
{
	S_value(w);
	if (w->depth + 1 >= w->cap) {
		w->st = sx_realloc(w->st, w->cap * 2);
		memset(w->st + w->cap, 0, w->cap);
		w->cap *= 2;
	}
	w->st[++w->depth] = kind;
	sx_buf_putc(w->b, ch);
}

static void
S_pop(sx_json *w, unsigned char kind, char ch)
{
	(void)kind;
	assert(w->depth > 0);
	assert((w->st[w->depth] & S_OBJECT) == kind);
	assert(!(w->st[w->depth] & S_KEYED));
	w->depth--;
	sx_buf_putc(w->b, ch);
}

void
sx_json_begin_object(sx_json *w)
{
	S_push(w, S_OBJECT, '{');
}

void
sx_json_end_object(sx_json *w)
{
	S_pop(w, S_OBJECT, '}');
}

void
sx_json_begin_array(sx_json *w)
{
	S_push(w, 0, '[');
}

void
sx_json_end_array(sx_json *w)
{
	S_pop(w, 0, ']');
}

void
sx_json_key(sx_json *w, const char *key)
{
	unsigned char *s = &w->st[w->depth];

	assert(*s & S_OBJECT);
	assert(!(*s & S_KEYED));
	S_separate(w);
	sx_json_quote(w->b, key, strlen(key));
	sx_buf_putc(w->b, ':');
	w->st[w->depth] |= S_KEYED;
}

void
sx_json_newline(sx_json *w)
{
	unsigned char *s = &w->st[w->depth];

	if (!(*s & S_KEYED)) {          /* between a key and its value, a break is only a break */
		if ((*s & (S_HAS | S_SEP)) == S_HAS && w->depth > 0)
			sx_buf_putc(w->b, ',');
		*s |= S_SEP;
	}
	sx_buf_putc(w->b, '\n');
}

/*
 * The well-formed UTF-8 sequence at P (N > 0 bytes left): its length, or minus the length of
 * the ill-formed piece to replace by one U+FFFD (the maximal subpart, as Unicode and the WHATWG
 * decoder count: overlongs, surrogates, > U+10FFFF, a stray continuation, a cut sequence).
 */
static long
S_utf8(const unsigned char *p, size_t n)
{
	unsigned char lo = 0x80, hi = 0xBF;
	size_t need;

	if (p[0] < 0x80)
		return 1;
	if (p[0] < 0xC2 || p[0] > 0xF4)
		return -1;
	need = p[0] < 0xE0 ? 1 : p[0] < 0xF0 ? 2 : 3;
	if (p[0] == 0xE0)
		lo = 0xA0;
	else if (p[0] == 0xED)
		hi = 0x9F;
	else if (p[0] == 0xF0)
		lo = 0x90;
	else if (p[0] == 0xF4)
		hi = 0x8F;
	for (size_t i = 1; i <= need; i++) {
		if (i >= n || p[i] < lo || p[i] > hi)
			return -(long)i;
		lo = 0x80;
		hi = 0xBF;
	}
	return (long)need + 1;
}

void
sx_json_quote(sx_buf *b, const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, run = 0;

	sx_buf_grow(b, len + 2);
	sx_buf_putc(b, '"');
	while (i < len) {
		unsigned char c = p[i];
		long k;

		/* plain ASCII, and the three-byte characters of E1..EC and EE..EF (most of CJK) whose
		 * continuation bytes are all that needs checking, without a call */
		if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
			i++;
			continue;
		}
		if (c >= 0xE1 && c <= 0xEF && c != 0xED && len - i >= 3 && (p[i + 1] & 0xC0) == 0x80 &&
		    (p[i + 2] & 0xC0) == 0x80) {
			i += 3;
			continue;
		}
		if (c >= 0x80 && (k = S_utf8(p + i, len - i)) > 0) {
			i += (size_t)k;
			continue;
		}
		sx_buf_put(b, p + run, i - run);
		if (c == '"')
			sx_buf_puts(b, "\\\"");
		else if (c == '\\')
			sx_buf_puts(b, "\\\\");
		else if (c == '\n')
			sx_buf_puts(b, "\\n");
		else if (c == '\t')
			sx_buf_puts(b, "\\t");
		else if (c == '\r')
			sx_buf_puts(b, "\\r");
		else if (c < 0x20)
			sx_buf_printf(b, "\\u%04x", c);
		if (c < 0x80) {
			i++;
		} else {
			sx_buf_puts(b, S_fffd);
			i += (size_t)-S_utf8(p + i, len - i);
		}
		run = i;
	}
	sx_buf_put(b, p + run, i - run);
	sx_buf_putc(b, '"');
}

void
sx_json_str(sx_json *w, const char *s)
{
	if (s == NULL) {
		sx_json_null(w);
		return;
	}
	sx_json_strn(w, s, strlen(s));
}

void
sx_json_strn(sx_json *w, const char *s, size_t len)
{
	S_value(w);
	sx_json_quote(w->b, s, len);
}

void
sx_json_null(sx_json *w)
{
	S_value(w);
	sx_buf_puts(w->b, "null");
}

void
sx_json_bool(sx_json *w, int v)
{
	S_value(w);
	sx_buf_puts(w->b, v ? "true" : "false");
}

void
sx_json_int(sx_json *w, long long v)
{
	char num[24];

	S_value(w);
	sx_buf_puts(w->b, sx_digits(num, v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v,
	    v < 0));
}

void
sx_json_uint(sx_json *w, unsigned long long v)
{
	char num[24];

	S_value(w);
	sx_buf_puts(w->b, sx_digits(num, v, 0));
}

/*
 * Append printf's rendering of a finite number, with whatever the locale uses as its decimal
 * point (',' in de_DE, maybe several bytes) written as '.'. printf adds no digit grouping
 * without the ' flag, so everything else is a digit, a sign or an exponent's 'e'.
 */
static void
S_number(sx_buf *b, const char *txt)
{
	for (const char *p = txt; *p; ) {
		if ((*p >= '0' && *p <= '9') || *p == '-' || *p == '+' || *p == 'e' || *p == 'E') {
			sx_buf_putc(b, *p++);
			continue;
		}
		sx_buf_putc(b, '.');
		while (*p && !(*p >= '0' && *p <= '9'))
			p++;
	}
}

void
sx_json_fixed(sx_json *w, double v, int decimals)
{
	char *txt;

	if (!isfinite(v)) {
		sx_json_null(w);
		return;
	}
	if (decimals < 0)
		decimals = 0;
	else if (decimals > 17)
		decimals = 17;
	S_value(w);
	txt = sx_aprintf("%.*f", decimals, v);
	S_number(w->b, txt);
	free(txt);
}

void
sx_json_double(sx_json *w, double v)
{
	char txt[64];

	if (!isfinite(v)) {
		sx_json_null(w);
		return;
	}
	S_value(w);
	for (int prec = 15; prec <= 17; prec++) {
		snprintf(txt, sizeof txt, "%.*g", prec, v);
		if (strtod(txt, NULL) == v)
			break;
	}
	S_number(w->b, txt);
}

void
sx_json_kv_str(sx_json *w, const char *key, const char *s)
{
	sx_json_key(w, key);
	sx_json_str(w, s);
}

void
sx_json_kv_bool(sx_json *w, const char *key, int v)
{
	sx_json_key(w, key);
	sx_json_bool(w, v);
}

void
sx_json_kv_int(sx_json *w, const char *key, long long v)
{
	sx_json_key(w, key);
	sx_json_int(w, v);
}

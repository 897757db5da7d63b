/* buf.h: the growable byte buffer and the aborting allocation wrappers (the one OOM policy). */
#ifndef SX_BUF_H
#define SX_BUF_H

#include <stdarg.h>
#include <stddef.h>

/* Allocation wrappers: on failure they print to stderr and abort(); they never return NULL. */
void *sx_malloc(size_t n);
void *sx_calloc(size_t n, size_t size);
void *sx_realloc(void *p, size_t n);
char *sx_strdup(const char *s);
/* S, or "" when S is NULL (a field left out). */
const char *sx_or_empty(const char *s);
/* The decimal digits of V, after a '-' when NEG, written at the end of NUM (without printf: the
 * widths of a document, the numbers of a JSON resolution); returns where they start. */
char *sx_digits(char num[24], unsigned long long v, int neg);
char *sx_strndup(const char *s, size_t n);

typedef struct sx_buf {
	char *ptr; /* always NUL-terminated when size > 0 */
	size_t len;
	size_t size;
} sx_buf;

#define SX_BUF_INIT { NULL, 0, 0 }

void sx_buf_grow(sx_buf *b, size_t extra);
void sx_buf_put(sx_buf *b, const void *data, size_t len);
void sx_buf_puts(sx_buf *b, const char *s);
void sx_buf_putc(sx_buf *b, int c);
void sx_buf_printf(sx_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void sx_buf_vprintf(sx_buf *b, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));
/* A newly allocated formatted string (the project's sprintf; never NULL). */
char *sx_aprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* The one out-of-memory exit, for an allocation made by a library (libxml2's hash tables). */
void sx_oom(void) __attribute__((noreturn));
/* Give the contents to the caller (never NULL) and reset the buffer. */
char *sx_buf_detach(sx_buf *b);
void sx_buf_free(sx_buf *b);

/* Append N bytes of S as Markdown text: "|" as "\\|" (a table cell's bar), "<", ">", "&" as "&lt;",
 * "&gt;", "&amp;" (no raw HTML from the user or the catalog), a line break as "<br>". */
void sx_buf_md(sx_buf *b, const char *s, size_t n);
/* The same for the NUL-terminated S (nothing when S is NULL). */
void sx_buf_mds(sx_buf *b, const char *s);

#endif

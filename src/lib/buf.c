/* buf.c: growable buffer and the aborting allocators. */
#include "buf.h"
#include "i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void __attribute__((noreturn))
S_oom(void)
{
	fprintf(stderr, "secannex: %s\n", _("out of memory"));
	abort();
}

void
sx_oom(void)
{
	S_oom();
}

void *
sx_malloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (p == NULL)
		S_oom();
	return p;
}

void *
sx_calloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (p == NULL)
		S_oom();
	return p;
}

void *
sx_realloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);

	if (q == NULL)
		S_oom();
	return q;
}

char *
sx_strdup(const char *s)
{
	return sx_strndup(s, strlen(s));
}

char *
sx_strndup(const char *s, size_t n)
{
	char *p = sx_malloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

void
sx_buf_grow(sx_buf *b, size_t extra)
{
	size_t need = b->len + extra + 1;

	if (need <= b->size)
		return;
	if (need < b->len)
		S_oom();
	size_t n = b->size ? b->size : 64;
	while (n < need)
		n *= 2;
	b->ptr = sx_realloc(b->ptr, n);
	b->size = n;
}

void
sx_buf_put(sx_buf *b, const void *data, size_t len)
{
	sx_buf_grow(b, len);
	if (len)
		memcpy(b->ptr + b->len, data, len);
	b->len += len;
	b->ptr[b->len] = '\0';
}

void
sx_buf_puts(sx_buf *b, const char *s)
{
	sx_buf_put(b, s, strlen(s));
}

void
sx_buf_putc(sx_buf *b, int c)
{
	if (b->len + 2 > b->size)
		sx_buf_grow(b, 1);
	b->ptr[b->len++] = (char)c;
	b->ptr[b->len] = '\0';
}

void
sx_buf_vprintf(sx_buf *b, const char *fmt, va_list ap)
{
	va_list cp;
	int n;

	va_copy(cp, ap);
	n = vsnprintf(NULL, 0, fmt, cp);
	va_end(cp);
	if (n < 0)
		return;
	sx_buf_grow(b, (size_t)n);
	vsnprintf(b->ptr + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
}

void
sx_buf_printf(sx_buf *b, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	sx_buf_vprintf(b, fmt, ap);
	va_end(ap);
}

char *
sx_aprintf(const char *fmt, ...)
{
	sx_buf b = SX_BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	sx_buf_vprintf(&b, fmt, ap);
	va_end(ap);
	return sx_buf_detach(&b);
}

char *
sx_buf_detach(sx_buf *b)
{
	char *p;

	if (b->ptr == NULL)
		return sx_strdup("");
	p = b->ptr;
	b->ptr = NULL;
	b->len = b->size = 0;
	return p;
}

void
sx_buf_free(sx_buf *b)
{
	free(b->ptr);
	b->ptr = NULL;
	b->len = b->size = 0;
}

void
sx_buf_md(sx_buf *b, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		switch (s[i]) {
		case '|':
			sx_buf_puts(b, "\\|");
			break;
		case '<':
			sx_buf_puts(b, "&lt;");
			break;
		case '>':
			sx_buf_puts(b, "&gt;");
			break;
		case '&':
			sx_buf_puts(b, "&amp;");
			break;
		case '\n':
			sx_buf_puts(b, "<br>");
			break;
		default:
			sx_buf_putc(b, s[i]);
		}
}

void
sx_buf_mds(sx_buf *b, const char *s)
{
	if (s)
		sx_buf_md(b, s, strlen(s));
}

const char *
sx_or_empty(const char *s)
{
	return s ? s : "";
}

char *
sx_digits(char num[24], unsigned long long v, int neg)
{
	char *p = num + 23;

	*p = '\0';
	do
		*--p = (char)('0' + v % 10);
	while ((v /= 10) != 0);
	if (neg)
		*--p = '-';
	return p;
}

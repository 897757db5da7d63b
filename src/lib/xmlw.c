/* xmlw.c: the XML writer of every generated part: elements, attributes and character data
 * written straight into one buffer, each call's failure remembered and reported at the end.
 *
 * It writes exactly what libxml2's xmlTextWriter wrote before it (tests/unit/test_xmlw.c compares
 * the two byte for byte): the declaration and a newline, `<a/>` for an empty element, text
 * escaped as xmlEncodeSpecialChars does (< > & " and CR), attribute values as
 * xmlBufAttrSerializeTxtContent does for a UTF-8 document (< > & " LF CR TAB), UTF-8 passed
 * through, a newline at the end.  xmlTextWriter allocated a stack entry per element and copied
 * the document twice more; an annex's document.xml cost 8 M instructions through it. */
#include "xmlw.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

struct sx_xw {
	sx_buf out;       /* the document so far */
	sx_buf names;     /* the open elements' names, each NUL-terminated, innermost last */
	size_t *open;     /* their offsets in NAMES */
	size_t nopen, cap;
	int in_tag;       /* the innermost start tag is not closed yet: '>' or '/>' to come */
	int err;
};

sx_xw *
sx_xw_new(int standalone)
{
	sx_xw *x = sx_calloc(1, sizeof(*x));

	sx_buf_grow(&x->out, 4096);
	sx_buf_puts(&x->out, standalone ?
	    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n" :
	    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
	return x;
}

/* Close the innermost start tag, when open, before its content. */
static void
S_close_tag(sx_xw *x)
{
	if (x->in_tag) {
		sx_buf_putc(&x->out, '>');
		x->in_tag = 0;
	}
}

/* The entities of character data (xmlEncodeSpecialChars) and of attribute values
 * (xmlBufAttrSerializeTxtContent): S_TEXT[c] / S_ATTR[c] is the index of c's entity in S_ENT,
 * 0 when c is copied as it is. */
static const char *const S_ENT[] = { NULL, "&lt;", "&gt;", "&amp;", "&quot;", "&#13;", "&#10;",
	"&#9;" };
static const unsigned char S_TEXT[256] = { ['<'] = 1, ['>'] = 2, ['&'] = 3, ['"'] = 4,
	['\r'] = 5 };
static const unsigned char S_ATTR[256] = { ['<'] = 1, ['>'] = 2, ['&'] = 3, ['"'] = 4,
	['\r'] = 5, ['\n'] = 6, ['\t'] = 7 };

/* Append the N bytes of S (up to a NUL: xmlTextWriter took C strings) with the entities of TAB,
 * the runs between them copied whole. */
static void
S_escaped(sx_buf *b, const char *s, size_t n, const unsigned char *tab)
{
	const unsigned char *p = (const unsigned char *)s, *end = p + n, *run = p;

	for (; p < end && *p; p++) {
		if (tab[*p] == 0)
			continue;
		sx_buf_put(b, run, (size_t)(p - run));
		sx_buf_puts(b, S_ENT[tab[*p]]);
		run = p + 1;
	}
	sx_buf_put(b, run, (size_t)(p - run));
}

void
sx_xw_start(sx_xw *x, const char *name)
{
	if (x->err)
		return;
	S_close_tag(x);
	if (x->nopen == x->cap) {
		x->cap = x->cap ? 2 * x->cap : 32;
		x->open = sx_realloc(x->open, x->cap * sizeof(*x->open));
	}
	x->open[x->nopen++] = x->names.len;
	sx_buf_put(&x->names, name, strlen(name) + 1);
	sx_buf_putc(&x->out, '<');
	sx_buf_puts(&x->out, name);
	x->in_tag = 1;
}

void
sx_xw_attr(sx_xw *x, const char *name, const char *value)
{
	if (x->err)
		return;
	if (!x->in_tag) {  /* an attribute outside a start tag: xmlTextWriter refused it too */
		x->err = 1;
		return;
	}
	sx_buf_putc(&x->out, ' ');
	sx_buf_puts(&x->out, name);
	sx_buf_puts(&x->out, "=\"");
	S_escaped(&x->out, value, strlen(value), S_ATTR);
	sx_buf_putc(&x->out, '"');
}

void
sx_xw_attrf(sx_xw *x, const char *name, const char *fmt, ...)
{
	sx_buf b = SX_BUF_INIT;
	char num[24], *p = num + sizeof(num);
	va_list ap;

	va_start(ap, fmt);
	if (strcmp(fmt, "%d") == 0) {
		/* most of them (widths, spans): a number, without vsnprintf and an allocation */
		int v = va_arg(ap, int);
		unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;

		*--p = '\0';
		do
			*--p = (char)('0' + u % 10);
		while ((u /= 10) != 0);
		if (v < 0)
			*--p = '-';
		va_end(ap);
		sx_xw_attr(x, name, p);
		return;
	}
	sx_buf_vprintf(&b, fmt, ap);
	va_end(ap);
	sx_xw_attr(x, name, b.ptr ? b.ptr : "");
	sx_buf_free(&b);
}

void
sx_xw_end(sx_xw *x)
{
	const char *name;

	if (x->err)
		return;
	if (x->nopen == 0) {
		x->err = 1;
		return;
	}
	name = x->names.ptr + x->open[--x->nopen];
	if (x->in_tag) {
		sx_buf_puts(&x->out, "/>");
		x->in_tag = 0;
	} else {
		sx_buf_puts(&x->out, "</");
		sx_buf_puts(&x->out, name);
		sx_buf_putc(&x->out, '>');
	}
	x->names.len = x->open[x->nopen];
}

void
sx_xw_textn(sx_xw *x, const char *s, size_t n)
{
	if (x->err || n == 0 || *s == '\0')
		return;
	S_close_tag(x);
	S_escaped(&x->out, s, n, S_TEXT);
}

void
sx_xw_text(sx_xw *x, const char *s)
{
	sx_xw_textn(x, s, strlen(s));
}

void
sx_xw_comment(sx_xw *x, const char *text)
{
	sx_buf b = SX_BUF_INIT;

	sx_buf_putc(&b, ' ');
	for (const char *s = text; *s; s++) {
		sx_buf_putc(&b, *s);
		if (*s == '-' && (s[1] == '-' || s[1] == '\0'))
			sx_buf_putc(&b, ' ');
	}
	sx_buf_putc(&b, ' ');
	S_close_tag(x);
	sx_buf_puts(&x->out, "<!--");
	sx_buf_put(&x->out, b.ptr, b.len);
	sx_buf_puts(&x->out, "-->");
	sx_buf_free(&b);
}

void
sx_xw_empty(sx_xw *x, const char *name, const char *attr, const char *value)
{
	sx_xw_start(x, name);
	if (attr)
		sx_xw_attr(x, attr, value);
	sx_xw_end(x);
}

void
sx_xw_leaf(sx_xw *x, const char *name, const char *text)
{
	sx_xw_start(x, name);
	sx_xw_text(x, text);
	sx_xw_end(x);
}

int
sx_xw_finish(sx_xw *x, sx_buf *out)
{
	int rc;

	while (!x->err && x->nopen > 0)
		sx_xw_end(x);
	if (!x->err) {
		sx_buf_putc(&x->out, '\n');
		if (out->len == 0) {  /* hand the document over instead of copying it */
			sx_buf_free(out);
			*out = x->out;
			x->out = (sx_buf)SX_BUF_INIT;
		} else {
			sx_buf_put(out, x->out.ptr, x->out.len);
		}
	}
	rc = x->err ? -1 : 0;
	sx_buf_free(&x->out);
	sx_buf_free(&x->names);
	free(x->open);
	free(x);
	return rc;
}

/* xmlw.c: the XML writer of every generated part, a thin wrapper over libxml2's xmlTextWriter
 * (which does the escaping): each call's failure is remembered and reported at the end.
 *
 * A writer writes into an xmlBuffer that sx_xw_finish() appends to the caller's, or hands its
 * output to a sink as it goes (a ZIP entry being deflated: the part is never held whole); one
 * writer per part. */
#include "xmlw.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlwriter.h>

struct sx_xw {
	xmlBufferPtr buf;       /* a buffered writer's output, or NULL (a sink's) */
	xmlTextWriterPtr w;
	sx_xw_sink sink;
	void *ctx;
	int err;
};

static void
S_declare(sx_xw *x, int standalone)
{
	/* the encoding declared also tells the writer to keep non-ASCII attribute text as it is
	 * (without one, libxml2 writes it as character references) */
	if (x->w == NULL || xmlTextWriterStartDocument(x->w, "1.0", "UTF-8",
	    standalone ? "yes" : NULL) < 0)
		x->err = 1;
}

sx_xw *
sx_xw_new(int standalone)
{
	sx_xw *x = sx_calloc(1, sizeof(*x));

	x->buf = xmlBufferCreateSize(4096);
	x->w = x->buf ? xmlNewTextWriterMemory(x->buf, 0) : NULL;
	S_declare(x, standalone);
	return x;
}

/* libxml2's output callbacks of a sink writer: each chunk (4,000 bytes or so) to the sink.  A
 * sink's failure is the writer's, reported by sx_xw_finish(); libxml2 is told the bytes went
 * (else it prints an I/O error of its own on stderr). */
static int
S_io_write(void *ctx, const char *data, int len)
{
	sx_xw *x = ctx;

	if (len > 0 && !x->err && x->sink(x->ctx, data, (size_t)len) != 0)
		x->err = 1;
	return len;
}

sx_xw *
sx_xw_new_to(int standalone, sx_xw_sink sink, void *ctx)
{
	sx_xw *x = sx_calloc(1, sizeof(*x));
	xmlOutputBufferPtr ob = xmlOutputBufferCreateIO(S_io_write, NULL, x, NULL);

	x->sink = sink;
	x->ctx = ctx;
	if (ob && (x->w = xmlNewTextWriter(ob)) == NULL)
		xmlOutputBufferClose(ob);
	S_declare(x, standalone);
	return x;
}

void
sx_xw_start(sx_xw *x, const char *name)
{
	if (!x->err && xmlTextWriterStartElement(x->w, BAD_CAST name) < 0)
		x->err = 1;
}

void
sx_xw_attr(sx_xw *x, const char *name, const char *value)
{
	if (!x->err && xmlTextWriterWriteAttribute(x->w, BAD_CAST name, BAD_CAST value) < 0)
		x->err = 1;
}

void
sx_xw_attrf(sx_xw *x, const char *name, const char *fmt, ...)
{
	sx_buf b = SX_BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	if (strcmp(fmt, "%d") == 0) {
		/* most of them (widths, spans): a number, without vsnprintf and an allocation */
		char num[24];
		int v = va_arg(ap, int);

		va_end(ap);
		sx_xw_attr(x, name, sx_digits(num, v < 0 ? 0ULL - (unsigned long long)v :
		    (unsigned long long)v, v < 0));
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
	if (!x->err && xmlTextWriterEndElement(x->w) < 0)
		x->err = 1;
}

void
sx_xw_text(sx_xw *x, const char *s)
{
	if (!x->err && *s && xmlTextWriterWriteString(x->w, BAD_CAST s) < 0)
		x->err = 1;
}

void
sx_xw_textn(sx_xw *x, const char *s, size_t n)
{
	char *c;

	if (n == 0)
		return;
	c = sx_strndup(s, n);
	sx_xw_text(x, c);
	free(c);
}

void
sx_xw_comment(sx_xw *x, const char *text)
{
	sx_buf b = SX_BUF_INIT;

	/* "--" may not appear in a comment, nor may it end in "-": "- -", "- " */
	sx_buf_putc(&b, ' ');
	for (const char *s = text; *s; s++) {
		sx_buf_putc(&b, *s);
		if (*s == '-' && (s[1] == '-' || s[1] == '\0'))
			sx_buf_putc(&b, ' ');
	}
	sx_buf_putc(&b, ' ');
	if (!x->err && xmlTextWriterWriteComment(x->w, BAD_CAST b.ptr) < 0)
		x->err = 1;
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

	if (!x->err && xmlTextWriterEndDocument(x->w) < 0)
		x->err = 1;
	/* flushes into buf, or its last chunk to the sink (where S_io_write notes a failure) */
	if (x->w)
		xmlFreeTextWriter(x->w);
	if (!x->err && x->buf)
		sx_buf_put(out, xmlBufferContent(x->buf), (size_t)xmlBufferLength(x->buf));
	rc = x->err ? -1 : 0;
	if (x->buf)
		xmlBufferFree(x->buf);
	free(x);
	return rc;
}

/* test_xmlw.c: the XML writer (xmlw.c, over libxml2's xmlTextWriter): declarations, empty and
 * nested elements, attributes and text with every character that is escaped (and UTF-8 that is
 * not), comments, unclosed elements at the end, a sink's writer, failures reported by
 * sx_xw_finish(). */
#include "unit.h"
#include "../../src/lib/doc.h"
#include "../../src/lib/docs.h"
#include "../../src/lib/xmlw.h"

#include <libxml/xmlwriter.h>

/* Every xmlTextWriter the library makes goes through these wrappers (linked with
 * -Wl,--wrap=xmlNewTextWriterMemory,--wrap=xmlNewTextWriter: a buffered writer, or a sink's):
 * with fail_at N > 0 the Nth one fails, as out of memory. */
xmlTextWriterPtr __real_xmlNewTextWriterMemory(xmlBufferPtr buf, int compression);
xmlTextWriterPtr __wrap_xmlNewTextWriterMemory(xmlBufferPtr buf, int compression);
xmlTextWriterPtr __real_xmlNewTextWriter(xmlOutputBufferPtr out);
xmlTextWriterPtr __wrap_xmlNewTextWriter(xmlOutputBufferPtr out);
static int fail_at, writers;

/* 1 when the writer being made is the one to fail */
static int
S_fails(void)
{
	return fail_at > 0 && ++writers == fail_at;
}

xmlTextWriterPtr
__wrap_xmlNewTextWriterMemory(xmlBufferPtr buf, int compression)
{
	return S_fails() ? NULL : __real_xmlNewTextWriterMemory(buf, compression);
}

xmlTextWriterPtr
__wrap_xmlNewTextWriter(xmlOutputBufferPtr out)
{
	return S_fails() ? NULL : __real_xmlNewTextWriter(out);
}

static int chunks;

static int
S_collect(void *ctx, const char *data, size_t len)
{
	sx_buf_put(ctx, data, len);
	chunks++;
	return 0;
}

static int
S_refuse(void *ctx, const char *data, size_t len)
{
	(void)ctx;
	(void)data;
	(void)len;
	return -1;
}

/* The same calls give the same bytes buffered and through a sink, which gets them in pieces as
 * they are written; a sink that refuses its bytes fails the writer. */
static void
test_sink(void **state)
{
	sx_buf a = SX_BUF_INIT, b = SX_BUF_INIT;
	sx_xw *x[2] = { sx_xw_new(1), sx_xw_new_to(1, S_collect, &b) };

	(void)state;
	chunks = 0;
	for (int k = 0; k < 2; k++) {
		sx_xw_start(x[k], "w:body");
		for (int i = 0; i < 2000; i++) {
			sx_xw_start(x[k], "w:p");
			sx_xw_attrf(x[k], "n", "%d", i);
			sx_xw_leaf(x[k], "w:t", "廠商應 <&>");
			sx_xw_end(x[k]);
		}
		sx_xw_end(x[k]);
	}
	assert_int_equal(sx_xw_finish(x[0], &a), 0);
	assert_true(chunks > 5);
	assert_int_equal(sx_xw_finish(x[1], NULL), 0);
	assert_int_equal(a.len, b.len);
	assert_string_equal(a.ptr, b.ptr);
	sx_buf_free(&a);
	sx_buf_free(&b);
	x[0] = sx_xw_new_to(0, S_refuse, NULL);
	sx_xw_leaf(x[0], "z", "short: only the end's flush reaches the sink");
	assert_int_equal(sx_xw_finish(x[0], NULL), -1);
}

/* Character data and attribute values with every character that is escaped, and UTF-8 that is
 * not (in attributes too: never character references); a comment with "--" in it. */
static void
test_escaping(void **state)
{
	sx_buf out = SX_BUF_INIT;
	sx_xw *x = sx_xw_new(0);

	(void)state;
	sx_xw_start(x, "w:t");
	sx_xw_attr(x, "a", "<tag> & \"q\" 'single'\tb\nc\rd");
	sx_xw_attr(x, "w:author", "法務室");
	sx_xw_text(x, "<tag> & \"q\" 'single'\tb\nc\rd ]]> &amp; ");
	sx_xw_text(x, "市民服務　●◎▲- \xf0\x9f\x98\x80");
	sx_xw_comment(x, "a--b-");
	assert_int_equal(sx_xw_finish(x, &out), 0);
	assert_string_equal(out.ptr, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<w:t a=\"&lt;tag&gt; &amp; &quot;q&quot; 'single'&#9;b&#10;c&#13;d\" w:author=\"法務室\">"
	    "&lt;tag&gt; &amp; &quot;q&quot; 'single'\tb\nc&#13;d ]]&gt; &amp;amp; "
	    "市民服務　●◎▲- \xf0\x9f\x98\x80<!-- a- -b-  --></w:t>\n");
	sx_buf_free(&out);
}

static void
test_shapes(void **state)
{
	sx_buf out = SX_BUF_INIT;
	sx_xw *x = sx_xw_new(1);

	sx_xw_start(x, "a");
	sx_xw_attrf(x, "n", "%d%%", 5);
	sx_xw_attrf(x, "i", "%d", 0);
	sx_xw_attrf(x, "j", "%d", -2147483647 - 1);
	sx_xw_attrf(x, "k", "%d", 9638);
	sx_xw_leaf(x, "b", "");
	sx_xw_leaf(x, "c", "x&y");
	sx_xw_textn(x, "12345", 3);
	assert_int_equal(sx_xw_finish(x, &out), 0);
	assert_string_equal(out.ptr, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
	    "<a n=\"5%\" i=\"0\" j=\"-2147483648\" k=\"9638\"><b/><c>x&amp;y</c>123</a>\n");
	sx_buf_free(&out);
	/* an attribute after content, or an end without a start, is a failure reported at the end */
	x = sx_xw_new(0);
	sx_xw_start(x, "a");
	sx_xw_text(x, "t");
	sx_xw_attr(x, "late", "v");
	assert_int_equal(sx_xw_finish(x, &out), -1);
	assert_int_equal(out.len, 0);
	x = sx_xw_new(0);
	sx_xw_end(x);
	assert_int_equal(sx_xw_finish(x, &out), -1);
	/* appended after what OUT already holds */
	sx_buf_puts(&out, "before");
	x = sx_xw_new(0);
	sx_xw_leaf(x, "z", "");
	assert_int_equal(sx_xw_finish(x, &out), 0);
	assert_string_equal(out.ptr, "before<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<z/>\n");
	sx_buf_free(&out);
}

/* A writer that fails in any part of a draft DOCX (the 草稿 header first) fails the write, with a
 * diagnostic and no package: the failure is never dropped (a header-less draft before). */
static void
test_docx_fails(void **state)
{
	int n;

	(void)state;
	for (n = 1; n <= 8; n++) {
		sx_doc a;
		sx_buf out = SX_BUF_INIT;
		secannex_diags *d = secannex_diags_new();

		sx_doc_init(&a, "草稿測試", "draft", 1, 1764806400);
		a.draft = 1;
		sx_doc_push(&a, SX_BLK_TITLE, "草稿測試");
		fail_at = n;
		writers = 0;
		if (sx_docx_write(&a, SECANNEX_SRCDIR "/templates", &out, d) == 0) {
			/* every writer ran, none failed: N is past the last */
			assert_true(writers < n);
			assert_int_equal(secannex_diags_count(d), 0);
		} else {
			assert_int_equal(secannex_diags_count(d), 1);
			assert_int_equal(out.len, 0);
		}
		fail_at = 0;
		sx_buf_free(&out);
		secannex_diags_free(d);
		sx_doc_free(&a);
	}
	/* the header is the first writer: it must be among the failures */
	{
		sx_doc a;
		sx_buf out = SX_BUF_INIT;
		secannex_diags *d = secannex_diags_new();

		sx_doc_init(&a, "草稿測試", "draft", 1, 1764806400);
		a.draft = 1;
		sx_doc_push(&a, SX_BLK_TITLE, "草稿測試");
		fail_at = 1;
		writers = 0;
		assert_int_equal(sx_docx_write(&a, SECANNEX_SRCDIR "/templates", &out, d), SECANNEX_EIO);
		char *msg = secannex_diags_format(d, "t");
		assert_string_equal(msg, "t: word/header1.xml: error: cannot write the XML parts\n");
		free(msg);
		fail_at = 0;
		sx_buf_free(&out);
		secannex_diags_free(d);
		sx_doc_free(&a);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_escaping),
		cmocka_unit_test(test_shapes),
		cmocka_unit_test(test_sink),
		cmocka_unit_test(test_docx_fails),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

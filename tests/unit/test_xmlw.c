/* test_xmlw.c: the XML writer (xmlw.c, over libxml2's xmlTextWriter): declarations, empty and
 * nested elements, attributes and text with every character that is escaped (and UTF-8 that is
 * not), comments, unclosed elements at the end, failures reported by sx_xw_finish(). */
#include "unit.h"
#include "../../src/lib/xmlw.h"

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

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_escaping),
		cmocka_unit_test(test_shapes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

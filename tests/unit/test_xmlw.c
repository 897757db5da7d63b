/* test_xmlw.c: the XML writer (xmlw.c) writes byte for byte what libxml2's xmlTextWriter writes
 * for the same calls: declarations, empty and nested elements, attributes and text with every
 * character that is escaped (and UTF-8 that is not), unclosed elements at the end. */
#include <libxml/xmlwriter.h>

#include "unit.h"
#include "../../src/lib/xmlw.h"

static const char *const S_STRS[] = {
	"", "a", "plain text", "<tag> & \"quoted\" 'single'", "a\tb\nc\rd", "]]>", "&amp;",
	"市民服務整合平台開發案資通安全需求", "本系統為___級，需符合___級", "●◎▲-", "  spaced  ",
	"x > y < z", "tab\tonly", "\r\n", "emoji \xf0\x9f\x98\x80 and \xe3\x80\x80 ideographic space",
	"100%", "line1\nline2",
};
#define NSTRS (sizeof(S_STRS) / sizeof(S_STRS[0]))
static const char *const S_NAMES[] = { "w:p", "w:r", "w:t", "text:p", "a", "office:document" };
#define NNAMES (sizeof(S_NAMES) / sizeof(S_NAMES[0]))

/* A small deterministic generator (the tests never use rand()). */
static unsigned
S_next(unsigned *state)
{
	*state = *state * 1103515245u + 12345u;
	return (*state >> 16) & 0x7fff;
}

/* The same calls on both writers. */
struct both {
	sx_xw *x;
	xmlTextWriterPtr w;
};

static void
S_start(struct both *b, const char *name)
{
	sx_xw_start(b->x, name);
	assert_true(xmlTextWriterStartElement(b->w, BAD_CAST name) >= 0);
}

static void
S_attr(struct both *b, const char *name, const char *v)
{
	sx_xw_attr(b->x, name, v);
	assert_true(xmlTextWriterWriteAttribute(b->w, BAD_CAST name, BAD_CAST v) >= 0);
}

static void
S_text(struct both *b, const char *s)
{
	sx_xw_text(b->x, s);
	if (*s)
		assert_true(xmlTextWriterWriteString(b->w, BAD_CAST s) >= 0);
}

static void
S_end(struct both *b)
{
	sx_xw_end(b->x);
	assert_true(xmlTextWriterEndElement(b->w) >= 0);
}

/* Random calls from SEED; DEPTH open elements at most.  Leaves some elements open. */
static void
S_random_doc(unsigned seed, int standalone)
{
	struct both b;
	xmlBufferPtr buf = xmlBufferCreate();
	sx_buf mine = SX_BUF_INIT;
	int depth = 0, in_tag = 0;

	b.x = sx_xw_new(standalone);
	b.w = xmlNewTextWriterMemory(buf, 0);
	assert_true(xmlTextWriterStartDocument(b.w, "1.0", "UTF-8", standalone ? "yes" : NULL) >= 0);
	S_start(&b, "root");
	depth = 1;
	in_tag = 1;
	for (int i = 0; i < 400; i++) {
		unsigned r = S_next(&seed) % 10;
		if (r < 3 && depth < 8) {
			S_start(&b, S_NAMES[S_next(&seed) % NNAMES]);
			depth++;
			in_tag = 1;
		} else if (r < 5 && in_tag) {
			S_attr(&b, S_NAMES[S_next(&seed) % NNAMES], S_STRS[S_next(&seed) % NSTRS]);
		} else if (r < 8) {
			const char *s = S_STRS[S_next(&seed) % NSTRS];
			S_text(&b, s);
			in_tag = in_tag && !*s;
		} else if (depth > 1) {
			S_end(&b);
			depth--;
			in_tag = 0;
		}
	}
	assert_int_equal(sx_xw_finish(b.x, &mine), 0);
	assert_true(xmlTextWriterEndDocument(b.w) >= 0);
	xmlFreeTextWriter(b.w);
	assert_int_equal(mine.len, (size_t)xmlBufferLength(buf));
	assert_memory_equal(mine.ptr, xmlBufferContent(buf), mine.len);
	sx_buf_free(&mine);
	xmlBufferFree(buf);
}

static void
test_same_as_xmltextwriter(void **state)
{
	for (unsigned seed = 1; seed <= 200; seed++)
		S_random_doc(seed, seed % 2);
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
		cmocka_unit_test(test_same_as_xmltextwriter),
		cmocka_unit_test(test_shapes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

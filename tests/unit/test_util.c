/* test_util.c: buffer, parsing of grades/levels/kinds, text checks, diagnostics. */
#include "unit.h"

#include "../../src/lib/nfcqc.h"
#include "../../src/lib/xmlsafe.h"

static void
test_buf(void **state)
{
	sx_buf b = SX_BUF_INIT;
	char *s;

	(void)state;
	for (int i = 0; i < 1000; i++)
		sx_buf_printf(&b, "%d,", i);
	assert_int_equal(b.len, strlen(b.ptr));
	assert_non_null(strstr(b.ptr, ",999,"));
	s = sx_buf_detach(&b);
	assert_null(b.ptr);
	free(s);
	s = sx_buf_detach(&b);
	assert_string_equal(s, "");
	free(s);
}

static void
test_parse(void **state)
{
	static const struct {
		const char *in;
		int ok;
		secannex_grade g;
	} grades[] = {
		{ "高", 1, SECANNEX_GRADE_HIGH }, { "中", 1, SECANNEX_GRADE_MEDIUM },
		{ "普", 1, SECANNEX_GRADE_NORMAL }, { "high", 1, SECANNEX_GRADE_HIGH },
		{ "medium", 1, SECANNEX_GRADE_MEDIUM }, { "normal", 1, SECANNEX_GRADE_NORMAL },
		{ "HIGH", 0, 0 }, { "", 0, 0 }, { "低", 0, 0 }, { "high ", 0, 0 },
	};
	secannex_grade g;
	secannex_kind k;
	int lv;

	(void)state;
	for (size_t i = 0; i < sizeof(grades) / sizeof(grades[0]); i++) {
		int rc = secannex_grade_parse(&g, grades[i].in);
		assert_int_equal(rc == 0, grades[i].ok);
		if (grades[i].ok)
			assert_int_equal(g, grades[i].g);
		else
			assert_non_null(strstr(secannex_error_last(), "unknown grade"));
	}
	assert_int_equal(secannex_level_parse(&lv, "A"), 0);
	assert_int_equal(lv, 0);
	assert_int_equal(secannex_level_parse(&lv, "e"), 0);
	assert_int_equal(lv, 4);
	assert_int_not_equal(secannex_level_parse(&lv, "F"), 0);
	assert_int_not_equal(secannex_level_parse(&lv, "AB"), 0);
	assert_int_equal(secannex_kind_parse(&k, "special"), 0);
	assert_int_equal(k, SECANNEX_KIND_SPECIAL);
	assert_int_not_equal(secannex_kind_parse(&k, "private"), 0);
	assert_string_equal(secannex_grade_name(SECANNEX_GRADE_MEDIUM, 0), "中");
	assert_string_equal(secannex_grade_name(SECANNEX_GRADE_MEDIUM, 1), "medium");
}

static void
test_text_problems(void **state)
{
	static const struct {
		const char *s;
		unsigned cp;
		int kind;
	} cases[] = {
		{ "資通安全 ISO 27001", 0, 0 },
		{ "\xEF\xA6\x8E", 0xF98E, SX_MSG_COMPAT_IDEO },  /* U+F98E 年 (compatibility) */
		{ "a\xC2\xA0" "b", 0xA0, SX_MSG_NBSP },
		{ "e\xCC\x81", 0x301, SX_MSG_NOT_NFC },          /* e + combining acute */
		{ "\xE2\x84\xAB", 0x212B, SX_MSG_NOT_NFC },      /* ANGSTROM SIGN → Å */
		{ "x\x01y", 1, SX_MSG_CONTROL },
		{ "x\x7fy", 0x7F, SX_MSG_CONTROL },
		{ "x\xC2\x85y", 0x85, SX_MSG_CONTROL },          /* C1 NEL */
		{ "tab\there", 9, SX_MSG_CONTROL },
		{ "\xC3\x28", 0xFFFD, SX_MSG_BAD_UTF8 },
		{ "\xED\xA0\x80", 0xFFFD, SX_MSG_BAD_UTF8 },     /* a surrogate */
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		int kind = -1;
		unsigned cp = sx_text_problem(cases[i].s, &kind);
		assert_int_equal(cp, cases[i].cp);
		if (cp)
			assert_int_equal(kind, cases[i].kind);
	}
	assert_true(sx_nfc_suspect(0xF900));
	assert_false(sx_nfc_suspect(0x5E74));
	assert_false(sx_nfc_suspect('A'));
}

static void
test_diags(void **state)
{
	secannex_diags *d = secannex_diags_new();
	char *s;

	(void)state;
	assert_int_equal(secannex_diags_worst(d), SECANNEX_DIAG_OK);
	sx_diag(d, SX_MSG_AREA_UNCHECKED, "a.xml", 3, "ac");
	assert_int_equal(secannex_diags_worst(d), SECANNEX_DIAG_WARNING);
	sx_diag(d, SX_MSG_DUP_ID, "a.xml", 9, "dev-01", 4);
	sx_diag(d, SX_MSG_OPEN, "b.xml", 0, "No such file or directory");
	assert_int_equal(secannex_diags_count(d), 3);
	assert_int_equal(secannex_diags_worst(d), SECANNEX_DIAG_SYSERR);
	s = secannex_diags_format(d, "secannex");
	assert_string_equal(s,
	    "secannex: a.xml:3: warning: baseline area 'ac' not checked: no regulation catalog loaded\n"
	    "secannex: a.xml:9: error: duplicate id 'dev-01' (first defined at line 4)\n"
	    "secannex: b.xml: error: cannot read file: No such file or directory\n");
	free(s);
	secannex_diags_free(d);
	secannex_diags_free(NULL);
	/* every message has a text */
	for (int m = 0; m < SX_MSG__COUNT; m++)
		assert_non_null(sx_msg_format((enum sx_msg)m));
}

/* The last error keeps a long message whole (a type id of 2,000 characters, 3 bytes each);
 * cleared, it is "". */
static void
test_error_last(void **state)
{
	cat = unit_load_shipped();
	sx_buf id = SX_BUF_INIT;
	char *out;

	(void)state;
	for (int i = 0; i < 2000; i++)
		sx_buf_puts(&id, "類");
	out = secannex_render_show(cat, id.ptr, -1, SECANNEX_FORMAT_TEXT);
	assert_null(out);
	assert_non_null(strstr(secannex_error_last(), id.ptr));
	assert_true(strlen(secannex_error_last()) > 6000);
	/* the next error replaces it */
	assert_null(secannex_render_show(cat, "nosuch", -1, SECANNEX_FORMAT_TEXT));
	assert_non_null(strstr(secannex_error_last(), "'nosuch'"));
	assert_null(strstr(secannex_error_last(), "類"));
	/* cleared: "" again (and freed: the valgrind and ASan builds would see it lost otherwise) */
	secannex_error_clear();
	assert_string_equal(secannex_error_last(), "");
	secannex_error_clear();
	assert_string_equal(secannex_error_last(), "");
	sx_buf_free(&id);
	secannex_catalog_free(cat);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_buf),
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_text_problems),
		cmocka_unit_test(test_diags),
		cmocka_unit_test(test_error_last),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

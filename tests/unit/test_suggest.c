/* test_suggest.c: "did you mean": the edit distance, the choice of names, the hints and messages. */
#include "unit.h"

#include "../../src/lib/suggest.h"

static void
test_distance(void **state)
{
	static const struct {
		const char *a, *b;
		size_t d;
	} cases[] = {
		{ "", "", 0 }, { "", "abc", 3 }, { "abc", "", 3 }, { "level", "level", 0 },
		{ "levl", "level", 1 },         /* an insertion */
		{ "levels", "level", 1 },       /* a deletion */
		{ "lavel", "level", 1 },        /* a substitution */
		{ "lveel", "level", 1 },        /* neighbours swapped: one transposition */
		{ "ca", "abc", 3 },             /* optimal string alignment: no edit of a swapped pair */
		{ "kitten", "sitting", 3 }, { "SaaS", "saas", 0 }, { "DEV-13", "dev-13", 0 },
		{ "grade-x", "grade", 2 }, { "generat", "generate", 1 },
		/* code points, not bytes: one Chinese character is one edit */
		{ "存取控", "存取控制", 1 }, { "資訊系統規畫服務", "資訊系統規劃服務", 1 },
		{ "應用軟體或系統開發服務", "應用軟體或系統維運服務", 2 },
		{ "高", "中", 1 }, { "ａ", "a", 1 },    /* only ASCII letters fold */
		{ "\xff", "\xfe", 1 }, { "a\xe5", "a", 1 }, /* a stray byte counts as one */
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		assert_int_equal(sx_edit_distance(cases[i].a, cases[i].b), cases[i].d);
		assert_int_equal(sx_edit_distance(cases[i].b, cases[i].a), cases[i].d);
	}
}

static void
test_choice(void **state)
{
	static const char *const names[] = { "types", "show", "export", "baseline", "duties", "validate",
		"resolve", "generate", "grade", "diff", "diff", "migrate" };
	static const char *const rows[] = { "dev-01", "dev-02", "dev-10", "dev-11", "dev-12", "dev-13" };
	size_t n = sizeof(names) / sizeof(names[0]), best[SX_SUGGEST_MAX], k;
	char *longword = sx_calloc(1, 1001);

	(void)state;
	k = sx_suggest("generat", names, n, best, SX_SUGGEST_MAX);
	assert_int_equal(k, 1);
	assert_string_equal(names[best[0]], "generate");
	/* the smallest distance wins: "grade" (1) over "generate" (3) */
	k = sx_suggest("grad", names, n, best, SX_SUGGEST_MAX);
	assert_int_equal(k, 1);
	assert_string_equal(names[best[0]], "grade");
	/* a name given twice is suggested once */
	k = sx_suggest("dif", names, n, best, SX_SUGGEST_MAX);
	assert_int_equal(k, 1);
	assert_int_equal(best[0], 9);
	/* ties in table order, at most MAX */
	k = sx_suggest("dev-1", rows, 6, best, SX_SUGGEST_MAX);
	assert_int_equal(k, 3);
	assert_string_equal(rows[best[0]], "dev-01");
	assert_string_equal(rows[best[1]], "dev-10");
	assert_string_equal(rows[best[2]], "dev-11");
	assert_int_equal(sx_suggest("dev-1", rows, 6, best, 1), 1);
	/* close enough: at most max(1, length / 3) edits */
	assert_int_equal(sx_suggest("zzzzzz", names, n, best, SX_SUGGEST_MAX), 0);
	assert_int_equal(sx_suggest("gen", names, n, best, SX_SUGGEST_MAX), 0);
	assert_int_equal(sx_suggest("shwo", names, n, best, SX_SUGGEST_MAX), 1); /* swapped: 1 */
	assert_int_equal(sx_suggest("sxox", names, n, best, SX_SUGGEST_MAX), 0); /* 2 > max(1, 4/3) */
	assert_int_equal(sx_suggest("xhow", names, n, best, SX_SUGGEST_MAX), 1);
	assert_int_equal(sx_suggest("mgirate", names, n, best, SX_SUGGEST_MAX), 1); /* 1 ≤ 7/3 */
	assert_int_equal(sx_suggest("", names, n, best, SX_SUGGEST_MAX), 0);
	assert_int_equal(sx_suggest("x", NULL, 0, best, SX_SUGGEST_MAX), 0);
	/* an absurdly long word is compared with nothing */
	memset(longword, 'a', 1000);
	assert_int_equal(sx_suggest(longword, names, n, best, SX_SUGGEST_MAX), 0);
	assert_int_equal(sx_edit_distance(longword, "a"), SIZE_MAX);
	free(longword);
}

static void
test_hint(void **state)
{
	static const char *const opts[] = { "level", "grade", "legal", "type" };
	static const char *const types[] = { "saas", "saas-office", "saas-custom", "paas" };
	sx_names o = { opts, NULL, 4, "--", 0 }, t = { types, NULL, 4, NULL, 0 };
	char *s;

	(void)state;
	s = sx_suggest_hint("levl", &o);
	assert_string_equal(s, "did you mean: --level?");
	free(s);
	s = sx_suggest_hint("laas", &t);
	assert_string_equal(s, "did you mean one of: saas, paas?");
	free(s);
	assert_null(sx_suggest_hint("zzzzzz", &t));
	s = sx_suggest_append(sx_strdup("unknown option '--levl'"), "levl", &o);
	assert_string_equal(s, "unknown option '--levl'; did you mean: --level?");
	free(s);
	s = sx_suggest_append(sx_strdup("unknown type 'x'"), "zzzzzz", &t);
	assert_string_equal(s, "unknown type 'x'");
	free(s);
	/* the public form, as the command line uses it */
	s = secannex_suggest("unknown command 'typse'", "typse", opts, 4, NULL);
	assert_string_equal(s, "unknown command 'typse'; did you mean: type?");
	free(s);
	/* there, a word that begins names (an abbreviation) suggests them, however far */
	s = secannex_suggest("unknown option '--le'", "le", opts, 4, "--");
	assert_string_equal(s, "unknown option '--le'; did you mean one of: --level, --legal?");
	free(s);
	s = secannex_suggest("unknown command 'TY'", "TY", opts, 4, NULL);
	assert_string_equal(s, "unknown command 'TY'; did you mean: type?");
	free(s);
	assert_null(sx_suggest_hint("le", &o));
}

/* The catalog's own lists: types by id or name (suggesting the id), rows of one type or all. */
static void
test_catalog_names(void **state)
{
	secannex_diags *d = secannex_diags_new();
	sx_names c;
	char *s;

	(void)state;
	sx_names_types(&c, cat->proc);
	s = sx_suggest_hint("deve", &c);
	assert_string_equal(s, "did you mean: dev?");
	free(s);
	s = sx_suggest_hint("應用軟體或系統開發服", &c);
	assert_string_equal(s, "did you mean: dev?");
	free(s);
	sx_diag_suggest(d, SX_MSG_UNKNOWN_TYPE, "p.xml", 7, "SaaS", &c);
	sx_names_free(&c);
	s = secannex_diags_format(d, "secannex");
	assert_string_equal(s, "secannex: p.xml:7: error: unknown procurement type 'SaaS' "
	    "(see 'secannex types'); did you mean: saas?\n");
	free(s);
	sx_names_rows(&c, cat->proc, sx_type_find(cat->proc, "dev"));
	s = sx_suggest_hint("saas-3", &c);
	assert_null(s);
	sx_names_free(&c);
	sx_names_rows(&c, cat->proc, NULL);
	s = sx_suggest_hint("saas-3", &c);
	assert_string_equal(s, "did you mean: saas-03?");
	free(s);
	sx_names_free(&c);
	sx_names_areas(&c, cat->reg);
	sx_error_suggest(SX_MSG_UNKNOWN_AREA, "acc", &c);
	assert_string_equal(secannex_error_last(), "unknown 附表十 area 'acc' "
	    "(ids: ac au cp ia sa sc si, or the area's name); did you mean: ac?");
	sx_names_free(&c);
	secannex_diags_free(d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_distance),
		cmocka_unit_test(test_choice),
		cmocka_unit_test(test_hint),
		cmocka_unit_test(test_catalog_names),
	};

	return cmocka_run_group_tests(tests, unit_setup, unit_teardown);
}

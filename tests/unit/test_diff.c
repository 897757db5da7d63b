/* test_diff.c: the character diff (CJK, ids and words whole, sides, bounds), similarity, and catalog
 * row matching (both ways). */
#include "unit.h"

#include <math.h>

#include "../../src/lib/diff.h"
#include "../../src/lib/textdiff.h"

static void
S_check(const char *a, const char *b, const char *want)
{
	sx_dtext d;
	sx_buf s = SX_BUF_INIT;
	char *old, *new;

	sx_textdiff(&d, a, b);
	for (size_t i = 0; i < d.n; i++)
		sx_buf_printf(&s, "%s%s%s", d.v[i].op == SX_OP_DEL ? "[-" : d.v[i].op == SX_OP_INS ? "{+" : "",
		    d.v[i].text, d.v[i].op == SX_OP_DEL ? "-]" : d.v[i].op == SX_OP_INS ? "+}" : "");
	assert_string_equal(s.ptr ? s.ptr : "", want);
	old = sx_dtext_side(&d, 0);
	new = sx_dtext_side(&d, 1);
	assert_string_equal(old, a);
	assert_string_equal(new, b);
	assert_int_equal(sx_dtext_changed(&d), strcmp(a, b) != 0);
	free(old);
	free(new);
	sx_buf_free(&s);
	sx_dtext_free(&d);
}

static void
test_textdiff(void **state)
{
	(void)state;
	S_check("", "", "");
	S_check("同", "同", "同");
	S_check("", "新增", "{+新增+}");
	S_check("刪除", "", "[-刪除-]");
	S_check("系統運作的正確性", "系統運作之正確性", "系統運作[-的-]{+之+}正確性");
	S_check("軟體與資料安全", "軟體與個人資料安全", "軟體與{+個人+}資料安全");
	S_check("資安責任等級C級以上", "資安責任等級B級以上", "資安責任等級[-C-]{+B+}級以上");
	S_check("主機弱點掃描", "網站弱點掃描", "[-主機-]{+網站+}弱點掃描");
	/* a Latin word, a number or an id is one token: never a character diff inside it */
	S_check("ISO 27001", "ISO 27701", "ISO [-27001-]{+27701+}");
	S_check("maintenance-02", "maintenance-03", "[-maintenance-02-]{+maintenance-03+}");
	S_check("第12項\n(dev-12)", "第13項\n(dev-13)", "第[-12-]{+13+}項\n([-dev-12-]{+dev-13+})");
	S_check("V5.4（修訂）", "V5.4", "V5.4[-（修訂）-]");
	S_check("Life Cycle,SSDLC.", "Life Cycle, SSDLC.", "Life Cycle,{+ +}SSDLC.");
	S_check("dev-", "dev-1", "[-dev--]{+dev-1+}");
	S_check("a\nb", "a\nc", "a\n[-b-]{+c+}");
}

/* Random strings over a small CJK alphabet: both sides always come back exactly. */
static void
test_textdiff_sides(void **state)
{
	static const char *const alpha[] = { "資", "安", "系", "統", "a", " ", "\n" };
	unsigned seed = 12345;

	(void)state;
	for (int round = 0; round < 300; round++) {
		sx_buf a = SX_BUF_INIT, b = SX_BUF_INIT;
		int na, nb;
		sx_dtext d;
		char *o, *n;

		seed = seed * 1103515245 + 12345;
		na = (int)(seed >> 16) % 20;
		seed = seed * 1103515245 + 12345;
		nb = (int)(seed >> 16) % 20;
		for (int i = 0; i < na; i++) {
			seed = seed * 1103515245 + 12345;
			sx_buf_puts(&a, alpha[(seed >> 16) % 7]);
		}
		for (int i = 0; i < nb; i++) {
			seed = seed * 1103515245 + 12345;
			sx_buf_puts(&b, alpha[(seed >> 16) % 7]);
		}
		sx_textdiff(&d, a.ptr ? a.ptr : "", b.ptr ? b.ptr : "");
		o = sx_dtext_side(&d, 0);
		n = sx_dtext_side(&d, 1);
		assert_string_equal(o, a.ptr ? a.ptr : "");
		assert_string_equal(n, b.ptr ? b.ptr : "");
		/* segments alternate: no two neighbours with the same operation */
		for (size_t i = 1; i < d.n; i++)
			assert_int_not_equal(d.v[i].op, d.v[i - 1].op);
		free(o);
		free(n);
		sx_dtext_free(&d);
		sx_buf_free(&a);
		sx_buf_free(&b);
	}
}

static void
test_similarity(void **state)
{
	(void)state;
	assert_true(sx_similarity("", "") == 1.0);
	assert_true(sx_similarity("資安", "資安") == 1.0);
	assert_true(sx_similarity("資安", "系統") == 0.0);
	assert_true(sx_similarity("主機弱點掃描", "網站弱點掃描") > 0.66 &&
	    sx_similarity("主機弱點掃描", "網站弱點掃描") < 0.67);
}

/* The LCS length of two code-point sequences by the textbook table (the reference). */
static size_t
S_lcs_ref(const char *a, const char *b)
{
	size_t na = 0, nb = 0, *t, r;
	const char *pa[64], *pb[64];
	size_t la[64], lb[64];

	for (const char *p = a; *p; p += la[na++])
		for (pa[na] = p, la[na] = 1; (p[la[na]] & 0xC0) == 0x80; la[na]++)
			;
	for (const char *p = b; *p; p += lb[nb++])
		for (pb[nb] = p, lb[nb] = 1; (p[lb[nb]] & 0xC0) == 0x80; lb[nb]++)
			;
	t = calloc((na + 1) * (nb + 1), sizeof(size_t));
	for (size_t i = na; i-- > 0;)
		for (size_t j = nb; j-- > 0;)
			t[i * (nb + 1) + j] = la[i] == lb[j] && memcmp(pa[i], pb[j], la[i]) == 0 ?
			    t[(i + 1) * (nb + 1) + j + 1] + 1 :
			    t[(i + 1) * (nb + 1) + j] > t[i * (nb + 1) + j + 1] ?
			    t[(i + 1) * (nb + 1) + j] : t[i * (nb + 1) + j + 1];
	r = t[0];
	free(t);
	return r;
}

/* The code points of S. */
static size_t
S_cps(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

/* Random pairs (the second often an edit of the first): the diff is a shortest edit (what it keeps
 * is a longest common subsequence, as the textbook table finds it) and the similarity is exact. */
static void
test_textdiff_minimal(void **state)
{
	static const char *const alpha[] = { "資", "安", "系", "統", "。", "　" };
	unsigned seed = 777;

	(void)state;
	/* under valgrind (make check's $VALGRIND), 200 pairs: the same code, a tenth of the time */
	for (int round = 0, rounds = getenv("VALGRIND") && *getenv("VALGRIND") ? 200 : 2000;
	    round < rounds; round++) {
		sx_buf ba = SX_BUF_INIT, bb = SX_BUF_INIT;
		size_t na, nb, kept = 0, lcs;
		const char *a, *b;
		sx_dtext d;

		seed = seed * 1103515245 + 12345;
		na = (seed >> 16) % 40;
		for (size_t i = 0; i < na; i++) {
			seed = seed * 1103515245 + 12345;
			sx_buf_puts(&ba, alpha[(seed >> 16) % (round % 2 ? 2 : 6)]);
		}
		seed = seed * 1103515245 + 12345;
		nb = (seed >> 16) % 40;
		for (size_t i = 0; i < nb; i++) {
			seed = seed * 1103515245 + 12345;
			/* half the rounds: B is A with a few code points changed (each is 3 bytes) */
			if (round % 4 < 2 && i < na && (seed >> 16) % 5 != 0)
				sx_buf_put(&bb, ba.ptr + 3 * i, 3);
			else
				sx_buf_puts(&bb, alpha[(seed >> 16) % (round % 2 ? 2 : 6)]);
		}
		a = ba.ptr ? ba.ptr : "";
		b = bb.ptr ? bb.ptr : "";
		lcs = S_lcs_ref(a, b);
		sx_textdiff(&d, a, b);
		for (size_t i = 0; i < d.n; i++)
			if (d.v[i].op == SX_OP_SAME)
				kept += S_cps(d.v[i].text);
		assert_int_equal(kept, lcs);
		sx_dtext_free(&d);
		if (na + nb) {
			double want = 2.0 * (double)lcs / (double)(na + nb);
			assert_true(fabs(sx_similarity(a, b) - want) < 1e-12);
		}
		sx_buf_free(&ba);
		sx_buf_free(&bb);
	}
}

/* Long texts: exact however long (the old table gave up past 4,096 × 4,096 code points and called
 * two identical texts 0.00 alike), and a few changes in a long text stay a few small changes. */
static void
test_textdiff_long(void **state)
{
	sx_buf a = SX_BUF_INIT, b = SX_BUF_INIT, c = SX_BUF_INIT;
	size_t changes = 0;
	sx_dtext d;

	(void)state;
	for (int i = 0; i < 30000; i++) {
		const char *ch = i % 7 == 0 ? "。" : i % 3 ? "資" : "安";
		sx_buf_puts(&a, ch);
		sx_buf_puts(&b, i == 100 || i == 15000 || i == 29000 ? "統" : ch);
		sx_buf_puts(&c, i % 2 ? "甲" : "乙");
	}
	assert_true(sx_similarity(a.ptr, a.ptr) == 1.0);
	assert_true(fabs(sx_similarity(a.ptr, b.ptr) - 2.0 * 29997 / 60000) < 1e-12);
	assert_true(sx_similarity(a.ptr, c.ptr) == 0.0);
	sx_textdiff(&d, a.ptr, b.ptr);
	for (size_t i = 0; i < d.n; i++)
		if (d.v[i].op != SX_OP_SAME) {
			assert_int_equal(S_cps(d.v[i].text), 1);
			changes++;
		}
	assert_int_equal(changes, 6);
	sx_dtext_free(&d);
	sx_buf_free(&a);
	sx_buf_free(&b);
	sx_buf_free(&c);
}

/* Of the equally short edits, the one whose change comes last and whole. */
static void
test_textdiff_slide(void **state)
{
	(void)state;
	S_check("。\n　　（等級）", "。\n　　　　（等級）", "。\n　　{+　　+}（等級）");
	S_check("資安安安", "資安", "資安[-安安-]");
	S_check("安安安", "安安安安", "安安安{+安+}");
}

/* The shipped catalog against itself: identical; against its tailored sample: the known deltas. */
static void
test_catalog_diff(void **state)
{
	secannex_catalog *a = unit_load_shipped(), *b = NULL;
	secannex_load_opts o = {
		SECANNEX_SRCDIR "/samples/catalog-tailored.xml", SECANNEX_SRCDATADIR "/regulation.xml",
		SECANNEX_SRCDATADIR, 0, 0
	};
	secannex_diags *d = secannex_diags_new();
	secannex_diff *df;
	size_t renum = 0, added = 0, deleted = 0;

	(void)state;
	assert_int_equal(secannex_diff_catalogs(&df, a, a), 0);
	assert_int_equal(secannex_diff_count(df), 0);
	secannex_diff_free(df);
	assert_int_equal(secannex_catalog_load(&b, &o, d), 0);
	secannex_diff_catalogs(&df, a, b);
	for (size_t i = 0; i < df->n; i++) {
		renum += (df->v[i].changes & SX_CH_ID) != 0;
		added += df->v[i].kind == SX_DELTA_ADDED;
		deleted += df->v[i].kind == SX_DELTA_DELETED;
	}
	assert_int_equal(renum, 6);
	assert_int_equal(added, 2);
	assert_int_equal(deleted, 1);
	assert_string_equal(sx_diff_old_id(df, "maintenance-08"), "maintenance-07");
	assert_string_equal(sx_diff_old_id(df, "dev-01"), "dev-01");
	assert_null(sx_diff_old_id(df, "dev-59"));
	/* and the other way: where OLD's rows went */
	assert_string_equal(sx_diff_new_id(df, "maintenance-02"), "maintenance-03");
	assert_string_equal(sx_diff_new_id(df, "dev-54"), "dev-54");
	assert_string_equal(sx_diff_new_id(df, "dev-01"), "dev-01");
	assert_null(sx_diff_new_id(df, "saas-office-18"));
	assert_null(sx_diff_new_id(df, "dev-99"));
	secannex_diff_free(df);
	secannex_catalog_free(a);
	secannex_catalog_free(b);
	secannex_diags_free(d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_textdiff),
		cmocka_unit_test(test_textdiff_sides),
		cmocka_unit_test(test_similarity),
		cmocka_unit_test(test_textdiff_minimal),
		cmocka_unit_test(test_textdiff_long),
		cmocka_unit_test(test_textdiff_slide),
		cmocka_unit_test(test_catalog_diff),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

/* test_doc.c: the document model's helpers for builders (vertical merges, 民國 dates, date parsing)
 * and the package writers on a document with merged cells, a label, a fingerprint and a draft mark.
 * With SECANNEX_TEST_OUT set, the written vspan.odt and vspan.docx stay in that directory (the CLI
 * test tests/cli/docstyle.sh validates them against the schemas). */
#include "unit.h"

#include <unistd.h>

#include "../../src/lib/docs.h"
#include "../../src/lib/resolve.h"
#include "../../src/lib/zippkg.h"

/* A 4-column grid: one header row, then rows whose first column repeats (A A B B B "" "" C). */
static sx_table *
merged_table(sx_doc *a)
{
	static const int w[4] = { 300, 400, 600, 400 };
	static const char *const col0[] = { "A", "A", "B", "B", "B", "", "", "C" };
	sx_table *t = sx_doc_table(a, SX_TBL_GRID, 4, w, 1);
	const char *head[4] = { "類別", "項次", "要求內容", "備註" };

	sx_doc_row(t, head);
	for (size_t i = 0; i < sizeof(col0) / sizeof(col0[0]); i++) {
		char n[8], text[32];
		const char *row[4] = { col0[i], n, text, i < 2 ? "同一備註" : NULL };
		snprintf(n, sizeof(n), "%zu", i + 1);
		snprintf(text, sizeof(text), "第%zu列", i + 1);
		sx_doc_row(t, row);
	}
	return t;
}

static void
test_merge_runs(void **state)
{
	static const int want0[] = { 0, 2, -1, 3, -1, -1, 0, 0, 0 };
	static const int want3[] = { 0, 2, -1, 0, 0, 0, 0, 0, 0 };
	sx_doc a;
	sx_table *t;

	(void)state;
	sx_doc_init(&a, "t", "s", 0, 0);
	t = merged_table(&a);
	sx_table_merge_runs(t, 0);
	sx_table_merge_runs(t, 3);
	sx_table_merge_runs(t, 9); /* no such column: nothing */
	for (size_t r = 0; r < t->nrows; r++) {
		assert_int_equal(t->vspan[r * 4 + 0], want0[r]);
		assert_int_equal(t->vspan[r * 4 + 3], want3[r]);
		assert_int_equal(t->vspan[r * 4 + 1], 0);
		assert_int_equal(sx_table_span(t, r, 0), want0[r]);
	}
	/* the text of a covered cell stays in the model */
	assert_string_equal(t->cells[2 * 4 + 0], "A");
	/* a row added later is merged with nothing, even with the same text */
	sx_doc_row(t, (const char *const[]){ "C", "9", "x", NULL });
	assert_int_equal(t->vspan[9 * 4 + 0], 0);
	assert_int_equal(sx_table_span(t, 9, 0), 0);
	/* merging again takes it in */
	sx_table_merge_runs(t, 0);
	assert_int_equal(sx_table_span(t, 8, 0), 2);
	assert_int_equal(sx_table_span(t, 9, 0), -1);
	/* the header row never spans; a span is clamped to the table; a stray -1 is a plain cell */
	t->vspan[0] = 5;
	assert_int_equal(sx_table_span(t, 0, 0), 0);
	t->vspan[8 * 4 + 0] = 7;
	assert_int_equal(sx_table_span(t, 8, 0), 2);
	t->vspan[6 * 4 + 1] = -1;
	assert_int_equal(sx_table_span(t, 6, 1), 0);
	sx_doc_free(&a);
	sx_doc_init(&a, "t", "s", 0, 0);
	/* a table without merges, and one without rows */
	t = sx_doc_table(&a, SX_TBL_GRID, 1, (const int[]){ 1700 }, 0);
	assert_int_equal(sx_table_span(t, 0, 0), 0);
	sx_table_merge_runs(t, 0); /* no rows: nothing */
	assert_null(t->vspan);
	sx_doc_free(&a);
}

static void
test_roc_date(void **state)
{
	static const char *const cases[][2] = {
		{ "2026-11-20", "中華民國115年11月20日" }, { "1912-01-01", "中華民國1年1月1日" },
		{ "2011-10-10", "中華民國100年10月10日" }, { "2024-02-29", "中華民國113年2月29日" },
		{ "1911-12-31", NULL }, { "2026-13-01", NULL }, { "2025-02-29", NULL },
		{ "115-11-20", NULL }, { "2026-1-20", NULL }, { "", NULL },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *s = sx_roc_date(cases[i][0]);
		if (cases[i][1])
			assert_string_equal(s, cases[i][1]);
		else
			assert_null(s);
		free(s);
	}
	assert_null(sx_roc_date(NULL));
}

static void
test_date_parse(void **state)
{
	static const char *const good[] = {
		"2026-11-20", "115-11-20", "115/11/20", "115年11月20日", "中華民國115年11月20日",
		"民國115年11月20日", "１１５年１１月２０日", "2026年11月20日", "115-11-20",
	};
	static const char *const bad[] = {
		"2026-13-01", "2026-04-31", "2025-02-29", "115-02-29", "0-01-01", "000年1月1日",
		"0000-01-01", "1911-12-31", "2026/11/20", "115-11/20", "115.11.20", "20261120",
		"2026-1-20", "1150-11-20", "中華民國2026年11月20日", "115年11月20", "115年11月20日 ",
		" 2026-11-20", "", "115-00-10", "115-11-00", "2026-11-20T00:00", "中華民國",
	};
	char iso[11];

	(void)state;
	for (size_t i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		memset(iso, 0, sizeof(iso));
		assert_true(sx_date_parse(good[i], iso));
		assert_string_equal(iso, "2026-11-20");
	}
	assert_true(sx_date_parse("113/2/29", iso));
	assert_string_equal(iso, "2024-02-29");
	assert_true(sx_date_parse("1年1月1日", iso));
	assert_string_equal(iso, "1912-01-01");
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		if (sx_date_parse(bad[i], iso))
			fail_msg("'%s' was taken for a date (%s)", bad[i], iso);
	assert_false(sx_date_parse(NULL, iso));
}

/* The date a profile keeps is ISO 8601; a bad one is refused with the accepted forms. */
static void
test_profile_date(void **state)
{
	secannex_profile *p = secannex_profile_new();
	secannex_diags *d = secannex_diags_new();
	char *s;

	(void)state;
	assert_int_equal(secannex_profile_set(p, "date", "中華民國115年11月20日", d), 0);
	assert_string_equal(p->fields[SX_F_DATE], "2026-11-20");
	assert_int_equal(secannex_profile_set(p, "date", "115/1/2", d), 0);
	assert_string_equal(p->fields[SX_F_DATE], "2026-01-02");
	assert_int_not_equal(secannex_profile_set(p, "date", "115-04-31", d), 0);
	assert_string_equal(p->fields[SX_F_DATE], "2026-01-02");
	s = secannex_diags_format(d, "secannex");
	assert_string_equal(s, "secannex: --date: error: '115-04-31' is not a valid date: write 2026-11-20, "
	    "115-11-20, 115/11/20 or (中華民國)115年11月20日\n");
	free(s);
	secannex_diags_free(d);
	secannex_profile_free(p);
}

/* Part NAME of the package in BUF (written to DIR/FILE first). */
static char *
part_of(const sx_buf *buf, const char *dir, const char *file, const char *name)
{
	char path[4096];
	FILE *f;
	sx_zipr *z = NULL;
	sx_buf b = SX_BUF_INIT;
	secannex_diags *d = secannex_diags_new();

	snprintf(path, sizeof(path), "%s/%s", dir, file);
	assert_non_null(f = fopen(path, "wb"));
	assert_int_equal(fwrite(buf->ptr, 1, buf->len, f), buf->len);
	assert_int_equal(fclose(f), 0);
	assert_int_equal(sx_zipr_open(&z, path, SX_MSG_REF_NOT_ZIP, d), 0);
	assert_int_equal(sx_zipr_read(z, name, &b, d), 0);
	sx_zipr_close(z);
	assert_int_equal(secannex_diags_count(d), 0);
	secannex_diags_free(d);
	return sx_buf_detach(&b);
}

static size_t
count(const char *s, const char *needle)
{
	size_t n = 0;

	for (; (s = strstr(s, needle)) != NULL; s++)
		n++;
	return n;
}

static void
test_write_merged(void **state)
{
	const char *keep = getenv("SECANNEX_TEST_OUT");
	char tmp[] = "/tmp/secannex-test-doc-XXXXXX", *dir, *x;
	sx_buf odt = SX_BUF_INIT, docx = SX_BUF_INIT;
	secannex_diags *d = secannex_diags_new();
	sx_doc a;

	(void)state;
	dir = keep && *keep ? (char *)keep : mkdtemp(tmp);
	assert_non_null(dir);
	sx_doc_init(&a, "合併儲存格測試", "vspan", 1, 1764806400);
	a.label = sx_strdup("附件三");
	a.fingerprint = sx_strdup("SHA-256 0123456789abcdef");
	a.draft = 1;
	sx_doc_push(&a, SX_BLK_TITLE, "合併儲存格測試");
	sx_table_merge_runs(merged_table(&a), 0);
	sx_doc_push(&a, SX_BLK_PARA, "（以下空白）");
	assert_int_equal(sx_odt_write(&a, SECANNEX_SRCDIR "/templates", &odt, d), 0);
	assert_int_equal(sx_docx_write(&a, SECANNEX_SRCDIR "/templates", &docx, d), 0);
	assert_int_equal(secannex_diags_count(d), 0);

	x = part_of(&odt, dir, "vspan.odt", "content.xml");
	assert_int_equal(count(x, "table:number-rows-spanned=\"2\""), 1);
	assert_int_equal(count(x, "table:number-rows-spanned=\"3\""), 1);
	assert_int_equal(count(x, "<table:covered-table-cell/>"), 3);
	assert_int_equal(count(x, ">A<"), 1);  /* a covered cell prints nothing */
	assert_non_null(strstr(x, "<text:p text:style-name=\"Label\">附件三</text:p>"));
	assert_true(strstr(x, "附件三") < strstr(x, "text:style-name=\"Title\""));
	assert_non_null(strstr(x, "<text:p text:style-name=\"Fingerprint\">SHA-256 0123456789abcdef</text:p>"
	    "</office:text>"));
	free(x);
	x = part_of(&odt, dir, "vspan.odt", "styles.xml");
	assert_non_null(strstr(x, "<style:header><text:p text:style-name=\"Draft_20_Mark\">草稿</text:p>"));
	free(x);

	x = part_of(&docx, dir, "vspan.docx", "word/document.xml");
	assert_int_equal(count(x, "<w:vMerge w:val=\"restart\"/>"), 2);
	assert_int_equal(count(x, "<w:vMerge/>"), 3);
	assert_int_equal(count(x, ">A<"), 1);
	assert_non_null(strstr(x, "<w:pStyle w:val=\"Label\"/></w:pPr><w:r><w:t xml:space=\"preserve\">附件三"));
	assert_non_null(strstr(x, "<w:pStyle w:val=\"Fingerprint\"/>"));
	assert_non_null(strstr(x, "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rIdHeader1\"/>"));
	free(x);
	x = part_of(&docx, dir, "vspan.docx", "word/styles.xml");
	assert_non_null(strstr(x, "w:styleId=\"Label\""));
	assert_non_null(strstr(x, "w:styleId=\"Fingerprint\""));
	free(x);
	x = part_of(&docx, dir, "vspan.docx", "word/header1.xml");
	assert_non_null(strstr(x, "<w:t>草稿</w:t>"));
	free(x);

	if (!(keep && *keep)) {
		char path[4096];
		snprintf(path, sizeof(path), "%s/vspan.odt", dir);
		unlink(path);
		snprintf(path, sizeof(path), "%s/vspan.docx", dir);
		unlink(path);
		rmdir(dir);
	}
	sx_doc_free(&a);
	sx_buf_free(&odt);
	sx_buf_free(&docx);
	secannex_diags_free(d);
}

/* A table of 24 columns (and one of none): every column gets its own width and every cell its
 * text, in both writers (the DOCX writer kept the widths in a fixed array of 16 and wrote past it). */
static void
test_write_wide(void **state)
{
	enum { N = 24 };
	char tmp[] = "/tmp/secannex-test-wide-XXXXXX", *dir = mkdtemp(tmp), *x, path[4096];
	int w[N], sum = 0;
	const char *head[N], *row[N];
	char cells[N][16];
	sx_buf odt = SX_BUF_INIT, docx = SX_BUF_INIT;
	secannex_diags *d = secannex_diags_new();
	sx_doc a;
	sx_table *t;

	(void)state;
	assert_non_null(dir);
	for (int c = 0; c < N; c++) {
		w[c] = c < N - 1 ? 70 : SX_TEXT_WIDTH - 70 * (N - 1);
		snprintf(cells[c], sizeof(cells[c]), "欄%d", c + 1);
		head[c] = "標題";
		row[c] = cells[c];
	}
	sx_doc_init(&a, "寬表", "wide", 0, 0);
	t = sx_doc_table(&a, SX_TBL_GRID, N, w, 1);
	sx_doc_row(t, head);
	sx_doc_row(t, row);
	sx_doc_table(&a, SX_TBL_GRID, 0, w, 0);
	assert_int_equal(sx_odt_write(&a, SECANNEX_SRCDIR "/templates", &odt, d), 0);
	assert_int_equal(sx_docx_write(&a, SECANNEX_SRCDIR "/templates", &docx, d), 0);
	assert_int_equal(secannex_diags_count(d), 0);

	x = part_of(&docx, dir, "wide.docx", "word/document.xml");
	assert_int_equal(count(x, "<w:gridCol "), N);
	for (int c = 0; c < N; c++)
		assert_non_null(strstr(x, cells[c]));
	/* the widths: 7 mm each (397 twips), the last column the rest of the text width */
	assert_int_equal(count(x, "<w:gridCol w:w=\"397\"/>"), N - 1);
	for (const char *p = x; (p = strstr(p, "<w:gridCol w:w=\"")) != NULL; p++)
		sum += (int)strtol(p + strlen("<w:gridCol w:w=\""), NULL, 10);
	assert_int_equal(sum, 9638);
	free(x);
	x = part_of(&odt, dir, "wide.odt", "content.xml");
	for (int c = 0; c < N; c++)
		assert_non_null(strstr(x, cells[c]));
	free(x);
	snprintf(path, sizeof(path), "%s/wide.docx", dir);
	unlink(path);
	snprintf(path, sizeof(path), "%s/wide.odt", dir);
	unlink(path);
	rmdir(dir);
	sx_doc_free(&a);
	sx_buf_free(&odt);
	sx_buf_free(&docx);
	secannex_diags_free(d);
}

/* A title that fits stays on one line; a long one puts 案名 on evenly filled lines of its own and
 * the tail on the last; widths count CJK as 1 and Latin as 1/2. */
static void
test_balance(void **state)
{
	char *t;

	(void)state;
	t = sx_doc_balance("市民服務平台", "資通安全需求", 20);
	assert_string_equal(t, "市民服務平台資通安全需求");
	free(t);
	/* 24 characters at 20 a line: two lines of 12, then the tail */
	t = sx_doc_balance("一二三四五六七八九十一二三四五六七八九十一二三四", "資通安全需求", 20);
	assert_string_equal(t, "一二三四五六七八九十一二\n三四五六七八九十一二三四\n資通安全需求");
	free(t);
	/* Latin letters count half */
	t = sx_doc_balance("abcdefghijklmnopqrstuvwxyzABCD", "需求", 10);
	assert_string_equal(t, "abcdefghijklmno\npqrstuvwxyzABCD\n需求");
	free(t);
	t = sx_doc_balance("", "資通安全需求", 3);
	assert_string_equal(t, "資通安全需求");
	free(t);
	t = sx_doc_balance("一二三四五六", "", 4);
	assert_string_equal(t, "一二三\n四五六");
	free(t);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_merge_runs),
		cmocka_unit_test(test_roc_date),
		cmocka_unit_test(test_date_parse),
		cmocka_unit_test(test_profile_date),
		cmocka_unit_test(test_write_merged),
		cmocka_unit_test(test_write_wide),
		cmocka_unit_test(test_balance),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

/* test_response.c: reading a vendor's response: CSV (quotes, line breaks, BOM, Big5, neither), the
 * 符合情形 answers (words, ticked boxes, deleted options, two ticks, other text), white space. */
#include "unit.h"

#include <unistd.h>

#include "../../src/lib/response.h"

/* DATA parsed as CSV into G (0 or the error), diagnostics into *DIAGS when not NULL. */
static int
S_csv(sx_grid *g, const char *data, size_t len, secannex_diags **diags)
{
	secannex_diags *d = secannex_diags_new();
	int rc = sx_csv_grid(g, data, len, "r.csv", d);

	if (diags)
		*diags = d;
	else
		secannex_diags_free(d);
	return rc;
}

/* The text of cell C of row R of G ("(none)" when absent). */
static const char *
S_cell(const sx_grid *g, size_t r, size_t c)
{
	if (r >= g->n || c >= g->v[r].ncells || g->v[r].cells[c] == NULL)
		return "(none)";
	return g->v[r].cells[c];
}

static void
test_csv_quotes(void **state)
{
	static const char in[] = "\xEF\xBB\xBF\"編號\",\"要求內容\",x\r\n"
	    "\"dev-01\",\"a \"\"quoted\"\" word, and a comma\",\r\n"
	    "dev-02,\"two\r\nlines\",last\r\n"
	    "dev-03,plain,\n";
	sx_grid g;

	(void)state;
	assert_int_equal(S_csv(&g, in, sizeof(in) - 1, NULL), 0);
	assert_int_equal(g.n, 4);
	assert_int_equal(g.big5, 0);
	assert_string_equal(S_cell(&g, 0, 0), "編號");   /* the BOM is not part of the first field */
	assert_string_equal(S_cell(&g, 1, 1), "a \"quoted\" word, and a comma");
	assert_string_equal(S_cell(&g, 1, 2), "");
	assert_string_equal(S_cell(&g, 2, 1), "two\nlines");
	assert_string_equal(S_cell(&g, 2, 2), "last");
	/* a record's line is where it starts: the quoted line break moves the next one down */
	assert_int_equal(g.v[1].line, 2);
	assert_int_equal(g.v[2].line, 3);
	assert_int_equal(g.v[3].line, 5);
	assert_string_equal(S_cell(&g, 3, 1), "plain");
	sx_grid_free(&g);
}

static void
test_csv_unclosed(void **state)
{
	static const char in[] = "a,b\n\"c,d\n";
	secannex_diags *d;
	sx_grid g;

	(void)state;
	assert_int_equal(S_csv(&g, in, sizeof(in) - 1, &d), SECANNEX_EINVALID);
	assert_int_equal(secannex_diags_count(d), 1);
	{
		char *s = secannex_diags_format(d, "x");
		assert_non_null(strstr(s, "r.csv:2: error: a quoted field is not closed"));
		free(s);
	}
	secannex_diags_free(d);
	sx_grid_free(&g);
}

static void
test_csv_rows(void **state)
{
	sx_buf b = SX_BUF_INIT;
	secannex_diags *d = secannex_diags_new();
	sx_grid g;
	char path[] = "/tmp/sx-test-rows-XXXXXX.csv";
	int fd = mkstemps(path, 4);
	char *s;

	(void)state;
	assert_true(fd >= 0);
	for (int i = 0; i <= SX_RESP_MAX_ROWS; i++)
		sx_buf_puts(&b, "x\n");
	assert_int_equal(write(fd, b.ptr, b.len), (ssize_t)b.len);
	close(fd);
	/* the limit is refused as a whole, with a message; one row less is read */
	assert_int_equal(sx_response_read(&g, path, 0, d), SECANNEX_EINVALID);
	s = secannex_diags_format(d, "x");
	assert_non_null(strstr(s, "more than 20000 rows: not a compliance matrix"));
	free(s);
	sx_grid_free(&g);
	assert_int_equal(sx_csv_grid(&g, b.ptr, b.len - 2, "r.csv", NULL), 0);
	assert_int_equal(g.n, SX_RESP_MAX_ROWS);
	assert_int_equal(g.over, 0);
	sx_grid_free(&g);
	unlink(path);
	sx_buf_free(&b);
	secannex_diags_free(d);
}

static void
test_csv_big5(void **state)
{
	/* 案號,符合 in Big5 (CP950): AE D7 B8 B9 , B2 C5 A6 58 */
	static const char in[] = "\xAE\xD7\xB8\xB9,\xB2\xC5\xA6\x58\r\n";
	static const char bad[] = "\xFF\xFE\xFF,\x80\n";
	secannex_diags *d;
	sx_grid g;
	char *s;

	(void)state;
	assert_int_equal(S_csv(&g, in, sizeof(in) - 1, &d), 0);
	assert_int_equal(g.big5, 1);
	assert_string_equal(S_cell(&g, 0, 0), "案號");
	assert_string_equal(S_cell(&g, 0, 1), "符合");
	assert_int_equal(secannex_diags_worst(d), SECANNEX_DIAG_WARNING);
	s = secannex_diags_format(d, "x");
	assert_non_null(strstr(s, "Big5 (CP950)"));
	free(s);
	secannex_diags_free(d);
	sx_grid_free(&g);
	/* neither UTF-8 nor Big5 */
	assert_int_equal(S_csv(&g, bad, sizeof(bad) - 1, &d), SECANNEX_EINVALID);
	s = secannex_diags_format(d, "x");
	assert_non_null(strstr(s, "neither UTF-8 nor Big5"));
	free(s);
	secannex_diags_free(d);
	sx_grid_free(&g);
	/* a Big5 lead byte cut off at the end (A4 without its second byte) is no Big5 */
	assert_int_equal(S_csv(&g, "\xAE\xD7\xA4", 3, NULL), SECANNEX_EINVALID);
	sx_grid_free(&g);
	/* an overlong UTF-8 form (C0 AF) is not UTF-8: it is read as Big5 */
	assert_int_equal(S_csv(&g, "\xC0\xAF", 2, NULL), 0);
	assert_int_equal(g.big5, 1);
	sx_grid_free(&g);
}

/* The answer of CELL, and that its problem is WANT_PROBLEM. */
static enum sx_answer
S_ans(const char *cell, enum sx_ans_problem want_problem)
{
	enum sx_ans_problem p;
	enum sx_answer a = sx_answer_parse(cell, &p);

	assert_int_equal(p, want_problem);
	return a;
}

static void
test_answers(void **state)
{
	(void)state;
	/* the drop-down's words; empty */
	assert_int_equal(S_ans("符合", SX_ANSP_OK), SX_ANS_YES);
	assert_int_equal(S_ans(" 部分符合\n", SX_ANSP_OK), SX_ANS_PART);
	assert_int_equal(S_ans("不符合", SX_ANSP_OK), SX_ANS_NO);
	assert_int_equal(S_ans("", SX_ANSP_OK), SX_ANS_NONE);
	assert_int_equal(S_ans(NULL, SX_ANSP_OK), SX_ANS_NONE);
	/* the boxes as issued: 未填 */
	assert_int_equal(S_ans("□符合\n□部分符合\n□不符合", SX_ANSP_OK), SX_ANS_NONE);
	/* one ticked, every accepted tick */
	assert_int_equal(S_ans("■符合\n□部分符合\n□不符合", SX_ANSP_OK), SX_ANS_YES);
	assert_int_equal(S_ans("□符合\n☑部分符合\n□不符合", SX_ANSP_OK), SX_ANS_PART);
	assert_int_equal(S_ans("□符合 □部分符合 ☒不符合", SX_ANSP_OK), SX_ANS_NO);
	assert_int_equal(S_ans("✓符合□部分符合□不符合", SX_ANSP_OK), SX_ANS_YES);
	assert_int_equal(S_ans("□符合 ✔ 部分符合 □不符合", SX_ANSP_OK), SX_ANS_PART);
	assert_int_equal(S_ans("□符合□部分符合√不符合", SX_ANSP_OK), SX_ANS_NO);
	assert_int_equal(S_ans("V符合□部分符合□不符合", SX_ANSP_OK), SX_ANS_YES);
	assert_int_equal(S_ans("□符合v部分符合□不符合", SX_ANSP_OK), SX_ANS_PART);
	assert_int_equal(S_ans("☐符合☐部分符合☑不符合", SX_ANSP_OK), SX_ANS_NO);
	/* the other two deleted, with or without the box */
	assert_int_equal(S_ans("□部分符合", SX_ANSP_OK), SX_ANS_PART);
	assert_int_equal(S_ans("不符合", SX_ANSP_OK), SX_ANS_NO);
	/* two ticked, or two left: an error, 未填 */
	assert_int_equal(S_ans("■符合\n■部分符合\n□不符合", SX_ANSP_MANY), SX_ANS_NONE);
	assert_int_equal(S_ans("□符合\n□不符合", SX_ANSP_MANY), SX_ANS_NONE);
	assert_int_equal(S_ans("符合 不符合", SX_ANSP_MANY), SX_ANS_NONE);
	/* anything else: an error, never a guess (不完全符合 ends in 符合) */
	assert_int_equal(S_ans("不完全符合", SX_ANSP_UNKNOWN), SX_ANS_NONE);
	assert_int_equal(S_ans("是", SX_ANSP_UNKNOWN), SX_ANS_NONE);
	assert_int_equal(S_ans("X符合□部分符合□不符合", SX_ANSP_UNKNOWN), SX_ANS_NONE);
	assert_int_equal(S_ans("□符合□部分符合□不符合■", SX_ANSP_UNKNOWN), SX_ANS_NONE);
	assert_int_equal(S_ans("■□符合", SX_ANSP_UNKNOWN), SX_ANS_NONE);
	assert_int_equal(S_ans("符合（詳第3頁）", SX_ANSP_UNKNOWN), SX_ANS_NONE);
}

/* S normalised equals WANT. */
static void
S_norm(const char *s, const char *want)
{
	char *n = sx_ws_normalise(s);

	assert_string_equal(n, want);
	free(n);
}

static void
test_whitespace(void **state)
{
	(void)state;
	S_norm("", "");
	S_norm(NULL, "");
	S_norm("  \n\t　", "");
	/* re-wrapped Chinese: the breaks go */
	S_norm("開發系統\n導入安全　軟體", "開發系統導入安全軟體");
	/* between ASCII words one space stays; beside a Chinese character none */
	S_norm("ISO\n  27001 驗證", "ISO 27001驗證");
	S_norm(" 須通過CNS27001或ISO 27001等\r\n", "須通過CNS27001或ISO 27001等");
	S_norm("Life\u00a0Cycle\u200b,SSDLC", "Life Cycle,SSDLC");
	/* words are never joined or split: a change stays a change */
	S_norm("ISO27001", "ISO27001");
	/* a control character is shown as U+FFFD, never passed to a terminal */
	S_norm("a\x1b[31mb\x7f\xc2\x9b" "c", "a\xef\xbf\xbd[31mb\xef\xbf\xbd\xef\xbf\xbd" "c");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_csv_quotes),
		cmocka_unit_test(test_csv_unclosed),
		cmocka_unit_test(test_csv_big5),
		cmocka_unit_test(test_csv_rows),
		cmocka_unit_test(test_answers),
		cmocka_unit_test(test_whitespace),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

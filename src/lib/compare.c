/* compare.c: several bidders' evaluations of one tender side by side: a row per requirement, a
 * column per bidder, totals per bidder; as text, md and JSON, and as the committee's comparison
 * table (a document). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "docs.h"
#include "evaluate.h"
#include "i18n.h"
#include "json.h"
#include "resolve.h"

/* The totals' rows: what each counts of an evaluation. */
enum { S_T_YES, S_T_PART, S_T_NO, S_T_NONE, S_T_MISSING, S_T_EXTRA, S_T_ALTERED, S_T_INVALID, S_T__COUNT };
static const char *const S_total_zh[S_T__COUNT] = { "符合", "部分符合", "不符合", "未填", "缺漏",
	"非本案項目", "要求內容遭修改", "無法判讀" };
static const char *const S_total_key[S_T__COUNT] = { "yes", "partial", "no", "unanswered", "missing",
	"extra", "altered", "invalid" };

static size_t
S_total(const secannex_evaluation *e, int k)
{
	switch (k) {
	case S_T_YES: return e->count[SX_ANS_YES];
	case S_T_PART: return e->count[SX_ANS_PART];
	case S_T_NO: return e->count[SX_ANS_NO];
	case S_T_NONE: return e->count[SX_ANS_NONE];
	case S_T_MISSING: return e->missing;
	case S_T_EXTRA: return e->nextra;
	case S_T_ALTERED: return e->altered;
	default: return e->invalid;
	}
}

/* E's row ID, or NULL (an evaluation of another form of the matrix). */
static const sx_erow *
S_row_of(const secannex_evaluation *e, const char *id, size_t hint)
{
	if (hint < e->n && strcmp(e->rows[hint].id, id) == 0)
		return &e->rows[hint];
	for (size_t k = 0; k < e->n; k++)
		if (strcmp(e->rows[k].id, id) == 0)
			return &e->rows[k];
	return NULL;
}

/* What bidder E answered to the K-th row of the first evaluation, ID (the caller frees). */
static char *
S_cell(const secannex_evaluation *e, const char *id, size_t k)
{
	const sx_erow *x = S_row_of(e, id, k);

	if (x == NULL || x->line == 0)
		return sx_strdup("（缺漏）");
	if (x->problem)
		return sx_strdup("（無法判讀）");
	return sx_aprintf("%s%s", sx_answer_zh[x->answer], x->diff ? "（要求內容遭修改）" : "");
}

static void
S_text(sx_buf *b, const secannex_evaluation *const *v, size_t n, int md)
{
	const secannex_evaluation *e0 = v[0];

	sx_buf_printf(b, md ? "# %s：%zu\n\n" : "%s：%zu\n", "需求符合性對照表比較", n);
	sx_buf_puts(b, md ? "- " : "");
	sx_buf_printf(b, _("case %s, %zu rows (%s)"), e0->case_no ? e0->case_no : "-", e0->n,
	    e0->controls ? "controls" : "requirements");
	sx_buf_puts(b, md ? "\n" : "\n");
	for (size_t j = 0; j < n; j++)
		sx_buf_printf(b, md ? "- %zu. %s (%s)\n" : "%zu. %s (%s)\n", j + 1, sx_eval_vendor(v[j]), v[j]->path);
	sx_buf_puts(b, md ? "\n| 項次 | 編號 |" : "\n項次 | 編號 |");
	for (size_t j = 0; j < n; j++)
		sx_buf_printf(b, " %s |", sx_eval_vendor(v[j]));
	if (md) {
		sx_buf_puts(b, "\n|---|---|");
		for (size_t j = 0; j < n; j++)
			sx_buf_puts(b, "---|");
	}
	sx_buf_putc(b, '\n');
	for (size_t k = 0; k < e0->n; k++) {
		sx_buf_printf(b, md ? "| %s | %s |" : "%s | %s |", e0->rows[k].idx, e0->rows[k].id);
		for (size_t j = 0; j < n; j++) {
			char *c = S_cell(v[j], e0->rows[k].id, k);
			sx_buf_printf(b, " %s |", c);
			free(c);
		}
		sx_buf_putc(b, '\n');
	}
	for (int t = 0; t < S_T__COUNT; t++) {
		sx_buf_printf(b, md ? "| %s |  |" : "%s | |", S_total_zh[t]);
		for (size_t j = 0; j < n; j++)
			sx_buf_printf(b, " %zu |", S_total(v[j], t));
		sx_buf_putc(b, '\n');
	}
}

static void
S_json_bidder(sx_json *w, const secannex_evaluation *e)
{
	sx_json_begin_object(w);
	sx_json_kv_str(w, "file", e->path);
	sx_json_kv_str(w, "vendor", e->vendor);
	sx_json_kv_str(w, "case", e->case_no);
	sx_json_kv_int(w, "verdict", secannex_evaluation_verdict(e));
	sx_json_key(w, "counts");
	sx_json_begin_object(w);
	for (int t = 0; t < S_T__COUNT; t++)
		sx_json_kv_int(w, S_total_key[t], (long long)S_total(e, t));
	sx_json_end_object(w);
	sx_json_end_object(w);
}

static void
S_json(sx_buf *b, const secannex_evaluation *const *v, size_t n)
{
	sx_json w;

	sx_json_init(&w, b);
	sx_json_begin_object(&w);
	sx_json_kv_str(&w, "detail", v[0]->controls ? "controls" : "requirements");
	sx_json_key(&w, "bidders");
	sx_json_begin_array(&w);
	for (size_t j = 0; j < n; j++) {
		sx_json_newline(&w);
		S_json_bidder(&w, v[j]);
	}
	sx_json_end_array(&w);
	sx_json_key(&w, "rows");
	sx_json_begin_array(&w);
	for (size_t k = 0; k < v[0]->n; k++) {
		sx_json_newline(&w);
		sx_json_begin_object(&w);
		sx_json_kv_str(&w, "index", v[0]->rows[k].idx);
		sx_json_kv_str(&w, "id", v[0]->rows[k].id);
		sx_json_key(&w, "answers");
		sx_json_begin_array(&w);
		for (size_t j = 0; j < n; j++) {
			const sx_erow *x = S_row_of(v[j], v[0]->rows[k].id, k);
			int here = x && x->line;
			sx_json_begin_object(&w);
			sx_json_kv_str(&w, "answer", here ? sx_answer_zh[x->answer] : NULL);
			sx_json_kv_bool(&w, "missing", !here);
			sx_json_kv_bool(&w, "altered", here && x->diff);
			sx_json_kv_bool(&w, "unreadable", here && x->problem);
			sx_json_end_object(&w);
		}
		sx_json_end_array(&w);
		sx_json_end_object(&w);
	}
	sx_json_end_array(&w);
	sx_json_end_object(&w);
	sx_json_newline(&w);
	sx_json_free(&w);
}

char *
secannex_render_comparison(const secannex_evaluation *const *v, size_t n, secannex_format fmt)
{
	sx_buf b = SX_BUF_INIT;

	if (n == 0)
		return sx_strdup("");
	if (fmt == SECANNEX_FORMAT_JSON)
		S_json(&b, v, n);
	else if (fmt == SECANNEX_FORMAT_TEXT || fmt == SECANNEX_FORMAT_MD)
		S_text(&b, v, n, fmt == SECANNEX_FORMAT_MD);
	else
		return NULL;
	return b.ptr ? sx_buf_detach(&b) : sx_strdup("");
}

/* ---- the comparison table (a document: evaluate A B … -o comparison.docx|.odt|.xlsx) ---- */

/* The columns' widths: 項次, 編號, 要求內容, then the bidders share what is left. */
static int *
S_widths(const secannex_evaluation *const *v, size_t n)
{
	int *w = sx_calloc(3 + n, sizeof(*w));
	size_t longest = 0;
	int rest;

	for (size_t k = 0; k < v[0]->n; k++)
		if (strlen(v[0]->rows[k].id) > longest)
			longest = strlen(v[0]->rows[k].id);
	w[0] = 120;
	w[1] = (int)longest * 26 + 60 > 180 ? (int)longest * 26 + 60 : 180;
	w[2] = n <= 3 ? 1000 : 700;
	rest = SX_TEXT_WIDTH_LANDSCAPE - w[0] - w[1] - w[2];
	for (size_t j = 0; j < n; j++)
		w[3 + j] = j + 1 < n ? rest / (int)n : rest - (int)(n - 1) * (rest / (int)n);
	return w;
}

/* The table's rows into T: the header, a row per requirement, the totals. */
static void
S_table_rows(sx_table *t, const secannex_evaluation *const *v, size_t n)
{
	const char **cells = sx_calloc(3 + n, sizeof(*cells));
	char **own = sx_calloc(n, sizeof(*own));

	cells[0] = "項次";
	cells[1] = "編號";
	cells[2] = "要求內容";
	for (size_t j = 0; j < n; j++)
		cells[3 + j] = sx_eval_vendor(v[j]);
	sx_doc_row(t, cells);
	for (size_t k = 0; k < v[0]->n; k++) {
		cells[0] = v[0]->rows[k].idx;
		cells[1] = v[0]->rows[k].id;
		cells[2] = v[0]->rows[k].text;
		for (size_t j = 0; j < n; j++)
			cells[3 + j] = own[j] = S_cell(v[j], v[0]->rows[k].id, k);
		sx_doc_row(t, cells);
		for (size_t j = 0; j < n; j++)
			free(own[j]);
	}
	for (int tt = 0; tt < S_T__COUNT; tt++) {
		cells[0] = "";
		cells[1] = "合計";
		cells[2] = S_total_zh[tt];
		for (size_t j = 0; j < n; j++)
			cells[3 + j] = own[j] = sx_aprintf("%zu", S_total(v[j], tt));
		sx_doc_row(t, cells);
		for (size_t j = 0; j < n; j++)
			free(own[j]);
	}
	free(own);
	free(cells);
}

/* 三、評核簽章 */
static void
S_sign(sx_doc *a)
{
	static const int w[] = { 460, (SX_TEXT_WIDTH_LANDSCAPE - 460) / 2,
		SX_TEXT_WIDTH_LANDSCAPE - 460 - (SX_TEXT_WIDTH_LANDSCAPE - 460) / 2 };
	static const char *const rows[][3] = {
		{ "", "評核委員", "承辦人" },
		{ "簽章", "\n\n", "\n\n" },
		{ "日期", "　　年　　月　　日", "　　年　　月　　日" },
	};
	sx_table *t;

	sx_doc_push(a, SX_BLK_HEADING, "三、評核簽章");
	t = sx_doc_table(a, SX_TBL_GRID, 3, w, 0);
	for (size_t i = 0; i < 3; i++)
		sx_doc_row(t, rows[i]);
}

void
sx_build_comparison(sx_doc *a, const sx_doc_src *src)
{
	static const int wf[] = { 460, SX_TEXT_WIDTH_LANDSCAPE - 460 };
	const secannex_resolution *r = src->res;
	const secannex_evaluation *const *v = src->evals;
	size_t n = src->nevals;
	char *head = sx_tender_title(r, "廠商需求符合性比較表");
	int *w = S_widths(v, n);
	sx_table *t;

	sx_doc_init(a, head, r->type->name, src->epoch_set, src->epoch);
	free(head);
	a->landscape = 1;
	a->sheet = "比較表";
	head = sx_doc_balance(sx_or_empty(r->fields[SX_F_TITLE]), "廠商需求符合性比較表", 40.0);
	sx_doc_push(a, SX_BLK_TITLE, head);
	free(head);
	sx_doc_push(a, SX_BLK_NOTE, "（機關內部評核文件，不對外公開）");
	sx_doc_push(a, SX_BLK_HEADING, "一、案件");
	t = sx_doc_table(a, SX_TBL_FORM, 2, wf, 0);
	{
		char *count = sx_aprintf("%zu家", n);
		const char *rows[][2] = {
			{ "機關", sx_or_empty(r->fields[SX_F_AGENCY]) },
			{ "案號", sx_or_empty(r->fields[SX_F_CASE]) },
			{ "案名", sx_or_empty(r->fields[SX_F_TITLE]) },
			{ "廠商家數", count },
		};
		for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++)
			sx_doc_row(t, rows[i]);
		free(count);
	}
	sx_doc_push(a, SX_BLK_HEADING, "二、逐項比較");
	t = sx_doc_table(a, SX_TBL_GRID, 3 + n, w, 1);
	S_table_rows(t, v, n);
	sx_table_merge_runs(t, 1); /* the totals' 合計 (every id is unique) */
	a->data = sx_table_new(3 + n);
	S_table_rows(a->data, v, n);
	free(w);
	S_sign(a);
	sx_doc_push(a, SX_BLK_PARA, "（以下空白）");
	if (src->fingerprint)
		a->fingerprint = sx_aprintf("文件識別碼（SHA-256）：%s", src->fingerprint);
}

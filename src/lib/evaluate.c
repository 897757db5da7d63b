/* evaluate.c: a vendor's filled-in compliance matrix against the tender's (the matrix's records, made
 * by the same builder): answers per row, rows missing, rows not in the tender, requirement texts
 * altered; the report as text, md or JSON. */
#include <stdlib.h>
#include <string.h>

#include "api.h"
#include "buf.h"
#include "diag.h"
#include "docs.h"
#include "evaluate.h"
#include "i18n.h"
#include "json.h"
#include "resolve.h"
#include "response.h"
#include "textdiff.h"

/* The matrix records' columns (annex.c: 案號, then the document's). */
enum { S_REC_IDX = 1, S_REC_ID = 2, S_REC_TEXT = 4 };

/* The columns of a response's header row (-1: absent). */
typedef struct S_cols {
	long id, text, check, say, proof, case_no;
} S_cols;

void
secannex_evaluation_free(secannex_evaluation *e)
{
	if (e == NULL)
		return;
	for (size_t i = 0; i < e->n; i++) {
		free(e->rows[i].idx);
		free(e->rows[i].id);
		free(e->rows[i].text);
		free(e->rows[i].say);
		free(e->rows[i].proof);
		free(e->rows[i].diff);
	}
	for (size_t i = 0; i < e->nextra; i++)
		free(e->extra[i].id);
	free(e->rows);
	free(e->extra);
	free(e->path);
	free(e->vendor);
	free(e->case_no);
	free(e);
}

/* Cell C of R, normalised (white space), or "" (the caller frees). */
static char *
S_at(const sx_rrow *r, long c)
{
	return sx_ws_normalise(c >= 0 && (size_t)c < r->ncells ? r->cells[c] : NULL);
}

/* The column titled NAME in R, or -1. */
static long
S_col(const sx_rrow *r, const char *name)
{
	for (size_t c = 0; c < r->ncells; c++) {
		char *s = S_at(r, (long)c);
		int same = strcmp(s, name) == 0;
		free(s);
		if (same)
			return (long)c;
	}
	return -1;
}

/* The header row of G (the first with 編號, 要求內容 and 符合情形), its columns in *COLS; -1: none. */
static long
S_header(const sx_grid *g, S_cols *cols)
{
	for (size_t i = 0; i < g->n; i++) {
		const sx_rrow *r = &g->v[i];
		cols->id = S_col(r, "編號");
		cols->text = S_col(r, "要求內容");
		cols->check = S_col(r, "符合情形");
		if (cols->id < 0 || cols->text < 0 || cols->check < 0)
			continue;
		cols->say = S_col(r, "說明");
		cols->proof = S_col(r, "佐證文件及頁碼");
		cols->case_no = S_col(r, "案號");
		return (long)i;
	}
	return -1;
}

/* A label row outside the table (LABEL, then its value in a later cell): the value, or NULL. */
static char *
S_fact(const sx_rrow *r, const char *label)
{
	size_t c = 0;
	char *s = NULL;

	for (; c < r->ncells; c++) {
		free(s);
		s = S_at(r, (long)c);
		if (*s)
			break;
	}
	if (c == r->ncells || strcmp(s, label) != 0) {
		free(s);
		return NULL;
	}
	for (c++; c < r->ncells; c++) {
		free(s);
		s = S_at(r, (long)c);
		if (*s)
			return s;
	}
	free(s);
	return NULL;
}

/* Is row I of G one of the table's body rows (after the header HEAD, in its table)? */
static int
S_body(const sx_grid *g, size_t i, long head)
{
	return head >= 0 && i > (size_t)head && g->v[i].table == g->v[head].table;
}

/* The case facts (案號, 廠商名稱) of the rows outside the table. */
static void
S_facts(secannex_evaluation *e, const sx_grid *g, long head, const S_cols *cols)
{
	for (size_t i = 0; i < g->n; i++) {
		char *v;
		if ((long)i == head || S_body(g, i, head))
			continue;
		if (e->case_no == NULL && (v = S_fact(&g->v[i], "案號")) != NULL)
			e->case_no = v;
		if (e->vendor == NULL && (v = S_fact(&g->v[i], "廠商名稱")) != NULL)
			e->vendor = v;
	}
	/* a CSV's records carry it in a column */
	for (size_t i = (size_t)head + 1; e->case_no == NULL && cols->case_no >= 0 && i < g->n; i++) {
		char *v = S_at(&g->v[i], cols->case_no);
		if (*v)
			e->case_no = v;
		else
			free(v);
	}
}

/* Does any body row's 編號 name a control (ROW/MEASURE.CELLk)? */
static int
S_has_controls(const sx_grid *g, long head, const S_cols *cols)
{
	for (size_t i = 0; i < g->n; i++)
		if (S_body(g, i, head) && cols->id < (long)g->v[i].ncells && g->v[i].cells[cols->id] &&
		    strchr(g->v[i].cells[cols->id], '/'))
			return 1;
	return 0;
}

/* The tender's matrix rows, from the records the matrix's builder makes. */
static void
S_expected(secannex_evaluation *e, const secannex_resolution *r, int draft)
{
	sx_doc_src src;
	sx_doc doc;
	const sx_table *t;

	memset(&src, 0, sizeof(src));
	src.res = r;
	src.draft = draft;
	src.matrix_controls = e->controls;
	sx_build_matrix(&doc, &src);
	t = doc.data;
	e->n = t->nrows > 0 ? t->nrows - 1 : 0;
	e->rows = sx_calloc(e->n ? e->n : 1, sizeof(*e->rows));
	for (size_t i = 0; i < e->n; i++) {
		char *const *row = t->cells + (i + 1) * t->ncols;
		e->rows[i].idx = sx_strdup(row[S_REC_IDX]);
		e->rows[i].id = sx_strdup(row[S_REC_ID]);
		e->rows[i].text = sx_strdup(row[S_REC_TEXT]);
	}
	sx_doc_free(&doc);
}

/* The character diff of the tender's text A and the response's B, inline, or NULL when the same. */
static char *
S_diff(const char *a, const char *b)
{
	sx_dtext dt;
	sx_buf out = SX_BUF_INIT;

	if (strcmp(a, b) == 0)
		return NULL;
	sx_textdiff(&dt, a, b);
	for (size_t i = 0; i < dt.n; i++)
		sx_buf_printf(&out, dt.v[i].op == SX_OP_DEL ? "[-%s-]" : dt.v[i].op == SX_OP_INS ?
		    "{+%s+}" : "%s", dt.v[i].text);
	sx_dtext_free(&dt);
	return out.ptr ? sx_buf_detach(&out) : sx_strdup("");
}

/* Is every cell of R empty? */
static int
S_empty(const sx_rrow *r)
{
	for (size_t c = 0; c < r->ncells; c++) {
		char *s = S_at(r, (long)c);
		int empty = *s == '\0';
		free(s);
		if (!empty)
			return 0;
	}
	return 1;
}

/* The tender's row whose 編號 is ID, or NULL. */
static sx_erow *
S_find(secannex_evaluation *e, const char *id)
{
	for (size_t k = 0; k < e->n; k++)
		if (strcmp(e->rows[k].id, id) == 0)
			return &e->rows[k];
	return NULL;
}

/* One body row R of the response, named ID: its answer, its texts, its requirement compared. */
static void
S_answer(secannex_evaluation *e, sx_erow *x, const sx_rrow *r, const S_cols *cols, secannex_diags *d)
{
	const char *cell = cols->check < (long)r->ncells ? r->cells[cols->check] : NULL;
	char *want = sx_ws_normalise(x->text), *got = S_at(r, cols->text);

	x->line = r->line;
	x->answer = sx_answer_parse(cell, &x->problem);
	if (x->problem != SX_ANSP_OK) {
		char *shown = sx_ws_normalise(cell);
		sx_diag(d, x->problem == SX_ANSP_MANY ? SX_MSG_RESP_MANY : SX_MSG_RESP_UNKNOWN, e->path,
		    r->line, x->id, shown);
		free(shown);
		e->invalid++;
	}
	e->count[x->answer]++;
	x->say = S_at(r, cols->say);
	x->proof = S_at(r, cols->proof);
	if ((x->diff = S_diff(want, got)) != NULL) {
		sx_diag(d, SX_MSG_RESP_ALTERED, e->path, r->line, x->id, x->diff);
		e->altered++;
	}
	free(want);
	free(got);
}

/* Every body row of G (after the header HEAD) matched to the tender's rows by 編號. */
static void
S_match(secannex_evaluation *e, const sx_grid *g, long head, const S_cols *cols, secannex_diags *d)
{
	for (size_t i = 0; i < g->n; i++) {
		const sx_rrow *r = &g->v[i];
		char *id;
		sx_erow *x;
		if (!S_body(g, i, head) || S_empty(r))
			continue;
		id = S_at(r, cols->id);
		if (strcmp(id, "編號") == 0) { /* the header again */
		} else if (*id == '\0') {
			sx_diag(d, SX_MSG_RESP_NO_ID, e->path, r->line);
			e->no_id++;
		} else if ((x = S_find(e, id)) == NULL) {
			sx_diag(d, SX_MSG_RESP_EXTRA, e->path, r->line, id);
			if (e->nextra == e->cap_extra) {
				e->cap_extra = e->cap_extra ? e->cap_extra * 2 : 8;
				e->extra = sx_realloc(e->extra, e->cap_extra * sizeof(*e->extra));
			}
			e->extra[e->nextra].id = id;
			e->extra[e->nextra++].line = r->line;
			id = NULL;
		} else if (x->line) {
			sx_diag(d, SX_MSG_RESP_DUP, e->path, r->line, id, x->line);
			e->dup++;
		} else {
			S_answer(e, x, r, cols, d);
		}
		free(id);
	}
	for (size_t k = 0; k < e->n; k++)
		if (e->rows[k].line == 0) {
			sx_diag(d, SX_MSG_RESP_MISSING, e->path, 0, e->rows[k].id, e->rows[k].idx);
			e->missing++;
		}
}

int
secannex_evaluate(secannex_evaluation **out, const secannex_resolution *r, const char *path,
    const secannex_eval_opts *o, secannex_diags *d)
{
	secannex_evaluation *e = sx_calloc(1, sizeof(*e));
	sx_grid g;
	S_cols cols;
	long head;
	int rc;

	*out = NULL;
	e->path = sx_strdup(path);
	if ((rc = sx_response_read(&g, path, o->max_bytes, d)) != 0)
		goto done;
	e->big5 = g.big5;
	if ((head = S_header(&g, &cols)) < 0) {
		sx_diag(d, SX_MSG_RESP_NO_HEADER, path, 0);
		rc = SECANNEX_EINVALID;
		goto done;
	}
	S_facts(e, &g, head, &cols);
	e->controls = o->matrix_controls >= 0 ? o->matrix_controls : S_has_controls(&g, head, &cols);
	S_expected(e, r, o->draft);
	if (e->case_no && r->fields[SX_F_CASE] && *r->fields[SX_F_CASE]) {
		char *want = sx_ws_normalise(r->fields[SX_F_CASE]);
		if (strcmp(want, e->case_no) != 0) {
			sx_diag(d, SX_MSG_RESP_CASE, path, 0, e->case_no, want);
			e->case_differs = 1;
		}
		free(want);
	}
	S_match(e, &g, head, &cols, d);
	*out = e;
	e = NULL;
done:
	sx_grid_free(&g);
	secannex_evaluation_free(e);
	return rc;
}

int
secannex_evaluation_controls(const secannex_evaluation *e)
{
	return e->controls;
}

int
secannex_evaluation_verdict(const secannex_evaluation *e)
{
	if (e->case_differs || e->missing || e->nextra || e->altered || e->invalid || e->no_id || e->dup)
		return 1;
	for (size_t k = 0; k < e->n; k++)
		if (e->rows[k].answer != SX_ANS_YES)
			return 1;
	return 0;
}

/* ---- the report ---- */

const char *
sx_eval_vendor(const secannex_evaluation *e)
{
	const char *slash = strrchr(e->path, '/');

	return e->vendor ? e->vendor : slash ? slash + 1 : e->path;
}

/* S, then spaces up to WIDTH terminal columns (a character outside ASCII taken as two: the
 * answers are 中文). */
static void
S_padded(sx_buf *b, const char *s, int width)
{
	int cols = 0;

	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if ((*p & 0xC0) != 0x80)
			cols += *p >= 0xE0 ? 2 : 1;
	sx_buf_printf(b, "%s%*s", s, cols < width ? width - cols : 0, "");
}

/* End B's line: trailing spaces dropped, then a newline. */
static void
S_trim(sx_buf *b)
{
	while (b->len > 0 && b->ptr[b->len - 1] == ' ')
		b->ptr[--b->len] = '\0';
	sx_buf_putc(b, '\n');
}

/* The summary line: the counts per answer, then the problems. */
static void
S_counts(sx_buf *b, const secannex_evaluation *e)
{
	for (int a = SX_ANS_YES; a <= SX_ANS_NO; a++)
		sx_buf_printf(b, "%s %zu%s", sx_answer_zh[a], e->count[a], _(", "));
	/* TRANSLATORS: between the counts of the answers and those of the problems */
	sx_buf_printf(b, "%s %zu%s", sx_answer_zh[SX_ANS_NONE], e->count[SX_ANS_NONE], _("; "));
	sx_buf_printf(b, _("missing %zu, not in the tender %zu, altered %zu, unreadable answers %zu"),
	    e->missing, e->nextra, e->altered, e->invalid);
	sx_buf_putc(b, '\n');
}

static void
S_text(sx_buf *b, const secannex_evaluation *e, int md)
{
	sx_buf_printf(b, md ? "# %s：%s\n\n" : "%s：%s\n", "需求符合性對照表評核", sx_eval_vendor(e));
	sx_buf_printf(b, md ? "- %s\n- " : "%s\n", e->path);
	sx_buf_printf(b, _("case %s, %zu rows (%s)"), e->case_no ? e->case_no : "-", e->n,
	    e->controls ? "controls" : "requirements");
	sx_buf_puts(b, md ? "\n- " : "\n");
	S_counts(b, e);
	sx_buf_puts(b, md ? "\n| 項次 | 編號 | 符合情形 | 說明 | 佐證文件及頁碼 |\n|---|---|---|---|---|\n" : "\n");
	for (size_t k = 0; k < e->n; k++) {
		const sx_erow *x = &e->rows[k];
		const char *ans = x->line == 0 ? _("(missing)") : x->problem ? _("(unreadable)") :
		    sx_answer_zh[x->answer];
		if (md) {
			sx_buf_printf(b, "| %s | %s | %s | %s | %s |\n", x->idx, x->id, ans,
			    x->say ? x->say : "", x->proof ? x->proof : "");
		} else {
			sx_buf_printf(b, "%-6s %-18s ", x->idx, x->id);
			S_padded(b, ans, 12);
			sx_buf_printf(b, "%s%s%s", x->say ? x->say : "", x->proof && *x->proof ? " | " : "",
			    x->proof ? x->proof : "");
			S_trim(b);
		}
		if (x->diff)
			sx_buf_printf(b, md ? "|  | %s | %s | %s |  |\n" : "%26s%s %s\n", "", _("altered:"),
			    x->diff);
	}
	for (size_t i = 0; i < e->nextra; i++)
		sx_buf_printf(b, md ? "|  | %s | %s |  |  |\n" : "       %-18s %s\n", e->extra[i].id,
		    _("(not in the tender)"));
}

static void
S_json_row(sx_json *w, const sx_erow *x)
{
	sx_json_begin_object(w);
	sx_json_kv_str(w, "index", x->idx);
	sx_json_kv_str(w, "id", x->id);
	sx_json_kv_int(w, "line", x->line);
	sx_json_kv_bool(w, "missing", x->line == 0);
	sx_json_kv_str(w, "answer", x->line ? sx_answer_zh[x->answer] : NULL);
	sx_json_kv_str(w, "problem", x->problem == SX_ANSP_MANY ? "many" : x->problem ? "unknown" : NULL);
	sx_json_kv_str(w, "explanation", x->say);
	sx_json_kv_str(w, "evidence", x->proof);
	sx_json_kv_bool(w, "altered", x->diff != NULL);
	sx_json_kv_str(w, "diff", x->diff);
	sx_json_end_object(w);
}

static void
S_json(sx_buf *b, const secannex_evaluation *e)
{
	static const char *const keys[SX_ANS__COUNT] = { "unanswered", "yes", "partial", "no" };
	sx_json w;

	sx_json_init(&w, b);
	sx_json_begin_object(&w);
	sx_json_kv_str(&w, "file", e->path);
	sx_json_kv_str(&w, "vendor", e->vendor);
	sx_json_kv_str(&w, "case", e->case_no);
	sx_json_kv_str(&w, "detail", e->controls ? "controls" : "requirements");
	sx_json_kv_bool(&w, "big5", e->big5);
	sx_json_kv_int(&w, "verdict", secannex_evaluation_verdict(e));
	sx_json_key(&w, "counts");
	sx_json_begin_object(&w);
	for (int a = 0; a < SX_ANS__COUNT; a++)
		sx_json_kv_int(&w, keys[a], (long long)e->count[a]);
	sx_json_kv_int(&w, "missing", (long long)e->missing);
	sx_json_kv_int(&w, "extra", (long long)e->nextra);
	sx_json_kv_int(&w, "altered", (long long)e->altered);
	sx_json_kv_int(&w, "invalid", (long long)e->invalid);
	sx_json_end_object(&w);
	sx_json_key(&w, "rows");
	sx_json_begin_array(&w);
	for (size_t k = 0; k < e->n; k++) {
		sx_json_newline(&w);
		S_json_row(&w, &e->rows[k]);
	}
	sx_json_end_array(&w);
	sx_json_key(&w, "extra");
	sx_json_begin_array(&w);
	for (size_t i = 0; i < e->nextra; i++) {
		sx_json_begin_object(&w);
		sx_json_kv_str(&w, "id", e->extra[i].id);
		sx_json_kv_int(&w, "line", e->extra[i].line);
		sx_json_end_object(&w);
	}
	sx_json_end_array(&w);
	sx_json_end_object(&w);
	sx_json_newline(&w);
	sx_json_free(&w);
}

char *
secannex_render_evaluation(const secannex_evaluation *e, secannex_format fmt)
{
	sx_buf b = SX_BUF_INIT;

	if (fmt == SECANNEX_FORMAT_JSON)
		S_json(&b, e);
	else if (fmt == SECANNEX_FORMAT_TEXT || fmt == SECANNEX_FORMAT_MD)
		S_text(&b, e, fmt == SECANNEX_FORMAT_MD);
	else
		return NULL;
	return b.ptr ? sx_buf_detach(&b) : sx_strdup("");
}

/* ---- the committee's evaluation record (a document: -o evaluation.docx|.odt) ---- */

/* 一、案件及廠商 */
static void
S_rec_facts(sx_doc *a, const secannex_evaluation *e, const secannex_resolution *r)
{
	static const int w[] = { 460, SX_TEXT_WIDTH_LANDSCAPE - 460 };
	const char *slash = strrchr(e->path, '/');
	const char *rows[][2] = {
		{ "機關", sx_or_empty(r->fields[SX_F_AGENCY]) },
		{ "案號", sx_or_empty(r->fields[SX_F_CASE]) },
		{ "案名", sx_or_empty(r->fields[SX_F_TITLE]) },
		{ "廠商", sx_eval_vendor(e) },
		{ "回應檔案", slash ? slash + 1 : e->path },
		{ "對照表形式", e->controls ? "逐項要求，並逐一列出附表十控制措施" : "逐項要求" },
	};
	sx_table *t;

	sx_doc_push(a, SX_BLK_HEADING, "一、案件及廠商");
	t = sx_doc_table(a, SX_TBL_FORM, 2, w, 0);
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++)
		sx_doc_row(t, rows[i]);
}

/* 二、評核結果摘要: the counts and the conclusion. */
static void
S_rec_summary(sx_doc *a, const secannex_evaluation *e)
{
	static const int w[] = { 460, SX_TEXT_WIDTH_LANDSCAPE - 460 };
	static const char *const label[] = { "缺漏項目", "非本案項目", "要求內容遭修改", "符合情形無法判讀" };
	size_t n[] = { e->missing, e->nextra, e->altered, e->invalid };
	sx_table *t;
	char num[32];

	sx_doc_push(a, SX_BLK_HEADING, "二、評核結果摘要");
	t = sx_doc_table(a, SX_TBL_FORM, 2, w, 0);
	for (int k = SX_ANS_YES; k <= SX_ANS__COUNT; k++) {
		const char *cells[2] = { sx_answer_zh[k % SX_ANS__COUNT], num };
		snprintf(num, sizeof(num), "%zu", e->count[k % SX_ANS__COUNT]);
		sx_doc_row(t, cells);
	}
	for (size_t i = 0; i < sizeof(n) / sizeof(n[0]); i++) {
		const char *cells[2] = { label[i], num };
		snprintf(num, sizeof(num), "%zu", n[i]);
		sx_doc_row(t, cells);
	}
	sx_doc_push(a, SX_BLK_PARA, secannex_evaluation_verdict(e) == 0 ?
	    "結論：各項均填答「符合」，且無缺漏、增列或修改要求內容之情形。" :
	    "結論：尚有未填答「符合」之項目或缺漏、增列、修改要求內容等情形，請評核委員逐項審酌。");
}

/* 評核意見 of row X (the caller frees). */
static char *
S_rec_note(const sx_erow *x)
{
	if (x->line == 0)
		return sx_strdup("回應中缺漏本項。");
	if (x->diff)
		return sx_aprintf("要求內容與招標文件不同（[-招標文件-]{+廠商回應+}）：%s", x->diff);
	if (x->problem == SX_ANSP_MANY)
		return sx_strdup("符合情形勾選超過一項，視為未填。");
	if (x->problem)
		return sx_strdup("符合情形無法判讀，視為未填。");
	return sx_strdup("");
}

/* 三、逐項評核: a row per requirement, 評核意見 prefilled with what was found, for the committee. */
static void
S_rec_rows(sx_doc *a, const secannex_evaluation *e)
{
	static const char *const head[] = { "項次", "編號", "符合情形", "廠商說明", "佐證文件及頁碼", "評核意見" };
	int w[] = { 120, 180, 300, 0, 420, 800 };
	size_t longest = 0;
	sx_table *t;

	for (size_t k = 0; k < e->n; k++)
		if (strlen(e->rows[k].id) > longest)
			longest = strlen(e->rows[k].id);
	if ((int)longest * 26 + 60 > w[1])
		w[1] = (int)longest * 26 + 60;
	w[3] = SX_TEXT_WIDTH_LANDSCAPE - w[0] - w[1] - w[2] - w[4] - w[5];
	sx_doc_push(a, SX_BLK_HEADING, "三、逐項評核");
	t = sx_doc_table(a, SX_TBL_GRID, 6, w, 1);
	sx_doc_row(t, head);
	for (size_t k = 0; k < e->n; k++) {
		const sx_erow *x = &e->rows[k];
		char *note = S_rec_note(x);
		const char *cells[6] = { x->idx, x->id, x->line == 0 ? "（缺漏）" : x->problem ?
			"（無法判讀）" : sx_answer_zh[x->answer], sx_or_empty(x->say), sx_or_empty(x->proof), note };
		sx_doc_row(t, cells);
		free(note);
	}
}

/* 四、非本案項目 (when any), then the committee's signatures; the tender's fingerprint. */
static void
S_rec_end(sx_doc *a, const secannex_evaluation *e)
{
	static const int w2[] = { 600, SX_TEXT_WIDTH_LANDSCAPE - 600 };
	static const int w3[] = { 460, (SX_TEXT_WIDTH_LANDSCAPE - 460) / 2,
		SX_TEXT_WIDTH_LANDSCAPE - 460 - (SX_TEXT_WIDTH_LANDSCAPE - 460) / 2 };
	static const char *const sign[][3] = {
		{ "", "評核委員", "承辦人" },
		{ "簽章", "\n\n", "\n\n" },
		{ "日期", "　　年　　月　　日", "　　年　　月　　日" },
	};
	const char *sec = "四";
	sx_table *t;

	if (e->nextra) {
		static const char *const head[] = { "編號", "回應中之位置" };
		sx_doc_push(a, SX_BLK_HEADING, "四、非本案項目");
		t = sx_doc_table(a, SX_TBL_GRID, 2, w2, 1);
		sx_doc_row(t, head);
		for (size_t i = 0; i < e->nextra; i++) {
			char *where = sx_aprintf("第%d列", e->extra[i].line);
			const char *cells[2] = { e->extra[i].id, where };
			sx_doc_row(t, cells);
			free(where);
		}
		sec = "五";
	}
	sx_doc_pushf(a, SX_BLK_HEADING, "%s、評核簽章", sec);
	t = sx_doc_table(a, SX_TBL_GRID, 3, w3, 0);
	for (size_t i = 0; i < 3; i++)
		sx_doc_row(t, sign[i]);
}

void
sx_build_evaluation(sx_doc *a, const sx_doc_src *src)
{
	const secannex_resolution *r = src->res;
	const secannex_evaluation *e = src->eval;
	char *head = sx_tender_title(r, "廠商需求符合性評核紀錄");

	sx_doc_init(a, head, r->type->name, src->epoch_set, src->epoch);
	free(head);
	a->landscape = 1;
	head = sx_doc_balance(sx_or_empty(r->fields[SX_F_TITLE]), "廠商需求符合性評核紀錄", 40.0);
	sx_doc_push(a, SX_BLK_TITLE, head);
	free(head);
	sx_doc_push(a, SX_BLK_NOTE, "（機關內部評核文件，不對外公開）");
	S_rec_facts(a, e, r);
	S_rec_summary(a, e);
	S_rec_rows(a, e);
	S_rec_end(a, e);
	sx_doc_push(a, SX_BLK_PARA, "（以下空白）");
	/* the matrix issued carries the same (the tender's resolution): the committee can match them */
	if (src->fingerprint)
		a->fingerprint = sx_aprintf("文件識別碼（SHA-256）：%s", src->fingerprint);
}

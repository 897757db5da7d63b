/* agencydoc.c: the agency's own documents, built from the 分級辦法 and an agency's facts: the
 * 附表一～八 duties checklist, the 附表十 self-check of one system and the 附表九 grading worksheet
 * (the regulation's texts verbatim; the agency's answers in columns and boxes of their own). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "docs.h"

/* The document's date in 民國 (中華民國115年11月20日), or a date line to fill in. */
static char *
S_date(const sx_doc_src *src)
{
	char *roc = src->date ? sx_roc_date(src->date) : NULL;

	return roc ? roc : sx_strdup("中華民國　　　年　　　月　　　日");
}

/* The title's line: 18 pt holds 26 full-width characters on a portrait line, 40 on a landscape one. */
static void
S_title(sx_doc *a, const char *head, const char *tail)
{
	char *t = sx_doc_balance(sx_or_empty(head), tail, a->landscape ? 40.0 : 26.0);

	sx_doc_push(a, SX_BLK_TITLE, t);
	free(t);
}

/* The facts block: label | value rows (N of them, ROWS[i][0] the label). */
static void
S_facts(sx_doc *a, const char *const (*rows)[2], size_t n)
{
	int w[] = { 460, SX_DOC_WIDTH(a) - 460 };
	sx_table *t = sx_doc_table(a, SX_TBL_FORM, 2, w, 0);

	for (size_t i = 0; i < n; i++)
		sx_doc_row(t, rows[i]);
}

/* A numbered item as the regulation words it: 「一、text」, or the text alone. */
static void
S_numbered(sx_buf *b, const sx_numbered *x)
{
	if (x->n)
		sx_buf_printf(b, "%s、%s", x->n, x->text);
	else
		sx_buf_puts(b, x->text);
}

/* A block's items, one a line (caller frees). */
static char *
S_block(const sx_block *blk)
{
	sx_buf b = SX_BUF_INIT;

	for (size_t i = 0; i < blk->n; i++) {
		if (i)
			sx_buf_putc(&b, '\n');
		S_numbered(&b, &blk->v[i]);
	}
	return b.ptr ? sx_buf_detach(&b) : sx_strdup("");
}

/* 備註 below the table, verbatim: each remark a paragraph of its own (and a line below the
 * workbook's records). */
static void
S_remarks(sx_doc *a, const sx_numbered *v, size_t n)
{
	const char *head = "備註：";

	if (n == 0)
		return;
	sx_doc_push(a, SX_BLK_PARA, head);
	a->data_notes = sx_table_new(1);
	sx_doc_row(a->data_notes, &head);
	for (size_t i = 0; i < n; i++) {
		sx_buf b = SX_BUF_INIT;
		const char *line;
		S_numbered(&b, &v[i]);
		line = b.ptr;
		sx_doc_push(a, SX_BLK_NOTE, line);
		sx_doc_row(a->data_notes, &line);
		sx_buf_free(&b);
	}
}

/* Merge column COL of T over rows R..R+N-1 (N > 1): the first cell spans them, the others are
 * covered (after every row is added). */
static void
S_merge(sx_table *t, size_t r, size_t col, size_t n)
{
	if (n < 2)
		return;
	if (t->vspan == NULL)
		t->vspan = sx_calloc(t->nrows * t->ncols, sizeof(int));
	t->vspan[r * t->ncols + col] = (int)n;
	for (size_t k = 1; k < n; k++)
		t->vspan[(r + k) * t->ncols + col] = -1;
}

/* Column REST of the N columns of widths W takes what the others leave of the landscape width. */
static void
S_fill_width(int *w, size_t n, size_t rest)
{
	w[rest] = SX_TEXT_WIDTH_LANDSCAPE;
	for (size_t c = 0; c < n; c++)
		if (c != rest)
			w[rest] -= w[c];
}

/* The sign-off block: 填表人, 單位主管 and 資安長, each with a signature and a date. */
static void
S_signoff(sx_doc *a)
{
	int rest = SX_DOC_WIDTH(a) - 260, w[] = { 260, rest / 3, rest / 3, rest - 2 * (rest / 3) };
	static const char *const rows[][4] = {
		{ "", "填表人", "單位主管", "資安長" },
		{ "簽章", "\n\n\n", "\n\n\n", "\n\n\n" },
		{ "日期", "　　年　　月　　日", "　　年　　月　　日", "　　年　　月　　日" },
	};
	sx_table *t;

	sx_doc_push(a, SX_BLK_HEADING, "簽核");
	t = sx_doc_table(a, SX_TBL_GRID, 4, w, 1);
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++)
		sx_doc_row(t, rows[i]);
}

/* ---- the 附表一～八 duties checklist ---- */

enum { S_DU_ASPECT, S_DU_DUTY, S_DU_DETAIL, S_DU_CONTENT, S_DU_STATE, S_DU_DONE, S_DU_UNIT, S_DU_PROOF,
	S_DU_COLS };
static const char *const S_du_head[S_DU_COLS] = { "制度面向", "辦理項目", "細項", "辦理內容", "辦理情形",
	"完成日期", "負責單位", "佐證資料" };
static const char *const S_du_answers[] = { "已辦理", "辦理中", "未辦理", NULL };
static const sx_col S_du_cols[S_DU_COLS] = { { 0, NULL }, { 0, NULL }, { 0, NULL }, { SX_COL_WIDE, NULL },
	{ SX_COL_ANSWER, S_du_answers }, { SX_COL_ANSWER, NULL }, { SX_COL_ANSWER, NULL },
	{ SX_COL_ANSWER, NULL } };
static const char S_du_boxes[] = "□已辦理\n□辦理中\n□未辦理";

/* The checklist's rows into T (the records' when RECORDS: no boxes): a row per leaf of the 附表 (a
 * 細項, or a 辦理項目 without any); in the document the 制度面向, the 辦理項目 and a 辦理內容 that the
 * 細項 share are merged over their rows, as the 附表 merges them. */
static void
S_du_rows(sx_table *t, const sx_duty_table *dt, int records)
{
	for (size_t i = 0; i < dt->nduties; i++) {
		const sx_duty *du = &dt->duties[i];
		size_t n = du->ndetails ? du->ndetails : 1, first = t->nrows;
		char *shared = du->content.n ? S_block(&du->content) : NULL;
		for (size_t k = 0; k < n; k++) {
			char *own = shared ? NULL : S_block(&du->details[k].content);
			const char *cells[S_DU_COLS] = { du->aspect, du->name,
				du->ndetails ? du->details[k].name : "", shared ? shared : own,
				records ? "" : S_du_boxes, "", "", "" };
			sx_doc_row(t, cells);
			free(own);
		}
		free(shared);
		if (!records) {
			S_merge(t, first, S_DU_DUTY, n);
			if (du->content.n)
				S_merge(t, first, S_DU_CONTENT, n);
		}
	}
	if (!records)
		sx_table_merge_runs(t, S_DU_ASPECT);
}

void
sx_build_duties(sx_doc *out, const sx_doc_src *src)
{
	const secannex_agency_facts *f = src->facts;
	const sx_regulation *reg = src->cat->reg;
	const sx_duty_table *dt = sx_duties_find(reg, f->level, f->kind);
	int w[S_DU_COLS] = { 200, 320, 300, 0, 260, 220, 220, 260 };
	char *title = sx_aprintf("%s%s檢核表", sx_or_empty(f->agency), dt->title), *level, *basis, *date;
	sx_table *t;

	sx_doc_init(out, title, dt->label, src->epoch_set, src->epoch);
	free(title);
	out->landscape = 1;
	title = sx_aprintf("%s檢核表", dt->title);
	S_title(out, f->agency, title);
	free(title);
	level = sx_aprintf("%s級", sx_level_names[f->level]);
	basis = sx_aprintf("%s%s（%s）", reg->title, dt->label, dt->title);
	date = S_date(src);
	{
		const char *const rows[][2] = { { "機關", sx_or_empty(f->agency) }, { "責任等級", level },
			{ "機關類別", sx_kind_zh[f->kind] }, { "依據", basis }, { "日期", date } };
		S_facts(out, rows, sizeof(rows) / sizeof(rows[0]));
	}
	free(level);
	free(basis);
	free(date);
	sx_doc_pushf(out, SX_BLK_PARA, "下表照錄%s%s之應辦事項；請逐項於「辦理情形」欄勾選「已辦理」、「辦理中」或「未辦理」之一，並填寫完成日期（辦理中者為預定完成日期）、負責單位及佐證資料。",
	    reg->title, dt->label);
	S_fill_width(w, S_DU_COLS, S_DU_CONTENT);
	t = sx_doc_table(out, SX_TBL_GRID, S_DU_COLS, w, 1);
	sx_doc_row(t, S_du_head);
	S_du_rows(t, dt, 0);
	S_remarks(out, dt->remarks, dt->nremarks);
	sx_doc_push(out, SX_BLK_PARA, "（以下空白）");
	out->data = sx_table_new(S_DU_COLS);
	sx_doc_row(out->data, S_du_head);
	S_du_rows(out->data, dt, 1);
	out->cols = S_du_cols;
	out->sheet = "應辦事項";
}

/* ---- the 附表十 self-check of one system ---- */

enum { S_SC_AREA, S_SC_MEASURE, S_SC_CONTROL, S_SC_STATE, S_SC_SAY, S_SC_PROOF, S_SC_COLS };
static const char *const S_sc_head[S_SC_COLS] = { "構面", "措施", "控制措施", "符合情形", "說明",
	"佐證資料" };
static const char *const S_sc_answers[] = { "符合", "部分符合", "不符合", NULL };
static const sx_col S_sc_cols[S_SC_COLS] = { { 0, NULL }, { 0, NULL }, { SX_COL_WIDE, NULL },
	{ SX_COL_ANSWER, S_sc_answers }, { SX_COL_ANSWER, NULL }, { SX_COL_ANSWER, NULL } };
static const char S_sc_boxes[] = "□符合\n□部分符合\n□不符合";
/* 符合情形 of an inclusion item (its controls follow, each answered) and of a 「無要求」 cell */
static const char S_sc_see_below[] = "見下列各項";
static const char S_sc_none[] = "—";

/* A control's text as the annex's appendix shows it: indented 「　　」 per inclusion level, an included
 * cell's items labelled with their grades, each item numbered as in 附表十 (caller frees). */
static char *
S_sc_text(const sx_control *c)
{
	sx_buf b = SX_BUF_INIT;

	for (unsigned d = 0; d < c->depth; d++)
		sx_buf_puts(&b, "　　");
	if (c->depth > 0) {
		sx_buf_puts(&b, "（等級");
		sx_baseline_grades(&b, c->grades, 1);
		sx_buf_puts(&b, "）");
	}
	if (c->entry == NULL)
		sx_buf_puts(&b, c->cell->none_text);
	else
		S_numbered(&b, &(sx_numbered){ c->entry->n, c->entry->text });
	return sx_buf_detach(&b);
}

/* The rows of AREA at grade G into T (the records' when RECORDS): one per item of each measure's
 * nested list; in the document the area and each measure merged over their rows. */
static void
S_sc_area(sx_table *t, const sx_area *area, secannex_grade g, int records)
{
	size_t first = t->nrows;

	for (size_t m = 0; m < area->nmeasures; m++) {
		const sx_measure *me = &area->measures[m];
		size_t n, mfirst = t->nrows;
		sx_control *ctl = sx_baseline_resolve(me, g, &n);
		char *name = sx_aprintf("%s\n(%s)", me->name, me->id);
		for (size_t k = 0; k < n; k++) {
			char *text = S_sc_text(&ctl[k]);
			const char *state = ctl[k].entry == NULL ? S_sc_none : ctl[k].is_include ?
			    S_sc_see_below : records ? "" : S_sc_boxes;
			const char *cells[S_SC_COLS] = { area->name, name, text, state, "", "" };
			sx_doc_row(t, cells);
			free(text);
		}
		if (!records)
			S_merge(t, mfirst, S_SC_MEASURE, n);
		free(name);
		free(ctl);
	}
	if (!records)
		S_merge(t, first, S_SC_AREA, t->nrows - first);
}

/* The self-check's rows into T: every area (or only ONLY) at grade G. */
static void
S_sc_rows(sx_table *t, const sx_regulation *reg, const sx_area *only, secannex_grade g, int records)
{
	for (size_t i = 0; i < reg->nareas; i++)
		if (only == NULL || only == &reg->areas[i])
			S_sc_area(t, &reg->areas[i], g, records);
}

void
sx_build_selfcheck(sx_doc *out, const sx_doc_src *src)
{
	const secannex_agency_facts *f = src->facts;
	const sx_regulation *reg = src->cat->reg;
	const sx_area *only = f->area ? sx_area_find(reg, f->area) : NULL;
	const char *g = sx_grade_zh[f->grade];
	int w[S_SC_COLS] = { 220, 300, 0, 260, 420, 320 };
	char *title = sx_aprintf("%s資通系統防護基準自我檢核表", sx_or_empty(f->system)), *grade, *scope, *basis,
	    *date;
	sx_table *t;

	sx_doc_init(out, title, reg->baseline_label, src->epoch_set, src->epoch);
	free(title);
	out->landscape = 1;
	S_title(out, f->system, "資通系統防護基準自我檢核表");
	grade = sx_aprintf("「%s」", g);
	scope = only ? sx_aprintf("%s（%s）", only->name, only->id) : sx_strdup("全部構面");
	basis = sx_aprintf("%s%s（%s）", reg->title, reg->baseline_label, reg->baseline_title);
	date = S_date(src);
	{
		const char *const rows[][2] = { { "機關", sx_or_empty(f->agency) },
			{ "資通系統名稱", sx_or_empty(f->system) }, { "防護需求等級", grade },
			{ "檢核範圍", scope }, { "依據", basis }, { "日期", date } };
		S_facts(out, rows, sizeof(rows) / sizeof(rows[0]));
	}
	free(grade);
	free(scope);
	free(basis);
	free(date);
	sx_doc_pushf(out, SX_BLK_PARA, "下表照錄%s%s防護需求等級「%s」之控制措施，其中「等級「X」之所有控制措施」所含括者列於其下，縮排並標示其等級；請逐項於「符合情形」欄勾選「符合」、「部分符合」或「不符合」之一，於「說明」欄敘明辦理方式（部分符合或不符合者，並敘明差異及改善規劃），於「佐證資料」欄載明佐證文件。",
	    reg->title, reg->baseline_label, g);
	S_fill_width(w, S_SC_COLS, S_SC_CONTROL);
	t = sx_doc_table(out, SX_TBL_GRID, S_SC_COLS, w, 1);
	sx_doc_row(t, S_sc_head);
	S_sc_rows(t, reg, only, f->grade, 0);
	S_remarks(out, reg->baseline_remarks, reg->nbaseline_remarks);
	S_signoff(out);
	sx_doc_push(out, SX_BLK_PARA, "（以下空白）");
	out->data = sx_table_new(S_SC_COLS);
	sx_doc_row(out->data, S_sc_head);
	S_sc_rows(out->data, reg, only, f->grade, 1);
	out->cols = S_sc_cols;
	out->sheet = "自我檢核";
}

/* ---- the 附表九 grading worksheet ---- */

/* The four dimensions, each with its 普, 中 and 高 criteria and the chosen one marked ■ (the others
 * □); the dimension and its rationale merged over its three rows. */
static void
S_gr_table(sx_doc *a, const sx_regulation *reg, const secannex_agency_facts *f)
{
	static const int w[] = { 260, 160, 800, 480 };
	static const char *const head[] = { "構面", "等級", "判定基準", "評估理由" };
	sx_table *t = sx_doc_table(a, SX_TBL_GRID, 4, w, 1);

	sx_doc_row(t, head);
	for (size_t i = 0; i < reg->ndims && i < SX_DIM__COUNT; i++) {
		const sx_dimension *dm = &reg->dims[i];
		size_t first = t->nrows;
		for (int g = 0; g < 3; g++) {
			char mark[32];
			snprintf(mark, sizeof(mark), "%s%s", (int)f->dims[i] == g ? "■" : "□", sx_grade_zh[g]);
			{
				const char *cells[] = { dm->name, mark, dm->text[g], sx_or_empty(f->why[i]) };
				sx_doc_row(t, cells);
			}
		}
		S_merge(t, first, 0, 3);
		S_merge(t, first, 3, 3);
	}
}

/* 評估結果: the grade (the highest of the four) and the dimensions that set it. */
static void
S_gr_result(sx_doc *a, const sx_regulation *reg, const secannex_agency_facts *f)
{
	int v[SX_DIM__COUNT], g;
	sx_buf by = SX_BUF_INIT;

	for (int i = 0; i < SX_DIM__COUNT; i++)
		v[i] = (int)f->dims[i];
	g = sx_grade_of_dims(v);
	for (size_t i = 0; i < reg->ndims && i < SX_DIM__COUNT; i++)
		if (v[i] == g)
			sx_buf_printf(&by, "%s%s", by.len ? "、" : "", reg->dims[i].name);
	sx_doc_push(a, SX_BLK_HEADING, "評估結果");
	sx_doc_pushf(a, SX_BLK_PARA, "系統防護需求等級：「%s」", sx_grade_zh[g]);
	sx_doc_pushf(a, SX_BLK_PARA, "依%s%s，取各構面防護需求等級之最高者；本系統之等級由%s構面定之（等級「%s」）。",
	    reg->title, reg->grading_label, by.ptr, sx_grade_zh[g]);
	sx_buf_free(&by);
}

void
sx_build_grading(sx_doc *out, const sx_doc_src *src)
{
	const secannex_agency_facts *f = src->facts;
	const sx_regulation *reg = src->cat->reg;
	char *title = sx_aprintf("%s資通系統防護需求分級評估表", sx_or_empty(f->system)), *basis, *date;

	sx_doc_init(out, title, reg->grading_label, src->epoch_set, src->epoch);
	free(title);
	S_title(out, f->system, "資通系統防護需求分級評估表");
	basis = sx_aprintf("%s%s（%s）", reg->title, reg->grading_label, reg->grading_title);
	date = S_date(src);
	{
		const char *const rows[][2] = { { "機關", sx_or_empty(f->agency) },
			{ "資通系統名稱", sx_or_empty(f->system) }, { "依據", basis }, { "日期", date } };
		S_facts(out, rows, sizeof(rows) / sizeof(rows[0]));
	}
	free(basis);
	free(date);
	sx_doc_pushf(out, SX_BLK_PARA, "分級原則：%s", reg->grading_remark);
	sx_doc_push(out, SX_BLK_PARA, "下表照錄各構面之判定基準；所選等級標示「■」，並於「評估理由」欄敘明理由。");
	S_gr_table(out, reg, f);
	S_gr_result(out, reg, f);
	S_signoff(out);
	sx_doc_push(out, SX_BLK_PARA, "（以下空白）");
}

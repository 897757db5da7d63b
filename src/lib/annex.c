/* annex.c: the public tender documents (the 資通安全需求 annex and the vendor matrix) as document
 * models, built from one tender's resolution: contract language around verbatim rows, and nothing
 * that only the agency may see (reasons, statuses, the agency's decision notes). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "docs.h"

/* A row in a public document: required or selected (and, in a draft, the pending ▲ rows). */
static int
S_public(const sx_row *row, int draft)
{
	return sx_row_in_annex(row) || (draft && row->status == SX_ST_PENDING);
}

char *
sx_tender_date(const secannex_resolution *r)
{
	const char *iso = r->fields[SX_F_DATE];
	char *roc = iso ? sx_roc_date(iso) : NULL;

	return roc ? roc : sx_strdup(sx_or_empty(iso));
}

char *
sx_tender_title(const secannex_resolution *r, const char *what)
{
	return sx_aprintf("%s%s", sx_or_empty(r->fields[SX_F_TITLE]), what);
}

/* The title style's line: 18 pt on the 170 mm text width holds 26 full-width characters. */
#define S_TITLE_PER_LINE 26.0

char *
sx_tender_title_lines(const secannex_resolution *r, const char *what)
{
	return sx_doc_balance(sx_or_empty(r->fields[SX_F_TITLE]), what, S_TITLE_PER_LINE);
}

char *
sx_tender_place(const sx_row *row)
{
	const sx_item *it = row->item;

	return sx_aprintf("第%zu項\n(%s)", it->index - it->group->first + 1, it->id);
}

/* The public header block: the tender's facts that bidders need. */
static void
S_header(sx_doc *a, const secannex_resolution *r)
{
	static const int w[] = { 460, 1240 };
	const sx_procurement *p = r->cat->proc;
	sx_table *t = sx_doc_table(a, SX_TBL_FORM, 2, w, 0);
	char *g, *ty, *src, *date = sx_tender_date(r);

	g = r->baseline_given ? sx_aprintf("%s（防護基準：附表十等級「%s」）", sx_grade_zh[r->grade],
	    sx_grade_zh[r->baseline]) : sx_strdup(sx_grade_zh[r->grade]);
	ty = sx_aprintf("%s", r->type->name);
	src = sx_aprintf("%s（%s%s）\n%s附表十", p->title, p->edition, p->version, r->cat->reg->title);
	{
		const char *rows[][2] = {
			{ "機關", sx_or_empty(r->fields[SX_F_AGENCY]) },
			{ "案號", sx_or_empty(r->fields[SX_F_CASE]) },
			{ "案名", sx_or_empty(r->fields[SX_F_TITLE]) },
			{ "採購類型", ty },
			{ "系統防護需求等級", g },
			{ "依據", src },
			{ "日期", date },
		};
		for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++)
			sx_doc_row(t, rows[i]);
	}
	free(g);
	free(ty);
	free(src);
	free(date);
}

/* What the public sections need to know about the rows. */
typedef struct S_counts {
	size_t quals, reqs;
	int any_controls;
} S_counts;

static void
S_count(S_counts *c, const secannex_resolution *r, int draft)
{
	memset(c, 0, sizeof(*c));
	for (size_t i = 0; i < r->nrows; i++) {
		const sx_row *row = &r->rows[i];
		if (!S_public(row, draft))
			continue;
		c->quals += row->qualification;
		c->reqs += !row->qualification;
		c->any_controls |= sx_row_in_annex(row) && row->ncontrols > 0;
	}
}

/* 一、通則: the contract language that binds the contractor to every listed item. */
static void
S_general(sx_doc *a, const secannex_resolution *r, const S_counts *c, unsigned sec)
{
	const sx_procurement *p = r->cat->proc;
	char num[16];
	unsigned k = 0, n = 0;

	sx_zh_num(num, sizeof(num), sec);
	sx_doc_pushf(a, SX_BLK_HEADING, "%s、通則", num);
	sx_zh_num(num, sizeof(num), ++k);
	sx_doc_pushf(a, SX_BLK_PARA, "（%s）得標廠商（以下簡稱廠商）應辦理本附件所列各項資通安全要求事項，並於履約期間持續符合；本附件為契約之一部分，廠商應配合機關辦理查核、稽核及驗收，並提出佐證資料。",
	    num);
	sx_zh_num(num, sizeof(num), ++k);
	sx_doc_pushf(a, SX_BLK_PARA, "（%s）本附件各項要求依「%s」（%s%s）之「%s」類，於系統防護需求等級「%s」訂定；依據欄載明各項要求於該一覽表所屬子項之項次，括號內為其編號。",
	    num, p->title, p->edition, p->version, r->type->name, sx_grade_zh[r->grade]);
	if (c->any_controls) {
		sx_zh_num(num, sizeof(num), ++k);
		sx_doc_pushf(a, SX_BLK_PARA, "（%s）要求內容所稱%s%s之控制措施，以附錄所列防護基準等級「%s」之完整控制措施為準。",
		    num, r->cat->reg->title, r->cat->reg->baseline_label, sx_grade_zh[r->baseline]);
	}
	for (size_t i = 0; i < r->nrows; i++)
		n += r->rows[i].status == SX_ST_PENDING;
	if (a->draft || n) {
		sx_zh_num(num, sizeof(num), ++k);
		sx_doc_pushf(a, SX_BLK_PARA, "（%s）本文件為草稿：標示「待確認」之%u項尚待機關資安長確認，定稿時依確認結果納入或刪除。",
		    num, n);
	}
}

/* The text of a public row: verbatim; in a draft, a pending row is marked 待確認. */
static char *
S_text(const sx_row *row)
{
	if (row->status == SX_ST_PENDING)
		return sx_aprintf("【待確認】%s", row->text);
	return sx_strdup(row->text);
}

/* The width (tenths of a mm) of a column that shows the row ids of R's type whole: an id never
 * breaks inside (at 11 pt a Latin character takes at most 2.2 mm, and the cell's padding 3 mm). */
static int
S_id_width(const secannex_resolution *r, int at_least)
{
	size_t longest = 0;
	int w;

	for (size_t i = 0; i < r->nrows; i++)
		if (strlen(r->rows[i].item->id) + 2 > longest)
			longest = strlen(r->rows[i].item->id) + 2; /* in brackets */
	w = (int)longest * 22 + 30;
	return w > at_least ? w : at_least;
}

/* 二、廠商資格: the rows that the notes say must be stated in the tender documents. */
static void
S_qualifications(sx_doc *a, const secannex_resolution *r, unsigned sec, int draft)
{
	static const char *const head[] = { "項次", "廠商資格", "依據" };
	int id = S_id_width(r, 200), w[] = { 120, SX_TEXT_WIDTH - 120 - id, id };
	sx_table *t;
	size_t k = 0;
	char num[16];

	sx_zh_num(num, sizeof(num), sec);
	sx_doc_pushf(a, SX_BLK_HEADING, "%s、廠商資格", num);
	sx_doc_push(a, SX_BLK_PARA, "下列事項屬廠商資格，應載明於招標文件（投標須知），廠商應於投標時檢附證明文件。");
	t = sx_doc_table(a, SX_TBL_GRID, 3, w, 1);
	sx_doc_row(t, head);
	for (size_t i = 0; i < r->nrows; i++) {
		const sx_row *row = &r->rows[i];
		char idx[16], *text, *place;
		if (!S_public(row, draft) || !row->qualification)
			continue;
		snprintf(idx, sizeof(idx), "%zu", ++k);
		text = S_text(row);
		place = sx_tender_place(row);
		{
			const char *cells[] = { idx, text, place };
			sx_doc_row(t, cells);
		}
		free(text);
		free(place);
	}
}

/* 三、資通安全要求事項: the requirement table; a 類別 and a note shared by consecutive rows are one
 * merged cell. */
static void
S_requirements(sx_doc *a, const secannex_resolution *r, unsigned sec, int draft)
{
	static const char *const head[] = { "項次", "類別", "要求內容", "依據", "備註" };
	int id = S_id_width(r, 200);
	int w_req[] = { 120, 240, 0, id, 320 };
	sx_table *t;
	size_t k = 0;
	char num[16];

	w_req[2] = SX_TEXT_WIDTH - (120 + 240 + id + 320);
	sx_zh_num(num, sizeof(num), sec);
	sx_doc_pushf(a, SX_BLK_HEADING, "%s、資通安全要求事項", num);
	t = sx_doc_table(a, SX_TBL_GRID, 5, w_req, 1);
	sx_doc_row(t, head);
	for (size_t i = 0; i < r->nrows; i++) {
		const sx_row *row = &r->rows[i];
		char idx[16], *text, *place;
		if (!S_public(row, draft) || row->qualification)
			continue;
		snprintf(idx, sizeof(idx), "%zu", ++k);
		text = S_text(row);
		place = sx_tender_place(row);
		{
			const char *cells[] = { idx, row->item->group->name, text, place,
				row->note && row->note_public ? row->note : "" };
			sx_doc_row(t, cells);
		}
		free(text);
		free(place);
	}
	sx_table_merge_runs(t, 1);
	sx_table_merge_runs(t, 4);
}

/* The rows in the annex that cite AREA, as 「dev-13、dev-14」 (NULL when none). */
static char *
S_cited_by(const secannex_resolution *r, const sx_area *area)
{
	sx_buf cited = SX_BUF_INIT;

	for (size_t i = 0; i < r->nrows; i++) {
		const sx_row *row = &r->rows[i];
		if (!sx_row_in_annex(row) || row->ncontrols == 0)
			continue;
		for (size_t k = 0; k < row->item->nareas; k++)
			if (strcmp(row->item->areas[k], area->id) == 0)
				sx_buf_printf(&cited, "%s%s", cited.len ? "、" : "", row->item->id);
	}
	return cited.len ? sx_buf_detach(&cited) : NULL;
}

/* One 附表十 area's measures at grade G: a table 措施 | 控制措施.  The 控制措施 cell is the nested
 * list: the grade's own items numbered as in 附表十, an 「等級「X」之所有控制措施」 item on its own line,
 * and the cells it includes beneath it, indented 「　　」 per level and labelled 「（等級「中」）」. */
static void
S_area_table(sx_doc *a, const sx_area *area, secannex_grade g)
{
	static const int w_ctl[] = { 350, 1350 };
	static const char *const head[] = { "措施", "控制措施" };
	sx_table *t = sx_doc_table(a, SX_TBL_GRID, 2, w_ctl, 1);

	sx_doc_row(t, head);
	for (size_t m = 0; m < area->nmeasures; m++) {
		const sx_measure *me = &area->measures[m];
		size_t n;
		sx_control *ctl = sx_baseline_resolve(me, g, &n);
		sx_buf text = SX_BUF_INIT;
		for (size_t k = 0; k < n; k++) {
			if (k)
				sx_buf_putc(&text, '\n');
			for (unsigned d = 0; d < ctl[k].depth; d++)
				sx_buf_puts(&text, "　　");
			if (ctl[k].depth > 0) {
				sx_buf_puts(&text, "（等級");
				sx_baseline_grades(&text, ctl[k].grades, 1);
				sx_buf_puts(&text, "）");
			}
			if (ctl[k].entry == NULL)
				sx_buf_puts(&text, ctl[k].cell->none_text);
			else if (ctl[k].entry->n)
				sx_buf_printf(&text, "%s、%s", ctl[k].entry->n, ctl[k].entry->text);
			else
				sx_buf_puts(&text, ctl[k].entry->text);
		}
		{
			const char *cells[] = { me->name, text.ptr ? text.ptr : "" };
			sx_doc_row(t, cells);
		}
		sx_buf_free(&text);
		free(ctl);
	}
}

/* 附錄：附表十, the complete controls of every area an annex row cites. */
static void
S_appendix(sx_doc *a, const secannex_resolution *r)
{
	const sx_regulation *reg = r->cat->reg;
	const char *g = secannex_grade_name((secannex_grade)r->baseline, 0);

	sx_doc_pushf(a, SX_BLK_HEADING, "附錄、%s %s（等級「%s」之控制措施）", reg->baseline_label,
	    reg->baseline_title, g);
	sx_doc_pushf(a, SX_BLK_PARA, "下列控制措施係依%s%s，就應辦理事項所引用之構面，列出防護基準等級「%s」之完整控制措施（含「等級「X」之所有控制措施」所含括者）。",
	    reg->title, reg->baseline_label, g);
	for (size_t ai = 0; ai < reg->nareas; ai++) {
		const sx_area *area = &reg->areas[ai];
		char *cited = S_cited_by(r, area);
		if (cited == NULL)
			continue;
		sx_doc_pushf(a, SX_BLK_SUBHEADING, "%s（%s 引用）", area->name, cited);
		free(cited);
		S_area_table(a, area, (secannex_grade)r->baseline);
	}
}

static void
S_build(sx_doc *a, const sx_doc_src *src)
{
	const secannex_resolution *r = src->res;
	char *title = sx_tender_title(r, "資通安全需求");
	S_counts c;
	unsigned sec = 0;

	sx_doc_init(a, title, r->type->name, src->epoch_set, src->epoch);
	free(title);
	a->draft = src->draft;
	title = sx_tender_title_lines(r, "資通安全需求");
	sx_doc_push(a, SX_BLK_TITLE, title);
	free(title);
	S_count(&c, r, src->draft);
	S_header(a, r);
	S_general(a, r, &c, ++sec);
	if (c.quals)
		S_qualifications(a, r, ++sec, src->draft);
	S_requirements(a, r, ++sec, src->draft);
	if (c.any_controls)
		S_appendix(a, r);
	/* a closing line, as government documents end (also keeps LibreOffice from adding an empty
	 * paragraph after a final table, which can spill onto a blank last page) */
	sx_doc_push(a, SX_BLK_PARA, "（以下空白）");
	if (src->fingerprint)
		a->fingerprint = sx_aprintf("文件識別碼（SHA-256）：%s", src->fingerprint);
}

void
sx_build_annex(sx_doc *out, const sx_doc_src *src)
{
	S_build(out, src);
}

/* ---- the vendor matrix (需求符合性對照表) ---- */

/* The matrix's columns, in order: the document's header row, and after 案號 the records' (CSV,
 * XLSX).  編號 is the row id, the key that a reader matches a vendor's answer on. */
enum { S_MX_IDX, S_MX_ID, S_MX_GROUP, S_MX_TEXT, S_MX_SRC, S_MX_NOTE, S_MX_CHECK, S_MX_SAY, S_MX_PROOF,
	S_MX_COLS };
static const char *const S_mx_head[S_MX_COLS] = { "項次", "編號", "類別", "要求內容", "依據", "備註",
	"符合情形", "說明", "佐證文件及頁碼" };
/* The records' columns (案號, then the matrix's): ids (項次, 編號, 依據), the requirement, the
 * vendor's answers (符合情形 from a list). */
static const char *const S_mx_answers[] = { "符合", "部分符合", "不符合", NULL };
static const sx_col S_mx_cols[1 + S_MX_COLS] = { { 0, NULL }, { SX_COL_ID, NULL },
	{ SX_COL_ID, NULL }, { 0, NULL }, { SX_COL_WIDE, NULL }, { SX_COL_ID, NULL }, { 0, NULL },
	{ SX_COL_ANSWER, S_mx_answers }, { SX_COL_ANSWER, NULL }, { SX_COL_ANSWER, NULL } };
/* 符合情形: one box a line, the vendor ticks one */
static const char S_mx_boxes[] = "□符合\n□部分符合\n□不符合";

/* The matrix's title line: 18 pt on the 257 mm landscape text width holds 40 full-width characters. */
#define S_MX_TITLE_PER_LINE 40.0

/* Row ROW's cells (the K-th matrix row) into CELLS; the vendor's columns empty, 符合情形 the boxes
 * when BOXES.  IDX and the returned text are the caller's to free (the text). */
static char *
S_mx_cells(const char **cells, char *idx, size_t n, const sx_row *row, size_t k, int boxes)
{
	const sx_item *it = row->item;
	char *text = S_text(row);

	snprintf(idx, n, "%zu", k);
	cells[S_MX_IDX] = idx;
	cells[S_MX_ID] = it->id;
	cells[S_MX_GROUP] = it->group->name;
	cells[S_MX_TEXT] = text;
	cells[S_MX_SRC] = NULL; /* set by the caller */
	cells[S_MX_NOTE] = row->note && row->note_public ? row->note : "";
	cells[S_MX_CHECK] = boxes ? S_mx_boxes : "";
	cells[S_MX_SAY] = "";
	cells[S_MX_PROOF] = "";
	return text;
}

/* 依據: the row's place in its 子項 of the 一覽表 (第N項); the facts above name the 一覽表. */
static char *
S_mx_place(const sx_row *row)
{
	const sx_item *it = row->item;

	return sx_aprintf("第%zu項", it->index - it->group->first + 1);
}

/* The case facts that the tender gives (機關, 案號, 案名 only when given), the type, the grade and the
 * 一覽表 (title and version) that the rows cite. */
static void
S_mx_facts(sx_doc *a, const secannex_resolution *r)
{
	static const int w[] = { 460, SX_TEXT_WIDTH_LANDSCAPE - 460 };
	static const char *const label[] = { "機關", "案號", "案名" };
	static const enum sx_field field[] = { SX_F_AGENCY, SX_F_CASE, SX_F_TITLE };
	const sx_procurement *p = r->cat->proc;
	sx_table *t = sx_doc_table(a, SX_TBL_FORM, 2, w, 0);
	char *g, *src;

	for (size_t i = 0; i < sizeof(field) / sizeof(field[0]); i++)
		if (r->fields[field[i]] && *r->fields[field[i]]) {
			const char *cells[] = { label[i], r->fields[field[i]] };
			sx_doc_row(t, cells);
		}
	g = r->baseline_given ? sx_aprintf("%s（防護基準：附表十等級「%s」）", sx_grade_zh[r->grade],
	    sx_grade_zh[r->baseline]) : sx_strdup(sx_grade_zh[r->grade]);
	src = sx_aprintf("%s（%s%s）", p->title, p->edition, p->version);
	{
		const char *rows[][2] = {
			{ "採購類型", r->type->name },
			{ "系統防護需求等級", g },
			{ "一覽表", src },
		};
		for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++)
			sx_doc_row(t, rows[i]);
	}
	free(g);
	free(src);
}

/* The sub-rows' area: AREA_ID of R's regulation (NULL: none). */
static const sx_area *
S_mx_area(const secannex_resolution *r, const char *area_id)
{
	const sx_regulation *reg = r->cat->reg;

	for (size_t i = 0; i < reg->nareas; i++)
		if (strcmp(reg->areas[i].id, area_id) == 0)
			return &reg->areas[i];
	return NULL;
}

/* A control's id: ROW/MEASURE.CELLk, CELL the letter of the lowest grade its 附表十 cell serves (n, m,
 * h: a cell serves one run of grades, so the letter names it whatever the baseline grade) and k its
 * item's place in the cell, from 1. */
static char *
S_mx_control_id(const sx_row *row, const sx_control *c)
{
	int g = 0;

	while (g < 2 && !(c->cell->grades & (1u << g)))
		g++;
	return sx_aprintf("%s/%s.%c%zu", row->item->id, c->measure->id, "nmh"[g],
	    (size_t)(c->entry - c->cell->entries) + 1);
}

/* 要求內容 of a control's sub-row: its measure, and its item numbered as in 附表十 (an included
 * cell's items labelled with their grades, as the annex's appendix shows them). */
static char *
S_mx_control_text(const sx_control *c)
{
	sx_buf b = SX_BUF_INIT;

	sx_buf_printf(&b, "%s：", c->measure->name);
	if (c->depth > 0) {
		sx_buf_puts(&b, "（等級");
		sx_baseline_grades(&b, c->grades, 1);
		sx_buf_puts(&b, "）");
	}
	if (c->entry->n)
		sx_buf_printf(&b, "%s、", c->entry->n);
	sx_buf_puts(&b, c->entry->text);
	return sx_buf_detach(&b);
}

/* Append CELLS to T, after the case number CASE_NO when not NULL (the records). */
static void
S_mx_add(sx_table *t, const char *case_no, const char *const *cells)
{
	const char *rec[1 + S_MX_COLS];

	if (case_no == NULL) {
		sx_doc_row(t, cells);
		return;
	}
	rec[0] = case_no;
	memcpy(rec + 1, cells, sizeof(rec) - sizeof(rec[0]));
	sx_doc_row(t, rec);
}

/* The sub-rows of ROW (the K-th matrix row): one per answerable control (not an inclusion item, not
 * 「無要求」) of the baseline grade in each 附表十 area the row cites; numbered K.1, K.2, … */
static void
S_mx_controls(sx_table *t, const char *case_no, const secannex_resolution *r, const sx_row *row, size_t k)
{
	size_t j = 0;

	if (!sx_row_in_annex(row) || row->ncontrols == 0)
		return;
	for (size_t ai = 0; ai < row->item->nareas; ai++) {
		const sx_area *area = S_mx_area(r, row->item->areas[ai]);
		for (size_t m = 0; area && m < area->nmeasures; m++) {
			size_t n;
			secannex_grade g = (secannex_grade)r->baseline;
			sx_control *ctl = sx_baseline_resolve(&area->measures[m], g, &n);
			for (size_t c = 0; c < n; c++) {
				char idx[32], *id, *text;
				if (ctl[c].entry == NULL || ctl[c].entry->is_include)
					continue;
				snprintf(idx, sizeof(idx), "%zu.%zu", k, ++j);
				id = S_mx_control_id(row, &ctl[c]);
				text = S_mx_control_text(&ctl[c]);
				{
					const char *cells[S_MX_COLS] = { idx, id, row->item->group->name,
						text, "附表十", "", case_no ? "" : S_mx_boxes, "", "" };
					S_mx_add(t, case_no, cells);
				}
				free(id);
				free(text);
			}
			free(ctl);
		}
	}
}

/* The matrix's body rows into T (the records' when CASE_NO is not NULL): every public row, each
 * followed by its controls' sub-rows when CONTROLS. */
static void
S_mx_body(sx_table *t, const char *case_no, const secannex_resolution *r, int draft, int controls)
{
	size_t k = 0;

	for (size_t i = 0; i < r->nrows; i++) {
		const sx_row *row = &r->rows[i];
		const char *cells[S_MX_COLS];
		char idx[16], *text, *place;
		if (!S_public(row, draft))
			continue;
		text = S_mx_cells(cells, idx, sizeof(idx), row, ++k, case_no == NULL);
		place = S_mx_place(row);
		cells[S_MX_SRC] = place;
		S_mx_add(t, case_no, cells);
		free(text);
		free(place);
		if (controls)
			S_mx_controls(t, case_no, r, row, k);
	}
}

/* The 編號 column's width: the longest id of the matrix (T's column) whole on one line.  Wider
 * than S_id_width allows: LibreOffice broke 「dev-01」 at its hyphen in a 16 mm DOCX cell (its
 * fallback fonts and the cell margins take more room), so 2.6 mm a character and 6 mm of margins. */
static int
S_mx_id_width(const sx_table *t)
{
	size_t longest = 0;
	int w;

	for (size_t i = t->nheader; i < t->nrows; i++)
		if (strlen(t->cells[i * t->ncols + S_MX_ID]) > longest)
			longest = strlen(t->cells[i * t->ncols + S_MX_ID]);
	w = (int)longest * 26 + 60;
	return w > 180 ? w : 180;
}

/* 一、資通安全要求事項: every row of the annex (the bidder's qualifications too), the vendor's columns
 * empty; a 類別 and a note shared by consecutive rows are one merged cell.  The fixed columns hold
 * their headers and values on one line (佐證文件及頁碼 on two); 要求內容 and 備註 (the long notes that
 * quote a regulation) share the rest, 3 to 2 (3 to 1 with the controls' sub-rows, which have none). */
static void
S_mx_table(sx_doc *a, const secannex_resolution *r, int draft, int controls)
{
	static const int fixed[S_MX_COLS] = { 120, 0, 250, 0, 160, 0, 240, 280, 240 };
	sx_table *t;
	int rest = SX_TEXT_WIDTH_LANDSCAPE;

	sx_doc_push(a, SX_BLK_HEADING, "一、資通安全要求事項");
	sx_doc_push(a, SX_BLK_PARA, "廠商應逐項於「符合情形」欄勾選「符合」、「部分符合」或「不符合」之一，於「說明」欄敘明辦理方式（部分符合或不符合者，並敘明差異及替代方案），於「佐證文件及頁碼」欄載明所附佐證文件名稱及頁碼。各項要求之內容以本案資通安全需求（附件）為準；「編號」為各項要求之識別碼。");
	if (controls)
		sx_doc_push(a, SX_BLK_PARA, "引用附表十之項目，其後逐一列出防護基準等級之各項控制措施（編號為「項目編號／措施編號.等級代碼及序號」），廠商應逐項填寫。");
	if (draft)
		sx_doc_push(a, SX_BLK_PARA, "本文件為草稿：標示「待確認」之項目尚待機關資安長確認。");
	t = sx_doc_table(a, SX_TBL_GRID, S_MX_COLS, fixed, 1);
	sx_doc_row(t, S_mx_head);
	S_mx_body(t, NULL, r, draft, controls);
	t->width_mm[S_MX_ID] = S_mx_id_width(t);
	for (size_t c = 0; c < S_MX_COLS; c++)
		rest -= t->width_mm[c];
	t->width_mm[S_MX_NOTE] = controls ? rest / 4 : rest * 2 / 5; /* a control has no note */
	t->width_mm[S_MX_TEXT] = rest - t->width_mm[S_MX_NOTE];
	sx_table_merge_runs(t, S_MX_GROUP);
	sx_table_merge_runs(t, S_MX_NOTE);
}

/* 二、廠商簽章: the vendor's name, tax id, representative, seal and date, in empty cells (the seal's
 * tall enough to stamp), kept on one page with the statement above it. */
static void
S_mx_vendor(sx_doc *a)
{
	static const int w[] = { 460, SX_TEXT_WIDTH_LANDSCAPE - 460 };
	static const char *const rows[][2] = {
		{ "廠商名稱", "" },
		{ "統一編號", "" },
		{ "負責人", "" },
		{ "簽章／用印", "\n\n\n\n\n" },
		{ "日期", "中華民國　　　年　　　月　　　日" },
	};
	sx_table *t;

	sx_doc_push(a, SX_BLK_HEADING, "二、廠商簽章");
	sx_doc_push(a, SX_BLK_PARA, "廠商已詳閱本案資通安全需求，並確認上列各項填寫內容及所附佐證文件均屬實。")->keep = 1;
	t = sx_doc_table(a, SX_TBL_FORM, 2, w, 0);
	a->v[a->n - 1].keep = 1; /* the block is signed as one: never split across pages */
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++)
		sx_doc_row(t, rows[i]);
}

/* The vendor matrix's records for the record formats: 案號, then the document's columns with the
 * same texts; 符合情形 empty, and a note repeated on every row (no merged cells) so that the rows
 * can be sorted and filtered. */
static sx_table *
S_matrix_records(const secannex_resolution *r, int draft, int controls)
{
	sx_table *t = sx_table_new(1 + S_MX_COLS);

	S_mx_add(t, "案號", S_mx_head);
	S_mx_body(t, sx_or_empty(r->fields[SX_F_CASE]), r, draft, controls);
	return t;
}

void
sx_build_matrix(sx_doc *out, const sx_doc_src *src)
{
	const secannex_resolution *r = src->res;
	char *title = sx_tender_title(r, "需求符合性對照表");

	sx_doc_init(out, title, r->type->name, src->epoch_set, src->epoch);
	free(title);
	out->draft = src->draft;
	out->landscape = 1;
	title = sx_doc_balance(sx_or_empty(r->fields[SX_F_TITLE]), "需求符合性對照表", S_MX_TITLE_PER_LINE);
	sx_doc_push(out, SX_BLK_TITLE, title);
	free(title);
	S_mx_facts(out, r);
	S_mx_table(out, r, src->draft, src->matrix_controls);
	S_mx_vendor(out);
	sx_doc_push(out, SX_BLK_PARA, "（以下空白）");
	if (src->fingerprint)
		out->fingerprint = sx_aprintf("文件識別碼（SHA-256）：%s", src->fingerprint);
	out->data = S_matrix_records(r, src->draft, src->matrix_controls);
	out->cols = S_mx_cols;
	out->sheet = "廠商回應";
}

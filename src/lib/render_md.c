/* render_md.c: the Markdown review document of a tender's resolution. */
#include <string.h>

#include "render.h"
#include "resolve.h"

/* User or catalog text in Markdown (a table cell or a list item): "|", "<", ">", "&" escaped, line
 * breaks as <br> (sx_buf_md). */
static void
S_cell(sx_buf *b, const char *s)
{
	sx_buf_mds(b, s);
}

/* "PREFIX" TEXT "SUFFIX", TEXT escaped. */
static void
S_line(sx_buf *b, const char *prefix, const char *text, const char *suffix)
{
	sx_buf_puts(b, prefix);
	sx_buf_mds(b, text);
	sx_buf_puts(b, suffix);
}

static const char *
S_or(const char *s, const char *dflt)
{
	return s ? s : dflt;
}

static void
S_table(sx_buf *b, const secannex_resolution *r, int (*want)(const sx_row *), int with_reason)
{
	size_t n = 0;

	for (size_t i = 0; i < r->nrows; i++)
		n += want(&r->rows[i]);
	if (n == 0) {
		sx_buf_puts(b, "（無）\n");
		return;
	}
	sx_buf_puts(b, with_reason ? "| 項次 | 依據 | 類別 | 要求內容 | 標記 | 狀態 | 理由 |\n|---|---|---|---|---|---|---|\n" :
	    "| 項次 | 依據 | 類別 | 要求內容 | 標記 | 備註 |\n|---|---|---|---|---|---|\n");
	n = 0;
	for (size_t i = 0; i < r->nrows; i++) {
		const sx_row *row = &r->rows[i];
		if (!want(row))
			continue;
		sx_buf_printf(b, "| %zu | ", ++n);
		S_line(b, "", row->item->id, " | ");
		S_cell(b, row->item->group->name);
		sx_buf_puts(b, " | ");
		S_cell(b, row->text);
		sx_buf_printf(b, " | %s | ", sx_mark_symbols[row->mark]);
		if (with_reason) {
			sx_buf_printf(b, "%s | ", sx_status_zh[row->status]);
			S_cell(b, row->reason);
		} else {
			S_cell(b, row->note);
		}
		sx_buf_puts(b, " |\n");
	}
}

static int
S_pending(const sx_row *row)
{
	return row->status == SX_ST_PENDING;
}

static int
S_left_out(const sx_row *row)
{
	return row->status == SX_ST_EXCLUDED || row->status == SX_ST_NOT_SELECTED ||
	    row->status == SX_ST_NA;
}

/* How the grade was set: 「（依附表九，取機密性「高」、…之最高者；由機密性決定）」 or 「（機關核定）」. */
static void
S_grade_how(sx_buf *b, const secannex_resolution *r)
{
	if (!r->grade_from_dims) {
		sx_buf_puts(b, "（機關核定）\n");
		return;
	}
	sx_buf_puts(b, "（依附表九，取");
	for (int i = 0; i < SX_DIM__COUNT; i++)
		sx_buf_printf(b, "%s%s「%s」", i ? "、" : "", sx_dim_zh[i],
		    secannex_grade_name((secannex_grade)r->dims[i], 0));
	sx_buf_puts(b, "之最高者；由");
	for (int i = 0, first = 1; i < SX_DIM__COUNT; i++)
		if (r->dims[i] == r->grade) {
			sx_buf_printf(b, "%s%s", first ? "" : "、", sx_dim_zh[i]);
			first = 0;
		}
	sx_buf_puts(b, "決定）\n");
}

/* The title and the tender's facts. */
static void
S_header(sx_buf *b, const secannex_resolution *r)
{
	const sx_procurement *p = r->cat->proc;

	S_line(b, "# 資通安全基本要求審查表：", r->type->name, "\n\n");
	S_line(b, "- 機關：", S_or(r->fields[SX_F_AGENCY], "（未填）"), "\n");
	S_line(b, "- 案號：", S_or(r->fields[SX_F_CASE], "（未填）"), "\n");
	S_line(b, "- 案名：", S_or(r->fields[SX_F_TITLE], "（未填）"), "\n");
	S_line(b, "- 日期：", S_or(r->fields[SX_F_DATE], "（未填）"), "\n");
	S_line(b, "- 採購類型：", r->type->name, "（");
	S_line(b, "", r->type->id, "）\n");
	sx_buf_printf(b, "- 系統防護需求等級：%s", secannex_grade_name((secannex_grade)r->grade, 0));
	S_grade_how(b, r);
	sx_buf_printf(b, "- 防護基準等級（附表十）：%s%s\n",
	    secannex_grade_name((secannex_grade)r->baseline, 0),
	    r->baseline_given ? "（機關指定）" : "（同系統防護需求等級）");
	sx_buf_printf(b, "- 機關資通安全責任等級：%s級（%s）\n", sx_level_names[r->level],
	    sx_kind_zh[r->kind]);
	sx_buf_printf(b, "- 涉及個資：%s；特殊或巨額採購：%s\n", r->personal_data ? "是" : "否",
	    r->special ? "是" : "否");
	S_line(b, "- 依據：", p->title, "（");
	S_line(b, "", p->edition, "");
	S_line(b, "", p->version, "）\n\n");
}

/* The 附表十 appendix: the controls of every annexed row that cites areas. */
static void
S_appendix(sx_buf *b, const secannex_resolution *r)
{
	int any_controls = 0;

	for (size_t i = 0; i < r->nrows; i++)
		any_controls |= r->rows[i].ncontrols > 0 && sx_row_in_annex(&r->rows[i]);
	if (!any_controls)
		return;
	sx_buf_printf(b, "\n## 附錄：附表十 資通系統防護基準（等級「%s」）\n",
	    secannex_grade_name((secannex_grade)r->baseline, 0));
	for (size_t i = 0; i < r->nrows; i++) {
		const sx_row *row = &r->rows[i];
		const sx_measure *m = NULL;
		if (!row->ncontrols || !sx_row_in_annex(row))
			continue;
		S_line(b, "\n### ", row->item->id, " ");
		S_line(b, "", row->controls[0].measure->area->name, "\n\n");
		for (size_t k = 0; k < row->ncontrols; k++) {
			const sx_control *c = &row->controls[k];
			if (c->measure != m) {
				m = c->measure;
				S_line(b, "- ", m->id, " ");
				S_line(b, "", m->name, "\n");
			}
			/* an included cell's items: a list nested beneath the inclusion item, with grades */
			sx_buf_printf(b, "  %*s- ", 2 * (int)c->depth, "");
			if (c->depth > 0) {
				sx_buf_putc(b, '[');
				sx_baseline_grades(b, c->grades, 0);
				sx_buf_puts(b, "] ");
			}
			if (c->entry == NULL) {
				S_cell(b, c->cell->none_text);
			} else {
				if (c->entry->n)
					S_line(b, "", c->entry->n, "、");
				S_cell(b, c->entry->text);
			}
			sx_buf_putc(b, '\n');
		}
	}
}

void
sx_md_resolution(sx_buf *b, const secannex_resolution *r)
{
	S_header(b, r);
	sx_buf_puts(b, "## 統計\n\n| 狀態 | 項數 |\n|---|---|\n");
	for (int s = 0; s < SX_ST__COUNT; s++)
		sx_buf_printf(b, "| %s（%s） | %zu |\n", sx_status_zh[s], sx_status_names[s], r->counts[s]);
	sx_buf_printf(b, "| 合計 | %zu |\n\n", r->nrows);

	sx_buf_puts(b, "## 應辦理事項\n\n");
	S_table(b, r, sx_row_in_annex, 0);
	sx_buf_puts(b, "\n## 待資安長確認事項\n\n");
	S_table(b, r, S_pending, 1);
	sx_buf_puts(b, "\n## 未納入項目及理由\n\n");
	S_table(b, r, S_left_out, 1);
	sx_buf_puts(b, "\n## 各項納入理由\n\n");
	for (size_t i = 0; i < r->nrows; i++)
		if (sx_row_in_annex(&r->rows[i])) {
			sx_buf_printf(b, "- %s：", r->rows[i].item->id);
			S_cell(b, r->rows[i].reason);
			sx_buf_putc(b, '\n');
		}
	S_appendix(b, r);
	if (r->nwarnings) {
		sx_buf_puts(b, "\n## 警告\n\n");
		for (size_t i = 0; i < r->nwarnings; i++)
			S_line(b, "- ", r->warnings[i], "\n");
	}
}

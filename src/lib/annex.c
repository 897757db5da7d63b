/* annex.c: the tender annex and the vendor matrix as document models (doc.h), built from one
 * tender's resolution; the writers (render_odt.c, render_docx.c, render_csv.c) take it from there. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "docs.h"

/* 1 → 一, 12 → 十二, 20 → 二十 (enough for section and item numbers). */
static void
S_zh_num(char *out, size_t n, unsigned v)
{
	static const char *const d[] = { "", "一", "二", "三", "四", "五", "六", "七", "八", "九" };

	if (v < 10)
		snprintf(out, n, "%s", d[v]);
	else if (v < 20)
		snprintf(out, n, "十%s", d[v % 10]);
	else if (v < 100)
		snprintf(out, n, "%s十%s", d[v / 10], d[v % 10]);
	else
		snprintf(out, n, "%u", v);
}

static int
S_in_annex(const sx_row *row)
{
	return row->status == SX_ST_REQUIRED || row->status == SX_ST_SELECTED;
}

static const char *
S_or(const char *s, const char *dflt)
{
	return s && *s ? s : dflt;
}

/* "dev-13\n(V5.4)": the row id and the catalog version, the clause's source. */
static char *
S_source(const secannex_resolution *r, const sx_row *row)
{
	sx_buf b = SX_BUF_INIT;

	sx_buf_printf(&b, "%s\n(%s)", row->item->id, r->cat->proc->version);
	return sx_buf_detach(&b);
}

static void
S_header_block(sx_doc *a, const secannex_resolution *r)
{
	static const int w[] = { 460, 1240 };
	const sx_procurement *p = r->cat->proc;
	sx_table *t = sx_doc_table(a, SX_TBL_FORM, 2, w, 0);
	sx_buf g = SX_BUF_INIT, src = SX_BUF_INIT, lv = SX_BUF_INIT, ty = SX_BUF_INIT;
	const char *grade = secannex_grade_name((secannex_grade)r->grade, 0);

	sx_buf_printf(&g, "%s", grade);
	if (r->grade_from_dims) {
		sx_buf_puts(&g, "（依附表九，");
		for (int i = 0; i < SX_DIM__COUNT; i++)
			sx_buf_printf(&g, "%s%s「%s」", i ? "、" : "", sx_dim_zh[i],
			    secannex_grade_name((secannex_grade)r->dims[i], 0));
		sx_buf_puts(&g, "，取最高者）");
	} else {
		sx_buf_puts(&g, "（機關核定）");
	}
	sx_buf_printf(&g, "\n防護基準：附表十等級「%s」%s",
	    secannex_grade_name((secannex_grade)r->baseline, 0),
	    r->baseline_given ? "（機關指定）" : "");
	sx_buf_printf(&lv, "%s級（%s）", sx_level_names[r->level],
	    sx_kind_zh[r->kind]);
	sx_buf_printf(&ty, "%s（%s）", r->type->name, r->type->id);
	sx_buf_printf(&src, "%s（%s%s）\n%s附表九、附表十", p->title, p->edition, p->version,
	    r->cat->reg->title);
	{
		const char *rows[][2] = {
			{ "機關", S_or(r->fields[SX_F_AGENCY], "") },
			{ "案號", S_or(r->fields[SX_F_CASE], "") },
			{ "案名", S_or(r->fields[SX_F_TITLE], "") },
			{ "採購類型", ty.ptr },
			{ "系統防護需求等級", g.ptr },
			{ "機關資通安全責任等級", lv.ptr },
			{ "涉及個人資料", r->personal_data ? "是" : "否" },
			{ "特殊或巨額採購", r->special ? "是" : "否" },
			{ "依據", src.ptr },
			{ "日期", S_or(r->fields[SX_F_DATE], "") },
		};
		for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++)
			sx_doc_row(t, rows[i]);
	}
	sx_buf_free(&g);
	sx_buf_free(&src);
	sx_buf_free(&lv);
	sx_buf_free(&ty);
}

/* Counts of a resolution's rows, for the summary paragraph and the sections that are printed. */
typedef struct S_counts {
	size_t in, cond, sel, ciso, pending, out;
	int any_controls;
} S_counts;

static void
S_count(S_counts *c, const secannex_resolution *r)
{
	memset(c, 0, sizeof(*c));
	for (size_t i = 0; i < r->nrows; i++) {
		const sx_row *row = &r->rows[i];
		c->in += S_in_annex(row);
		c->cond += strncmp(sx_rule_names[row->rule], "condition-", 10) == 0;
		c->sel += row->status == SX_ST_SELECTED;
		c->ciso += row->rule == SX_RULE_CISO_CONFIRMED;
		c->pending += row->status == SX_ST_PENDING;
		c->out += row->status == SX_ST_EXCLUDED;
		c->any_controls |= S_in_annex(row) && row->ncontrols > 0;
	}
}

/* 一、適用說明 */
static void
S_intro(sx_doc *a, const secannex_resolution *r, const S_counts *c, unsigned sec, int vendor_matrix)
{
	const sx_procurement *p = r->cat->proc;
	char num[16];

	S_zh_num(num, sizeof(num), sec);
	sx_doc_pushf(a, SX_BLK_HEADING, "%s、適用說明", num);
	sx_doc_pushf(a, SX_BLK_PARA, "（一）本附件依「%s」（%s%s）產生，列出本案採購類型「%s」於系統防護需求等級「%s」應辦理之資通安全要求；各項要求之依據欄載明其於該一覽表之項目編號及版本。",
	    p->title, p->edition, p->version, r->type->name,
	    secannex_grade_name((secannex_grade)r->grade, 0));
	sx_doc_pushf(a, SX_BLK_PARA, "（二）標記說明：●%s；◎%s；▲%s；-%s。",
	    S_or(p->legend[SX_MARK_REC][1], "建議辦理"), S_or(p->legend[SX_MARK_CASE][1], "經機關評估個案有必要時"),
	    S_or(p->legend[SX_MARK_CISO][1], "提請機關資安長確認"), S_or(p->legend[SX_MARK_NA][1], "不適用"));
	sx_doc_pushf(a, SX_BLK_PARA, "（三）本案判定方式：●項目除機關載明理由不納入者外均應辦理；◎項目於備註條件成立（涉及個人資料，或機關資通安全責任等級達備註所定等級以上）時為必選，其餘由機關評估選擇納入；▲項目經機關資安長確認導入後納入。本案%s個人資料，機關資通安全責任等級為%s級，%s特殊或巨額採購。",
	    r->personal_data ? "涉及" : "未涉及", sx_level_names[r->level], r->special ? "屬" : "非屬");
	sx_doc_pushf(a, SX_BLK_PARA, "（四）本案應辦理事項計%zu項（其中依備註條件必選%zu項、機關選擇納入%zu項、經資安長確認導入%zu項）；待資安長確認事項%zu項；未納入之建議項目%zu項。",
	    c->in, c->cond, c->sel, c->ciso, c->pending, c->out);
	if (vendor_matrix)
		sx_doc_push(a, SX_BLK_PARA, "（五）廠商應逐項於「符合」、「部分符合」或「不符合」欄勾選，並於「說明及佐證文件」欄敘明辦理方式及所附佐證文件。");
}

/* 二、應辦理事項: the requirement table (with the vendor's columns for the matrix). */
static void
S_requirements(sx_doc *a, const secannex_resolution *r, unsigned sec, int vendor_matrix)
{
	static const int w_req[] = { 120, 260, 780, 220, 320 };
	static const int w_vendor[] = { 100, 170, 520, 170, 200, 100, 110, 100, 230 };
	static const char *const head[] = { "項次", "類別", "要求內容", "依據", "備註", "符合",
		"部分符合", "不符合", "說明及佐證文件" };
	sx_table *t;
	const sx_group *noted = NULL;
	size_t k = 0;
	char num[16];

	S_zh_num(num, sizeof(num), sec);
	sx_doc_pushf(a, SX_BLK_HEADING, "%s、應辦理事項", num);
	t = vendor_matrix ? sx_doc_table(a, SX_TBL_GRID, 9, w_vendor, 1) :
	    sx_doc_table(a, SX_TBL_GRID, 5, w_req, 1);
	sx_doc_row(t, head);
	for (size_t i = 0; i < r->nrows; i++) {
		const sx_row *row = &r->rows[i];
		char idx[16], *src;
		const char *note = row->note ? row->note : "";
		if (!S_in_annex(row))
			continue;
		snprintf(idx, sizeof(idx), "%zu", ++k);
		src = S_source(r, row);
		/* a note merged over a whole 子項 is printed once, then 「同上」 */
		if (row->note_is_group && noted == row->item->group)
			note = "同上";
		noted = row->note_is_group ? row->item->group : NULL;
		{
			const char *cells[] = { idx, row->item->group->name, row->text, src,
				note, "□", "□", "□", "" };
			sx_doc_row(t, cells);
		}
		free(src);
	}
}

/* 三、待資安長確認事項: each pending ▲ row with its confirmation box. */
static void
S_pending(sx_doc *a, const secannex_resolution *r, const S_counts *c, unsigned sec)
{
	static const int w_box[] = { 460, 1240 };
	static const char *const box[][2] = {
		{ "確認結果", "□ 導入　　□ 不導入" },
		{ "理由", "" },
		{ "資安長簽章", "" },
		{ "日期", "　　年　　月　　日" },
	};
	unsigned k = 0;
	char num[16];

	S_zh_num(num, sizeof(num), sec);
	sx_doc_pushf(a, SX_BLK_HEADING, "%s、待資安長確認事項", num);
	if (c->pending == 0) {
		sx_doc_push(a, SX_BLK_PARA, "本案無待資安長確認事項。");
		return;
	}
	sx_doc_push(a, SX_BLK_PARA, "下列項目須經機關資安長確認是否導入；確認導入者納入應辦理事項，確認不導入者應載明理由。");
	for (size_t i = 0; i < r->nrows; i++) {
		const sx_row *row = &r->rows[i];
		char sub[16];
		sx_table *t;
		if (row->status != SX_ST_PENDING)
			continue;
		S_zh_num(sub, sizeof(sub), ++k);
		sx_doc_pushf(a, SX_BLK_SUBHEADING, "（%s）%s（%s，%s）", sub, row->text, row->item->id,
		    r->cat->proc->version);
		if (row->note)
			sx_doc_pushf(a, SX_BLK_NOTE, "備註：%s", row->note);
		t = sx_doc_table(a, SX_TBL_FORM, 2, w_box, 0);
		for (size_t m = 0; m < 4; m++)
			sx_doc_row(t, box[m]);
	}
}

/* 四、未納入之建議項目及理由 */
static void
S_excluded(sx_doc *a, const secannex_resolution *r, const S_counts *c, unsigned sec)
{
	static const int w_out[] = { 120, 220, 760, 600 };
	static const char *const head[] = { "項次", "依據", "要求內容", "未納入理由" };
	sx_table *t;
	size_t k = 0;
	char num[16];

	S_zh_num(num, sizeof(num), sec);
	sx_doc_pushf(a, SX_BLK_HEADING, "%s、未納入之建議項目及理由", num);
	if (c->out == 0) {
		sx_doc_push(a, SX_BLK_PARA, "本案無未納入之建議項目。");
		return;
	}
	t = sx_doc_table(a, SX_TBL_GRID, 4, w_out, 1);
	sx_doc_row(t, head);
	for (size_t i = 0; i < r->nrows; i++) {
		const sx_row *row = &r->rows[i];
		char idx[16], *src;
		if (row->status != SX_ST_EXCLUDED)
			continue;
		snprintf(idx, sizeof(idx), "%zu", ++k);
		src = S_source(r, row);
		{
			const char *cells[] = { idx, src, row->text, row->reason };
			sx_doc_row(t, cells);
		}
		free(src);
	}
}

/* The rows in the annex that cite AREA, as 「dev-13、dev-14」 (NULL when none). */
static char *
S_cited_by(const secannex_resolution *r, const sx_area *area)
{
	sx_buf cited = SX_BUF_INIT;

	for (size_t i = 0; i < r->nrows; i++) {
		const sx_row *row = &r->rows[i];
		if (!S_in_annex(row) || row->ncontrols == 0)
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

/* The vendor matrix's records for the record formats: the columns of the documents' matrix; a note
 * is repeated on every row (no 「同上」) so that the rows can be sorted and filtered. */
static sx_table *
S_matrix_records(const secannex_resolution *r)
{
	static const char *const head[] = { "項次", "類別", "要求內容", "依據", "備註", "符合",
		"部分符合", "不符合", "說明及佐證文件" };
	sx_table *t = sx_table_new(9);
	size_t k = 0;

	sx_doc_row(t, head);
	for (size_t i = 0; i < r->nrows; i++) {
		const sx_row *row = &r->rows[i];
		char idx[16], *src;
		if (!S_in_annex(row))
			continue;
		snprintf(idx, sizeof(idx), "%zu", ++k);
		src = sx_aprintf("%s (%s)", row->item->id, r->cat->proc->version); /* one line */
		{
			const char *cells[] = { idx, row->item->group->name, row->text, src,
				row->note ? row->note : "", "", "", "", "" };
			sx_doc_row(t, cells);
		}
		free(src);
	}
	return t;
}

static void
S_build(sx_doc *a, const sx_doc_src *src, int vendor_matrix)
{
	const secannex_resolution *r = src->res;
	sx_buf title = SX_BUF_INIT, subject = SX_BUF_INIT;
	S_counts c;
	unsigned sec = 0;

	sx_buf_printf(&title, "%s%s資通安全需求附件", S_or(r->fields[SX_F_TITLE], ""),
	    r->fields[SX_F_TITLE] ? "　" : "");
	sx_buf_printf(&subject, "%s；%s%s", r->type->name, r->cat->proc->edition,
	    r->cat->proc->version);
	sx_doc_init(a, title.ptr, subject.ptr, src->epoch_set, src->epoch);
	sx_buf_free(&title);
	sx_buf_free(&subject);
	S_count(&c, r);
	sx_doc_push(a, SX_BLK_TITLE, a->title);
	S_header_block(a, r);
	S_intro(a, r, &c, ++sec, vendor_matrix);
	S_requirements(a, r, ++sec, vendor_matrix);
	S_pending(a, r, &c, ++sec);
	S_excluded(a, r, &c, ++sec);
	if (c.any_controls)
		S_appendix(a, r);
	/* a closing line, as government documents end (also keeps LibreOffice from adding an empty
	 * paragraph after a final table, which can spill onto a blank last page) */
	sx_doc_push(a, SX_BLK_PARA, "（以下空白）");
	if (vendor_matrix)
		a->data = S_matrix_records(r);
}

void
sx_build_annex(sx_doc *out, const sx_doc_src *src)
{
	S_build(out, src, 0);
}

void
sx_build_matrix(sx_doc *out, const sx_doc_src *src)
{
	S_build(out, src, 1);
}

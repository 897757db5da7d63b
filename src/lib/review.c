/* review.c: the agency's internal 簽辦審查表 (review record) as a document model: the tender's
 * facts, the grade and its 附表九 rationale, every row's mark, status and reason, the CISO's
 * confirmations, the rows left out with their reasons, and the sign-off block.  Never published. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "docs.h"

static const char *
S_or(const char *s)
{
	return s && *s ? s : "";
}

/* 一、案件基本資料 */
static void
S_facts(sx_doc *a, const secannex_resolution *r, unsigned sec)
{
	static const int w[] = { 460, 1240 };
	const sx_procurement *p = r->cat->proc;
	char num[16], *ty, *lv, *src, *date = sx_tender_date(r);
	sx_table *t;

	sx_zh_num(num, sizeof(num), sec);
	sx_doc_pushf(a, SX_BLK_HEADING, "%s、案件基本資料", num);
	t = sx_doc_table(a, SX_TBL_FORM, 2, w, 0);
	ty = sx_aprintf("%s（%s）", r->type->name, r->type->id);
	lv = sx_aprintf("%s級（%s）", sx_level_names[r->level], sx_kind_zh[r->kind]);
	src = sx_aprintf("%s（%s%s）", p->title, p->edition, p->version);
	{
		const char *rows[][2] = {
			{ "機關", S_or(r->fields[SX_F_AGENCY]) },
			{ "案號", S_or(r->fields[SX_F_CASE]) },
			{ "案名", S_or(r->fields[SX_F_TITLE]) },
			{ "採購類型", ty },
			{ "機關資通安全責任等級", lv },
			{ "涉及個人資料", r->personal_data ? "是" : "否" },
			{ "特殊或巨額採購", r->special ? "是" : "否" },
			{ "依據", src },
			{ "日期", date },
		};
		for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++)
			sx_doc_row(t, rows[i]);
	}
	free(ty);
	free(lv);
	free(src);
	free(date);
}

/* 二、系統防護需求等級: the grade, how it was set (附表九 dimension by dimension), the baseline. */
static void
S_grade(sx_doc *a, const secannex_resolution *r, unsigned sec)
{
	static const int w[] = { 260, 160, 1280 };
	static const char *const head[] = { "構面", "等級", "附表九之分級基準" };
	const sx_regulation *reg = r->cat->reg;
	const char *g = sx_grade_zh[r->grade];
	char num[16];

	sx_zh_num(num, sizeof(num), sec);
	sx_doc_pushf(a, SX_BLK_HEADING, "%s、系統防護需求等級", num);
	if (!r->grade_from_dims) {
		sx_doc_pushf(a, SX_BLK_PARA, "本系統防護需求等級為「%s」，由機關核定。", g);
	} else {
		sx_table *t;
		sx_buf set = SX_BUF_INIT;
		for (int i = 0; i < SX_DIM__COUNT; i++)
			if (r->dims[i] == r->grade)
				sx_buf_printf(&set, "%s%s", set.len ? "、" : "", sx_dim_zh[i]);
		sx_doc_pushf(a, SX_BLK_PARA, "依%s%s，系統防護需求等級取四構面之最高者：本系統為「%s」，由%s決定。",
		    reg->title, reg->grading_label, g, set.ptr);
		sx_buf_free(&set);
		t = sx_doc_table(a, SX_TBL_GRID, 3, w, 1);
		sx_doc_row(t, head);
		for (int i = 0; i < SX_DIM__COUNT; i++) {
			const char *crit = i < (int)reg->ndims ? reg->dims[i].text[r->dims[i]] : "";
			const char *cells[] = { sx_dim_zh[i], sx_grade_zh[r->dims[i]], crit };
			sx_doc_row(t, cells);
		}
	}
	sx_doc_pushf(a, SX_BLK_PARA, "防護基準：%s等級「%s」%s。", reg->baseline_label,
	    sx_grade_zh[r->baseline], r->baseline_given ? "（機關指定高於系統防護需求等級）" :
	    "（與系統防護需求等級相同）");
}

/* 三、需求項目判定: every row of the type, with its mark, status and reason. */
static void
S_rows(sx_doc *a, const secannex_resolution *r, unsigned sec)
{
	static const int w[] = { 190, 210, 560, 90, 190, 460 };
	static const char *const head[] = { "編號", "子項", "要求內容", "標記", "判定", "理由" };
	sx_table *t;
	char num[16];
	size_t n[SX_ST__COUNT] = { 0 };

	for (size_t i = 0; i < r->nrows; i++)
		n[r->rows[i].status]++;
	sx_zh_num(num, sizeof(num), sec);
	sx_doc_pushf(a, SX_BLK_HEADING, "%s、需求項目判定", num);
	sx_doc_pushf(a, SX_BLK_PARA, "本類型計%zu項：應辦理%zu項、選擇納入%zu項、未選擇%zu項、不納入%zu項、待資安長確認%zu項、不適用%zu項。",
	    r->nrows, n[SX_ST_REQUIRED], n[SX_ST_SELECTED], n[SX_ST_NOT_SELECTED],
	    n[SX_ST_EXCLUDED], n[SX_ST_PENDING], n[SX_ST_NA]);
	t = sx_doc_table(a, SX_TBL_GRID, 6, w, 1);
	sx_doc_row(t, head);
	for (size_t i = 0; i < r->nrows; i++) {
		const sx_row *row = &r->rows[i];
		const char *cells[] = { row->item->id, row->item->group->name, row->text,
			sx_mark_symbols[row->mark], sx_status_zh[row->status], S_or(row->reason) };
		sx_doc_row(t, cells);
	}
	sx_table_merge_runs(t, 1);
}

/* One ▲ row's confirmation box: ticked when the CISO decided, blank while pending. */
static void
S_ciso_box(sx_doc *a, const sx_row *row)
{
	static const int w[] = { 460, 1240 };
	sx_table *t = sx_doc_table(a, SX_TBL_FORM, 2, w, 0);
	const char *result = row->status == SX_ST_PENDING ? "□ 導入　　□ 不導入" :
	    row->status == SX_ST_EXCLUDED ? "□ 導入　　■ 不導入" : "■ 導入　　□ 不導入";
	const char *reason = row->status == SX_ST_EXCLUDED && row->decision ?
	    S_or(row->decision->reason) : "";
	const char *rows[][2] = {
		{ "確認結果", result },
		{ "理由", reason },
		{ "資安長簽章", "" },
		{ "日期", "　　年　　月　　日" },
	};

	for (size_t m = 0; m < 4; m++)
		sx_doc_row(t, rows[m]);
}

/* 四、資安長確認事項: every ▲ row, confirmed, declined or still pending. */
static void
S_ciso(sx_doc *a, const secannex_resolution *r, unsigned sec)
{
	unsigned k = 0;
	char num[16];

	sx_zh_num(num, sizeof(num), sec);
	sx_doc_pushf(a, SX_BLK_HEADING, "%s、資安長確認事項", num);
	for (size_t i = 0; i < r->nrows; i++) {
		const sx_row *row = &r->rows[i];
		char sub[16];
		if (row->mark != SX_MARK_CISO)
			continue;
		sx_zh_num(sub, sizeof(sub), ++k);
		sx_doc_pushf(a, SX_BLK_SUBHEADING, "（%s）%s（%s，%s）", sub, row->text, row->item->id,
		    sx_status_zh[row->status]);
		if (row->note)
			sx_doc_pushf(a, SX_BLK_NOTE, "備註：%s", row->note);
		S_ciso_box(a, row);
	}
	if (k == 0)
		sx_doc_push(a, SX_BLK_PARA, "本案無須經資安長確認之項目。");
}

/* 五、未納入事項及理由: the ● rows left out and the rows the CISO declined, with reasons. */
static void
S_left_out(sx_doc *a, const secannex_resolution *r, unsigned sec)
{
	static const int w[] = { 190, 860, 650 };
	static const char *const head[] = { "編號", "要求內容", "未納入理由" };
	sx_table *t = NULL;
	char num[16];

	sx_zh_num(num, sizeof(num), sec);
	sx_doc_pushf(a, SX_BLK_HEADING, "%s、未納入事項及理由", num);
	for (size_t i = 0; i < r->nrows; i++) {
		const sx_row *row = &r->rows[i];
		const char *why = row->decision ? S_or(row->decision->reason) : "";
		if (row->status != SX_ST_EXCLUDED && !(row->status == SX_ST_NOT_SELECTED && *why))
			continue;
		if (t == NULL) {
			t = sx_doc_table(a, SX_TBL_GRID, 3, w, 1);
			sx_doc_row(t, head);
		}
		{
			const char *cells[] = { row->item->id, row->text, why };
			sx_doc_row(t, cells);
		}
	}
	if (t == NULL)
		sx_doc_push(a, SX_BLK_PARA, "本案無未納入之建議項目。");
}

/* 六、簽核: 承辦人, 單位主管, 資安長, each with a signature and a date; the fingerprint that ties
 * this record to the published annex. */
static void
S_signoff(sx_doc *a, const sx_doc_src *src, unsigned sec)
{
	static const int w[] = { 300, 1400 / 3, 1400 / 3, 1400 - 2 * (1400 / 3) };
	static const char *const rows[][4] = {
		{ "", "承辦人", "單位主管", "資安長" },
		{ "簽章", "\n\n", "\n\n", "\n\n" },
		{ "日期", "　　年　　月　　日", "　　年　　月　　日", "　　年　　月　　日" },
	};
	sx_table *t;
	char num[16];

	sx_zh_num(num, sizeof(num), sec);
	sx_doc_pushf(a, SX_BLK_HEADING, "%s、簽核", num);
	if (src->fingerprint)
		sx_doc_pushf(a, SX_BLK_PARA, "本審查表所審查之公開附件（資通安全需求）文件識別碼（SHA-256）：%s；附件所載識別碼與本碼相同者，即為本表審查之版本。",
		    src->fingerprint);
	t = sx_doc_table(a, SX_TBL_GRID, 4, w, 0);
	for (size_t i = 0; i < 3; i++)
		sx_doc_row(t, rows[i]);
}

void
sx_build_review(sx_doc *a, const sx_doc_src *src)
{
	const secannex_resolution *r = src->res;
	char *head = sx_tender_title(r, "資通安全需求簽辦審查表");
	unsigned sec = 0;

	sx_doc_init(a, head, r->type->name, src->epoch_set, src->epoch);
	free(head);
	head = sx_tender_title_lines(r, "資通安全需求簽辦審查表");
	sx_doc_push(a, SX_BLK_TITLE, head);
	free(head);
	sx_doc_push(a, SX_BLK_NOTE, "（機關內部簽辦文件，不對外公開；不得作為招標文件之附件）");
	S_facts(a, r, ++sec);
	S_grade(a, r, ++sec);
	S_rows(a, r, ++sec);
	S_ciso(a, r, ++sec);
	S_left_out(a, r, ++sec);
	S_signoff(a, src, ++sec);
	sx_doc_push(a, SX_BLK_PARA, "（以下空白）");
}

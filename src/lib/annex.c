/* annex.c: the annex driver: builds the document model from a resolution, then hands it to the
 * ODT or DOCX package writer (or writes the vendor matrix as CSV), and writes the file atomically. */
#include "annex.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "output.h"

/* ---- building the model ---- */

sx_ablock *
sx_annex_push(sx_annex *a, enum sx_blk_kind kind, const char *text)
{
	sx_ablock *b;

	a->v = sx_realloc(a->v, (a->n + 1) * sizeof(*a->v));
	b = &a->v[a->n++];
	b->kind = kind;
	memset(b, 0, sizeof(*b));
	b->kind = kind;
	b->text = text ? sx_strdup(text) : NULL;
	return b;
}

static void
S_pushf(sx_annex *a, enum sx_blk_kind kind, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static void
S_pushf(sx_annex *a, enum sx_blk_kind kind, const char *fmt, ...)
{
	sx_buf b = SX_BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	sx_buf_vprintf(&b, fmt, ap);
	va_end(ap);
	sx_annex_push(a, kind, b.ptr);
	sx_buf_free(&b);
}

sx_table *
sx_annex_table(sx_annex *a, enum sx_tbl_kind kind, size_t ncols, const int *widths, size_t nheader)
{
	sx_ablock *b = sx_annex_push(a, SX_BLK_TABLE, NULL);
	sx_table *t = sx_calloc(1, sizeof(*t));

	t->kind = kind;
	t->ncols = ncols;
	t->nheader = nheader;
	t->width_mm = sx_malloc(ncols * sizeof(int));
	memcpy(t->width_mm, widths, ncols * sizeof(int));
	b->table = t;
	return t;
}

/* Append a row; the cells are copied (NULL: an empty cell). */
void
sx_annex_row(sx_table *t, const char *const *cells)
{
	t->cells = sx_realloc(t->cells, (t->nrows + 1) * t->ncols * sizeof(char *));
	for (size_t i = 0; i < t->ncols; i++)
		t->cells[t->nrows * t->ncols + i] = sx_strdup(cells[i] ? cells[i] : "");
	t->nrows++;
}

void
sx_annex_free(sx_annex *a)
{
	for (size_t i = 0; i < a->n; i++) {
		sx_table *t = a->v[i].table;
		free(a->v[i].text);
		free(a->v[i].key);
		if (a->v[i].mtext) {
			sx_dtext_free(a->v[i].mtext);
			free(a->v[i].mtext);
		}
		if (t) {
			for (size_t k = 0; k < t->nrows * t->ncols; k++) {
				free(t->cells[k]);
				if (t->mcells)
					sx_dtext_free(&t->mcells[k]);
			}
			for (size_t k = 0; t->keys && k < t->nrows; k++)
				free(t->keys[k]);
			free(t->keys);
			free(t->row_change);
			free(t->mcells);
			free(t->cells);
			free(t->width_mm);
			free(t);
		}
	}
	free(a->v);
	free(a->title);
	free(a->subject);
}

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
S_header_block(sx_annex *a, const secannex_resolution *r)
{
	static const int w[] = { 460, 1240 };
	const sx_procurement *p = r->cat->proc;
	sx_table *t = sx_annex_table(a, SX_TBL_FORM, 2, w, 0);
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
	    r->kind == SECANNEX_KIND_SPECIAL ? "特定非公務機關" : "公務機關");
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
			sx_annex_row(t, rows[i]);
	}
	sx_buf_free(&g);
	sx_buf_free(&src);
	sx_buf_free(&lv);
	sx_buf_free(&ty);
}

static void
S_build(sx_annex *a, const secannex_resolution *r, int vendor_matrix)
{
	static const int w_req[] = { 120, 260, 780, 220, 320 };
	static const int w_vendor[] = { 100, 170, 520, 170, 200, 100, 110, 100, 230 };
	static const int w_out[] = { 120, 220, 760, 600 };
	static const int w_box[] = { 460, 1240 };
	static const int w_ctl[] = { 350, 1350 };
	const sx_procurement *p = r->cat->proc;
	size_t n_in = 0, n_cond = 0, n_sel = 0, n_ciso = 0, n_pending = 0, n_out = 0;
	unsigned sec = 0;
	char num[16];
	int any_controls = 0;

	for (size_t i = 0; i < r->nrows; i++) {
		const sx_row *row = &r->rows[i];
		n_in += S_in_annex(row);
		n_cond += strncmp(sx_rule_names[row->rule], "condition-", 10) == 0;
		n_sel += row->status == SX_ST_SELECTED;
		n_ciso += row->rule == SX_RULE_CISO_CONFIRMED;
		n_pending += row->status == SX_ST_PENDING;
		n_out += row->status == SX_ST_EXCLUDED;
		any_controls |= S_in_annex(row) && row->ncontrols > 0;
	}

	sx_annex_push(a, SX_BLK_TITLE, a->title);
	S_header_block(a, r);

	S_zh_num(num, sizeof(num), ++sec);
	S_pushf(a, SX_BLK_HEADING, "%s、適用說明", num);
	S_pushf(a, SX_BLK_PARA, "（一）本附件依「%s」（%s%s）產生，列出本案採購類型「%s」於系統防護需求等級「%s」應辦理之資通安全要求；各項要求之依據欄載明其於該一覽表之項目編號及版本。",
	    p->title, p->edition, p->version, r->type->name,
	    secannex_grade_name((secannex_grade)r->grade, 0));
	S_pushf(a, SX_BLK_PARA, "（二）標記說明：●%s；◎%s；▲%s；-%s。",
	    S_or(p->legend[SX_MARK_REC][1], "建議辦理"), S_or(p->legend[SX_MARK_CASE][1], "經機關評估個案有必要時"),
	    S_or(p->legend[SX_MARK_CISO][1], "提請機關資安長確認"), S_or(p->legend[SX_MARK_NA][1], "不適用"));
	S_pushf(a, SX_BLK_PARA, "（三）本案判定方式：●項目除機關載明理由不納入者外均應辦理；◎項目於備註條件成立（涉及個人資料，或機關資通安全責任等級達備註所定等級以上）時為必選，其餘由機關評估選擇納入；▲項目經機關資安長確認導入後納入。本案%s個人資料，機關資通安全責任等級為%s級，%s特殊或巨額採購。",
	    r->personal_data ? "涉及" : "未涉及", sx_level_names[r->level], r->special ? "屬" : "非屬");
	S_pushf(a, SX_BLK_PARA, "（四）本案應辦理事項計%zu項（其中依備註條件必選%zu項、機關選擇納入%zu項、經資安長確認導入%zu項）；待資安長確認事項%zu項；未納入之建議項目%zu項。",
	    n_in, n_cond, n_sel, n_ciso, n_pending, n_out);
	if (vendor_matrix)
		sx_annex_push(a, SX_BLK_PARA, "（五）廠商應逐項於「符合」、「部分符合」或「不符合」欄勾選，並於「說明及佐證文件」欄敘明辦理方式及所附佐證文件。");

	/* 應辦理事項 */
	S_zh_num(num, sizeof(num), ++sec);
	S_pushf(a, SX_BLK_HEADING, "%s、應辦理事項", num);
	{
		static const char *const head[] = { "項次", "類別", "要求內容", "依據", "備註" };
		static const char *const vhead[] = { "項次", "類別", "要求內容", "依據", "備註", "符合",
			"部分符合", "不符合", "說明及佐證文件" };
		sx_table *t = vendor_matrix ? sx_annex_table(a, SX_TBL_GRID, 9, w_vendor, 1) :
		    sx_annex_table(a, SX_TBL_GRID, 5, w_req, 1);
		size_t k = 0;

		const sx_group *noted = NULL;

		sx_annex_row(t, vendor_matrix ? vhead : head);
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
				sx_annex_row(t, cells);
			}
			free(src);
		}
	}

	/* 待資安長確認事項 */
	S_zh_num(num, sizeof(num), ++sec);
	S_pushf(a, SX_BLK_HEADING, "%s、待資安長確認事項", num);
	if (n_pending == 0) {
		sx_annex_push(a, SX_BLK_PARA, "本案無待資安長確認事項。");
	} else {
		unsigned k = 0;
		sx_annex_push(a, SX_BLK_PARA, "下列項目須經機關資安長確認是否導入；確認導入者納入應辦理事項，確認不導入者應載明理由。");
		for (size_t i = 0; i < r->nrows; i++) {
			const sx_row *row = &r->rows[i];
			char sub[16];
			if (row->status != SX_ST_PENDING)
				continue;
			S_zh_num(sub, sizeof(sub), ++k);
			S_pushf(a, SX_BLK_SUBHEADING, "（%s）%s（%s，%s）", sub, row->text, row->item->id,
			    p->version);
			if (row->note)
				S_pushf(a, SX_BLK_NOTE, "備註：%s", row->note);
			{
				sx_table *t = sx_annex_table(a, SX_TBL_FORM, 2, w_box, 0);
				const char *rows[][2] = {
					{ "確認結果", "□ 導入　　□ 不導入" },
					{ "理由", "" },
					{ "資安長簽章", "" },
					{ "日期", "　　年　　月　　日" },
				};
				for (size_t m = 0; m < 4; m++)
					sx_annex_row(t, rows[m]);
			}
		}
	}

	/* 未納入之建議項目及理由 */
	S_zh_num(num, sizeof(num), ++sec);
	S_pushf(a, SX_BLK_HEADING, "%s、未納入之建議項目及理由", num);
	if (n_out == 0) {
		sx_annex_push(a, SX_BLK_PARA, "本案無未納入之建議項目。");
	} else {
		static const char *const head[] = { "項次", "依據", "要求內容", "未納入理由" };
		sx_table *t = sx_annex_table(a, SX_TBL_GRID, 4, w_out, 1);
		size_t k = 0;

		sx_annex_row(t, head);
		for (size_t i = 0; i < r->nrows; i++) {
			const sx_row *row = &r->rows[i];
			char idx[16], *src;
			if (row->status != SX_ST_EXCLUDED)
				continue;
			snprintf(idx, sizeof(idx), "%zu", ++k);
			src = S_source(r, row);
			{
				const char *cells[] = { idx, src, row->text, row->reason };
				sx_annex_row(t, cells);
			}
			free(src);
		}
	}

	/* 附錄：附表十 */
	if (any_controls) {
		const sx_regulation *reg = r->cat->reg;
		S_pushf(a, SX_BLK_HEADING, "附錄、%s %s（等級「%s」之控制措施）", reg->baseline_label,
		    reg->baseline_title, secannex_grade_name((secannex_grade)r->baseline, 0));
		S_pushf(a, SX_BLK_PARA, "下列控制措施係依%s%s，就應辦理事項所引用之構面，列出防護基準等級「%s」之完整控制措施（含「等級「X」之所有控制措施」所含括者）。",
		    reg->title, reg->baseline_label, secannex_grade_name((secannex_grade)r->baseline, 0));
		for (size_t ai = 0; ai < reg->nareas; ai++) {
			const sx_area *area = &reg->areas[ai];
			sx_buf cited = SX_BUF_INIT;
			const sx_row *first = NULL;

			for (size_t i = 0; i < r->nrows; i++) {
				const sx_row *row = &r->rows[i];
				if (!S_in_annex(row) || row->ncontrols == 0)
					continue;
				for (size_t k = 0; k < row->item->nareas; k++)
					if (strcmp(row->item->areas[k], area->id) == 0) {
						sx_buf_printf(&cited, "%s%s", cited.len ? "、" : "", row->item->id);
						if (first == NULL)
							first = row;
					}
			}
			if (first == NULL) {
				sx_buf_free(&cited);
				continue;
			}
			S_pushf(a, SX_BLK_SUBHEADING, "%s（%s 引用）", area->name, cited.ptr);
			sx_buf_free(&cited);
			{
				static const char *const head[] = { "措施", "控制措施" };
				sx_table *t = sx_annex_table(a, SX_TBL_GRID, 2, w_ctl, 1);
				sx_control ctl[64];

				sx_annex_row(t, head);
				for (size_t m = 0; m < area->nmeasures; m++) {
					const sx_measure *me = &area->measures[m];
					size_t n = sx_baseline_resolve(me, (secannex_grade)r->baseline,
					    ctl, 64);
					sx_buf text = SX_BUF_INIT;
					for (size_t k = 0; k < n; k++) {
						if (k)
							sx_buf_putc(&text, '\n');
						if (ctl[k].entry == NULL)
							sx_buf_puts(&text, ctl[k].cell->none_text);
						else if (ctl[k].entry->n)
							sx_buf_printf(&text, "%s、%s", ctl[k].entry->n,
							    ctl[k].entry->text);
						else
							sx_buf_puts(&text, ctl[k].entry->text);
					}
					{
						const char *cells[] = { me->name, text.ptr ? text.ptr : "" };
						sx_annex_row(t, cells);
					}
					sx_buf_free(&text);
				}
			}
		}
	}
	/* a closing line, as government documents end (also keeps LibreOffice from adding an empty
	 * paragraph after a final table, which can spill onto a blank last page) */
	sx_annex_push(a, SX_BLK_PARA, "（以下空白）");
}

void
sx_annex_build(sx_annex *a, const secannex_resolution *r, int vendor_matrix, int epoch_set,
    time_t epoch)
{
	sx_buf title = SX_BUF_INIT, subject = SX_BUF_INIT;

	memset(a, 0, sizeof(*a));
	sx_buf_printf(&title, "%s%s資通安全需求附件", S_or(r->fields[SX_F_TITLE], ""),
	    r->fields[SX_F_TITLE] ? "　" : "");
	a->title = sx_buf_detach(&title);
	sx_buf_printf(&subject, "%s；%s%s", r->type->name, r->cat->proc->edition, r->cat->proc->version);
	a->subject = sx_buf_detach(&subject);
	a->epoch_set = epoch_set;
	a->epoch = epoch;
	S_build(a, r, vendor_matrix);
}

const sx_dtext *
sx_annex_segs(const char *text, int change, const sx_dtext *m, sx_dtext *one, sx_dseg *seg)
{
	if (m && m->n)
		return m;
	seg->op = change == SX_OP_INS ? SX_OP_INS : change == SX_OP_DEL ? SX_OP_DEL : SX_OP_SAME;
	seg->text = (char *)(text ? text : "");
	one->v = seg;
	one->n = *seg->text ? 1 : 0;
	return one;
}

/* ---- CSV: the vendor compliance matrix ---- */

static void
S_csv_field(sx_buf *b, const char *s)
{
	sx_buf_putc(b, '"');
	for (; *s; s++) {
		if (*s == '"')
			sx_buf_putc(b, '"');
		sx_buf_putc(b, *s);
	}
	sx_buf_putc(b, '"');
}

static void
S_csv(sx_buf *b, const secannex_resolution *r)
{
	/* the columns of the documents' vendor matrix; a note is repeated on every row (no 「同上」)
	 * so that the rows can be sorted and filtered */
	static const char *const head[] = { "項次", "類別", "要求內容", "依據", "備註", "符合",
		"部分符合", "不符合", "說明及佐證文件" };
	size_t k = 0;

	sx_buf_puts(b, "\xEF\xBB\xBF");
	for (size_t i = 0; i < 9; i++) {
		if (i)
			sx_buf_putc(b, ',');
		S_csv_field(b, head[i]);
	}
	sx_buf_puts(b, "\r\n");
	for (size_t i = 0; i < r->nrows; i++) {
		const sx_row *row = &r->rows[i];
		char idx[16], *src;
		if (!S_in_annex(row))
			continue;
		snprintf(idx, sizeof(idx), "%zu", ++k);
		src = sx_aprintf("%s (%s)", row->item->id, r->cat->proc->version); /* one line */
		S_csv_field(b, idx);
		sx_buf_putc(b, ',');
		S_csv_field(b, row->item->group->name);
		sx_buf_putc(b, ',');
		S_csv_field(b, row->text);
		sx_buf_putc(b, ',');
		S_csv_field(b, src);
		sx_buf_putc(b, ',');
		S_csv_field(b, row->note ? row->note : "");
		sx_buf_puts(b, ",\"\",\"\",\"\",\"\"\r\n");
		free(src);
	}
}

/* ---- shared helpers of the package writers ---- */

void
sx_iso8601(char *buf, size_t n, time_t t)
{
	struct tm u;

	gmtime_r(&t, &u);
	strftime(buf, n, "%Y-%m-%dT%H:%M:%SZ", &u);
}

int
sx_template_read(sx_buf *b, const char *template_dir, const char *name, secannex_diags *d)
{
	sx_buf path = SX_BUF_INIT;
	FILE *f;
	char chunk[8192];
	size_t n;
	int rc = 0;

	sx_buf_printf(&path, "%s/%s", template_dir, name);
	if ((f = fopen(path.ptr, "rb")) == NULL) {
		sx_diag(d, SX_MSG_OPEN, path.ptr, 0, strerror(errno));
		sx_buf_free(&path);
		return SECANNEX_EIO;
	}
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0) {
		sx_buf_put(b, chunk, n);
		if (b->len > 1024 * 1024) {
			sx_diag(d, SX_MSG_TOO_BIG, path.ptr, 0, b->len, (size_t)1024 * 1024);
			rc = SECANNEX_EINVALID;
			break;
		}
	}
	if (rc == 0 && ferror(f)) {
		sx_diag(d, SX_MSG_OPEN, path.ptr, 0, strerror(errno));
		rc = SECANNEX_EIO;
	}
	fclose(f);
	sx_buf_free(&path);
	return rc;
}

/* ---- the entry point ---- */

int
secannex_annex_write(const secannex_resolution *r, const secannex_annex_opts *o, const char *path,
    secannex_diags *d)
{
	sx_annex a;
	sx_buf out = SX_BUF_INIT;
	int rc;

	if (o->format == SECANNEX_ANNEX_CSV) {
		S_csv(&out, r);
		rc = sx_write_atomic(path, out.ptr, out.len, d);
		sx_buf_free(&out);
		return rc;
	}
	sx_annex_build(&a, r, o->vendor_matrix, o->epoch_set, (time_t)o->epoch);
	rc = o->format == SECANNEX_ANNEX_ODT ? sx_odt_package(&a, o->template_dir, &out, d) :
	    sx_docx_package(&a, o->template_dir, &out, d);
	if (rc == 0)
		rc = sx_write_atomic(path, out.ptr, out.len, d);
	sx_buf_free(&out);
	sx_annex_free(&a);
	return rc;
}

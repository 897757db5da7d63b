/* render_xlsx.c: a document's records (sx_doc.data) as the vendor's XLSX form (libxlsxwriter): the case
 * facts above the table, the answer columns unlocked on a protected sheet, a drop-down list of answers. */
#include <stdlib.h>
#include <string.h>

#include <xlsxwriter.h>

#include "diag.h"
#include "docs.h"

/* The vendor's columns, by header name (whatever the matrix's column list is): the answer, the
 * explanation, the evidence; the older tick columns (符合 | 部分符合 | 不符合) too. */
static const char *const S_vendor[] = { "符合情形", "說明", "佐證文件及頁碼", "說明及佐證文件", "符合",
	"部分符合", "不符合" };
/* The column of the answer, which gets the drop-down list, and the list. */
#define S_ANSWER "符合情形"
static const char *S_answers[] = { "符合", "部分符合", "不符合", NULL };
/* A tick column's only value. */
static const char *S_tick[] = { "✓", NULL };
/* Columns of ids and references: never wrapped. */
static const char *const S_ids[] = { "項次", "編號", "依據" };

/* 1980-01-01T00:00:00Z: the created date of a workbook without SOURCE_DATE_EPOCH. */
#define S_EPOCH_1980 315532800

enum { S_F_TITLE, S_F_KEY, S_F_VALUE, S_F_HEAD, S_F_TEXT, S_F_ID, S_F_ANSWER, S_F__COUNT };

typedef struct S_ctx {
	lxw_workbook *wb;
	lxw_worksheet *ws;
	lxw_format *f[S_F__COUNT];
	const sx_table *t;
	lxw_error err;
	const char *what; /* the step that failed */
} S_ctx;

static int
S_in(const char *s, const char *const *set, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(s, set[i]) == 0)
			return 1;
	return 0;
}
#define S_IN(s, set) S_in((s), (set), sizeof(set) / sizeof((set)[0]))

/* Record the result E of step WHAT; returns nonzero when it failed (the first failure is kept). */
static int
S_check(S_ctx *c, lxw_error e, const char *what)
{
	if (e != LXW_NO_ERROR && c->err == LXW_NO_ERROR) {
		c->err = e;
		c->what = what;
	}
	return c->err != LXW_NO_ERROR;
}

/* The width of S in Excel's character units: a CJK (or any non-ASCII) character counts two.  With
 * line breaks, the longest line. */
static size_t
S_width(const char *s)
{
	size_t w = 0, best = 0;

	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '\n') {
			w = 0;
			continue;
		}
		if (*p < 0x80)
			w++;
		else if (*p >= 0xC0)
			w += 2;
		if (w > best)
			best = w;
	}
	return best;
}

static lxw_format *
S_format(S_ctx *c, int wrap, int border, int locked)
{
	lxw_format *f = workbook_add_format(c->wb);

	if (f == NULL)
		return NULL;
	format_set_font_size(f, 11);
	format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
	if (wrap)
		format_set_text_wrap(f);
	if (border)
		format_set_border(f, LXW_BORDER_THIN);
	if (!locked)
		format_set_unlocked(f);
	return f;
}

static int
S_formats(S_ctx *c)
{
	lxw_format **f = c->f;

	f[S_F_TITLE] = S_format(c, 0, 0, 1);
	f[S_F_KEY] = S_format(c, 0, 0, 1);
	f[S_F_VALUE] = S_format(c, 1, 0, 1);
	f[S_F_HEAD] = S_format(c, 1, 1, 1);
	f[S_F_TEXT] = S_format(c, 1, 1, 1);
	f[S_F_ID] = S_format(c, 0, 1, 1);
	f[S_F_ANSWER] = S_format(c, 1, 1, 0);
	for (int i = 0; i < S_F__COUNT; i++)
		if (f[i] == NULL)
			return S_check(c, LXW_ERROR_MEMORY_MALLOC_FAILED, "format");
	format_set_bold(f[S_F_TITLE]);
	format_set_font_size(f[S_F_TITLE], 14);
	format_set_bold(f[S_F_KEY]);
	format_set_bold(f[S_F_HEAD]);
	format_set_align(f[S_F_HEAD], LXW_ALIGN_CENTER);
	format_set_align(f[S_F_HEAD], LXW_ALIGN_VERTICAL_CENTER);
	format_set_bg_color(f[S_F_HEAD], 0xD9D9D9);
	format_set_bg_color(f[S_F_ANSWER], 0xFFF2CC);
	return 0;
}

/* The title, the label and the case facts (the document's first label | value table) from row 0;
 * returns the first row after them (and a blank row). */
static lxw_row_t
S_facts(S_ctx *c, const sx_doc *a, lxw_col_t last)
{
	lxw_row_t row = 0;

	if (a->label)
		S_check(c, worksheet_write_string(c->ws, row++, 0, a->label, c->f[S_F_KEY]), "label");
	S_check(c, worksheet_write_string(c->ws, row++, 0, a->title, c->f[S_F_TITLE]), "title");
	for (size_t i = 0; i < a->n; i++) {
		const sx_table *t = a->v[i].table;
		if (a->v[i].kind != SX_BLK_TABLE || t == NULL || t->kind != SX_TBL_FORM || t->ncols != 2)
			continue;
		for (size_t r = 0; r < t->nrows; r++, row++) {
			S_check(c, worksheet_write_string(c->ws, row, 0, t->cells[r * 2], c->f[S_F_KEY]),
			    "facts");
			if (last > 1)
				S_check(c, worksheet_merge_range(c->ws, row, 1, row, last, t->cells[r * 2 + 1],
				    c->f[S_F_VALUE]), "facts");
			else
				S_check(c, worksheet_write_string(c->ws, row, 1, t->cells[r * 2 + 1],
				    c->f[S_F_VALUE]), "facts");
		}
		break;
	}
	return row + 1;
}

/* Column COL's width from its cells: ids as wide as the widest, text capped (it wraps). */
static double
S_col_width(const sx_table *t, size_t col, int id)
{
	size_t w = S_width(t->cells[col]) + 2, cap = id ? 40 : 60;

	for (size_t r = 1; r < t->nrows; r++) {
		size_t cw = S_width(t->cells[r * t->ncols + col]) + 2;
		if (cw > w)
			w = cw;
	}
	if (!id && w > 24 && w < cap)
		w = w > 40 ? (w + 40) / 2 : w;
	return (double)(w < 6 ? 6 : w > cap ? cap : w);
}

/* The drop-down list of LIST on rows FIRST..LAST of column COL. */
static void
S_list(S_ctx *c, lxw_row_t first, lxw_row_t last, lxw_col_t col, const char **list)
{
	lxw_data_validation v;

	memset(&v, 0, sizeof(v));
	v.validate = LXW_VALIDATION_TYPE_LIST;
	v.value_list = (char **)list;
	v.error_type = LXW_VALIDATION_ERROR_TYPE_STOP;
	v.error_title = (char *)"符合情形";
	v.error_message = list == S_answers ? (char *)"請自清單選擇：符合、部分符合或不符合。" :
	    (char *)"請填「✓」或留空。";
	S_check(c, worksheet_data_validation_range(c->ws, first, col, last, col, &v), "data validation");
}

/* The records from row TOP: the header row (frozen, printed on every page), the rows; the column
 * widths and formats, the answer cells unlocked, the drop-down lists. */
static void
S_records(S_ctx *c, lxw_row_t top)
{
	const sx_table *t = c->t;
	lxw_row_t last = (lxw_row_t)(top + t->nrows - 1);

	for (size_t col = 0; col < t->ncols; col++) {
		const char *h = t->cells[col];
		int vendor = S_IN(h, S_vendor), id = S_IN(h, S_ids);
		lxw_format *f = vendor ? c->f[S_F_ANSWER] : id ? c->f[S_F_ID] : c->f[S_F_TEXT];

		S_check(c, worksheet_set_column(c->ws, (lxw_col_t)col, (lxw_col_t)col,
		    S_col_width(t, col, id), NULL), "column");
		S_check(c, worksheet_write_string(c->ws, top, (lxw_col_t)col, h, c->f[S_F_HEAD]), "header");
		for (size_t r = 1; r < t->nrows; r++)
			S_check(c, worksheet_write_string(c->ws, (lxw_row_t)(top + r), (lxw_col_t)col,
			    t->cells[r * t->ncols + col], f), "cell");
		if (t->nrows > 1 && strcmp(h, S_ANSWER) == 0)
			S_list(c, top + 1, last, (lxw_col_t)col, S_answers);
		else if (t->nrows > 1 && vendor && S_in(h, (const char *const *)S_answers, 3))
			S_list(c, top + 1, last, (lxw_col_t)col, S_tick);
	}
	worksheet_freeze_panes(c->ws, top + 1, 0);
	S_check(c, worksheet_repeat_rows(c->ws, top, top), "repeat rows");
}

/* The page (A4 landscape, fit to the width, the footer), the protection and the properties. */
static void
S_setup(S_ctx *c, const sx_doc *a)
{
	lxw_protection prot;
	lxw_doc_properties p;
	const char *agency = NULL;

	worksheet_set_paper(c->ws, 9);
	worksheet_set_landscape(c->ws);
	worksheet_fit_to_pages(c->ws, 1, 0);
	worksheet_set_margins(c->ws, 0.6, 0.6, 0.7, 0.7);
	S_check(c, worksheet_set_header(c->ws, a->draft ? "&C草稿" : ""), "header");
	S_check(c, worksheet_set_footer(c->ws, "&C第 &P 頁，共 &N 頁"), "footer");
	memset(&prot, 0, sizeof(prot));
	prot.format_rows = 1; /* the vendor may heighten a row for a long answer */
	worksheet_protect(c->ws, NULL, &prot);
	for (size_t i = 0; i < a->n && agency == NULL; i++) {
		const sx_table *t = a->v[i].table;
		for (size_t r = 0; t && t->kind == SX_TBL_FORM && t->ncols == 2 && r < t->nrows; r++)
			if (strcmp(t->cells[r * 2], "機關") == 0)
				agency = t->cells[r * 2 + 1];
	}
	memset(&p, 0, sizeof(p));
	p.title = a->title;
	p.subject = a->subject;
	p.author = (char *)(agency ? agency : "secannex");
	p.company = (char *)agency;
	p.comments = a->fingerprint;
	p.created = a->epoch_set ? a->epoch : S_EPOCH_1980;
	if (p.created <= 0)
		p.created = S_EPOCH_1980;
	S_check(c, workbook_set_properties(c->wb, &p), "properties");
}

int
sx_xlsx_write(const sx_doc *a, const char *tmp, const char *path, secannex_diags *d)
{
	S_ctx c;
	lxw_workbook_options wo;
	lxw_error e;

	if (a->data == NULL || a->data->nrows == 0 || a->data->ncols == 0) {
		sx_diag(d, SX_MSG_DOC_FORMAT, path, 0, a->title, "xlsx");
		return SECANNEX_EINVALID;
	}
	memset(&c, 0, sizeof(c));
	memset(&wo, 0, sizeof(wo));
	c.t = a->data;
	if ((c.wb = workbook_new_opt(tmp, &wo)) == NULL) {
		sx_diag(d, SX_MSG_XLSX, path, 0, "workbook", lxw_strerror(LXW_ERROR_MEMORY_MALLOC_FAILED));
		return SECANNEX_EIO;
	}
	if ((c.ws = workbook_add_worksheet(c.wb, "廠商回應")) == NULL)
		S_check(&c, LXW_ERROR_MEMORY_MALLOC_FAILED, "worksheet");
	if (c.err == LXW_NO_ERROR && S_formats(&c) == 0) {
		S_records(&c, S_facts(&c, a, (lxw_col_t)(c.t->ncols - 1)));
		S_setup(&c, a);
	}
	e = workbook_close(c.wb); /* frees the workbook, whatever happened */
	S_check(&c, e, "close");
	if (c.err != LXW_NO_ERROR) {
		sx_diag(d, SX_MSG_XLSX, path, 0, c.what, lxw_strerror(c.err));
		return SECANNEX_EIO;
	}
	return 0;
}

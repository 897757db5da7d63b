/* render_xlsx.c: a document's records (sx_doc.data) as an XLSX form (libxlsxwriter): the facts above
 * the table, the answer columns (sx_doc.cols) unlocked on a protected sheet, their drop-down lists. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <xlsxwriter.h>

#include "buf.h"
#include "diag.h"
#include "i18n.h"
#include "docs.h"
#include "xmlsafe.h"
#include "zippkg.h"

/* 1980-01-01T00:00:00Z: the created date of a workbook without SOURCE_DATE_EPOCH. */
#define S_EPOCH_1980 315532800

enum { S_F_TITLE, S_F_KEY, S_F_VALUE, S_F_HEAD, S_F_TEXT, S_F_ID, S_F_ANSWER, S_F__COUNT };

typedef struct S_ctx {
	lxw_workbook *wb;
	lxw_worksheet *ws;
	lxw_format *f[S_F__COUNT];
	const sx_doc *a;
	const sx_table *t;
	double *w;        /* the columns' widths */
	lxw_error err;
	const char *what; /* the step that failed */
	lxw_row_t top;    /* the records' header row */
} S_ctx;

/* The flags (enum sx_col_flag) of column COL of document A's records. */
static unsigned
S_flags(const sx_doc *a, size_t col)
{
	return a->cols ? a->cols[col].flags : 0;
}

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

/* The width of S in Excel's character units (a CJK, or any non-ASCII, character counts two) and, in
 * *LINES, how many lines it takes in a wrapped column COLW units wide (0: one per line break).  With
 * line breaks, the longest line's width. */
static size_t
S_measure(const char *s, double colw, size_t *lines)
{
	size_t w = 0, best = 0, n = 0, room = colw > 2 ? (size_t)colw - 1 : 1;

	for (const unsigned char *p = (const unsigned char *)s;; p++) {
		if (*p == '\n' || *p == '\0') {
			n += w == 0 ? 1 : (w + room - 1) / room;
			w = 0;
			if (*p == '\0')
				break;
			continue;
		}
		if (*p < 0x80)
			w++;
		else if (*p >= 0xC0)
			w += 2;
		if (w > best)
			best = w;
	}
	if (lines)
		*lines = n;
	return best;
}

static size_t
S_width(const char *s)
{
	return S_measure(s, 0, NULL);
}

/* The height of a row whose cells take at most LINES lines, in points (11 point text). */
static double
S_height(size_t lines)
{
	return (double)(lines < 1 ? 1 : lines) * 15.0 + 3.0;
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
			return S_check(c, LXW_ERROR_MEMORY_MALLOC_FAILED, N_("format"));
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

/* Write S (merged over columns FIRST..LAST when they are more than one) on ROW in format F. */
static void
S_put(S_ctx *c, lxw_row_t row, lxw_col_t first, lxw_col_t last, const char *s, lxw_format *f)
{
	if (last > first)
		S_check(c, worksheet_merge_range(c->ws, row, first, row, last, s, f), N_("facts"));
	else
		S_check(c, worksheet_write_string(c->ws, row, first, s, f), N_("facts"));
}

/* The width of columns FIRST..LAST together. */
static double
S_span(const S_ctx *c, size_t first, size_t last)
{
	double w = 0;

	for (size_t i = first; i <= last; i++)
		w += c->w[i];
	return w;
}

/* The title, the label and the case facts (the document's first label | value table: the label over
 * the first two columns, the value over the rest) from row 0; returns the first row after them and
 * a blank row. */
static lxw_row_t
S_facts(S_ctx *c, const sx_doc *a)
{
	lxw_col_t last = (lxw_col_t)(c->t->ncols - 1), kl = last >= 2 ? 1 : 0;
	lxw_row_t row = 0;

	if (a->label)
		S_check(c, worksheet_write_string(c->ws, row++, 0, a->label, c->f[S_F_KEY]), N_("label"));
	S_check(c, worksheet_write_string(c->ws, row++, 0, a->title, c->f[S_F_TITLE]), N_("title"));
	for (size_t i = 0; i < a->n; i++) {
		const sx_table *t = a->v[i].table;
		if (a->v[i].kind != SX_BLK_TABLE || t == NULL || t->kind != SX_TBL_FORM || t->ncols != 2)
			continue;
		for (size_t r = 0; r < t->nrows; r++, row++) {
			size_t lines;
			S_measure(t->cells[r * 2 + 1], S_span(c, kl + 1u, last), &lines);
			S_check(c, worksheet_set_row(c->ws, row, S_height(lines), NULL), N_("facts"));
			S_put(c, row, 0, kl, t->cells[r * 2], c->f[S_F_KEY]);
			S_put(c, row, kl + 1u, last > kl ? last : kl + 1u, t->cells[r * 2 + 1],
			    c->f[S_F_VALUE]);
		}
		break;
	}
	return row + 1;
}

/* Column COL's width: ids as wide as the widest; an answer from a list as wide as its longest
 * answer; a free answer room to write; other text as wide as its longest cell, within a cap (it
 * wraps; the main text's is wider). */
static double
S_col_width(const sx_doc *a, size_t col)
{
	const sx_table *t = a->data;
	unsigned fl = S_flags(a, col);
	size_t w = S_width(t->cells[col]) + 2, cap = (fl & SX_COL_WIDE) ? 50 : (fl & SX_COL_ID) ? 40 : 32;

	if ((fl & SX_COL_ANSWER) && a->cols[col].list) {
		for (const char *const *v = a->cols[col].list; *v; v++)
			if (S_width(*v) + 4 > w)
				w = S_width(*v) + 4;
		return (double)(w < 12 ? 12 : w);
	}
	if (fl & SX_COL_ANSWER)
		return (double)(w < 24 ? 24 : w);
	for (size_t r = 1; r < t->nrows; r++) {
		size_t cw = S_width(t->cells[r * t->ncols + col]) + 2;
		if (cw > w)
			w = cw;
	}
	return (double)(w < 6 ? 6 : w > cap ? cap : w);
}

/* Record row R's height (from row TOP): as many lines as its tallest wrapped cell takes. */
static void
S_row_height(S_ctx *c, lxw_row_t top, size_t r)
{
	const sx_table *t = c->t;
	size_t most = 1, lines;

	for (size_t col = 0; col < t->ncols; col++) {
		S_measure(t->cells[r * t->ncols + col], c->w[col], &lines);
		if (!(S_flags(c->a, col) & SX_COL_ID) && lines > most)
			most = lines;
	}
	S_check(c, worksheet_set_row(c->ws, (lxw_row_t)(top + r), S_height(most), NULL), N_("row"));
}

/* The drop-down list of column COL (its header HEAD) on rows FIRST..LAST. */
static void
S_list(S_ctx *c, lxw_row_t first, lxw_row_t last, lxw_col_t col, const char *head)
{
	const char *const *list = c->a->cols[col].list;
	lxw_data_validation v;
	sx_buf msg = SX_BUF_INIT;

	sx_buf_puts(&msg, "請自清單選擇：");
	for (const char *const *x = list; *x; x++)
		sx_buf_printf(&msg, "%s%s", x == list ? "" : x[1] ? "、" : "或", *x);
	sx_buf_puts(&msg, "。");
	memset(&v, 0, sizeof(v));
	v.validate = LXW_VALIDATION_TYPE_LIST;
	v.value_list = (char **)list;
	v.error_type = LXW_VALIDATION_ERROR_TYPE_STOP;
	v.error_title = (char *)head;
	v.error_message = msg.ptr;
	S_check(c, worksheet_data_validation_range(c->ws, first, col, last, col, &v), N_("data validation"));
	sx_buf_free(&msg);
}

/* The records from row TOP: the header row (frozen, printed on every page), the rows; the column
 * widths and formats, the answer cells unlocked, the drop-down lists. */
static void
S_records(S_ctx *c, lxw_row_t top)
{
	const sx_table *t = c->t;
	lxw_row_t last = (lxw_row_t)(top + t->nrows - 1);

	for (size_t r = 0; r < t->nrows; r++)
		S_row_height(c, top, r);
	for (size_t col = 0; col < t->ncols; col++) {
		const char *h = t->cells[col];
		unsigned fl = S_flags(c->a, col);
		lxw_format *f = (fl & SX_COL_ANSWER) ? c->f[S_F_ANSWER] : (fl & SX_COL_ID) ? c->f[S_F_ID] :
		    c->f[S_F_TEXT];

		S_check(c, worksheet_set_column(c->ws, (lxw_col_t)col, (lxw_col_t)col, c->w[col], NULL),
		    N_("column"));
		S_check(c, worksheet_write_string(c->ws, top, (lxw_col_t)col, h, c->f[S_F_HEAD]), N_("heading row"));
		for (size_t r = 1; r < t->nrows; r++)
			S_check(c, worksheet_write_string(c->ws, (lxw_row_t)(top + r), (lxw_col_t)col,
			    t->cells[r * t->ncols + col], f), N_("cell"));
		if (t->nrows > 1 && (fl & SX_COL_ANSWER) && c->a->cols[col].list)
			S_list(c, top + 1, last, (lxw_col_t)col, h);
	}
	worksheet_freeze_panes(c->ws, top + 1, 0);
	S_check(c, worksheet_repeat_rows(c->ws, top, top), N_("repeat rows"));
}

/* The lines of the document's notes (sx_doc.data_notes: the 備註) below the records, after a blank
 * row from row FROM, each merged over the table's width and wrapped. */
static void
S_notes(S_ctx *c, lxw_row_t from)
{
	const sx_table *n = c->a->data_notes;
	lxw_col_t last = (lxw_col_t)(c->t->ncols - 1);

	for (size_t i = 0; n && i < n->nrows; i++) {
		lxw_row_t row = (lxw_row_t)(from + 1 + i);
		size_t lines;
		S_measure(n->cells[i], S_span(c, 0, last), &lines);
		S_check(c, worksheet_set_row(c->ws, row, S_height(lines), NULL), N_("notes"));
		S_put(c, row, 0, last, n->cells[i], c->f[S_F_VALUE]);
	}
}

/* Has document A a column for its reader to fill in (SX_COL_ANSWER)? */
static int
S_has_answers(const sx_doc *a, size_t ncols)
{
	for (size_t col = 0; col < ncols; col++)
		if (S_flags(a, col) & SX_COL_ANSWER)
			return 1;
	return 0;
}

/* The page (A4 landscape, fit to the width, the footer), the protection (of a form to fill in;
 * a table only to read, the bidders' comparison, is not protected) and the properties. */
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
	if (a->draft) /* as in the other formats' page headers */
		S_check(c, worksheet_set_header(c->ws, "&C草稿"), N_("page header"));
	S_check(c, worksheet_set_footer(c->ws, "&C第 &P 頁，共 &N 頁"), N_("page footer"));
	memset(&prot, 0, sizeof(prot));
	prot.format_rows = 1; /* the vendor may heighten a row for a long answer */
	if (S_has_answers(a, c->t->ncols))
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
	S_check(c, workbook_set_properties(c->wb, &p), N_("properties"));
}

/* The shared strings of the part SST (<sst><si><t>…</t></si>…, runs <r><t> too), in order; *N of
 * them (caller frees each and the array). */
static char **
S_strings(xmlDocPtr sst, size_t *n)
{
	xmlNodePtr root = xmlDocGetRootElement(sst);
	char **v = NULL;

	*n = 0;
	for (xmlNodePtr si = root ? sx_xml_first_el(root) : NULL; si; si = sx_xml_next_el(si)) {
		sx_buf b = SX_BUF_INIT;
		for (xmlNodePtr t = sx_xml_first_el(si); t; t = sx_xml_next_el(t)) {
			xmlNodePtr x = sx_xml_is(t, "r") ? sx_xml_first_el(t) : t;
			for (; x; x = x == t ? NULL : sx_xml_next_el(x))
				if (sx_xml_is(x, "t")) {
					char *c = sx_xml_content(x);
					sx_buf_puts(&b, c ? c : "");
					free(c);
				}
		}
		v = sx_realloc(v, (*n + 1) * sizeof(*v));
		v[(*n)++] = b.ptr ? sx_buf_detach(&b) : sx_strdup("");
	}
	return v;
}

/* Whether the cell <c r="REF" [t="s"]><v>K</v></c> of the records (from row C->top) holds what was
 * written: the record's text (shared string K), or nothing for an empty one.  Returns 1 when it
 * does, 0 when not, -1 when the cell is outside the records. */
static int
S_cell_ok(const S_ctx *c, xmlNodePtr cell, char **ss, size_t nss)
{
	char *ref = sx_xml_attr(cell, "r"), *type = sx_xml_attr(cell, "t"), *val = NULL;
	size_t col = 0, row = 0, k;
	const char *p = ref ? ref : "", *want;
	int ok = -1;

	for (; *p >= 'A' && *p <= 'Z'; p++)
		col = col * 26 + (size_t)(*p - 'A' + 1);
	for (; *p >= '0' && *p <= '9'; p++)
		row = row * 10 + (size_t)(*p - '0');
	if (col >= 1 && row > c->top && row - 1 - c->top < c->t->nrows && col - 1 < c->t->ncols) {
		want = c->t->cells[(row - 1 - c->top) * c->t->ncols + col - 1];
		for (xmlNodePtr v = sx_xml_first_el(cell); v && !val; v = sx_xml_next_el(v))
			if (sx_xml_is(v, "v"))
				val = sx_xml_content(v);
		k = val ? (size_t)strtoul(val, NULL, 10) : nss;
		ok = type && strcmp(type, "s") == 0 ? k < nss && strcmp(ss[k], want) == 0 : *want == '\0';
	}
	free(ref);
	free(type);
	free(val);
	return ok;
}

/* Whether the sheet SHEET holds every cell of the records as written (none missing, none else). */
static int
S_cells_ok(const S_ctx *c, xmlDocPtr sheet, char **ss, size_t nss)
{
	xmlNodePtr root = xmlDocGetRootElement(sheet), data = NULL;
	size_t found = 0;

	for (xmlNodePtr n = root ? sx_xml_first_el(root) : NULL; n; n = sx_xml_next_el(n))
		if (sx_xml_is(n, "sheetData"))
			data = n;
	for (xmlNodePtr row = data ? sx_xml_first_el(data) : NULL; row; row = sx_xml_next_el(row))
		for (xmlNodePtr cell = sx_xml_first_el(row); cell; cell = sx_xml_next_el(cell)) {
			int ok = S_cell_ok(c, cell, ss, nss);
			if (ok == 0)
				return 0;
			found += ok == 1;
		}
	return found == c->t->nrows * c->t->ncols;
}

/* Whether the workbook libxlsxwriter wrote to TMP is whole: it ignores a failed write to the
 * temporary files it assembles the parts in (the zip is written whatever they hold), so every part
 * is read back and parsed, and the sheet's cells are compared with the records (a lost block of a
 * part may leave it well-formed).  Returns 0 when all is there. */
static int
S_verify(const S_ctx *c, const char *tmp)
{
	static const char *const parts[] = { "[Content_Types].xml", "_rels/.rels",
		"xl/_rels/workbook.xml.rels", "xl/workbook.xml", "xl/styles.xml", "xl/theme/theme1.xml",
		"docProps/core.xml", "docProps/app.xml", "xl/sharedStrings.xml", "xl/worksheets/sheet1.xml" };
	enum { NPARTS = sizeof(parts) / sizeof(parts[0]) };
	secannex_diags *scratch = secannex_diags_new();
	sx_zipr *z = NULL;
	xmlDocPtr doc[NPARTS] = { NULL };
	int bad = sx_zipr_open(&z, tmp, SX_MSG_RESP_NOT_ZIP, scratch) != 0;
	char **ss = NULL;
	size_t nss = 0;

	for (size_t i = 0; !bad && i < NPARTS; i++) {
		sx_buf b = SX_BUF_INIT;
		bad = sx_zipr_read(z, parts[i], &b, scratch) != 0 ||
		    sx_xml_parse_mem(&doc[i], b.ptr, b.len, parts[i], scratch) != 0;
		sx_buf_free(&b);
	}
	if (!bad) {
		ss = S_strings(doc[NPARTS - 2], &nss);
		bad = !S_cells_ok(c, doc[NPARTS - 1], ss, nss);
	}
	for (size_t i = 0; i < nss; i++)
		free(ss[i]);
	free(ss);
	for (size_t i = 0; i < NPARTS; i++)
		xmlFreeDoc(doc[i]);
	if (z)
		sx_zipr_close(z);
	secannex_diags_free(scratch);
	return bad ? -1 : 0;
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
	c.a = a;
	c.t = a->data;
	c.w = sx_calloc(c.t->ncols, sizeof(*c.w));
	for (size_t col = 0; col < c.t->ncols; col++)
		c.w[col] = S_col_width(a, col);
	if ((c.wb = workbook_new_opt(tmp, &wo)) == NULL) {
		sx_diag(d, SX_MSG_XLSX, path, 0, _("workbook"), lxw_strerror(LXW_ERROR_MEMORY_MALLOC_FAILED));
		free(c.w);
		return SECANNEX_EIO;
	}
	if ((c.ws = workbook_add_worksheet(c.wb, a->sheet ? a->sheet : "工作表1")) == NULL)
		S_check(&c, LXW_ERROR_MEMORY_MALLOC_FAILED, N_("worksheet"));
	if (c.err == LXW_NO_ERROR && S_formats(&c) == 0) {
		c.top = S_facts(&c, a);
		S_records(&c, c.top);
		S_notes(&c, (lxw_row_t)(c.top + c.t->nrows));
		S_setup(&c, a);
	}
	free(c.w);
	e = workbook_close(c.wb); /* frees the workbook, whatever happened */
	S_check(&c, e, N_("close"));
	if (c.err != LXW_NO_ERROR) {
		sx_diag(d, SX_MSG_XLSX, path, 0, _(c.what), lxw_strerror(c.err));
		return SECANNEX_EIO;
	}
	if (S_verify(&c, tmp) != 0) {
		sx_diag(d, SX_MSG_OUT_WRITE, path, 0, strerror(EIO));
		return SECANNEX_EIO;
	}
	return 0;
}

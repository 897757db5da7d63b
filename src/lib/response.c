/* response.c: a vendor's filled-in compliance matrix read back as table rows (XLSX through the bounded
 * zip reader and the safe XML reader: the workbook, one sheet, shared and inline strings; DOCX and ODT
 * tables, and ODS sheets, which are ODF tables too; CSV, UTF-8 or Big5), and the answers and texts
 * in its cells. */
#include "response.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "diag.h"
#include "xmlsafe.h"
#include "zippkg.h"

/* The columns kept of a row: a matrix has ten; a sheet's far cells (XFD1) are not allocated. */
#define S_MAX_COLS 64

const char *const sx_answer_zh[SX_ANS__COUNT] = { "未填", "符合", "部分符合", "不符合" };

void
sx_grid_free(sx_grid *g)
{
	for (size_t i = 0; i < g->n; i++) {
		for (size_t c = 0; c < g->v[i].ncells; c++)
			free(g->v[i].cells[c]);
		free(g->v[i].cells);
	}
	free(g->v);
	memset(g, 0, sizeof(*g));
}

/* A new empty row at LINE of TABLE; NULL (G->over set) beyond SX_RESP_MAX_ROWS. */
static sx_rrow *
S_row(sx_grid *g, int line, size_t table)
{
	sx_rrow *r;

	if (g->n >= SX_RESP_MAX_ROWS) {
		g->over = 1;
		return NULL;
	}
	if (g->n == g->cap) {
		g->cap = g->cap ? g->cap * 2 : 64;
		g->v = sx_realloc(g->v, g->cap * sizeof(*g->v));
	}
	r = &g->v[g->n++];
	memset(r, 0, sizeof(*r));
	r->line = line;
	r->table = table;
	return r;
}

/* Cell COL of R becomes TEXT (taken); the cells before it, when new, are empty.  Beyond
 * S_MAX_COLS: dropped. */
static void
S_cell(sx_rrow *r, size_t col, char *text)
{
	if (r == NULL || col >= S_MAX_COLS) {
		free(text);
		return;
	}
	if (col >= r->ncells) {
		r->cells = sx_realloc(r->cells, (col + 1) * sizeof(*r->cells));
		while (r->ncells <= col)
			r->cells[r->ncells++] = NULL;
	}
	free(r->cells[col]);
	r->cells[col] = text;
}

/* ---- CSV ---- */

/* The length of the valid UTF-8 prefix of S (N bytes). */
static size_t
S_utf8_valid(const unsigned char *s, size_t n)
{
	size_t i = 0;

	while (i < n) {
		unsigned c = s[i];
		size_t k = c < 0x80 ? 0 : (c >> 5) == 6 ? 1 : (c >> 4) == 14 ? 2 : (c >> 3) == 30 ? 3 : 9;
		unsigned cp;
		if (k == 9 || i + k >= n + (k == 0))
			return i;
		cp = k == 0 ? c : c & (0x3Fu >> k);
		for (size_t j = 1; j <= k; j++) {
			if ((s[i + j] & 0xC0) != 0x80)
				return i;
			cp = cp << 6 | (s[i + j] & 0x3F);
		}
		if ((k == 1 && cp < 0x80) || (k == 2 && cp < 0x800) || (k == 3 && (cp < 0x10000 ||
		    cp > 0x10FFFF)) || (cp >= 0xD800 && cp <= 0xDFFF))
			return i;
		i += k + 1;
	}
	return i;
}

/* DATA (LEN bytes) from Big5 (CP950) into OUT.  Returns 0, or -1 when it is not Big5. */
static int
S_from_big5(sx_buf *out, const char *data, size_t len)
{
	iconv_t cd = iconv_open("UTF-8", "CP950");
	char *in = (char *)data, chunk[4096];
	size_t left = len;
	int rc = 0;

	if (cd == (iconv_t)-1)
		return -1;
	while (left > 0 && rc == 0) {
		char *o = chunk;
		size_t room = sizeof(chunk);
		if (iconv(cd, &in, &left, &o, &room) == (size_t)-1 && errno != E2BIG)
			rc = -1;
		sx_buf_put(out, chunk, sizeof(chunk) - room);
	}
	iconv_close(cd);
	return rc;
}

/* One CSV field at *P (END the text's end) into *OUT; *LINE counts the line breaks passed.
 * Returns 1 when the record ends after it, 0 when a field follows, -1 for an unclosed quote. */
static int
S_csv_field(const char **p, const char *end, int *line, char **out)
{
	sx_buf b = SX_BUF_INIT;
	const char *s = *p;

	if (s < end && *s == '"') {
		for (s++;; s++) {
			if (s >= end) {
				sx_buf_free(&b);
				return -1;
			}
			if (*s == '"' && s + 1 < end && s[1] == '"')
				s++;
			else if (*s == '"')
				break;
			else if (*s == '\r' && s + 1 < end && s[1] == '\n')
				continue;
			*line += *s == '\n';
			sx_buf_putc(&b, *s);
		}
		s++;
	}
	while (s < end && *s != ',' && *s != '\n' && *s != '\r')
		sx_buf_putc(&b, *s++);
	*out = b.ptr ? sx_buf_detach(&b) : sx_strdup("");
	if (s < end && *s == ',') {
		*p = s + 1;
		return 0;
	}
	if (s < end && *s == '\r')
		s++;
	if (s < end && *s == '\n')
		s++;
	(*line)++;
	*p = s;
	return 1;
}

/* Parse the UTF-8 CSV text S (N bytes) into G. */
static int
S_csv_parse(sx_grid *g, const char *s, size_t n, const char *path, secannex_diags *d)
{
	const char *p = s, *end = s + n;
	int line = 1;

	while (p < end) {
		sx_rrow *r = S_row(g, line, 0);
		size_t col = 0;
		int e;
		do {
			char *f;
			int start = line;
			if ((e = S_csv_field(&p, end, &line, &f)) < 0) {
				sx_diag(d, SX_MSG_RESP_QUOTE, path, start);
				return SECANNEX_EINVALID;
			}
			S_cell(r, col++, f);
		} while (e == 0);
	}
	return 0;
}

int
sx_csv_grid(sx_grid *g, const char *data, size_t len, const char *path, secannex_diags *d)
{
	sx_buf conv = SX_BUF_INIT;
	int rc;

	memset(g, 0, sizeof(*g));
	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
		data += 3;
		len -= 3;
	}
	if (S_utf8_valid((const unsigned char *)data, len) != len) {
		if (S_from_big5(&conv, data, len) != 0) {
			sx_buf_free(&conv);
			sx_diag(d, SX_MSG_RESP_ENCODING, path, 0);
			return SECANNEX_EINVALID;
		}
		sx_diag(d, SX_MSG_RESP_BIG5, path, 0);
		g->big5 = 1;
		data = conv.ptr ? conv.ptr : "";
		len = conv.len;
	}
	rc = S_csv_parse(g, data, len, path, d);
	sx_buf_free(&conv);
	return rc;
}

/* ---- packages ---- */

/* Part NAME of Z parsed into *DOC (named PATH:NAME in diagnostics).  Returns 0 or an error;
 * SECANNEX_ENOTFOUND (with a diagnostic when REQUIRED) when there is no such part. */
static int
S_part(xmlDocPtr *doc, sx_zipr *z, const char *path, const char *name, int required,
    secannex_diags *d)
{
	sx_buf b = SX_BUF_INIT;
	char *where = sx_aprintf("%s:%s", path, name);
	int rc;

	*doc = NULL;
	rc = sx_zipr_read(z, name, &b, d);
	if (rc == SECANNEX_ENOTFOUND && required)
		sx_diag(d, SX_MSG_RESP_PART, path, 0, name);
	if (rc == 0)
		rc = sx_xml_parse_mem(doc, b.ptr ? b.ptr : "", b.len, where, d);
	sx_buf_free(&b);
	free(where);
	return rc;
}

/* The text of N's descendants, for a sheet's <si> or <is>: every <t> but those of phonetic runs. */
static void
S_sheet_text(sx_buf *b, xmlNodePtr n)
{
	for (xmlNodePtr c = sx_xml_first_el(n); c; c = sx_xml_next_el(c)) {
		if (sx_xml_is(c, "rPh"))
			continue;
		if (sx_xml_is(c, "t")) {
			char *s = sx_xml_content(c);
			sx_buf_puts(b, s);
			free(s);
		} else {
			S_sheet_text(b, c);
		}
	}
}

/* S with a sheet's _xHHHH_ escapes decoded (Excel writes a carriage return as _x000D_). */
static char *
S_unescape_x(char *s)
{
	sx_buf b = SX_BUF_INIT;
	char *p = s;

	if (strstr(s, "_x") == NULL)
		return s;
	while (*p) {
		unsigned v;
		int used = 0;
		if (p[0] == '_' && p[1] == 'x' && sscanf(p + 2, "%4x%n", &v, &used) == 1 && used == 4 &&
		    p[6] == '_') {
			if (v != '\r')
				sx_buf_putc(&b, v >= 0x20 || v == '\n' || v == '\t' ? (int)(v & 0x7F) : ' ');
			p += 7;
			continue;
		}
		sx_buf_putc(&b, *p++);
	}
	free(s);
	return b.ptr ? sx_buf_detach(&b) : sx_strdup("");
}

/* The shared strings of a workbook (an absent part: none). */
typedef struct S_strings {
	char **v;
	size_t n;
} S_strings;

static void
S_strings_free(S_strings *ss)
{
	for (size_t i = 0; i < ss->n; i++)
		free(ss->v[i]);
	free(ss->v);
}

static int
S_shared(S_strings *ss, sx_zipr *z, const char *path, secannex_diags *d)
{
	xmlDocPtr doc;
	size_t cap = 0;
	int rc = S_part(&doc, z, path, "xl/sharedStrings.xml", 0, d);

	if (rc == SECANNEX_ENOTFOUND)
		return 0;
	if (rc != 0)
		return rc;
	for (xmlNodePtr si = sx_xml_first_el(xmlDocGetRootElement(doc)); si; si = sx_xml_next_el(si)) {
		sx_buf b = SX_BUF_INIT;
		if (!sx_xml_is(si, "si"))
			continue;
		S_sheet_text(&b, si);
		if (ss->n == cap) {
			cap = cap ? cap * 2 : 256;
			ss->v = sx_realloc(ss->v, cap * sizeof(*ss->v));
		}
		ss->v[ss->n++] = S_unescape_x(b.ptr ? sx_buf_detach(&b) : sx_strdup(""));
	}
	xmlFreeDoc(doc);
	return 0;
}

/* The 0-based column of a cell reference ("C9" → 2), or -1. */
static long
S_ref_col(const char *ref)
{
	long c = 0;
	const char *p = ref;

	while (*p >= 'A' && *p <= 'Z' && c < 100000)
		c = c * 26 + (*p++ - 'A' + 1);
	return p == ref ? -1 : c - 1;
}

/* The text of sheet cell C. */
static char *
S_cell_text(xmlNodePtr c, const S_strings *ss)
{
	char *t = sx_xml_attr(c, "t"), *s = NULL;
	xmlNodePtr v = NULL, is = NULL;

	for (xmlNodePtr k = sx_xml_first_el(c); k; k = sx_xml_next_el(k)) {
		if (sx_xml_is(k, "v"))
			v = k;
		else if (sx_xml_is(k, "is"))
			is = k;
	}
	if (t && strcmp(t, "inlineStr") == 0 && is) {
		sx_buf b = SX_BUF_INIT;
		S_sheet_text(&b, is);
		s = b.ptr ? sx_buf_detach(&b) : sx_strdup("");
	} else if (v) {
		s = sx_xml_content(v);
		if (t && strcmp(t, "s") == 0) {
			char *end;
			unsigned long i = strtoul(s, &end, 10);
			int ok = *end == '\0' && *s != '\0' && i < ss->n;
			free(s);
			s = sx_strdup(ok ? ss->v[i] : "");
		}
	}
	free(t);
	return S_unescape_x(s ? s : sx_strdup(""));
}

/* The rows of a sheet's <sheetData> into G. */
static void
S_sheet_rows(sx_grid *g, xmlNodePtr data, const S_strings *ss)
{
	int next = 1;

	for (xmlNodePtr row = sx_xml_first_el(data); row; row = sx_xml_next_el(row)) {
		char *rs = sx_xml_attr(row, "r");
		long line = rs ? strtol(rs, NULL, 10) : next;
		sx_rrow *r;
		long col = 0;
		free(rs);
		if (!sx_xml_is(row, "row"))
			continue;
		if (line < 1 || line > 1048576)
			line = next;
		next = (int)line + 1;
		r = S_row(g, (int)line, 0);
		for (xmlNodePtr c = sx_xml_first_el(row); c; c = sx_xml_next_el(c)) {
			char *ref;
			if (!sx_xml_is(c, "c"))
				continue;
			ref = sx_xml_attr(c, "r");
			if (ref && S_ref_col(ref) >= 0)
				col = S_ref_col(ref);
			free(ref);
			S_cell(r, (size_t)col++, S_cell_text(c, ss));
		}
	}
}

/* The sheet to read: the one named 廠商回應, else the first; its part name (from the workbook's
 * relationships) into *OUT.  Returns 0 or an error. */
static int
S_sheet_part(char **out, sx_zipr *z, const char *path, secannex_diags *d)
{
	xmlDocPtr wb = NULL, rels = NULL;
	char *rid = NULL;
	int rc;

	*out = NULL;
	if ((rc = S_part(&wb, z, path, "xl/workbook.xml", 1, d)) != 0)
		goto done;
	for (xmlNodePtr s = sx_xml_first_el(xmlDocGetRootElement(wb)); s; s = sx_xml_next_el(s)) {
		if (!sx_xml_is(s, "sheets"))
			continue;
		for (xmlNodePtr sh = sx_xml_first_el(s); sh; sh = sx_xml_next_el(sh)) {
			char *name = sx_xml_attr(sh, "name");
			int ours = name && strcmp(name, "廠商回應") == 0;
			free(name);
			if (sx_xml_is(sh, "sheet") && (rid == NULL || ours)) {
				free(rid);
				rid = sx_xml_attr(sh, "id");
			}
			if (ours)
				break;
		}
	}
	if (rid == NULL) {
		sx_diag(d, SX_MSG_RESP_NO_SHEET, path, 0);
		rc = SECANNEX_EINVALID;
		goto done;
	}
	if ((rc = S_part(&rels, z, path, "xl/_rels/workbook.xml.rels", 1, d)) != 0)
		goto done;
	for (xmlNodePtr r = sx_xml_first_el(xmlDocGetRootElement(rels)); r && !*out; r = sx_xml_next_el(r)) {
		char *id = sx_xml_attr(r, "Id"), *target = sx_xml_attr(r, "Target");
		if (id && target && strcmp(id, rid) == 0)
			*out = target[0] == '/' ? sx_strdup(target + 1) : sx_aprintf("xl/%s", target);
		free(id);
		free(target);
	}
	if (*out == NULL) {
		sx_diag(d, SX_MSG_RESP_NO_SHEET, path, 0);
		rc = SECANNEX_EINVALID;
	}
done:
	free(rid);
	xmlFreeDoc(wb);
	xmlFreeDoc(rels);
	return rc;
}

static int
S_read_xlsx(sx_grid *g, sx_zipr *z, const char *path, secannex_diags *d)
{
	S_strings ss = { NULL, 0 };
	xmlDocPtr sheet = NULL;
	char *part = NULL;
	int rc;

	if ((rc = S_sheet_part(&part, z, path, d)) != 0 || (rc = S_shared(&ss, z, path, d)) != 0 ||
	    (rc = S_part(&sheet, z, path, part, 1, d)) != 0)
		goto done;
	for (xmlNodePtr n = sx_xml_first_el(xmlDocGetRootElement(sheet)); n; n = sx_xml_next_el(n))
		if (sx_xml_is(n, "sheetData"))
			S_sheet_rows(g, n, &ss);
done:
	xmlFreeDoc(sheet);
	free(part);
	S_strings_free(&ss);
	return rc;
}

/* ---- DOCX and ODT tables ---- */

/* A DOCX symbol (<w:sym w:font="Wingdings" w:char="F0FE"/>, Insert Symbol) as text: the ticks and
 * boxes of Wingdings and Wingdings 2 as ✓ and □, any other as U+FFFD (so that an answer with a
 * symbol that is not read is an error, never a silent 未填). */
static const char *
S_docx_sym(xmlNodePtr n)
{
	static const char *const tick1[] = { "F0FC", "F0FE", "F0FD", "F078" }, *const box1[] = { "F0A8",
		"F06F" };
	static const char *const tick2[] = { "F050", "F052", "F054" }, *const box2[] = { "F0A3", "F0A2" };
	char *font = sx_xml_attr(n, "font"), *ch = sx_xml_attr(n, "char");
	int two = font && strstr(font, "Wingdings 2") != NULL, wd = font && strstr(font, "Wingdings");
	const char *out = "\xEF\xBF\xBD";

	for (size_t i = 0; wd && ch && i < (two ? 3u : 4u); i++)
		if (strcasecmp(ch, two ? tick2[i] : tick1[i]) == 0)
			out = "✓";
	for (size_t i = 0; wd && ch && i < 2; i++)
		if (strcasecmp(ch, two ? box2[i] : box1[i]) == 0)
			out = "□";
	free(font);
	free(ch);
	return out;
}

/* The text of a DOCX cell's content N into B: runs' text, tabs, breaks, symbols; paragraphs on
 * lines. */
static void
S_docx_text(sx_buf *b, xmlNodePtr n)
{
	for (xmlNodePtr c = sx_xml_first_el(n); c; c = sx_xml_next_el(c)) {
		if (sx_xml_is(c, "t")) {
			char *s = sx_xml_content(c);
			sx_buf_puts(b, s);
			free(s);
		} else if (sx_xml_is(c, "tab")) {
			sx_buf_putc(b, '\t');
		} else if (sx_xml_is(c, "br") || sx_xml_is(c, "cr")) {
			sx_buf_putc(b, '\n');
		} else if (sx_xml_is(c, "sym")) {
			sx_buf_puts(b, S_docx_sym(c));
		} else if (sx_xml_is(c, "p")) {
			if (b->len)
				sx_buf_putc(b, '\n');
			S_docx_text(b, c);
		} else if (!sx_xml_is(c, "del") && !sx_xml_is(c, "tcPr") && !sx_xml_is(c, "rPr") &&
		    !sx_xml_is(c, "pPr")) {
			S_docx_text(b, c);
		}
	}
}

/* The count in attribute ATTR of C (ODF number-rows-repeated, number-columns-repeated, a space's c;
 * DOCX gridSpan's val), 1 to 1 << 24 (a sheet has 1,048,576 rows at most). */
static long
S_repeat(xmlNodePtr c, const char *attr)
{
	char *v = sx_xml_attr(c, attr);
	long n = v ? strtol(v, NULL, 10) : 1;

	free(v);
	return n < 1 ? 1 : n > (1L << 24) ? 1L << 24 : n;
}

/* A cell's span (DOCX gridSpan, ODT number-columns-repeated), 1 to S_MAX_COLS. */
static size_t
S_span(xmlNodePtr c, const char *attr, int docx)
{
	long n = 1;

	if (!docx)
		n = S_repeat(c, attr);
	for (xmlNodePtr p = docx ? sx_xml_first_el(c) : NULL; p; p = sx_xml_next_el(p))
		if (sx_xml_is(p, "tcPr"))
			for (xmlNodePtr s = sx_xml_first_el(p); s; s = sx_xml_next_el(s))
				if (sx_xml_is(s, attr))
					n = S_repeat(s, "val");
	return n > S_MAX_COLS ? S_MAX_COLS : (size_t)n;
}

/* The ODT text of N into B: text, <text:s/> spaces, tabs, line breaks; paragraphs on lines. */
static void
S_odt_text(sx_buf *b, xmlNodePtr n)
{
	for (xmlNodePtr c = n->children; c; c = c->next) {
		if (c->type == XML_TEXT_NODE && c->content) {
			sx_buf_puts(b, (const char *)c->content);
		} else if (sx_xml_is(c, "s")) {
			size_t k = S_span(c, "c", 0);
			while (k--)
				sx_buf_putc(b, ' ');
		} else if (sx_xml_is(c, "tab")) {
			sx_buf_putc(b, '\t');
		} else if (sx_xml_is(c, "line-break")) {
			sx_buf_putc(b, '\n');
		} else if (sx_xml_is(c, "p") || sx_xml_is(c, "h")) {
			if (b->len)
				sx_buf_putc(b, '\n');
			S_odt_text(b, c);
		} else if (c->type == XML_ELEMENT_NODE && !sx_xml_is(c, "note") &&
		    !sx_xml_is(c, "annotation") && !sx_xml_is(c, "tracked-changes")) {
			S_odt_text(b, c);
		}
	}
}

/* One table row TR (the ROW-th of table TABLE) into G.  An ODF cell repeated (a spreadsheet's
 * number-columns-repeated) fills each of its columns, up to S_MAX_COLS.  Returns whether any cell
 * has text. */
static int
S_table_row(sx_grid *g, xmlNodePtr tr, int row, size_t table, int docx)
{
	sx_rrow *r = S_row(g, row, table);
	size_t col = 0;
	int any = 0;

	for (xmlNodePtr c = sx_xml_first_el(tr); c; c = sx_xml_next_el(c)) {
		size_t span;
		sx_buf b = SX_BUF_INIT;
		if (docx ? !sx_xml_is(c, "tc") : !sx_xml_is(c, "table-cell") &&
		    !sx_xml_is(c, "covered-table-cell"))
			continue;
		span = S_span(c, docx ? "gridSpan" : "number-columns-repeated", docx);
		if (docx)
			S_docx_text(&b, c);
		else
			S_odt_text(&b, c);
		if (b.len) {
			any = 1;
			for (size_t k = 1; !docx && k < span && col + k < S_MAX_COLS; k++)
				S_cell(r, col + k, sx_strdup(b.ptr));
		}
		S_cell(r, col, b.ptr ? sx_buf_detach(&b) : sx_strdup(""));
		col += span; /* a DOCX cell spanning columns: its text in the first */
	}
	return any;
}

/* The rows of an ODF table or a DOCX table (or of an ODF group of rows: header rows, rows, a row
 * group, nested) under N into table T of G; *ROW counts them.  A repeated ODF row (a sheet's
 * number-rows-repeated) with text is read once per repetition (up to the grid's limit); an empty
 * one, as a spreadsheet ends with a million of them, is read once and counted. */
static void
S_rows(sx_grid *g, xmlNodePtr n, int *row, size_t t, int docx)
{
	for (xmlNodePtr tr = sx_xml_first_el(n); tr && !g->over; tr = sx_xml_next_el(tr)) {
		if (sx_xml_is(tr, docx ? "tr" : "table-row")) {
			long k = docx ? 1 : S_repeat(tr, "number-rows-repeated");
			if (S_table_row(g, tr, ++*row, t, docx))
				while (--k > 0 && !g->over)
					S_table_row(g, tr, ++*row, t, docx);
			else if (k > 1)
				*row = *row > INT_MAX - (int)k ? INT_MAX / 2 : *row + (int)(k - 1);
		} else if (!docx && (sx_xml_is(tr, "table-header-rows") || sx_xml_is(tr, "table-rows") ||
		    sx_xml_is(tr, "table-row-group"))) {
			S_rows(g, tr, row, t, docx);
		}
	}
}

/* Every table under N (a document's body or a spreadsheet's sheets, recursively) into G; *TABLES
 * counts the tables. */
static void
S_tables(sx_grid *g, xmlNodePtr n, size_t *tables, int docx)
{
	for (xmlNodePtr c = sx_xml_first_el(n); c; c = sx_xml_next_el(c)) {
		if (sx_xml_is(c, docx ? "tbl" : "table")) {
			int row = 0;
			S_rows(g, c, &row, (*tables)++, docx);
		} else if (!sx_xml_is(c, "p") && !sx_xml_is(c, "h")) {
			S_tables(g, c, tables, docx);
		}
	}
}

static int
S_read_doc(sx_grid *g, sx_zipr *z, const char *path, int docx, secannex_diags *d)
{
	xmlDocPtr doc;
	size_t tables = 0;
	int rc = S_part(&doc, z, path, docx ? "word/document.xml" : "content.xml", 1, d);

	if (rc != 0)
		return rc;
	S_tables(g, xmlDocGetRootElement(doc), &tables, docx);
	xmlFreeDoc(doc);
	return 0;
}

/* Refuse G when it had too many rows.  Returns 0 or SECANNEX_EINVALID. */
static int
S_over(const sx_grid *g, const char *path, secannex_diags *d)
{
	if (!g->over)
		return 0;
	sx_diag(d, SX_MSG_RESP_ROWS, path, 0, SX_RESP_MAX_ROWS);
	return SECANNEX_EINVALID;
}

/* PATH's extension is EXT (any case). */
static int
S_ext(const char *path, const char *ext)
{
	size_t n = strlen(path), k = strlen(ext);

	return n > k && strcasecmp(path + n - k, ext) == 0;
}

int
sx_response_read(sx_grid *g, const char *path, size_t max_bytes, secannex_diags *d)
{
	sx_zipr *z = NULL;
	unsigned char *data = NULL;
	size_t len = 0;
	int rc, kind = S_ext(path, ".xlsx") ? 1 : S_ext(path, ".docx") ? 2 :
	    S_ext(path, ".odt") || S_ext(path, ".ods") ? 3 : S_ext(path, ".csv") ? 4 : 0;

	memset(g, 0, sizeof(*g));
	if (kind == 0) {
		sx_diag(d, SX_MSG_RESP_KIND, path, 0);
		return SECANNEX_EINVALID;
	}
	if (kind == 4) {
		if ((rc = sx_file_read(&data, &len, path, max_bytes, d)) == 0)
			rc = sx_csv_grid(g, (const char *)data, len, path, d);
		free(data);
		return rc == 0 ? S_over(g, path, d) : rc;
	}
	if ((rc = sx_zipr_open(&z, path, SX_MSG_RESP_NOT_ZIP, d)) != 0)
		return rc;
	rc = kind == 1 ? S_read_xlsx(g, z, path, d) : S_read_doc(g, z, path, kind == 2, d);
	sx_zipr_close(z);
	return rc == 0 ? S_over(g, path, d) : rc;
}

/* ---- answers and texts ---- */

/* The code point at *P (advanced past it); 0 at the end. */
static unsigned
S_next_cp(const char **p)
{
	const unsigned char *s = (const unsigned char *)*p;
	unsigned c = s[0];
	size_t k = c < 0x80 ? 0 : c < 0xE0 ? 1 : c < 0xF0 ? 2 : 3;

	if (c == 0)
		return 0;
	c = k == 0 ? c : c & (0x3Fu >> k);
	for (size_t j = 1; j <= k && s[j]; j++)
		c = c << 6 | (s[j] & 0x3F);
	*p += 1 + k;
	return c;
}

/* White space between words: ASCII, U+3000, no-break spaces. */
static int
S_space(unsigned c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x3000 || c == 0xA0 ||
	    c == 0x202F || c == 0x2007;
}

/* A character that shows nothing and separates nothing (a zero-width space, a BOM): dropped. */
static int
S_invisible(unsigned c)
{
	return c == 0x200B || c == 0xFEFF;
}

/* A tick: what a vendor puts in place of □. */
static int
S_tick(unsigned c)
{
	return c == 0x25A0 /* ■ */ || c == 0x2611 /* ☑ */ || c == 0x2612 /* ☒ */ || c == 0x2713 /* ✓ */ ||
	    c == 0x2714 /* ✔ */ || c == 0x221A /* √ */ || c == 'V' || c == 'v';
}

/* An empty box: □ as written, or ☐. */
static int
S_box(unsigned c)
{
	return c == 0x25A1 || c == 0x2610;
}

enum sx_answer
sx_answer_parse(const char *cell, enum sx_ans_problem *problem)
{
	/* the longest first: 部分符合 and 不符合 end in 符合 */
	static const enum sx_answer order[] = { SX_ANS_PART, SX_ANS_NO, SX_ANS_YES };
	const char *p = cell ? cell : "";
	unsigned mark = 0; /* the box or tick before the next option */
	int ticked = 0, left = 0;
	enum sx_answer tick = SX_ANS_NONE, any = SX_ANS_NONE;

	*problem = SX_ANSP_OK;
	while (*p) {
		const char *q = p;
		unsigned c;
		size_t k;
		for (k = 0; k < 3; k++) {
			size_t n = strlen(sx_answer_zh[order[k]]);
			if (strncmp(p, sx_answer_zh[order[k]], n) == 0) {
				p += n;
				break;
			}
		}
		if (k < 3) {
			left++;
			any = order[k];
			if (S_tick(mark)) {
				ticked++;
				tick = order[k];
			}
			mark = 0;
			continue;
		}
		c = S_next_cp(&q);
		p = q;
		if (S_space(c) || S_invisible(c))
			continue;
		if (mark != 0 || !(S_tick(c) || S_box(c))) {
			*problem = SX_ANSP_UNKNOWN;
			return SX_ANS_NONE;
		}
		mark = c;
	}
	if (mark != 0) { /* a box or tick that stands before no option */
		*problem = SX_ANSP_UNKNOWN;
		return SX_ANS_NONE;
	}
	if (ticked == 1)
		return tick;
	if (ticked > 1 || (left == 2)) {
		*problem = SX_ANSP_MANY;
		return SX_ANS_NONE;
	}
	return left == 1 ? any : SX_ANS_NONE;
}

char *
sx_ws_normalise(const char *s)
{
	sx_buf b = SX_BUF_INIT;
	const char *p = s ? s : "";
	int pending = 0;         /* white space seen since the last character */
	unsigned last = 0;       /* the last character kept */

	while (*p) {
		const char *start = p;
		unsigned c = S_next_cp(&p);
		if (S_invisible(c))
			continue;
		if (S_space(c)) {
			pending = 1;
			continue;
		}
		if (c < 0x20 || (c >= 0x7F && c < 0xA0))
			c = 0xFFFD; /* a control character: shown, never sent */
		if (pending && last != 0 && last < 0x80 && c < 0x80)
			sx_buf_putc(&b, ' ');
		pending = 0;
		last = c;
		if (c == 0xFFFD)
			sx_buf_puts(&b, "\xEF\xBF\xBD");
		else
			sx_buf_put(&b, start, (size_t)(p - start));
	}
	return b.ptr ? sx_buf_detach(&b) : sx_strdup("");
}

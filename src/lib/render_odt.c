/* render_odt.c: the annex as an ODF 1.3 text package (content.xml, meta.xml; styles from templates/odt,
 * or from an agency's reference document with ours added where it lacks them). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "docs.h"
#include "pkg.h"
#include "diag.h"
#include "i18n.h"
#include "xmlsafe.h"
#include "xmlw.h"
#include "zippkg.h"

#define NS_OFFICE "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
#define NS_STYLE "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
#define NS_TEXT "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
#define NS_TABLE "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
#define NS_FO "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
#define NS_META "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
#define NS_DC "http://purl.org/dc/elements/1.1/"
#define NS_XLINK "http://www.w3.org/1999/xlink"
#define NS_MANIFEST "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"

/* Paragraph text: "\n" → text:line-break, tab → text:tab, runs of spaces → text:s (ODF collapses
 * white space otherwise). */
static void
S_text(sx_xw *x, const char *s)
{
	const char *run = s;
	int prev_space = 1; /* a leading space would be dropped: write it as text:s */

	while (*s) {
		if (*s == '\n' || *s == '\t' || (*s == ' ' && prev_space)) {
			size_t n = 1;
			sx_xw_textn(x, run, (size_t)(s - run));
			if (*s == '\n') {
				sx_xw_empty(x, "text:line-break", NULL, NULL);
				prev_space = 1;
			} else if (*s == '\t') {
				sx_xw_empty(x, "text:tab", NULL, NULL);
				prev_space = 1;
			} else {
				while (s[n] == ' ')
					n++;
				sx_xw_start(x, "text:s");
				if (n > 1)
					sx_xw_attrf(x, "text:c", "%zu", n);
				sx_xw_end(x);
				prev_space = 0;
			}
			s += n;
			run = s;
			continue;
		}
		prev_space = *s == ' ';
		s++;
	}
	sx_xw_textn(x, run, (size_t)(s - run));
}

/* Redline state: the running number of change regions (the body and text:tracked-changes walk the
 * document in the same order, so the n-th insertion or deletion is region ct<n> in both). */
typedef struct S_ctx {
	int next;
} S_ctx;

/* Text with its changes: insertions between text:change-start/-end, deletions as text:change
 * (their text lives in the region). */
static void
S_segs(sx_xw *x, S_ctx *c, const char *text, int change, const sx_dtext *m)
{
	sx_dtext one;
	sx_dseg seg;
	const sx_dtext *t = sx_pkg_segs(text, change, m, &one, &seg);

	for (size_t i = 0; i < t->n; i++) {
		char id[32];
		if (t->v[i].op == SX_OP_SAME) {
			S_text(x, t->v[i].text);
			continue;
		}
		snprintf(id, sizeof(id), "ct%d", ++c->next);
		if (t->v[i].op == SX_OP_INS) {
			sx_xw_empty(x, "text:change-start", "text:change-id", id);
			S_text(x, t->v[i].text);
			sx_xw_empty(x, "text:change-end", "text:change-id", id);
		} else {
			sx_xw_empty(x, "text:change", "text:change-id", id);
		}
	}
}

/* A marked cell's paragraph (sx_table.marked): the character diff M as formatting, insertions
 * underlined (text style SxIns), deletions struck through (SxDel); without M, TEXT plain. */
static void
S_marked_para(sx_xw *x, const char *style, const char *text, const sx_dtext *m)
{
	sx_dtext one;
	sx_dseg seg;
	const sx_dtext *t = sx_pkg_segs(text, 0, m, &one, &seg);

	sx_xw_start(x, "text:p");
	sx_xw_attr(x, "text:style-name", style);
	for (size_t i = 0; i < t->n; i++) {
		if (t->v[i].op == SX_OP_SAME) {
			S_text(x, t->v[i].text);
			continue;
		}
		sx_xw_start(x, "text:span");
		sx_xw_attr(x, "text:style-name", t->v[i].op == SX_OP_INS ? "SxIns" : "SxDel");
		S_text(x, t->v[i].text);
		sx_xw_end(x);
	}
	sx_xw_end(x);
}

/* The automatic styles of marked tables and landscape pages: SxIns, SxDel (text), and SxLandscape,
 * the first paragraph's style (PARENT) on the Landscape master page (S_landscape). */
static void
S_extra_styles(sx_xw *x, const sx_doc *a, const char *parent)
{
	int marked = 0;

	for (size_t i = 0; i < a->n; i++)
		marked |= a->v[i].table && a->v[i].table->marked;
	for (int k = 0; marked && k < 2; k++) {
		sx_xw_start(x, "style:style");
		sx_xw_attr(x, "style:name", k ? "SxDel" : "SxIns");
		sx_xw_attr(x, "style:family", "text");
		sx_xw_start(x, "style:text-properties");
		if (k) {
			sx_xw_attr(x, "style:text-line-through-style", "solid");
		} else {
			sx_xw_attr(x, "style:text-underline-style", "solid");
			sx_xw_attr(x, "style:text-underline-width", "auto");
			sx_xw_attr(x, "style:text-underline-color", "font-color");
		}
		sx_xw_end(x);
		sx_xw_end(x);
	}
	for (size_t i = 0; i < a->n; i++) {
		if (a->v[i].keep && a->v[i].kind == SX_BLK_PARA) {
			/* a paragraph kept on the page of the next block */
			sx_xw_start(x, "style:style");
			sx_xw_attr(x, "style:name", "SxKeep");
			sx_xw_attr(x, "style:family", "paragraph");
			sx_xw_attr(x, "style:parent-style-name", "Standard");
			sx_xw_empty(x, "style:paragraph-properties", "fo:keep-with-next", "always");
			sx_xw_end(x);
			break;
		}
	}
	if (a->landscape && parent) {
		sx_xw_start(x, "style:style");
		sx_xw_attr(x, "style:name", "SxLandscape");
		sx_xw_attr(x, "style:family", "paragraph");
		sx_xw_attr(x, "style:parent-style-name", parent);
		sx_xw_attr(x, "style:master-page-name", "Landscape");
		sx_xw_end(x);
	}
}

/* The paragraph style of block I whose usual style is STYLE: the first paragraph of a landscape
 * document starts the Landscape master page (the label's, when it has one: else the label would
 * stand alone on a portrait first page). */
static const char *
S_pstyle(const sx_doc *a, size_t i, const char *style)
{
	return a->landscape && i == 0 && a->label == NULL ? "SxLandscape" : style;
}

static void
S_mpara(sx_xw *x, S_ctx *c, const char *style, const char *text, int change, const sx_dtext *m)
{
	sx_xw_start(x, "text:p");
	sx_xw_attr(x, "text:style-name", style);
	S_segs(x, c, text, change, m);
	sx_xw_end(x);
}

/* The text:tracked-changes of every insertion and deletion, in document order. */
static void
S_regions_of(sx_xw *x, const sx_doc *a, int *n, const char *text, int change, const sx_dtext *m)
{
	sx_dtext one;
	sx_dseg seg;
	const sx_dtext *t = sx_pkg_segs(text, change, m, &one, &seg);
	char when[32];

	if (a->epoch_set)
		sx_iso8601(when, sizeof(when), a->epoch);
	else
		snprintf(when, sizeof(when), "1980-01-01T00:00:00Z");
	for (size_t i = 0; i < t->n; i++) {
		char id[32];
		if (t->v[i].op == SX_OP_SAME)
			continue;
		snprintf(id, sizeof(id), "ct%d", ++*n);
		sx_xw_start(x, "text:changed-region");
		sx_xw_attr(x, "xml:id", id);
		sx_xw_attr(x, "text:id", id);
		sx_xw_start(x, t->v[i].op == SX_OP_INS ? "text:insertion" : "text:deletion");
		sx_xw_start(x, "office:change-info");
		sx_xw_leaf(x, "dc:creator", a->author);
		sx_xw_leaf(x, "dc:date", when);
		sx_xw_end(x);
		if (t->v[i].op == SX_OP_DEL) {
			sx_xw_start(x, "text:p");
			S_text(x, t->v[i].text);
			sx_xw_end(x);
		}
		sx_xw_end(x);
		sx_xw_end(x);
	}
}

static void
S_tracked_changes(sx_xw *x, const sx_doc *a)
{
	int n = 0;

	sx_xw_start(x, "text:tracked-changes");
	for (size_t i = 0; i < a->n; i++) {
		const sx_ablock *b = &a->v[i];
		const sx_table *tb = b->table;
		if (tb == NULL) {
			S_regions_of(x, a, &n, b->text, b->change, b->mtext);
			continue;
		}
		/* a covered cell prints nothing */
		for (size_t k = 0; k < tb->nrows * tb->ncols; k++)
			if (sx_table_span(tb, k / tb->ncols, k % tb->ncols) >= 0)
				S_regions_of(x, a, &n, tb->cells[k],
				    tb->row_change ? tb->row_change[k / tb->ncols] : 0,
				    tb->mcells ? &tb->mcells[k] : NULL);
	}
	sx_xw_end(x);
}

static void
S_table_styles(sx_xw *x, const sx_doc *a)
{
	int t = 0;

	for (size_t i = 0; i < a->n; i++) {
		const sx_table *tb = a->v[i].table;
		if (tb == NULL)
			continue;
		t++;
		sx_xw_start(x, "style:style");
		sx_xw_attrf(x, "style:name", "Tbl%d", t);
		sx_xw_attr(x, "style:family", "table");
		sx_xw_start(x, "style:table-properties");
		sx_xw_attrf(x, "style:width", "%d.%02dcm", SX_DOC_WIDTH(a) / 100, SX_DOC_WIDTH(a) % 100);
		sx_xw_attr(x, "table:align", "margins");
		sx_xw_attr(x, "fo:margin-bottom", "0.2cm");
		if (a->v[i].keep)  /* never split across pages */
			sx_xw_attr(x, "style:may-break-between-rows", "false");
		sx_xw_end(x);
		sx_xw_end(x);
		for (size_t c = 0; c < tb->ncols; c++) {
			sx_xw_start(x, "style:style");
			sx_xw_attrf(x, "style:name", "Tbl%d.C%zu", t, c + 1);
			sx_xw_attr(x, "style:family", "table-column");
			sx_xw_start(x, "style:table-column-properties");
			sx_xw_attrf(x, "style:column-width", "%d.%02dcm", tb->width_mm[c] / 100,
			    tb->width_mm[c] % 100);
			sx_xw_end(x);
			sx_xw_end(x);
		}
	}
	/* rows are not split across pages (as w:cantSplit in DOCX) */
	sx_xw_start(x, "style:style");
	sx_xw_attr(x, "style:name", "Row");
	sx_xw_attr(x, "style:family", "table-row");
	sx_xw_empty(x, "style:table-row-properties", "fo:keep-together", "always");
	sx_xw_end(x);
	/* cells: a bordered one, and a shaded one for headers and form labels */
	for (int shaded = 0; shaded < 2; shaded++) {
		sx_xw_start(x, "style:style");
		sx_xw_attr(x, "style:name", shaded ? "CellHead" : "Cell");
		sx_xw_attr(x, "style:family", "table-cell");
		sx_xw_start(x, "style:table-cell-properties");
		if (shaded)
			sx_xw_attr(x, "fo:background-color", "#e6e6e6");
		sx_xw_attr(x, "fo:padding", "0.1cm");
		sx_xw_attr(x, "fo:border", "0.5pt solid #000000");
		sx_xw_end(x);
		sx_xw_end(x);
	}
}

/* A row; a vertically merged cell spans its rows (table:number-rows-spanned), and the cells it
 * covers are table:covered-table-cell, so every row still has one cell per column. */
static void
S_row(sx_xw *x, S_ctx *ctx, const sx_table *tb, size_t r, int head)
{
	sx_xw_start(x, "table:table-row");
	sx_xw_attr(x, "table:style-name", "Row");
	for (size_t c = 0; c < tb->ncols; c++) {
		int label = head || (tb->kind == SX_TBL_FORM && c == 0), span = sx_table_span(tb, r, c);
		if (span < 0) {
			sx_xw_empty(x, "table:covered-table-cell", NULL, NULL);
			continue;
		}
		sx_xw_start(x, "table:table-cell");
		sx_xw_attr(x, "table:style-name", label ? "CellHead" : "Cell");
		sx_xw_attr(x, "office:value-type", "string");
		if (span > 1)
			sx_xw_attrf(x, "table:number-rows-spanned", "%d", span);
		if (tb->marked)
			S_marked_para(x, head ? "Table_20_Heading" : "Table_20_Contents",
			    tb->cells[r * tb->ncols + c], tb->mcells ? &tb->mcells[r * tb->ncols + c] : NULL);
		else
			S_mpara(x, ctx, head ? "Table_20_Heading" : "Table_20_Contents",
			    tb->cells[r * tb->ncols + c], tb->row_change ? tb->row_change[r] : 0,
			    tb->mcells ? &tb->mcells[r * tb->ncols + c] : NULL);
		sx_xw_end(x);
	}
	sx_xw_end(x);
}

/* Table T of the document (its automatic styles are TblT…). */
static void
S_table(sx_xw *x, S_ctx *ctx, const sx_table *tb, int t)
{
	sx_xw_start(x, "table:table");
	sx_xw_attrf(x, "table:name", "Table%d", t);
	sx_xw_attrf(x, "table:style-name", "Tbl%d", t);
	for (size_t c = 0; c < tb->ncols; c++) {
		sx_xw_start(x, "table:table-column");
		sx_xw_attrf(x, "table:style-name", "Tbl%d.C%zu", t, c + 1);
		sx_xw_end(x);
	}
	if (tb->nheader) {
		sx_xw_start(x, "table:table-header-rows");
		for (size_t r = 0; r < tb->nheader; r++)
			S_row(x, ctx, tb, r, 1);
		sx_xw_end(x);
	}
	for (size_t r = tb->nheader; r < tb->nrows; r++)
		S_row(x, ctx, tb, r, 0);
	sx_xw_end(x);
}

/* content.xml, streamed into Z's part being written. */
static int
S_content(const sx_doc *a, sx_zip *z)
{
	sx_xw *x = sx_xw_new_to(0, sx_zip_write, z);
	S_ctx ctx = { 0 };
	int t = 0;

	sx_xw_start(x, "office:document-content");
	sx_xw_attr(x, "xmlns:office", NS_OFFICE);
	sx_xw_attr(x, "xmlns:style", NS_STYLE);
	sx_xw_attr(x, "xmlns:text", NS_TEXT);
	sx_xw_attr(x, "xmlns:table", NS_TABLE);
	sx_xw_attr(x, "xmlns:fo", NS_FO);
	if (a->author)
		sx_xw_attr(x, "xmlns:dc", NS_DC);
	sx_xw_attr(x, "office:version", "1.3");
	sx_xw_start(x, "office:automatic-styles");
	S_table_styles(x, a);
	S_extra_styles(x, a, a->label ? "Label" : a->n && a->v[0].kind == SX_BLK_TITLE ? "Title" :
	    a->n && a->v[0].kind == SX_BLK_PARA ? "Standard" : NULL);
	sx_xw_end(x);
	sx_xw_start(x, "office:body");
	sx_xw_start(x, "office:text");
	if (a->author)
		S_tracked_changes(x, a);
	/* the attachment label (附件三) opens the first page, above the title */
	if (a->label)
		S_mpara(x, &ctx, a->landscape ? "SxLandscape" : "Label", a->label, 0, NULL);
	for (size_t i = 0; i < a->n; i++) {
		const sx_ablock *b = &a->v[i];
		switch (b->kind) {
		case SX_BLK_TITLE:
			S_mpara(x, &ctx, S_pstyle(a, i, "Title"), b->text, b->change, b->mtext);
			break;
		case SX_BLK_HEADING:
		case SX_BLK_SUBHEADING:
			sx_xw_start(x, "text:h");
			sx_xw_attr(x, "text:style-name", b->kind == SX_BLK_HEADING ? "Heading_20_1" : "Heading_20_2");
			sx_xw_attr(x, "text:outline-level", b->kind == SX_BLK_HEADING ? "1" : "2");
			S_segs(x, &ctx, b->text, b->change, b->mtext);
			sx_xw_end(x);
			break;
		case SX_BLK_PARA:
			S_mpara(x, &ctx, S_pstyle(a, i, b->keep ? "SxKeep" : "Standard"), b->text, b->change,
			    b->mtext);
			break;
		case SX_BLK_NOTE:
			S_mpara(x, &ctx, "Note", b->text, b->change, b->mtext);
			break;
		case SX_BLK_TABLE:
			S_table(x, &ctx, b->table, ++t);
			break;
		}
	}
	if (a->fingerprint)
		S_mpara(x, &ctx, "Fingerprint", a->fingerprint, 0, NULL);
	sx_xw_end(x);
	sx_xw_end(x);
	sx_xw_end(x);
	return sx_xw_finish(x, NULL);
}

static int
S_meta(const sx_doc *a, sx_buf *out)
{
	sx_xw *x = sx_xw_new(0);
	char gen[64], when[32];

	sx_xw_start(x, "office:document-meta");
	sx_xw_attr(x, "xmlns:office", NS_OFFICE);
	sx_xw_attr(x, "xmlns:meta", NS_META);
	sx_xw_attr(x, "xmlns:dc", NS_DC);
	sx_xw_attr(x, "office:version", "1.3");
	sx_xw_start(x, "office:meta");
	snprintf(gen, sizeof(gen), "secannex/%s", secannex_version());
	sx_xw_leaf(x, "meta:generator", gen);
	sx_xw_leaf(x, "dc:title", a->title);
	sx_xw_leaf(x, "dc:subject", a->subject);
	sx_xw_leaf(x, "dc:language", "zh-TW");
	if (a->epoch_set) {
		sx_iso8601(when, sizeof(when), a->epoch);
		sx_xw_leaf(x, "meta:creation-date", when);
		sx_xw_leaf(x, "dc:date", when);
	}
	sx_xw_end(x);
	sx_xw_end(x);
	return sx_xw_finish(x, out);
}

/* ---- styles.xml: the draft header; an agency's reference document ---- */

/* What a package holds beyond the templates: a rewritten styles.xml, its pictures. */
typedef struct S_opkg {
	sx_buf styles;      /* empty: the template's */
	char **pic;         /* Pictures/… part names, their media types and bytes */
	char **pic_type;
	sx_buf *pic_data;
	size_t npic;
} S_opkg;

/* 「草稿」 in a page header, and the header's spacing (grafted into a master page and its layout). */
static const char S_draft_snippet[] =
    "<s xmlns:style=\"" NS_STYLE "\" xmlns:text=\"" NS_TEXT "\" xmlns:fo=\"" NS_FO "\">"
    "<style:header><text:p text:style-name=\"Draft_20_Mark\">草稿</text:p></style:header>"
    "<style:header-style><style:header-footer-properties fo:min-height=\"0.8cm\" "
    "fo:margin-bottom=\"0.3cm\"/></style:header-style></s>";

/* The child office:NAME of ROOT (an office:document-styles), made at its place when missing. */
static xmlNodePtr
S_section(xmlNodePtr root, const char *name)
{
	static const char *const order[] = {
		"font-face-decls", "styles", "automatic-styles", "master-styles", NULL
	};
	xmlNodePtr n = sx_xml_child(root, NS_OFFICE, name, NULL), before = NULL;
	size_t k = 0;

	if (n)
		return n;
	while (order[k] && strcmp(order[k], name) != 0)
		k++;
	for (size_t j = k + 1; order[k] && order[j] && before == NULL; j++)
		before = sx_xml_child(root, NS_OFFICE, order[j], NULL);
	n = xmlNewDocNode(root->doc, root->ns, (const xmlChar *)name, NULL);
	if (before)
		xmlAddPrevSibling(before, n);
	else
		xmlAddChild(root, n);
	return n;
}

/* The element child of PARENT named NAME (style namespace) whose style:name is KEY. */
static xmlNodePtr
S_named(xmlNodePtr parent, const char *name, const char *key)
{
	for (xmlNodePtr n = sx_xml_child(parent, NS_STYLE, name, NULL); n;
	    n = sx_xml_child(parent, NS_STYLE, name, n)) {
		char *v = sx_xml_get(n, NS_STYLE, "name");
		int hit = v && key && strcmp(v, key) == 0;
		free(v);
		if (hit)
			return n;
	}
	return NULL;
}

/* 1 when THEIR section holds an element like OUR C: the same element and style:name, and for
 * styles the same family (a default style: the same family). */
static int
S_has_like(xmlNodePtr their, xmlNodePtr c)
{
	char *name = sx_xml_get(c, NS_STYLE, "name"), *fam = sx_xml_get(c, NS_STYLE, "family");
	int hit = 0;

	for (xmlNodePtr n = sx_xml_first_el(their); n && !hit; n = sx_xml_next_el(n)) {
		char *nn = sx_xml_get(n, NS_STYLE, "name"), *nf = sx_xml_get(n, NS_STYLE, "family");
		hit = sx_xml_el(n, NS_STYLE, (const char *)c->name) &&
		    (name ? nn && strcmp(nn, name) == 0 : nn == NULL) &&
		    (fam ? nf && strcmp(nf, fam) == 0 : nf == NULL);
		free(nn);
		free(nf);
	}
	free(name);
	free(fam);
	return hit;
}

/* Copy into THEIRS' section SEC every font face, default style and style of OURS' that it lacks:
 * the document uses our style names, and they must exist. */
static void
S_merge_section(xmlNodePtr theirs, xmlNodePtr ours, const char *sec)
{
	xmlNodePtr os = sx_xml_child(ours, NS_OFFICE, sec, NULL), ts;

	if (os == NULL)
		return;
	ts = S_section(theirs, sec);
	for (xmlNodePtr c = sx_xml_first_el(os); c; c = sx_xml_next_el(c))
		if ((sx_xml_el(c, NS_STYLE, "font-face") || sx_xml_el(c, NS_STYLE, "default-style") ||
		    sx_xml_el(c, NS_STYLE, "style")) && !S_has_like(ts, c))
			sx_xml_graft(ts, NULL, c);
}

/* Rename every reference to master page FROM (style:master-page-name, style:next-style-name) under
 * N to TO. */
static void
S_rename_master(xmlNodePtr n, const char *from, const char *to)
{
	static const char *const attrs[] = { "master-page-name", "next-style-name" };

	for (; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		for (size_t k = 0; k < 2; k++) {
			char *v = sx_xml_get(n, NS_STYLE, attrs[k]);
			if (v && strcmp(v, from) == 0)
				xmlSetNsProp(n, xmlSearchNsByHref(n->doc, n, (const xmlChar *)NS_STYLE),
				    (const xmlChar *)attrs[k], (const xmlChar *)to);
			free(v);
		}
		S_rename_master(n->children, from, to);
	}
}

/* The body's first page uses master page "Standard" (content.xml names none): make sure THEIRS has
 * it: their first master page renamed, or, when they have none, ours with its page layout. */
static void
S_master(xmlNodePtr theirs, xmlNodePtr ours)
{
	xmlNodePtr ms = S_section(theirs, "master-styles"), first, omp, opl;
	char *old, *pl;

	if (S_named(ms, "master-page", "Standard"))
		return;
	if ((first = sx_xml_child(ms, NS_STYLE, "master-page", NULL)) != NULL) {
		old = sx_xml_get(first, NS_STYLE, "name");
		S_rename_master(theirs, old ? old : "", "Standard");
		xmlSetNsProp(first, first->ns, (const xmlChar *)"name", (const xmlChar *)"Standard");
		free(old);
		return;
	}
	omp = S_named(sx_xml_child(ours, NS_OFFICE, "master-styles", NULL), "master-page", "Standard");
	pl = omp ? sx_xml_get(omp, NS_STYLE, "page-layout-name") : NULL;
	opl = S_named(sx_xml_child(ours, NS_OFFICE, "automatic-styles", NULL), "page-layout", pl);
	if (opl && !S_named(S_section(theirs, "automatic-styles"), "page-layout", pl))
		sx_xml_graft(S_section(theirs, "automatic-styles"), NULL, opl);
	if (omp)
		sx_xml_graft(ms, NULL, omp);
	free(pl);
}

/* The namespace HREF in scope at N, declared on ROOT (as PREFIX) when it is not. */
static xmlNsPtr
S_ns(xmlNodePtr root, xmlNodePtr n, const char *href, const char *prefix)
{
	xmlNsPtr ns = xmlSearchNsByHref(n->doc, n, (const xmlChar *)href);

	return ns ? ns : xmlNewNs(root, (const xmlChar *)href, (const xmlChar *)prefix);
}

/* Our page in the page layout of their master page "Standard": A4 portrait with 2 cm side margins,
 * the text width our tables are laid out for; their vertical margins, header and footer stay. */
static void
S_page_width(xmlNodePtr root)
{
	static const char *const set[][4] = {
		{ NS_FO, "fo", "page-width", "21cm" }, { NS_FO, "fo", "page-height", "29.7cm" },
		{ NS_STYLE, "style", "print-orientation", "portrait" }, { NS_FO, "fo", "margin-left", "2cm" },
		{ NS_FO, "fo", "margin-right", "2cm" },
	};
	xmlNodePtr mp = S_named(S_section(root, "master-styles"), "master-page", "Standard"), pl, pp;
	char *pln = mp ? sx_xml_get(mp, NS_STYLE, "page-layout-name") : NULL;

	pl = S_named(S_section(root, "automatic-styles"), "page-layout", pln);
	free(pln);
	if (pl == NULL)
		return;
	if ((pp = sx_xml_child(pl, NS_STYLE, "page-layout-properties", NULL)) == NULL) {
		pp = xmlNewDocNode(root->doc, S_ns(root, pl, NS_STYLE, "style"),
		    (const xmlChar *)"page-layout-properties", NULL);
		if (pl->children)
			xmlAddPrevSibling(pl->children, pp);
		else
			xmlAddChild(pl, pp);
	}
	for (size_t k = 0; k < sizeof(set) / sizeof(set[0]); k++)
		xmlSetNsProp(pp, S_ns(root, pp, set[k][0], set[k][1]), (const xmlChar *)set[k][2],
		    (const xmlChar *)set[k][3]);
}

/*
 * A landscape document's pages (the paragraph style SxLandscape names the master page Landscape):
 * ROOT (the template's styles.xml) gets a copy of its Standard master page called Landscape, on a
 * copy of that page's layout (SxLandscapeLayout) with the width and the height swapped and the
 * orientation landscape; each copy right after its original.  A template without them is left as
 * it is (portrait pages).
 */
static void
S_landscape(xmlNodePtr root)
{
	xmlNodePtr mp = S_named(sx_xml_child(root, NS_OFFICE, "master-styles", NULL), "master-page", "Standard");
	char *pln = mp ? sx_xml_get(mp, NS_STYLE, "page-layout-name") : NULL, *w = NULL, *h = NULL;
	xmlNodePtr pl = S_named(sx_xml_child(root, NS_OFFICE, "automatic-styles", NULL), "page-layout", pln);
	xmlNodePtr pp = sx_xml_child(pl, NS_STYLE, "page-layout-properties", NULL), c;

	free(pln);
	if (pp == NULL || (w = sx_xml_get(pp, NS_FO, "page-width")) == NULL ||
	    (h = sx_xml_get(pp, NS_FO, "page-height")) == NULL)
		goto done;
	c = sx_xml_graft(pl->parent, pl->next, pl);
	xmlSetNsProp(c, S_ns(root, c, NS_STYLE, "style"), (const xmlChar *)"name",
	    (const xmlChar *)"SxLandscapeLayout");
	pp = sx_xml_child(c, NS_STYLE, "page-layout-properties", NULL);
	xmlSetNsProp(pp, S_ns(root, pp, NS_FO, "fo"), (const xmlChar *)"page-width", (const xmlChar *)h);
	xmlSetNsProp(pp, S_ns(root, pp, NS_FO, "fo"), (const xmlChar *)"page-height", (const xmlChar *)w);
	xmlSetNsProp(pp, S_ns(root, pp, NS_STYLE, "style"), (const xmlChar *)"print-orientation",
	    (const xmlChar *)"landscape");
	c = sx_xml_graft(mp->parent, mp->next, mp);
	xmlSetNsProp(c, S_ns(root, c, NS_STYLE, "style"), (const xmlChar *)"name", (const xmlChar *)"Landscape");
	xmlSetNsProp(c, S_ns(root, c, NS_STYLE, "style"), (const xmlChar *)"page-layout-name",
	    (const xmlChar *)"SxLandscapeLayout");
done:
	free(w);
	free(h);
}

/* 「草稿」 first in every header of master page NAME of ROOT (a header made when it has none, from
 * SROOT, the snippet), and header spacing in its page layout when that has none. */
static void
S_draft_page(xmlNodePtr root, xmlNodePtr sroot, const char *name)
{
	static const char *const heads[] = { "header", "header-left", "header-first" };
	xmlNodePtr shead = sx_xml_child(sroot, NS_STYLE, "header", NULL), mp, pl;
	char *pln;

	mp = S_named(S_section(root, "master-styles"), "master-page", name);
	pln = mp ? sx_xml_get(mp, NS_STYLE, "page-layout-name") : NULL;
	for (size_t k = 0; mp && k < 3; k++) {
		xmlNodePtr h = sx_xml_child(mp, NS_STYLE, heads[k], NULL);
		if (h == NULL && k == 0)
			sx_xml_graft(mp, sx_xml_first_el(mp), shead);
		else if (h) {
			xmlUnsetNsProp(h, h->ns, (const xmlChar *)"display"); /* a hidden header is shown */
			sx_xml_graft(h, sx_xml_first_el(h), sx_xml_first_el(shead));
		}
	}
	pl = pln ? S_named(S_section(root, "automatic-styles"), "page-layout", pln) : NULL;
	if (pl && sx_xml_child(pl, NS_STYLE, "header-style", NULL) == NULL)
		sx_xml_graft(pl, sx_xml_child(pl, NS_STYLE, "footer-style", NULL),
		    sx_xml_child(sroot, NS_STYLE, "header-style", NULL));
	free(pln);
}

/* 「草稿」 in the page headers of ROOT's master pages "Standard" and, in a landscape document,
 * "Landscape" (a copy of Standard made before: its pages are the draft's too). */
static int
S_draft(xmlNodePtr root, secannex_diags *d)
{
	xmlDocPtr sn = NULL;
	int rc;

	if ((rc = sx_xml_own(&sn, S_draft_snippet, sizeof(S_draft_snippet) - 1, NULL, "styles.xml", d)) != 0)
		return rc;
	S_draft_page(root, xmlDocGetRootElement(sn), "Standard");
	S_draft_page(root, xmlDocGetRootElement(sn), "Landscape");
	xmlFreeDoc(sn);
	return 0;
}
static void
S_opkg_free(S_opkg *p)
{
	sx_buf_free(&p->styles);
	for (size_t i = 0; i < p->npic; i++) {
		free(p->pic[i]);
		free(p->pic_type[i]);
		sx_buf_free(&p->pic_data[i]);
	}
	free(p->pic);
	free(p->pic_type);
	free(p->pic_data);
}

/* The media type of picture PART: the reference's manifest says, else its extension (caller frees);
 * NULL when neither knows. */
static char *
S_pic_type(xmlDocPtr manifest, const char *part)
{
	xmlNodePtr root = manifest ? xmlDocGetRootElement(manifest) : NULL;
	const char *byext = sx_picture_type(part);

	for (xmlNodePtr n = sx_xml_child(root, NS_MANIFEST, "file-entry", NULL); n;
	    n = sx_xml_child(root, NS_MANIFEST, "file-entry", n)) {
		char *fp = sx_xml_get(n, NS_MANIFEST, "full-path");
		char *mt = fp && strcmp(fp, part) == 0 ? sx_xml_get(n, NS_MANIFEST, "media-type") : NULL;
		free(fp);
		if (mt && strncmp(mt, "image/", 6) == 0 &&
		    strspn(mt, "abcdefghijklmnopqrstuvwxyz0123456789.+-/") == strlen(mt))
			return mt;
		free(mt);
	}
	return byext ? sx_strdup(byext) : NULL;
}

/* Take the picture that HREF (an xlink:href of their styles.xml) names: a Pictures/ part of the
 * package, once.  Links to other documents (a URL) are left alone; anything else is refused. */
static int
S_take_pic(S_opkg *p, sx_refdoc *r, xmlDocPtr manifest, const char *href, secannex_diags *d)
{
	const char *part = strncmp(href, "./", 2) == 0 ? href + 2 : href;
	char *type;

	if (strchr(href, ':') || href[0] == '#' || !*href)
		return 0;
	for (size_t i = 0; i < p->npic; i++)
		if (strcmp(p->pic[i], part) == 0)
			return 0;
	if (strncmp(part, "Pictures/", 9) != 0 || strstr(part, "..") || strchr(part + 9, '/') ||
	    strspn(part, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-/") !=
	    strlen(part) || (type = S_pic_type(manifest, part)) == NULL) {
		sx_diag(d, SX_MSG_REF_UNSUPPORTED, r->path, 0, "styles.xml", href);
		return SECANNEX_EINVALID;
	}
	if (!sx_refdoc_has(r, part)) {
		sx_diag(d, SX_MSG_REF_LINK, r->path, 0, "styles.xml", href);
		free(type);
		return SECANNEX_EINVALID;
	}
	p->pic = sx_realloc(p->pic, (p->npic + 1) * sizeof(char *));
	p->pic_type = sx_realloc(p->pic_type, (p->npic + 1) * sizeof(char *));
	p->pic_data = sx_realloc(p->pic_data, (p->npic + 1) * sizeof(sx_buf));
	p->pic[p->npic] = sx_strdup(part);
	p->pic_type[p->npic] = type;
	memset(&p->pic_data[p->npic], 0, sizeof(sx_buf));
	return sx_refdoc_part(r, part, &p->pic_data[p->npic++], d);
}

/* Every picture that N and what follows it (their styles.xml) link to. */
static int
S_take_pics(S_opkg *p, sx_refdoc *r, xmlDocPtr manifest, xmlNodePtr n, secannex_diags *d)
{
	int rc = 0;

	for (; n && rc == 0; n = n->next) {
		char *href;
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if ((href = sx_xml_get(n, NS_XLINK, "href")) != NULL)
			rc = S_take_pic(p, r, manifest, href, d);
		free(href);
		if (rc == 0)
			rc = S_take_pics(p, r, manifest, n->children, d);
	}
	return rc;
}

/* THEIRS (the reference's styles.xml) made to carry our document: ODF 1.3, our styles that it
 * lacks, master page "Standard", its pictures. */
static int
S_ref_styles(S_opkg *p, sx_refdoc *r, xmlDocPtr theirs, xmlDocPtr ours, secannex_diags *d)
{
	xmlNodePtr troot = xmlDocGetRootElement(theirs), oroot = xmlDocGetRootElement(ours);
	xmlDocPtr manifest = NULL;
	int rc;

	if (!sx_xml_el(troot, NS_OFFICE, "document-styles")) {
		sx_diag(d, SX_MSG_REF_MISSING, r->path, 0, _("an .odt"), _("office:document-styles in styles.xml"));
		return SECANNEX_EINVALID;
	}
	xmlSetNsProp(troot, troot->ns, (const xmlChar *)"version", (const xmlChar *)"1.3");
	S_merge_section(troot, oroot, "font-face-decls");
	S_merge_section(troot, oroot, "styles");
	S_master(troot, oroot);
	S_page_width(troot);
	rc = sx_refdoc_xml(r, "META-INF/manifest.xml", &manifest, NULL, d);
	if (rc == 0 || rc == SECANNEX_ENOTFOUND)
		rc = S_take_pics(p, r, manifest, troot, d);
	if (manifest)
		xmlFreeDoc(manifest);
	return rc;
}

/* styles.xml when it is not the template's: the reference document's (REF) with ours merged in,
 * or ours; with landscape pages for a landscape document, 「草稿」 in the page header of a draft. */
static int
S_styles(S_opkg *p, const sx_doc *a, const sx_buf *tpl, const char *template_dir, const char *ref,
    secannex_diags *d)
{
	xmlDocPtr ours = NULL, theirs = NULL;
	sx_refdoc r = { NULL, NULL };
	int rc;

	if ((rc = sx_xml_own(&ours, tpl->ptr, tpl->len, template_dir, "odt/styles.xml", d)) != 0)
		return rc;
	if (a->landscape)
		S_landscape(xmlDocGetRootElement(ours));
	if (ref && ((rc = sx_refdoc_open(&r, ref, SECANNEX_FORMAT_ODT, d)) != 0 ||
	    (rc = sx_refdoc_xml(&r, "styles.xml", &theirs, NULL, d)) != 0 ||
	    (rc = S_ref_styles(p, &r, theirs, ours, d)) != 0))
		goto done;
	if (a->draft && (rc = S_draft(xmlDocGetRootElement(theirs ? theirs : ours), d)) != 0)
		goto done;
	sx_xml_dump(theirs ? theirs : ours, &p->styles);
done:
	if (theirs)
		xmlFreeDoc(theirs);
	xmlFreeDoc(ours);
	if (ref)
		sx_refdoc_close(&r);
	return rc;
}

/* META-INF/manifest.xml (the template's, in B) with an entry for each picture of P, edited as a tree. */
static int
S_manifest(sx_buf *b, const S_opkg *p, const char *template_dir, secannex_diags *d)
{
	xmlDocPtr doc = NULL;
	int rc;

	if ((rc = sx_xml_tpl_part(&doc, b, template_dir, "odt/META-INF/manifest.xml", NS_MANIFEST, "manifest", d)) != 0)
		return rc;
	for (size_t i = 0; i < p->npic; i++)
		sx_xml_append_el(xmlDocGetRootElement(doc), "file-entry", 1, (const char *const[]){
		    "full-path", p->pic[i], "media-type", p->pic_type[i], NULL });
	sx_buf_free(b);
	sx_xml_dump(doc, b);
	xmlFreeDoc(doc);
	return 0;
}

/* Write A; with REF (an .odt), in that agency's styles and page header and footer. */
static int
S_write(const sx_doc *a, const char *template_dir, const char *ref, sx_buf *out, secannex_diags *d)
{
	static const char mimetype[] = "application/vnd.oasis.opendocument.text";
	sx_buf meta = SX_BUF_INIT, styles = SX_BUF_INIT, manifest = SX_BUF_INIT;
	S_opkg p;
	sx_zip *z = NULL;
	int rc;

	memset(&p, 0, sizeof(p));
	if ((rc = sx_template_read(&styles, template_dir, "odt/styles.xml", d)) != 0 ||
	    (rc = sx_template_read(&manifest, template_dir, "odt/META-INF/manifest.xml", d)) != 0)
		goto done;
	if ((ref || a->draft || a->landscape) && (rc = S_styles(&p, a, &styles, template_dir, ref, d)) != 0)
		goto done;
	if (p.npic && (rc = S_manifest(&manifest, &p, template_dir, d)) != 0)
		goto done;
	z = sx_zip_new();
	sx_zip_add(z, "mimetype", mimetype, sizeof(mimetype) - 1, 1);
	sx_zip_add(z, "META-INF/manifest.xml", manifest.ptr, manifest.len, 0);
	sx_zip_begin(z, "content.xml");
	rc = S_content(a, z);
	if (sx_zip_end(z) != 0 || rc != 0 || S_meta(a, &meta) != 0) {
		sx_diag(d, SX_MSG_XML_WRITE, "odt", 0);
		rc = SECANNEX_EIO;
		goto done;
	}
	if (p.styles.len)
		sx_zip_add(z, "styles.xml", p.styles.ptr, p.styles.len, 0);
	else
		sx_zip_add(z, "styles.xml", styles.ptr, styles.len, 0);
	sx_zip_add(z, "meta.xml", meta.ptr, meta.len, 0);
	for (size_t i = 0; i < p.npic; i++)
		sx_zip_add(z, p.pic[i], p.pic_data[i].ptr, p.pic_data[i].len, 0);
	rc = sx_zip_finish(z, a->epoch_set ? a->epoch : (time_t)315532800, out, d);
done:
	sx_zip_free(z);
	sx_buf_free(&meta);
	sx_buf_free(&styles);
	sx_buf_free(&manifest);
	S_opkg_free(&p);
	return rc;
}

int
sx_odt_write(const sx_doc *a, const char *template_dir, sx_buf *out, secannex_diags *d)
{
	return S_write(a, template_dir, NULL, out, d);
}

int
sx_odt_write_ref(const sx_doc *a, const char *template_dir, const char *reference_doc, sx_buf *out,
    secannex_diags *d)
{
	return S_write(a, template_dir, reference_doc, out, d);
}

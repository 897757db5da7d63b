/* render_odt.c: the annex as an ODF 1.3 text package (content.xml, meta.xml; styles from templates/odt). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "docs.h"
#include "pkg.h"
#include "diag.h"
#include "xmlw.h"
#include "zippkg.h"

#define NS_OFFICE "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
#define NS_STYLE "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
#define NS_TEXT "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
#define NS_TABLE "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
#define NS_FO "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
#define NS_META "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
#define NS_DC "http://purl.org/dc/elements/1.1/"

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
				sx_xw_start(x, "text:line-break");
				sx_xw_end(x);
				prev_space = 1;
			} else if (*s == '\t') {
				sx_xw_start(x, "text:tab");
				sx_xw_end(x);
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
			sx_xw_start(x, "text:change-start");
			sx_xw_attr(x, "text:change-id", id);
			sx_xw_end(x);
			S_text(x, t->v[i].text);
			sx_xw_start(x, "text:change-end");
			sx_xw_attr(x, "text:change-id", id);
			sx_xw_end(x);
		} else {
			sx_xw_start(x, "text:change");
			sx_xw_attr(x, "text:change-id", id);
			sx_xw_end(x);
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
 * the first paragraph's style (PARENT) on the Landscape master page (S_landscape_pages). */
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
	if (a->landscape && parent) {
		sx_xw_start(x, "style:style");
		sx_xw_attr(x, "style:name", "SxLandscape");
		sx_xw_attr(x, "style:family", "paragraph");
		sx_xw_attr(x, "style:parent-style-name", parent);
		sx_xw_attr(x, "style:master-page-name", "Landscape");
		sx_xw_end(x);
	}
}

/* The paragraph style of block I whose usual style is STYLE: the first block of a landscape
 * document starts the Landscape master page. */
static const char *
S_pstyle(const sx_doc *a, size_t i, const char *style)
{
	return a->landscape && i == 0 ? "SxLandscape" : style;
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
		for (size_t k = 0; k < tb->nrows * tb->ncols; k++)
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
	sx_xw_start(x, "style:table-row-properties");
	sx_xw_attr(x, "fo:keep-together", "always");
	sx_xw_end(x);
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

static void
S_row(sx_xw *x, S_ctx *ctx, const sx_table *tb, size_t r, int head)
{
	sx_xw_start(x, "table:table-row");
	sx_xw_attr(x, "table:style-name", "Row");
	for (size_t c = 0; c < tb->ncols; c++) {
		int label = head || (tb->kind == SX_TBL_FORM && c == 0);
		sx_xw_start(x, "table:table-cell");
		sx_xw_attr(x, "table:style-name", label ? "CellHead" : "Cell");
		sx_xw_attr(x, "office:value-type", "string");
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

static int
S_content(const sx_doc *a, sx_buf *out)
{
	sx_xw *x = sx_xw_new(0);
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
	S_extra_styles(x, a, a->n && a->v[0].kind == SX_BLK_TITLE ? "Title" :
	    a->n && a->v[0].kind == SX_BLK_PARA ? "Standard" : NULL);
	sx_xw_end(x);
	sx_xw_start(x, "office:body");
	sx_xw_start(x, "office:text");
	if (a->author)
		S_tracked_changes(x, a);
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
			S_mpara(x, &ctx, S_pstyle(a, i, "Standard"), b->text, b->change, b->mtext);
			break;
		case SX_BLK_NOTE:
			S_mpara(x, &ctx, "Note", b->text, b->change, b->mtext);
			break;
		case SX_BLK_TABLE: {
			const sx_table *tb = b->table;
			t++;
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
					S_row(x, &ctx, tb, r, 1);
				sx_xw_end(x);
			}
			for (size_t r = tb->nheader; r < tb->nrows; r++)
				S_row(x, &ctx, tb, r, 0);
			sx_xw_end(x);
			break;
		}
		}
	}
	sx_xw_end(x);
	sx_xw_end(x);
	sx_xw_end(x);
	return sx_xw_finish(x, out);
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

/* In [P, END): the value of attribute NAME="…" (*LEN bytes), or NULL. */
static const char *
S_attr_in(const char *p, const char *end, const char *name, size_t *len)
{
	size_t n = strlen(name);

	for (; p && p + n + 2 < end; p++)
		if (strncmp(p, name, n) == 0 && p[n] == '=' && p[n + 1] == '"') {
			const char *q = memchr(p + n + 2, '"', (size_t)(end - p - n - 2));
			if (q == NULL)
				return NULL;
			*len = (size_t)(q - p - n - 2);
			return p + n + 2;
		}
	return NULL;
}

/* Append [P, END) to B with the value of each attribute NAMES[k] (of N) replaced by VALS[k]. */
static void
S_put_replaced(sx_buf *b, const char *p, const char *end, size_t n, const char *const *names,
    const char *const *vals)
{
	while (p < end) {
		size_t k, len = 0;
		for (k = 0; k < n; k++) {
			len = strlen(names[k]);
			if ((size_t)(end - p) > len + 2 && strncmp(p, names[k], len) == 0 && p[len] == '=' &&
			    p[len + 1] == '"' && strchr(p + len + 2, '"'))
				break;
		}
		if (k == n) {
			sx_buf_putc(b, *p++);
			continue;
		}
		sx_buf_printf(b, "%s=\"%s\"", names[k], vals[k]);
		p = strchr(p + len + 2, '"') + 1;
	}
}

/*
 * A landscape document's pages (the paragraph style SxLandscape names the master page Landscape):
 * the template's styles.xml gets a copy of its Standard master page called Landscape, on a copy
 * of that page's layout (SxLandscapeLayout) with the width and the height swapped and the
 * orientation landscape.  A template without them is left as it is (portrait pages).
 */
static void
S_landscape_pages(sx_buf *st)
{
	static const char *const names[3] = { "fo:page-width", "fo:page-height", "style:print-orientation" };
	const char *s = st->ptr, *m = s ? strstr(s, "<style:master-page style:name=\"Standard\"") : NULL;
	const char *me = m ? strstr(m, "</style:master-page>") : NULL, *ln, *l = NULL, *le = NULL, *w, *h;
	size_t lnl = 0, wl = 0, hl = 0;
	char *lkey, *vals[3];
	sx_buf b = SX_BUF_INIT;

	if (me == NULL || (ln = S_attr_in(m, me, "style:page-layout-name", &lnl)) == NULL)
		return;
	lkey = sx_aprintf("<style:page-layout style:name=\"%.*s\"", (int)lnl, ln);
	if ((l = strstr(s, lkey)) != NULL)
		le = strstr(l, "</style:page-layout>");
	free(lkey);
	if (le == NULL || le > m || (w = S_attr_in(l, le, names[0], &wl)) == NULL ||
	    (h = S_attr_in(l, le, names[1], &hl)) == NULL)
		return;
	le += strlen("</style:page-layout>");
	me += strlen("</style:master-page>");
	vals[0] = sx_strndup(h, hl);
	vals[1] = sx_strndup(w, wl);
	vals[2] = sx_strdup("landscape");
	sx_buf_put(&b, s, (size_t)(le - s));
	sx_buf_puts(&b, "<style:page-layout style:name=\"SxLandscapeLayout\"");
	S_put_replaced(&b, l + strlen("<style:page-layout style:name=\"") + lnl + 1, le, 3, names,
	    (const char *const *)vals);
	sx_buf_put(&b, le, (size_t)(me - le));
	sx_buf_puts(&b, "<style:master-page style:name=\"Landscape\" style:page-layout-name=\"SxLandscapeLayout\"");
	sx_buf_put(&b, ln + lnl + 1, (size_t)(me - ln - lnl - 1));
	sx_buf_puts(&b, me);
	for (int k = 0; k < 3; k++)
		free(vals[k]);
	sx_buf_free(st);
	*st = b;
}

int
sx_odt_write(const sx_doc *a, const char *template_dir, sx_buf *out, secannex_diags *d)
{
	static const char mimetype[] = "application/vnd.oasis.opendocument.text";
	sx_buf content = SX_BUF_INIT, meta = SX_BUF_INIT, styles = SX_BUF_INIT, manifest = SX_BUF_INIT;
	sx_zip *z = NULL;
	int rc;

	if ((rc = sx_template_read(&styles, template_dir, "odt/styles.xml", d)) != 0 ||
	    (rc = sx_template_read(&manifest, template_dir, "odt/META-INF/manifest.xml", d)) != 0)
		goto done;
	if (a->landscape)
		S_landscape_pages(&styles);
	if (S_content(a, &content) != 0 || S_meta(a, &meta) != 0) {
		sx_diag(d, SX_MSG_XML_WRITE, "odt", 0);
		rc = SECANNEX_EIO;
		goto done;
	}
	z = sx_zip_new();
	sx_zip_add(z, "mimetype", mimetype, sizeof(mimetype) - 1, 1);
	sx_zip_add(z, "META-INF/manifest.xml", manifest.ptr, manifest.len, 0);
	sx_zip_add(z, "content.xml", content.ptr, content.len, 0);
	sx_zip_add(z, "styles.xml", styles.ptr, styles.len, 0);
	sx_zip_add(z, "meta.xml", meta.ptr, meta.len, 0);
	rc = sx_zip_finish(z, a->epoch_set ? a->epoch : (time_t)315532800, out, d);
done:
	sx_zip_free(z);
	sx_buf_free(&content);
	sx_buf_free(&meta);
	sx_buf_free(&styles);
	sx_buf_free(&manifest);
	return rc;
}

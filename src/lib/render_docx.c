/* render_docx.c: the annex as an ECMA-376 (transitional) WordprocessingML package; document.xml and
 * core.xml are written here, the static parts come from templates/docx. */
#include <stdio.h>
#include <string.h>

#include "docs.h"
#include "pkg.h"
#include "diag.h"
#include "xmlw.h"
#include "zippkg.h"

#define NS_W "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define NS_R "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

/* A4 text width in twips (1 mm = 56.6929 twips). */
static int
S_twips(int tenth_mm)
{
	return (int)((double)tenth_mm * 5.669291 + 0.5);
}

/* A run of text: "\n" → w:br, tab → w:tab, text in ELEM (w:t, or w:delText inside w:del: Word
 * does not accept w:t there) with xml:space="preserve". */
static void
S_run(sx_xw *x, const char *s, const char *elem)
{
	sx_xw_start(x, "w:r");
	while (*s) {
		size_t n = strcspn(s, "\n\t");
		if (n) {
			sx_xw_start(x, elem);
			sx_xw_attr(x, "xml:space", "preserve");
			sx_xw_textn(x, s, n);
			sx_xw_end(x);
		}
		s += n;
		if (*s == '\n' || *s == '\t') {
			sx_xw_start(x, *s == '\n' ? "w:br" : "w:tab");
			sx_xw_end(x);
			s++;
		}
	}
	sx_xw_end(x);
}

static void
S_runs(sx_xw *x, const char *s)
{
	S_run(x, s, "w:t");
}

/* Redline state: the running w:id of w:ins / w:del annotations, their author and date. */
typedef struct S_ctx {
	int next;
	const char *author;
	char date[32];      /* "" when no date */
	int width;          /* the text width, tenths of a millimetre */
} S_ctx;

static void
S_change_attrs(sx_xw *x, S_ctx *c)
{
	sx_xw_attrf(x, "w:id", "%d", ++c->next);
	sx_xw_attr(x, "w:author", c->author);
	if (c->date[0])
		sx_xw_attr(x, "w:date", c->date);
}

static void
S_mpara(sx_xw *x, S_ctx *c, const char *style, const char *text, int change, const sx_dtext *m)
{
	sx_dtext one;
	sx_dseg seg;
	const sx_dtext *t = sx_pkg_segs(text, change, m, &one, &seg);

	sx_xw_start(x, "w:p");
	if (style) {
		sx_xw_start(x, "w:pPr");
		sx_xw_start(x, "w:pStyle");
		sx_xw_attr(x, "w:val", style);
		sx_xw_end(x);
		sx_xw_end(x);
	}
	for (size_t i = 0; i < t->n; i++) {
		if (t->v[i].op == SX_OP_SAME) {
			S_runs(x, t->v[i].text);
		} else if (t->v[i].op == SX_OP_INS) {
			sx_xw_start(x, "w:ins");
			S_change_attrs(x, c);
			S_runs(x, t->v[i].text);
			sx_xw_end(x);
		} else {
			sx_xw_start(x, "w:del");
			S_change_attrs(x, c);
			S_run(x, t->v[i].text, "w:delText");
			sx_xw_end(x);
		}
	}
	sx_xw_end(x);
}

static void
S_para(sx_xw *x, const char *style, const char *text)
{
	sx_xw_start(x, "w:p");
	if (style) {
		sx_xw_start(x, "w:pPr");
		sx_xw_start(x, "w:pStyle");
		sx_xw_attr(x, "w:val", style);
		sx_xw_end(x);
		sx_xw_end(x);
	}
	if (text && *text)
		S_runs(x, text);
	sx_xw_end(x);
}

/* A marked cell's paragraph (sx_table.marked): the character diff M as formatting, insertions
 * underlined (w:u), deletions struck through (w:strike); without M, TEXT plain. */
static void
S_marked_para(sx_xw *x, const char *style, const char *text, const sx_dtext *m)
{
	sx_dtext one;
	sx_dseg seg;
	const sx_dtext *t = sx_pkg_segs(text, 0, m, &one, &seg);

	sx_xw_start(x, "w:p");
	sx_xw_start(x, "w:pPr");
	sx_xw_start(x, "w:pStyle");
	sx_xw_attr(x, "w:val", style);
	sx_xw_end(x);
	sx_xw_end(x);
	for (size_t i = 0; i < t->n; i++) {
		const char *s = t->v[i].text;
		sx_xw_start(x, "w:r");
		if (t->v[i].op != SX_OP_SAME) {
			sx_xw_start(x, "w:rPr");
			sx_xw_start(x, t->v[i].op == SX_OP_INS ? "w:u" : "w:strike");
			if (t->v[i].op == SX_OP_INS)
				sx_xw_attr(x, "w:val", "single");
			sx_xw_end(x);
			sx_xw_end(x);
		}
		while (*s) {
			size_t n = strcspn(s, "\n");
			if (n) {
				sx_xw_start(x, "w:t");
				sx_xw_attr(x, "xml:space", "preserve");
				sx_xw_textn(x, s, n);
				sx_xw_end(x);
			}
			s += n;
			if (*s == '\n') {
				sx_xw_start(x, "w:br");
				sx_xw_end(x);
				s++;
			}
		}
		sx_xw_end(x);
	}
	sx_xw_end(x);
}

static void
S_table(sx_xw *x, S_ctx *ctx, const sx_table *tb)
{
	int tw[16], sum = 0, total = S_twips(ctx->width);

	for (size_t c = 0; c < tb->ncols && c < 16; c++) {
		tw[c] = S_twips(tb->width_mm[c]);
		sum += tw[c];
	}
	tw[tb->ncols - 1] += total - sum; /* rounding: the columns fill the text width exactly */

	sx_xw_start(x, "w:tbl");
	sx_xw_start(x, "w:tblPr");
	sx_xw_start(x, "w:tblStyle");
	sx_xw_attr(x, "w:val", "TableGrid");
	sx_xw_end(x);
	sx_xw_start(x, "w:tblW");
	sx_xw_attrf(x, "w:w", "%d", total);
	sx_xw_attr(x, "w:type", "dxa");
	sx_xw_end(x);
	sx_xw_start(x, "w:tblLayout");
	sx_xw_attr(x, "w:type", "fixed");
	sx_xw_end(x);
	sx_xw_end(x);
	sx_xw_start(x, "w:tblGrid");
	for (size_t c = 0; c < tb->ncols; c++) {
		sx_xw_start(x, "w:gridCol");
		sx_xw_attrf(x, "w:w", "%d", tw[c]);
		sx_xw_end(x);
	}
	sx_xw_end(x);
	for (size_t r = 0; r < tb->nrows; r++) {
		int head = r < tb->nheader;
		sx_xw_start(x, "w:tr");
		sx_xw_start(x, "w:trPr");
		sx_xw_start(x, "w:cantSplit");
		sx_xw_end(x);
		if (head) {
			sx_xw_start(x, "w:tblHeader");
			sx_xw_end(x);
		}
		if (tb->row_change && tb->row_change[r]) {
			/* the whole row inserted or deleted */
			sx_xw_start(x, tb->row_change[r] == SX_OP_INS ? "w:ins" : "w:del");
			S_change_attrs(x, ctx);
			sx_xw_end(x);
		}
		sx_xw_end(x);
		for (size_t c = 0; c < tb->ncols; c++) {
			int label = head || (tb->kind == SX_TBL_FORM && c == 0);
			sx_xw_start(x, "w:tc");
			sx_xw_start(x, "w:tcPr");
			sx_xw_start(x, "w:tcW");
			sx_xw_attrf(x, "w:w", "%d", tw[c]);
			sx_xw_attr(x, "w:type", "dxa");
			sx_xw_end(x);
			if (label) {
				sx_xw_start(x, "w:shd");
				sx_xw_attr(x, "w:val", "clear");
				sx_xw_attr(x, "w:color", "auto");
				sx_xw_attr(x, "w:fill", "E6E6E6");
				sx_xw_end(x);
			}
			sx_xw_end(x);
			/* every cell holds a paragraph, even an empty one */
			if (tb->marked)
				S_marked_para(x, head ? "TableHeading" : "TableText", tb->cells[r * tb->ncols + c],
				    tb->mcells ? &tb->mcells[r * tb->ncols + c] : NULL);
			else
				S_mpara(x, ctx, head ? "TableHeading" : "TableText", tb->cells[r * tb->ncols + c],
				    tb->row_change ? tb->row_change[r] : 0,
				    tb->mcells ? &tb->mcells[r * tb->ncols + c] : NULL);
			sx_xw_end(x);
		}
		sx_xw_end(x);
	}
	sx_xw_end(x);
	/* a paragraph after each table keeps two tables from merging */
	S_para(x, NULL, NULL);
}

/* The page size: A4, portrait or landscape. */
static void
S_page_size(sx_xw *x, int landscape)
{
	sx_xw_start(x, "w:pgSz");
	sx_xw_attr(x, "w:w", landscape ? "16838" : "11906");
	sx_xw_attr(x, "w:h", landscape ? "11906" : "16838");
	if (landscape)
		sx_xw_attr(x, "w:orient", "landscape");
	sx_xw_end(x);
}

static int
S_document(const sx_doc *a, sx_buf *out)
{
	sx_xw *x = sx_xw_new(1);
	S_ctx ctx = { 0, a->author, "", SX_DOC_WIDTH(a) };

	if (a->author && a->epoch_set)
		sx_iso8601(ctx.date, sizeof(ctx.date), a->epoch);
	sx_xw_start(x, "w:document");
	sx_xw_attr(x, "xmlns:w", NS_W);
	sx_xw_attr(x, "xmlns:r", NS_R);
	sx_xw_start(x, "w:body");
	for (size_t i = 0; i < a->n; i++) {
		const sx_ablock *b = &a->v[i];
		switch (b->kind) {
		case SX_BLK_TITLE: S_mpara(x, &ctx, "Title", b->text, b->change, b->mtext); break;
		case SX_BLK_HEADING: S_mpara(x, &ctx, "Heading1", b->text, b->change, b->mtext); break;
		case SX_BLK_SUBHEADING: S_mpara(x, &ctx, "Heading2", b->text, b->change, b->mtext); break;
		case SX_BLK_PARA: S_mpara(x, &ctx, NULL, b->text, b->change, b->mtext); break;
		case SX_BLK_NOTE: S_mpara(x, &ctx, "Note", b->text, b->change, b->mtext); break;
		case SX_BLK_TABLE: S_table(x, &ctx, b->table); break;
		}
	}
	/* A4 portrait (or landscape), 2 cm margins (1.5 cm at the bottom), the page-number footer */
	sx_xw_start(x, "w:sectPr");
	sx_xw_start(x, "w:footerReference");
	sx_xw_attr(x, "w:type", "default");
	sx_xw_attr(x, "r:id", "rIdFooter1");
	sx_xw_end(x);
	S_page_size(x, a->landscape);
	sx_xw_start(x, "w:pgMar");
	sx_xw_attr(x, "w:top", "1134");
	sx_xw_attr(x, "w:right", "1134");
	sx_xw_attr(x, "w:bottom", "850");
	sx_xw_attr(x, "w:left", "1134");
	sx_xw_attr(x, "w:header", "567");
	sx_xw_attr(x, "w:footer", "425");
	sx_xw_attr(x, "w:gutter", "0");
	sx_xw_end(x);
	sx_xw_end(x);
	sx_xw_end(x);
	sx_xw_end(x);
	return sx_xw_finish(x, out);
}

static int
S_core(const sx_doc *a, sx_buf *out)
{
	sx_xw *x = sx_xw_new(1);
	char when[32];

	sx_xw_start(x, "cp:coreProperties");
	sx_xw_attr(x, "xmlns:cp", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties");
	sx_xw_attr(x, "xmlns:dc", "http://purl.org/dc/elements/1.1/");
	sx_xw_attr(x, "xmlns:dcterms", "http://purl.org/dc/terms/");
	sx_xw_attr(x, "xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance");
	sx_xw_leaf(x, "dc:title", a->title);
	sx_xw_leaf(x, "dc:subject", a->subject);
	sx_xw_leaf(x, "dc:creator", "secannex");
	sx_xw_leaf(x, "dc:language", "zh-TW");
	if (a->epoch_set) {
		sx_iso8601(when, sizeof(when), a->epoch);
		sx_xw_start(x, "dcterms:created");
		sx_xw_attr(x, "xsi:type", "dcterms:W3CDTF");
		sx_xw_text(x, when);
		sx_xw_end(x);
		sx_xw_start(x, "dcterms:modified");
		sx_xw_attr(x, "xsi:type", "dcterms:W3CDTF");
		sx_xw_text(x, when);
		sx_xw_end(x);
	}
	sx_xw_end(x);
	return sx_xw_finish(x, out);
}

int
sx_docx_write(const sx_doc *a, const char *template_dir, sx_buf *out, secannex_diags *d)
{
	static const char *const statics[] = {
		"[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels", "word/styles.xml",
		"word/settings.xml", "word/fontTable.xml", "word/footer1.xml", "docProps/app.xml",
	};
	sx_buf parts[8], doc = SX_BUF_INIT, core = SX_BUF_INIT;
	sx_zip *z = NULL;
	int rc = 0;

	memset(parts, 0, sizeof(parts));
	for (size_t i = 0; i < 8 && rc == 0; i++) {
		char name[64];
		snprintf(name, sizeof(name), "docx/%s", statics[i]);
		rc = sx_template_read(&parts[i], template_dir, name, d);
	}
	if (rc != 0)
		goto done;
	if (S_document(a, &doc) != 0 || S_core(a, &core) != 0) {
		sx_diag(d, SX_MSG_XML_WRITE, "docx", 0);
		rc = SECANNEX_EIO;
		goto done;
	}
	z = sx_zip_new();
	sx_zip_add(z, statics[0], parts[0].ptr, parts[0].len, 0);
	sx_zip_add(z, statics[1], parts[1].ptr, parts[1].len, 0);
	sx_zip_add(z, "word/document.xml", doc.ptr, doc.len, 0);
	for (size_t i = 2; i < 8; i++)
		sx_zip_add(z, statics[i], parts[i].ptr, parts[i].len, 0);
	sx_zip_add(z, "docProps/core.xml", core.ptr, core.len, 0);
	rc = sx_zip_finish(z, a->epoch_set ? a->epoch : (time_t)315532800, out, d);
done:
	sx_zip_free(z);
	for (size_t i = 0; i < 8; i++)
		sx_buf_free(&parts[i]);
	sx_buf_free(&doc);
	sx_buf_free(&core);
	return rc;
}

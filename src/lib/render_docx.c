/* render_docx.c: the annex as an ECMA-376 (transitional) WordprocessingML package; document.xml and
 * core.xml are written here, the static parts come from templates/docx, or from an agency's
 * reference document (styles, default header and footer with their pictures). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/tree.h>

#include "docs.h"
#include "pkg.h"
#include "diag.h"
#include "xmlsafe.h"
#include "xmlw.h"
#include "zippkg.h"

#define NS_W "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define NS_R "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define NS_PR "http://schemas.openxmlformats.org/package/2006/relationships"
#define NS_CT "http://schemas.openxmlformats.org/package/2006/content-types"
#define CT_WML "application/vnd.openxmlformats-officedocument.wordprocessingml."

/* The styles the document uses, by role, and their ids in the template: a reference document may
 * call the same style otherwise (Word in Chinese names heading 1 "1"), so the ids written are
 * looked up (S_pkg.sty). */
enum { S_TITLE, S_H1, S_H2, S_TTEXT, S_THEAD, S_NOTE, S_LABEL, S_FPRINT, S_TGRID, S_FOOTER, S_NROLES };
static const char *const S_role_ids[S_NROLES] = {
	"Title", "Heading1", "Heading2", "TableText", "TableHeading", "Note", "Label", "Fingerprint",
	"TableGrid", "Footer"
};

/* A picture that a reference document's header or footer shows. */
typedef struct S_media {
	char *name;         /* its part name (word/media/image1.png) */
	char *type;         /* its content type */
	sx_buf data;
} S_media;

/* What one package is made of beyond the template parts. */
typedef struct S_pkg {
	const char *sty[S_NROLES];  /* the style ids written (into S_role_ids or owned[]) */
	char *owned[S_NROLES];
	sx_buf styles;      /* word/styles.xml when it is not the template's */
	sx_buf header;      /* word/header1.xml; empty: no header */
	sx_buf footer;      /* word/footer1.xml */
	sx_buf hdr_rels;    /* their header's and footer's relationships (empty: none) */
	sx_buf ftr_rels;
	S_media *media;
	size_t nmedia;
	/* the page's vertical margins (twips): top, bottom, header, footer; a reference document's
	 * when it sets them, so that its letterhead fits; the width stays ours (the tables') */
	char pgmar[4][8];
} S_pkg;

static const char *const S_pgmar_attrs[4] = { "top", "bottom", "header", "footer" };

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

/* Writing state: the running w:id of w:ins / w:del annotations, their author and date (redlines);
 * the style ids. */
typedef struct S_ctx {
	int next;
	const char *author;
	char date[32];      /* "" when no date */
	const char *const *sty;
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

/* A paragraph of STYLE (NULL: Normal); KEEP: kept on the page of the next paragraph (w:keepNext). */
static void
S_mpara(sx_xw *x, S_ctx *c, const char *style, int keep, const char *text, int change,
    const sx_dtext *m)
{
	sx_dtext one;
	sx_dseg seg;
	const sx_dtext *t = sx_pkg_segs(text, change, m, &one, &seg);

	sx_xw_start(x, "w:p");
	if (style || keep) {
		sx_xw_start(x, "w:pPr");
		if (style)
			sx_xw_empty(x, "w:pStyle", "w:val", style);
		if (keep)
			sx_xw_empty(x, "w:keepNext", NULL, NULL);
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
		sx_xw_empty(x, "w:pStyle", "w:val", style);
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
	sx_xw_empty(x, "w:pStyle", "w:val", style);
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
				sx_xw_empty(x, "w:br", NULL, NULL);
				s++;
			}
		}
		sx_xw_end(x);
	}
	sx_xw_end(x);
}

/* w:tblPr and w:tblGrid; the columns' widths in twips into TW. */
static void
S_table_grid(sx_xw *x, const S_ctx *ctx, const sx_table *tb, int *tw)
{
	int sum = 0, total = S_twips(ctx->width);

	for (size_t c = 0; c < tb->ncols; c++) {
		tw[c] = S_twips(tb->width_mm[c]);
		sum += tw[c];
	}
	if (tb->ncols > 0)
		tw[tb->ncols - 1] += total - sum; /* rounding: the columns fill the text width exactly */

	sx_xw_start(x, "w:tblPr");
	sx_xw_empty(x, "w:tblStyle", "w:val", ctx->sty[S_TGRID]);
	sx_xw_start(x, "w:tblW");
	sx_xw_attrf(x, "w:w", "%d", total);
	sx_xw_attr(x, "w:type", "dxa");
	sx_xw_end(x);
	sx_xw_empty(x, "w:tblLayout", "w:type", "fixed");
	sx_xw_end(x);
	sx_xw_start(x, "w:tblGrid");
	for (size_t c = 0; c < tb->ncols; c++) {
		sx_xw_start(x, "w:gridCol");
		sx_xw_attrf(x, "w:w", "%d", tw[c]);
		sx_xw_end(x);
	}
	sx_xw_end(x);
}

/* One cell: its width, a vertical merge (w:vMerge restart on the first cell, continue on the
 * covered ones, which print nothing but the paragraph every cell needs), shading for labels. */
/* Cell (R, C) of TB, TW twips wide; KEEP: its paragraph is kept with the next row's. */
static void
S_cell(sx_xw *x, S_ctx *ctx, const sx_table *tb, size_t r, size_t c, int tw, int keep)
{
	int head = r < tb->nheader, label = head || (tb->kind == SX_TBL_FORM && c == 0);
	int span = sx_table_span(tb, r, c);
	const char *style = ctx->sty[head ? S_THEAD : S_TTEXT];

	sx_xw_start(x, "w:tc");
	sx_xw_start(x, "w:tcPr");
	sx_xw_start(x, "w:tcW");
	sx_xw_attrf(x, "w:w", "%d", tw);
	sx_xw_attr(x, "w:type", "dxa");
	sx_xw_end(x);
	if (span) {
		sx_xw_start(x, "w:vMerge");
		if (span > 1)
			sx_xw_attr(x, "w:val", "restart");
		sx_xw_end(x);
	}
	if (label) {
		sx_xw_start(x, "w:shd");
		sx_xw_attr(x, "w:val", "clear");
		sx_xw_attr(x, "w:color", "auto");
		sx_xw_attr(x, "w:fill", "E6E6E6");
		sx_xw_end(x);
	}
	sx_xw_end(x);
	/* every cell holds a paragraph, even an empty one */
	if (span < 0)
		S_para(x, style, NULL);
	else if (tb->marked)
		S_marked_para(x, style, tb->cells[r * tb->ncols + c],
		    tb->mcells ? &tb->mcells[r * tb->ncols + c] : NULL);
	else
		S_mpara(x, ctx, style, keep, tb->cells[r * tb->ncols + c],
		    tb->row_change ? tb->row_change[r] : 0,
		    tb->mcells ? &tb->mcells[r * tb->ncols + c] : NULL);
	sx_xw_end(x);
}

/* A table; KEEP: never split across pages (every row kept with the next, as Word does it). */
static void
S_table(sx_xw *x, S_ctx *ctx, const sx_table *tb, int keep)
{
	/* any number of columns: each one's width (a fixed array once overflowed past 16) */
	int *tw = sx_calloc(tb->ncols ? tb->ncols : 1, sizeof(int));

	sx_xw_start(x, "w:tbl");
	S_table_grid(x, ctx, tb, tw);
	for (size_t r = 0; r < tb->nrows; r++) {
		sx_xw_start(x, "w:tr");
		sx_xw_start(x, "w:trPr");
		sx_xw_empty(x, "w:cantSplit", NULL, NULL);
		if (r < tb->nheader) {
			sx_xw_empty(x, "w:tblHeader", NULL, NULL);
		}
		if (tb->row_change && tb->row_change[r]) {
			/* the whole row inserted or deleted */
			sx_xw_start(x, tb->row_change[r] == SX_OP_INS ? "w:ins" : "w:del");
			S_change_attrs(x, ctx);
			sx_xw_end(x);
		}
		sx_xw_end(x);
		for (size_t c = 0; c < tb->ncols; c++)
			S_cell(x, ctx, tb, r, c, tw[c], keep && r + 1 < tb->nrows);
		sx_xw_end(x);
	}
	sx_xw_end(x);
	free(tw);
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

/* The body's last w:sectPr: A4 portrait, 2 cm side margins, the vertical margins of P (2 cm at the
 * top, 1.5 cm at the bottom unless a reference document says otherwise), the header (when there is
 * one) and the page-number footer. */
static void
S_sectpr(sx_xw *x, const S_pkg *p, int landscape)
{
	sx_xw_start(x, "w:sectPr");
	if (p->header.len) {
		sx_xw_start(x, "w:headerReference");
		sx_xw_attr(x, "w:type", "default");
		sx_xw_attr(x, "r:id", "rIdHeader1");
		sx_xw_end(x);
	}
	sx_xw_start(x, "w:footerReference");
	sx_xw_attr(x, "w:type", "default");
	sx_xw_attr(x, "r:id", "rIdFooter1");
	sx_xw_end(x);
	S_page_size(x, landscape);
	sx_xw_start(x, "w:pgMar");
	sx_xw_attr(x, "w:top", p->pgmar[0]);
	sx_xw_attr(x, "w:right", "1134");
	sx_xw_attr(x, "w:bottom", p->pgmar[1]);
	sx_xw_attr(x, "w:left", "1134");
	sx_xw_attr(x, "w:header", p->pgmar[2]);
	sx_xw_attr(x, "w:footer", p->pgmar[3]);
	sx_xw_attr(x, "w:gutter", "0");
	sx_xw_end(x);
	sx_xw_end(x);
}

/* word/document.xml, streamed into Z's part being written. */
static int
S_document(const sx_doc *a, const S_pkg *p, sx_zip *z)
{
	sx_xw *x = sx_xw_new_to(1, sx_zip_write, z);
	S_ctx ctx = { 0, a->author, "", p->sty, SX_DOC_WIDTH(a) };

	if (a->author && a->epoch_set)
		sx_iso8601(ctx.date, sizeof(ctx.date), a->epoch);
	sx_xw_start(x, "w:document");
	sx_xw_attr(x, "xmlns:w", NS_W);
	sx_xw_attr(x, "xmlns:r", NS_R);
	sx_xw_start(x, "w:body");
	/* the attachment label (附件三) opens the first page, above the title */
	if (a->label)
		S_para(x, p->sty[S_LABEL], a->label);
	for (size_t i = 0; i < a->n; i++) {
		const sx_ablock *b = &a->v[i];
		const char *st = b->kind == SX_BLK_TITLE ? p->sty[S_TITLE] :
		    b->kind == SX_BLK_HEADING ? p->sty[S_H1] : b->kind == SX_BLK_SUBHEADING ? p->sty[S_H2] :
		    b->kind == SX_BLK_NOTE ? p->sty[S_NOTE] : NULL;
		if (b->kind == SX_BLK_TABLE)
			S_table(x, &ctx, b->table, b->keep);
		else
			S_mpara(x, &ctx, st, b->keep, b->text, b->change, b->mtext);
	}
	if (a->fingerprint)
		S_para(x, p->sty[S_FPRINT], a->fingerprint);
	S_sectpr(x, p, a->landscape);
	sx_xw_end(x);
	sx_xw_end(x);
	return sx_xw_finish(x, NULL);
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

/* ---- the page header: 草稿 ---- */

/* Our header part: 「草稿」 right-aligned, bold, red, 16 pt (direct formatting: no style needed).
 * Returns 0, or -1 when the writer failed (out of memory). */
static int
S_draft_header(sx_buf *out)
{
	sx_xw *x = sx_xw_new(1);

	sx_xw_start(x, "w:hdr");
	sx_xw_attr(x, "xmlns:w", NS_W);
	sx_xw_start(x, "w:p");
	sx_xw_start(x, "w:pPr");
	sx_xw_empty(x, "w:spacing", "w:after", "0");
	sx_xw_empty(x, "w:jc", "w:val", "right");
	sx_xw_end(x);
	sx_xw_start(x, "w:r");
	sx_xw_start(x, "w:rPr");
	sx_xw_empty(x, "w:b", NULL, NULL);
	sx_xw_empty(x, "w:bCs", NULL, NULL);
	sx_xw_empty(x, "w:color", "w:val", "C00000");
	sx_xw_empty(x, "w:sz", "w:val", "32");
	sx_xw_empty(x, "w:szCs", "w:val", "32");
	sx_xw_end(x);
	sx_xw_leaf(x, "w:t", "草稿");
	sx_xw_end(x);
	sx_xw_end(x);
	sx_xw_end(x);
	return sx_xw_finish(x, out);
}

/* Put our 草稿 paragraph first in the header HDR (a reference document's letterhead). */
static int
S_draft_into(xmlDocPtr hdr, secannex_diags *d)
{
	sx_buf own = SX_BUF_INIT;
	xmlDocPtr od = NULL;
	xmlNodePtr root = xmlDocGetRootElement(hdr);
	int rc;

	if (S_draft_header(&own) != 0) {
		sx_diag(d, SX_MSG_XML_WRITE, "word/header1.xml", 0);
		sx_buf_free(&own);
		return SECANNEX_EIO;
	}
	if ((rc = sx_xml_own(&od, own.ptr, own.len, NULL, "word/header1.xml", d)) == 0) {
		xmlNodePtr para = sx_xml_child(xmlDocGetRootElement(od), NS_W, "p", NULL);
		sx_xml_graft(root, sx_xml_first_el(root), para);
		xmlFreeDoc(od);
	}
	sx_buf_free(&own);
	return rc;
}

/* ---- styles: ours, merged into a reference document's ---- */

/* The style of BASE (a w:styles root) that matches our style STY: the same id and type, else the
 * same name (any case) and type.  Returns its id (caller frees) or NULL. */
static char *
S_style_match(xmlNodePtr base, xmlNodePtr sty)
{
	char *id = sx_xml_get(sty, NS_W, "styleId"), *type = sx_xml_get(sty, NS_W, "type");
	xmlNodePtr nm = sx_xml_child(sty, NS_W, "name", NULL);
	char *name = nm ? sx_xml_get(nm, NS_W, "val") : NULL, *found = NULL;

	for (int pass = 0; pass < 2 && !found; pass++)
		for (xmlNodePtr s = sx_xml_child(base, NS_W, "style", NULL); s && !found;
		    s = sx_xml_child(base, NS_W, "style", s)) {
			char *sid = sx_xml_get(s, NS_W, "styleId"), *st = sx_xml_get(s, NS_W, "type");
			xmlNodePtr sn = sx_xml_child(s, NS_W, "name", NULL);
			char *sname = sn ? sx_xml_get(sn, NS_W, "val") : NULL;
			int same_type = st && type && strcmp(st, type) == 0;
			if (same_type && sid && (pass == 0 ? id && strcmp(sid, id) == 0 :
			    name && sname && strcasecmp(sname, name) == 0))
				found = sx_strdup(sid);
			free(sid);
			free(st);
			free(sname);
		}
	free(id);
	free(type);
	free(name);
	return found;
}

/* 1 when BASE has a style with id ID. */
static int
S_style_id_used(xmlNodePtr base, const char *id)
{
	int used = 0;

	for (xmlNodePtr s = sx_xml_child(base, NS_W, "style", NULL); s && !used;
	    s = sx_xml_child(base, NS_W, "style", s)) {
		char *sid = sx_xml_get(s, NS_W, "styleId");
		used = sid && strcmp(sid, id) == 0;
		free(sid);
	}
	return used;
}

/* Our style ids and what they are called in the merged styles part. */
typedef struct S_smap {
	char **from, **to;
	size_t n;
} S_smap;

static const char *
S_smap_get(const S_smap *m, const char *id)
{
	for (size_t i = 0; id && i < m->n; i++)
		if (strcmp(m->from[i], id) == 0)
			return m->to[i];
	return NULL;
}

static void
S_smap_free(S_smap *m)
{
	for (size_t i = 0; i < m->n; i++) {
		free(m->from[i]);
		free(m->to[i]);
	}
	free(m->from);
	free(m->to);
}

/* An appended style's references to other styles (based on, next, linked) renamed by M. */
static void
S_style_relink(xmlNodePtr s, const S_smap *m)
{
	static const char *const refs[] = { "basedOn", "next", "link" };

	for (size_t k = 0; k < 3; k++) {
		xmlNodePtr e = sx_xml_child(s, NS_W, refs[k], NULL);
		char *v = e ? sx_xml_get(e, NS_W, "val") : NULL;
		const char *to = S_smap_get(m, v);
		if (to && strcmp(to, v) != 0)
			xmlSetNsProp(e, e->ns, (const xmlChar *)"val", (const xmlChar *)to);
		free(v);
	}
}

/* Map our style S into BASE: matched, or (APPEND set) to be appended, under a free id. */
static void
S_style_map(xmlNodePtr base, xmlNodePtr s, S_smap *m, int *append)
{
	char *id = sx_xml_get(s, NS_W, "styleId"), *to;

	if (id == NULL) {
		*append = 0;
		return;
	}
	to = S_style_match(base, s);
	*append = to == NULL;
	if (to == NULL)
		to = S_style_id_used(base, id) ? sx_aprintf("sx%s", id) : sx_strdup(id);
	m->from = sx_realloc(m->from, (m->n + 1) * sizeof(char *));
	m->to = sx_realloc(m->to, (m->n + 1) * sizeof(char *));
	m->from[m->n] = id;
	m->to[m->n++] = to;
}

/* Append to BASE every style of the roots in OURS that it lacks (matched by id, else by name), and
 * set P's role ids to what BASE calls them; serialize BASE into P's styles part. */
static void
S_styles_merge(S_pkg *p, xmlDocPtr base, xmlNodePtr const *ours, size_t nours)
{
	xmlNodePtr root = xmlDocGetRootElement(base), *add = NULL;
	S_smap m = { NULL, NULL, 0 };
	size_t nadd = 0;

	for (size_t k = 0; k < nours; k++)
		for (xmlNodePtr s = sx_xml_child(ours[k], NS_W, "style", NULL); s;
		    s = sx_xml_child(ours[k], NS_W, "style", s)) {
			int append;
			S_style_map(root, s, &m, &append);
			if (!append)
				continue;
			add = sx_realloc(add, (nadd + 1) * sizeof(*add));
			add[nadd++] = s;
		}
	for (size_t k = 0; k < nadd; k++) {
		xmlNodePtr c = sx_xml_graft(root, NULL, add[k]);
		char *id = sx_xml_get(c, NS_W, "styleId");
		xmlAttrPtr dflt = xmlHasNsProp(c, (const xmlChar *)"default", (const xmlChar *)NS_W);
		/* theirs stay the defaults */
		if (dflt)
			xmlRemoveProp(dflt);
		xmlSetNsProp(c, c->ns, (const xmlChar *)"styleId", (const xmlChar *)S_smap_get(&m, id));
		S_style_relink(c, &m);
		free(id);
	}
	for (int i = 0; i < S_NROLES; i++) {
		const char *to = S_smap_get(&m, S_role_ids[i]);
		if (to && strcmp(to, S_role_ids[i]) != 0)
			p->sty[i] = p->owned[i] = sx_strdup(to);
	}
	sx_buf_free(&p->styles);
	sx_xml_dump(base, &p->styles);
	free(add);
	S_smap_free(&m);
}

/* P's styles without a reference document: the template's, and the optional styles (the label,
 * the fingerprint) that only documents using them carry, so that the others stay as they were. */
static int
S_own_styles(S_pkg *p, xmlDocPtr base, const char *template_dir, secannex_diags *d)
{
	sx_buf extra = SX_BUF_INIT;
	xmlDocPtr ed = NULL;
	xmlNodePtr roots[2];
	int rc;

	if ((rc = sx_template_read(&extra, template_dir, "docx/word/styles-extra.xml", d)) != 0)
		goto done;
	if ((rc = sx_xml_own(&ed, extra.ptr, extra.len, template_dir, "docx/word/styles-extra.xml", d)) != 0)
		goto done;
	roots[0] = xmlDocGetRootElement(ed);
	S_styles_merge(p, base, roots, 1);
done:
	if (ed)
		xmlFreeDoc(ed);
	sx_buf_free(&extra);
	return rc;
}

/* ---- an agency's reference document ---- */

/* A relationship's target as a part name: relative to word/ (where every part that we take lives),
 * or absolute.  NULL for a target outside word/'s tree or going up. */
static char *
S_rel_part(const char *target)
{
	if (target == NULL || strstr(target, "..") || strstr(target, "//"))
		return NULL;
	if (target[0] == '/')
		return sx_strdup(target + 1);
	if (strncmp(target, "./", 2) == 0)
		target += 2;
	return sx_aprintf("word/%s", target);
}

/* The Relationship with Id RID in RELS (a parsed .rels part); NULL: none. */
static xmlNodePtr
S_rel_find(xmlDocPtr rels, const char *rid)
{
	xmlNodePtr root = rels ? xmlDocGetRootElement(rels) : NULL;

	for (xmlNodePtr n = sx_xml_child(root, NS_PR, "Relationship", NULL); n && rid;
	    n = sx_xml_child(root, NS_PR, "Relationship", n)) {
		char *id = sx_xml_get(n, NULL, "Id");
		int hit = id && strcmp(id, rid) == 0;
		free(id);
		if (hit)
			return n;
	}
	return NULL;
}

/* The content type of PART in the [Content_Types].xml CT: its Override, else its extension's
 * Default, else a picture's by extension (caller frees); NULL: unknown. */
static char *
S_ct_of(xmlDocPtr ct, const char *part)
{
	xmlNodePtr root = xmlDocGetRootElement(ct);
	const char *ext = strrchr(part, '.'), *pic = sx_picture_type(part);
	char *found = NULL;

	for (xmlNodePtr n = sx_xml_first_el(root); n && !found; n = sx_xml_next_el(n)) {
		char *pn = sx_xml_get(n, NULL, "PartName"), *e = sx_xml_get(n, NULL, "Extension");
		if ((sx_xml_el(n, NS_CT, "Override") && pn && pn[0] == '/' && strcasecmp(pn + 1, part) == 0) ||
		    (sx_xml_el(n, NS_CT, "Default") && e && ext && strcasecmp(e, ext + 1) == 0))
			found = sx_xml_get(n, NULL, "ContentType");
		free(pn);
		free(e);
	}
	if (found == NULL && pic)
		found = sx_strdup(pic);
	return found;
}

/* A part name or content type that can go into our XML as it is: letters, digits, . _ - + / */
static int
S_safe_name(const char *s)
{
	return *s && strspn(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-+/") ==
	    strlen(s);
}

/* Take picture PART (a header's or footer's image) into P, once. */
static int
S_take_media(S_pkg *p, sx_refdoc *r, xmlDocPtr ct, const char *from, const char *part,
    secannex_diags *d)
{
	S_media *m;
	char *type;

	for (size_t i = 0; i < p->nmedia; i++)
		if (strcmp(p->media[i].name, part) == 0)
			return 0;
	if (!S_safe_name(part)) {
		sx_diag(d, SX_MSG_REF_UNSUPPORTED, r->path, 0, from, part);
		return SECANNEX_EINVALID;
	}
	if (!sx_refdoc_has(r, part)) {
		sx_diag(d, SX_MSG_REF_LINK, r->path, 0, from, part);
		return SECANNEX_EINVALID;
	}
	if ((type = S_ct_of(ct, part)) == NULL || strncmp(type, "image/", 6) != 0 || !S_safe_name(type)) {
		sx_diag(d, SX_MSG_REF_UNSUPPORTED, r->path, 0, from, part);
		free(type);
		return SECANNEX_EINVALID;
	}
	p->media = sx_realloc(p->media, (p->nmedia + 1) * sizeof(*p->media));
	m = &p->media[p->nmedia++];
	m->name = sx_strdup(part);
	m->type = type;
	memset(&m->data, 0, sizeof(m->data));
	return sx_refdoc_part(r, part, &m->data, d);
}

/* The relationships of header or footer PART: external links are kept, pictures taken, anything
 * else refused.  Their bytes go into RELS_OUT unchanged (the part keeps its directory). */
static int
S_take_rels(S_pkg *p, sx_refdoc *r, xmlDocPtr ct, const char *part, sx_buf *rels_out,
    secannex_diags *d)
{
	const char *base = strrchr(part, '/') + 1;
	char *rp = sx_aprintf("word/_rels/%s.rels", base);
	xmlDocPtr rels = NULL;
	int rc = sx_refdoc_xml(r, rp, &rels, rels_out, d);

	if (rc == SECANNEX_ENOTFOUND)
		rc = 0;
	for (xmlNodePtr n = sx_xml_child(rels ? xmlDocGetRootElement(rels) : NULL, NS_PR, "Relationship",
	    NULL); n && rc == 0; n = sx_xml_child(xmlDocGetRootElement(rels), NS_PR, "Relationship", n)) {
		char *mode = sx_xml_get(n, NULL, "TargetMode"), *type = sx_xml_get(n, NULL, "Type");
		char *target = sx_xml_get(n, NULL, "Target"), *tp = S_rel_part(target);
		size_t tl = type ? strlen(type) : 0;
		if (mode && strcmp(mode, "External") == 0)
			;
		else if (tl > 6 && strcmp(type + tl - 6, "/image") == 0 && tp)
			rc = S_take_media(p, r, ct, part, tp, d);
		else {
			sx_diag(d, SX_MSG_REF_UNSUPPORTED, r->path, 0, part, target ? target : "?");
			rc = SECANNEX_EINVALID;
		}
		free(mode);
		free(type);
		free(target);
		free(tp);
	}
	if (rels)
		xmlFreeDoc(rels);
	free(rp);
	return rc;
}

/* The target part of the default header or footer (ELEM) of the body's section properties SECT,
 * through the document's relationships RELS.  Returns 0 with *PART NULL when there is none. */
static int
S_hf_part(sx_refdoc *r, xmlNodePtr sect, xmlDocPtr rels, const char *elem, char **part,
    secannex_diags *d)
{
	*part = NULL;
	for (xmlNodePtr n = sx_xml_child(sect, NS_W, elem, NULL); n; n = sx_xml_child(sect, NS_W, elem, n)) {
		char *type = sx_xml_get(n, NS_W, "type"), *rid = sx_xml_get(n, NS_R, "id"), *target;
		int dflt = type == NULL || strcmp(type, "default") == 0;
		xmlNodePtr rel = dflt ? S_rel_find(rels, rid) : NULL;
		free(type);
		if (!dflt) {
			free(rid);
			continue;
		}
		target = rel ? sx_xml_get(rel, NULL, "Target") : NULL;
		*part = S_rel_part(target);
		if (*part == NULL || strncmp(*part, "word/", 5) != 0 || strchr(*part + 5, '/') ||
		    !sx_refdoc_has(r, *part)) {
			sx_diag(d, SX_MSG_REF_LINK, r->path, 0, "word/document.xml", target ? target : rid);
			free(*part);
			*part = NULL;
			free(target);
			free(rid);
			return SECANNEX_EINVALID;
		}
		free(target);
		free(rid);
		return 0;
	}
	return 0;
}

/* Take header or footer PART into OUT (with the 草稿 paragraph first when DRAFT), its
 * relationships into RELS_OUT and its pictures into P. */
static int
S_take_hf(S_pkg *p, sx_refdoc *r, xmlDocPtr ct, const char *part, int draft, sx_buf *out,
    sx_buf *rels_out, secannex_diags *d)
{
	xmlDocPtr hd = NULL;
	int rc = sx_refdoc_xml(r, part, &hd, draft ? NULL : out, d);

	if (rc == 0 && draft && (rc = S_draft_into(hd, d)) == 0)
		sx_xml_dump(hd, out);
	if (rc == 0)
		rc = S_take_rels(p, r, ct, part, rels_out, d);
	if (hd)
		xmlFreeDoc(hd);
	return rc;
}

/* The vertical margins of their page (PGMAR, a w:pgMar), where they are plain numbers of twips up
 * to 10 cm: their letterhead was laid out for them. */
static void
S_ref_margins(S_pkg *p, xmlNodePtr pgmar)
{
	for (int i = 0; pgmar && i < 4; i++) {
		char *v = sx_xml_get(pgmar, NS_W, S_pgmar_attrs[i]);
		if (v && *v && strlen(v) < 5 && strspn(v, "0123456789") == strlen(v) && strtol(v, NULL, 10) <= 5669)
			snprintf(p->pgmar[i], sizeof(p->pgmar[i]), "%s", v);
		free(v);
	}
}

/* Their default header and footer: found through the body's last w:sectPr, with their margins. */
static int
S_ref_hf(S_pkg *p, sx_refdoc *r, int draft, secannex_diags *d)
{
	xmlDocPtr doc = NULL, rels = NULL, ct = NULL;
	xmlNodePtr body, sect = NULL;
	char *hpart = NULL, *fpart = NULL;
	int rc;

	if ((rc = sx_refdoc_xml(r, "word/document.xml", &doc, NULL, d)) != 0 ||
	    (rc = sx_refdoc_xml(r, "[Content_Types].xml", &ct, NULL, d)) != 0)
		goto done;
	rc = sx_refdoc_xml(r, "word/_rels/document.xml.rels", &rels, NULL, d);
	if (rc != 0 && rc != SECANNEX_ENOTFOUND)
		goto done;
	body = sx_xml_child(xmlDocGetRootElement(doc), NS_W, "body", NULL);
	for (xmlNodePtr n = sx_xml_child(body, NS_W, "sectPr", NULL); n; n = sx_xml_child(body, NS_W, "sectPr", n))
		sect = n;
	S_ref_margins(p, sx_xml_child(sect, NS_W, "pgMar", NULL));
	if ((rc = S_hf_part(r, sect, rels, "headerReference", &hpart, d)) != 0 ||
	    (rc = S_hf_part(r, sect, rels, "footerReference", &fpart, d)) != 0)
		goto done;
	if (hpart && (rc = S_take_hf(p, r, ct, hpart, draft, &p->header, &p->hdr_rels, d)) != 0)
		goto done;
	if (fpart)
		rc = S_take_hf(p, r, ct, fpart, 0, &p->footer, &p->ftr_rels, d);
done:
	free(hpart);
	free(fpart);
	if (doc)
		xmlFreeDoc(doc);
	if (rels)
		xmlFreeDoc(rels);
	if (ct)
		xmlFreeDoc(ct);
	return rc;
}

/* Everything P takes from the reference document PATH: its styles with ours that it lacks, its
 * default header (草稿 first when A is a draft) and footer with their pictures. */
static int
S_ref_take(S_pkg *p, const char *path, const sx_doc *a, const sx_buf *styles, const char *template_dir,
    secannex_diags *d)
{
	sx_refdoc r;
	sx_buf extra = SX_BUF_INIT;
	xmlDocPtr theirs = NULL, ours = NULL, ed = NULL;
	int rc;

	if ((rc = sx_refdoc_open(&r, path, SECANNEX_FORMAT_DOCX, d)) != 0)
		return rc;
	rc = sx_refdoc_xml(&r, "word/styles.xml", &theirs, NULL, d);
	if (rc != 0 && rc != SECANNEX_ENOTFOUND)
		goto done;
	if ((rc = S_ref_hf(p, &r, a->draft, d)) != 0 ||
	    (rc = sx_template_read(&extra, template_dir, "docx/word/styles-extra.xml", d)) != 0)
		goto done;
	if ((rc = sx_xml_own(&ours, styles->ptr, styles->len, template_dir, "docx/word/styles.xml", d)) != 0 ||
	    (rc = sx_xml_own(&ed, extra.ptr, extra.len, template_dir, "docx/word/styles-extra.xml", d)) != 0)
		goto done;
	if (theirs) {
		xmlNodePtr roots[2] = { xmlDocGetRootElement(ours), xmlDocGetRootElement(ed) };
		S_styles_merge(p, theirs, roots, 2);
	} else {
		xmlNodePtr roots[1] = { xmlDocGetRootElement(ed) };
		S_styles_merge(p, ours, roots, 1);
	}
done:
	if (theirs)
		xmlFreeDoc(theirs);
	if (ours)
		xmlFreeDoc(ours);
	if (ed)
		xmlFreeDoc(ed);
	sx_buf_free(&extra);
	sx_refdoc_close(&r);
	return rc;
}

/* ---- the package ---- */

static void
S_pkg_free(S_pkg *p)
{
	for (int i = 0; i < S_NROLES; i++)
		free(p->owned[i]);
	sx_buf_free(&p->styles);
	sx_buf_free(&p->header);
	sx_buf_free(&p->footer);
	sx_buf_free(&p->hdr_rels);
	sx_buf_free(&p->ftr_rels);
	for (size_t i = 0; i < p->nmedia; i++) {
		free(p->media[i].name);
		free(p->media[i].type);
		sx_buf_free(&p->media[i].data);
	}
	free(p->media);
}

/* The first w:pStyle at or under N whose w:val is VAL, or NULL. */
static xmlNodePtr
S_find_pstyle(xmlNodePtr n, const char *val)
{
	for (; n; n = n->next) {
		xmlNodePtr f;
		if (sx_xml_el(n, NS_W, "pStyle")) {
			char *v = sx_xml_get(n, NS_W, "val");
			int same = v && strcmp(v, val) == 0;
			free(v);
			if (same)
				return n;
		}
		if (n->type == XML_ELEMENT_NODE && (f = S_find_pstyle(n->children, val)) != NULL)
			return f;
	}
	return NULL;
}

/* The template's footer with its paragraph style renamed as the styles part calls it (an id from a
 * reference document: set through the DOM, so that libxml2 escapes it). */
static int
S_own_footer(S_pkg *p, const sx_buf *tpl, const char *template_dir, secannex_diags *d)
{
	xmlDocPtr doc = NULL;
	xmlNodePtr ps;
	int rc;

	if (strcmp(p->sty[S_FOOTER], "Footer") == 0) {
		sx_buf_put(&p->footer, tpl->ptr, tpl->len);
		return 0;
	}
	if ((rc = sx_xml_own(&doc, tpl->ptr, tpl->len, template_dir, "docx/word/footer1.xml", d)) != 0)
		return rc;
	if ((ps = S_find_pstyle(xmlDocGetRootElement(doc), "Footer")) != NULL)
		xmlSetNsProp(ps, ps->ns, (const xmlChar *)"val", (const xmlChar *)p->sty[S_FOOTER]);
	sx_xml_dump(doc, &p->footer);
	xmlFreeDoc(doc);
	return 0;
}

/* [Content_Types].xml and word/_rels/document.xml.rels with the parts P adds, edited as trees. */
static int
S_pkg_index(const S_pkg *p, sx_buf *ct, sx_buf *rels, const char *template_dir,
    secannex_diags *d)
{
	xmlDocPtr cd = NULL, rd = NULL;
	int rc;

	if ((rc = sx_xml_tpl_part(&cd, ct, template_dir, "docx/[Content_Types].xml", NS_CT, "Types", d)) != 0 ||
	    (rc = sx_xml_tpl_part(&rd, rels, template_dir, "docx/word/_rels/document.xml.rels", NS_PR, "Relationships",
	    d)) != 0)
		goto done;
	if (p->header.len) {
		sx_xml_append_el(xmlDocGetRootElement(cd), "Override", 0, (const char *const[]){ "PartName",
		    "/word/header1.xml", "ContentType", CT_WML "header+xml", NULL });
		sx_xml_append_el(xmlDocGetRootElement(rd), "Relationship", 0, (const char *const[]){ "Id",
		    "rIdHeader1", "Type", NS_R "/header", "Target", "header1.xml", NULL });
	}
	for (size_t i = 0; i < p->nmedia; i++) {
		char *name = sx_aprintf("/%s", p->media[i].name);
		sx_xml_append_el(xmlDocGetRootElement(cd), "Override", 0, (const char *const[]){ "PartName",
		    name, "ContentType", p->media[i].type, NULL });
		free(name);
	}
	sx_buf_free(ct);
	sx_xml_dump(cd, ct);
	sx_buf_free(rels);
	sx_xml_dump(rd, rels);
done:
	if (cd)
		xmlFreeDoc(cd);
	if (rd)
		xmlFreeDoc(rd);
	return rc;
}

/* The parts, in package order: the template's (with A's document, written as it is deflated)
 * first, then what P adds.  Returns 0, or -1 when the document could not be written. */
static int
S_pkg_zip(sx_zip *z, const sx_doc *a, const S_pkg *p, sx_buf *parts, const char *const *names)
{
	sx_buf core = SX_BUF_INIT;
	int rc;

	sx_zip_add(z, names[0], parts[0].ptr, parts[0].len, 0);
	sx_zip_add(z, names[1], parts[1].ptr, parts[1].len, 0);
	sx_zip_begin(z, "word/document.xml");
	rc = S_document(a, p, z);
	if (sx_zip_end(z) != 0 || rc != 0 || S_core(a, &core) != 0) {
		sx_buf_free(&core);
		return -1;
	}
	for (size_t i = 2; i < 8; i++) {
		const sx_buf *b = &parts[i];
		if (i == 3 && p->styles.len)
			b = &p->styles;
		else if (i == 6)
			b = &p->footer;
		sx_zip_add(z, names[i], b->ptr, b->len, 0);
	}
	if (p->header.len)
		sx_zip_add(z, "word/header1.xml", p->header.ptr, p->header.len, 0);
	if (p->hdr_rels.len)
		sx_zip_add(z, "word/_rels/header1.xml.rels", p->hdr_rels.ptr, p->hdr_rels.len, 0);
	if (p->ftr_rels.len)
		sx_zip_add(z, "word/_rels/footer1.xml.rels", p->ftr_rels.ptr, p->ftr_rels.len, 0);
	for (size_t i = 0; i < p->nmedia; i++)
		sx_zip_add(z, p->media[i].name, p->media[i].data.ptr, p->media[i].data.len, 0);
	sx_zip_add(z, "docProps/core.xml", core.ptr, core.len, 0);
	sx_buf_free(&core);
	return 0;
}

/* What P holds beyond the templates: a reference document's parts, the optional styles, the
 * draft header, the footer. */
static int
S_pkg_fill(S_pkg *p, const sx_doc *a, const char *template_dir, const char *ref, sx_buf *parts,
    secannex_diags *d)
{
	int rc = 0;

	if (ref) {
		rc = S_ref_take(p, ref, a, &parts[3], template_dir, d);
	} else if (a->label || a->fingerprint) {
		xmlDocPtr ours = NULL;
		if ((rc = sx_xml_own(&ours, parts[3].ptr, parts[3].len, template_dir, "docx/word/styles.xml", d)) != 0)
			return rc;
		rc = S_own_styles(p, ours, template_dir, d);
		xmlFreeDoc(ours);
	}
	if (rc != 0)
		return rc;
	if (a->draft && p->header.len == 0 && S_draft_header(&p->header) != 0) {
		sx_diag(d, SX_MSG_XML_WRITE, "word/header1.xml", 0);
		return SECANNEX_EIO;
	}
	if (p->footer.len == 0 && (rc = S_own_footer(p, &parts[6], template_dir, d)) != 0)
		return rc;
	if (p->header.len || p->nmedia)
		return S_pkg_index(p, &parts[0], &parts[2], template_dir, d);
	return 0;
}

/* Write A; with REF (a .docx), in that agency's styles, header and footer. */
static int
S_write(const sx_doc *a, const char *template_dir, const char *ref, sx_buf *out, secannex_diags *d)
{
	static const char *const statics[] = {
		"[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels", "word/styles.xml",
		"word/settings.xml", "word/fontTable.xml", "word/footer1.xml", "docProps/app.xml",
	};
	sx_buf parts[8];
	S_pkg p;
	sx_zip *z = NULL;
	int rc = 0;

	memset(parts, 0, sizeof(parts));
	memset(&p, 0, sizeof(p));
	memcpy(p.sty, S_role_ids, sizeof(p.sty));
	memcpy(p.pgmar, (const char[4][8]){ "1134", "850", "567", "425" }, sizeof(p.pgmar));
	for (size_t i = 0; i < 8 && rc == 0; i++) {
		char name[64];
		snprintf(name, sizeof(name), "docx/%s", statics[i]);
		rc = sx_template_read(&parts[i], template_dir, name, d);
	}
	if (rc != 0 || (rc = S_pkg_fill(&p, a, template_dir, ref, parts, d)) != 0)
		goto done;
	z = sx_zip_new();
	if (S_pkg_zip(z, a, &p, parts, statics) != 0) {
		sx_diag(d, SX_MSG_XML_WRITE, "docx", 0);
		rc = SECANNEX_EIO;
		goto done;
	}
	rc = sx_zip_finish(z, a->epoch_set ? a->epoch : (time_t)315532800, out, d);
done:
	sx_zip_free(z);
	for (size_t i = 0; i < 8; i++)
		sx_buf_free(&parts[i]);
	S_pkg_free(&p);
	return rc;
}

int
sx_docx_write(const sx_doc *a, const char *template_dir, sx_buf *out, secannex_diags *d)
{
	return S_write(a, template_dir, NULL, out, d);
}

int
sx_docx_write_ref(const sx_doc *a, const char *template_dir, const char *reference_doc, sx_buf *out,
    secannex_diags *d)
{
	return S_write(a, template_dir, reference_doc, out, d);
}

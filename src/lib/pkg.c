/* pkg.c: what the package writers share: template parts read from disk, ISO 8601 dates, the
 * segments of a possibly tracked piece of text, an agency's reference document (opened through
 * zippkg.c, parsed through xmlsafe.c) and the XML editing that merging it needs. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "diag.h"
#include "i18n.h"
#include "pkg.h"
#include "xmlsafe.h"
#include "zippkg.h"

const sx_dtext *
sx_pkg_segs(const char *text, int change, const sx_dtext *m, sx_dtext *one, sx_dseg *seg)
{
	if (m && m->n)
		return m;
	seg->op = change == SX_OP_INS ? SX_OP_INS : change == SX_OP_DEL ? SX_OP_DEL : SX_OP_SAME;
	seg->text = (char *)(text ? text : "");
	one->v = seg;
	one->n = *seg->text ? 1 : 0;
	return one;
}

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

/* ---- reference documents ---- */

void
sx_refdoc_close(sx_refdoc *r)
{
	sx_zipr_close(r->zip);
	r->zip = NULL;
}

int
sx_refdoc_has(const sx_refdoc *r, const char *part)
{
	return sx_zipr_has(r->zip, part);
}

int
sx_refdoc_part(sx_refdoc *r, const char *part, sx_buf *b, secannex_diags *d)
{
	return sx_zipr_read(r->zip, part, b, d);
}

/* What a reference document is: decided from its parts, never from the message text. */
enum S_kind { S_KIND_UNKNOWN, S_KIND_DOCX, S_KIND_ODT, S_KIND_ODF_OTHER };

/* The kind of package R is; *TEXT receives it for a message, translated ("a Word (.docx) package",
 * "an OpenDocument package of type MIME"; caller frees), or NULL when unknown. */
static enum S_kind
S_ref_kind(sx_refdoc *r, char **text, secannex_diags *d)
{
	sx_buf m = SX_BUF_INIT;
	enum S_kind k;

	*text = NULL;
	if (sx_zipr_has(r->zip, "word/document.xml")) {
		*text = sx_strdup(_("a Word (.docx) package"));
		return S_KIND_DOCX;
	}
	if (sx_zipr_read(r->zip, "mimetype", &m, d) != 0 || m.len == 0 || m.len > 100 ||
	    strlen(m.ptr) != m.len || sx_user_text_problem(m.ptr, &(int){ 0 }) != 0) {
		sx_buf_free(&m);
		return S_KIND_UNKNOWN;
	}
	if (strcmp(m.ptr, "application/vnd.oasis.opendocument.text") == 0 ||
	    strcmp(m.ptr, "application/vnd.oasis.opendocument.text-template") == 0) {
		*text = sx_strdup(_("an OpenDocument text (.odt)"));
		k = S_KIND_ODT;
	} else {
		*text = sx_aprintf(_("an OpenDocument package of type %s"), m.ptr);
		k = S_KIND_ODF_OTHER;
	}
	sx_buf_free(&m);
	return k;
}

int
sx_refdoc_open(sx_refdoc *r, const char *path, secannex_format fmt, secannex_diags *d)
{
	int docx = fmt == SECANNEX_FORMAT_DOCX, rc;
	const char *want = docx ? _("a .docx") : _("an .odt");
	static const char *const need_docx[] = { "word/document.xml", "[Content_Types].xml", NULL };
	static const char *const need_odt[] = { "mimetype", "content.xml", "styles.xml", NULL };
	const char *const *need = docx ? need_docx : need_odt;
	char *kind = NULL;
	enum S_kind k;

	r->path = path;
	r->zip = NULL;
	if ((rc = sx_zipr_open(&r->zip, path, SX_MSG_REF_NOT_ZIP, d)) != 0)
		return rc;
	rc = SECANNEX_EINVALID;
	k = S_ref_kind(r, &kind, d);
	if (k != S_KIND_UNKNOWN && k != (docx ? S_KIND_DOCX : S_KIND_ODT)) {
		sx_diag(d, SX_MSG_REF_KIND, path, 0, kind, docx ? "DOCX" : "ODT", docx ? ".docx" : ".odt");
		goto done;
	}
	for (size_t i = 0; need[i]; i++)
		if (!sx_zipr_has(r->zip, need[i])) {
			sx_diag(d, SX_MSG_REF_MISSING, path, 0, want, need[i]);
			goto done;
		}
	if (!docx && k == S_KIND_UNKNOWN) {
		sx_diag(d, SX_MSG_REF_MISSING, path, 0, want, _("ODF text mimetype"));
		goto done;
	}
	rc = 0;
done:
	free(kind);
	if (rc != 0)
		sx_refdoc_close(r);
	return rc;
}

int
sx_refdoc_xml(sx_refdoc *r, const char *part, xmlDocPtr *out, sx_buf *raw, secannex_diags *d)
{
	sx_buf b = SX_BUF_INIT;
	secannex_diags *tmp;
	int rc;

	*out = NULL;
	if ((rc = sx_zipr_read(r->zip, part, &b, d)) != 0)
		goto done;
	/* the safe reader's diagnostics, restated as the reference document's */
	tmp = secannex_diags_new();
	rc = sx_xml_parse_mem(out, b.ptr ? b.ptr : "", b.len, part, tmp);
	for (size_t i = 0; i < tmp->n; i++)
		sx_diag(d, SX_MSG_REF_XML, r->path, 0, part, tmp->v[i].line, tmp->v[i].msg);
	secannex_diags_free(tmp);
	if (rc == 0 && raw)
		sx_buf_put(raw, b.ptr, b.len);
done:
	sx_buf_free(&b);
	return rc;
}

const char *
sx_picture_type(const char *name)
{
	static const char *const types[][2] = {
		{ "png", "image/png" }, { "jpg", "image/jpeg" }, { "jpeg", "image/jpeg" },
		{ "gif", "image/gif" }, { "bmp", "image/bmp" }, { "tif", "image/tiff" },
		{ "tiff", "image/tiff" }, { "svg", "image/svg+xml" }, { "emf", "image/x-emf" },
		{ "wmf", "image/x-wmf" },
	};
	const char *ext = strrchr(name, '.');

	for (size_t i = 0; ext && i < sizeof(types) / sizeof(types[0]); i++)
		if (strcasecmp(ext + 1, types[i][0]) == 0)
			return types[i][1];
	return NULL;
}

/* ---- XML editing ---- */

int
sx_xml_own(xmlDocPtr *out, const char *s, size_t len, const char *dir, const char *name,
    secannex_diags *d)
{
	char *path = dir ? sx_aprintf("%s/%s", dir, name) : sx_strdup(name);
	int rc = sx_xml_parse_mem(out, s ? s : "", len, path, d);

	free(path);
	return rc;
}

xmlNodePtr
sx_xml_graft(xmlNodePtr parent, xmlNodePtr before, xmlNodePtr src)
{
	xmlNodePtr copy = NULL;

	if (xmlDOMWrapCloneNode(NULL, src->doc, src, &copy, parent->doc, parent, 1, 0) != 0 ||
	    copy == NULL)
		sx_oom(); /* only out of memory makes a clone fail */
	if (before)
		xmlAddPrevSibling(before, copy);
	else
		xmlAddChild(parent, copy);
	return copy;
}

int
sx_xml_el(xmlNodePtr n, const char *ns, const char *name)
{
	return n && n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0 &&
	    n->ns && n->ns->href && strcmp((const char *)n->ns->href, ns) == 0;
}

xmlNodePtr
sx_xml_child(xmlNodePtr parent, const char *ns, const char *name, xmlNodePtr after)
{
	xmlNodePtr n = after ? after->next : parent ? parent->children : NULL;

	for (; n; n = n->next)
		if (sx_xml_el(n, ns, name))
			return n;
	return NULL;
}

char *
sx_xml_get(xmlNodePtr n, const char *ns, const char *name)
{
	xmlChar *v = ns ? xmlGetNsProp(n, (const xmlChar *)name, (const xmlChar *)ns) :
	    xmlGetNoNsProp(n, (const xmlChar *)name);
	char *s;

	if (v == NULL)
		return NULL;
	s = sx_strdup((const char *)v);
	xmlFree(v);
	return s;
}

void
sx_xml_dump(xmlDocPtr doc, sx_buf *b)
{
	xmlChar *mem = NULL;
	int len = 0;

	xmlDocDumpMemoryEnc(doc, &mem, &len, "UTF-8");
	if (mem == NULL)
		sx_oom();
	sx_buf_put(b, mem, (size_t)len);
	xmlFree(mem);
}

void
sx_xml_append_el(xmlNodePtr root, const char *name, int attr_ns, const char *const *attrs)
{
	xmlNodePtr el;

	xmlAddChild(root, xmlNewDocText(root->doc, (const xmlChar *)"  "));
	el = xmlNewDocNode(root->doc, root->ns, (const xmlChar *)name, NULL);
	if (el == NULL)
		sx_oom();
	for (size_t i = 0; attrs[i]; i += 2)
		xmlNewNsProp(el, attr_ns ? root->ns : NULL, (const xmlChar *)attrs[i],
		    (const xmlChar *)attrs[i + 1]);
	xmlAddChild(root, el);
	xmlAddChild(root, xmlNewDocText(root->doc, (const xmlChar *)"\n"));
}

int
sx_xml_tpl_part(xmlDocPtr *out, const sx_buf *b, const char *dir, const char *name, const char *ns,
    const char *root, secannex_diags *d)
{
	xmlNodePtr r;
	int rc;

	if ((rc = sx_xml_own(out, b->ptr, b->len, dir, name, d)) != 0)
		return rc;
	r = xmlDocGetRootElement(*out);
	if (!sx_xml_el(r, ns, root)) {
		char *want = sx_aprintf("{%s}%s", ns, root), *path = dir ? sx_aprintf("%s/%s", dir, name) :
		    sx_strdup(name);
		sx_diag(d, SX_MSG_ROOT, path, r ? (int)xmlGetLineNo(r) : 0,
		    r && r->ns ? (const char *)r->ns->href : "", r ? (const char *)r->name : "", want);
		free(want);
		free(path);
		xmlFreeDoc(*out);
		*out = NULL;
		return SECANNEX_EINVALID;
	}
	return 0;
}

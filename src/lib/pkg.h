/* pkg.h: helpers that every package writer shares (template parts, dates, the text segments of a
 * possibly tracked piece of text, an agency's reference document and the XML editing it needs);
 * below both the document builders and the writers. */
#ifndef SX_PKG_H
#define SX_PKG_H

#include <time.h>

#include <libxml/tree.h>

#include "buf.h"
#include "textdiff.h"
#include "../secannex.h"

/* The segments of a piece of text to write: a plain text (CHANGE 0: unchanged; SX_OP_INS/DEL: the
 * whole text inserted/deleted) or a character diff M (used when it has segments).
 * Fills *ONE (and *SEG) for the plain case. */
const sx_dtext *sx_pkg_segs(const char *text, int change, const sx_dtext *m, sx_dtext *one,
    sx_dseg *seg);

/* Read a template part TEMPLATE_DIR/NAME into B (refusing anything over 1 MiB). */
int sx_template_read(sx_buf *b, const char *template_dir, const char *name, secannex_diags *d);

/* The ISO 8601 UTC form of T ("2026-11-22T00:00:00Z"), into BUF of at least 21 bytes. */
void sx_iso8601(char *buf, size_t n, time_t t);

/* The zip entries' time of a package: the document's date, else 1980-01-01. */
#define SX_PKG_MTIME(epoch_set, epoch) ((epoch_set) ? (epoch) : (time_t)315532800)


/* ---- an agency's reference document (--reference-doc), read within zippkg.c's limits ---- */

typedef struct sx_refdoc {
	const char *path;
	struct sx_zipr *zip;
} sx_refdoc;

/* Open PATH as the reference document of a FMT output (SECANNEX_FORMAT_DOCX or _ODT): a ZIP
 * package of that kind (DOCX: [Content_Types].xml and word/document.xml; ODT: the mimetype of an
 * ODF text or text template, content.xml and styles.xml).  Anything else, a package of the other
 * kind included, is refused with a diagnostic naming PATH.  Close it with sx_refdoc_close(). */
int sx_refdoc_open(sx_refdoc *r, const char *path, secannex_format fmt, secannex_diags *d);
void sx_refdoc_close(sx_refdoc *r);
/* 1 when the package has PART. */
int sx_refdoc_has(const sx_refdoc *r, const char *part);
/* Append PART's bytes to B.  Returns 0, SECANNEX_ENOTFOUND (no diagnostic) or an error. */
int sx_refdoc_part(sx_refdoc *r, const char *part, sx_buf *b, secannex_diags *d);
/* Parse PART with the safe reader (no DTD, no network; its bytes into RAW too when RAW is not
 * NULL).  Errors name PATH, the part and its line.  Returns 0, SECANNEX_ENOTFOUND or an error. */
int sx_refdoc_xml(sx_refdoc *r, const char *part, xmlDocPtr *out, sx_buf *raw, secannex_diags *d);
/* The content type of a picture by its file name's extension (png, jpeg, gif, …); NULL: none. */
const char *sx_picture_type(const char *name);

/* ---- XML editing (reference documents and the templates) ---- */

/* Parse LEN bytes at S (a template part, a part or snippet the program wrote), named DIR/NAME (NAME
 * when DIR is NULL) in diagnostics, through xmlsafe.c (pre-scan, no DOCTYPE, our message format)
 * into *OUT.  Returns 0 or a negative secannex_error, with diagnostics in D. */
int sx_xml_own(xmlDocPtr *out, const char *s, size_t len, const char *dir, const char *name,
    secannex_diags *d);
/* Copy element SRC (of any document) into PARENT's document, before BEFORE (a child of PARENT) or,
 * with BEFORE NULL, as PARENT's last child; namespaces are reconciled with those in scope at
 * PARENT.  Returns the copy. */
xmlNodePtr sx_xml_graft(xmlNodePtr parent, xmlNodePtr before, xmlNodePtr src);
/* The first element child of PARENT named NAME in namespace NS (after AFTER, when given). */
xmlNodePtr sx_xml_child(xmlNodePtr parent, const char *ns, const char *name, xmlNodePtr after);
/* 1 when N is element NAME in namespace NS. */
int sx_xml_el(xmlNodePtr n, const char *ns, const char *name);
/* Attribute NAME in namespace NS (NULL: none) of N, copied (caller frees); NULL when absent. */
char *sx_xml_get(xmlNodePtr n, const char *ns, const char *name);
/* Serialize DOC (UTF-8, with its XML declaration) into B. */
void sx_xml_dump(xmlDocPtr doc, sx_buf *b);
/* Append an element NAME (in the namespace of ROOT, under its prefix) with the attributes ATTRS
 * (name, value pairs, NULL-terminated; libxml2 escapes them; in ROOT's namespace too when ATTR_NS)
 * as the last child of ROOT, on a line of its own indented by two spaces, as the templates are. */
void sx_xml_append_el(xmlNodePtr root, const char *name, int attr_ns, const char *const *attrs);
/* Parse the template part B (DIR/NAME, as sx_xml_own()) into *OUT and check that its root element
 * is {NS}ROOT.  Returns 0 or a negative secannex_error, with diagnostics in D. */
int sx_xml_tpl_part(xmlDocPtr *out, const sx_buf *b, const char *dir, const char *name,
    const char *ns, const char *root, secannex_diags *d);

#endif

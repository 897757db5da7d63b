/* load.c: the load and validate entry points: a file is read safely (xmlsafe.c), checked against
 * its schema, turned into the model (catalog.c, regulation.c) and checked (check.c). */
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "buf.h"
#include "diag.h"
#include "model.h"
#include "xmlsafe.h"

#define NS_PROCUREMENT "urn:secannex:procurement:1"
#define NS_REGULATION "urn:secannex:regulation:1"

enum S_doc_kind { S_DOC_UNKNOWN, S_DOC_PROCUREMENT, S_DOC_REGULATION };

static enum S_doc_kind
S_doc_kind(xmlDocPtr doc)
{
	xmlNodePtr root = xmlDocGetRootElement(doc);
	const char *ns;

	if (root == NULL || root->ns == NULL)
		return S_DOC_UNKNOWN;
	ns = (const char *)root->ns->href;
	if (sx_xml_is(root, "catalog") && strcmp(ns, NS_PROCUREMENT) == 0)
		return S_DOC_PROCUREMENT;
	if (sx_xml_is(root, "regulation") && strcmp(ns, NS_REGULATION) == 0)
		return S_DOC_REGULATION;
	return S_DOC_UNKNOWN;
}

/* Check parsed DOC (from PATH): its kind is WANT (or any when S_DOC_UNKNOWN), it is valid, its
 * text is clean.  Returns its kind, or a negative secannex_error (the caller frees DOC). */
static int
S_check_doc(xmlDocPtr doc, const char *path, enum S_doc_kind want, const char *schema_dir,
    secannex_diags *d)
{
	xmlNodePtr root;
	enum S_doc_kind kind = S_doc_kind(doc);
	char *rng;
	int rc;

	if (kind == S_DOC_UNKNOWN || (want != S_DOC_UNKNOWN && kind != want)) {
		root = xmlDocGetRootElement(doc);
		sx_diag(d, SX_MSG_ROOT, path, root ? xmlGetLineNo(root) : 1,
		    root && root->ns ? (const char *)root->ns->href : "",
		    root ? (const char *)root->name : "",
		    want == S_DOC_PROCUREMENT ? "a secannex 一覽表 catalog {" NS_PROCUREMENT "}catalog" :
		    want == S_DOC_REGULATION ? "a secannex 分級辦法 {" NS_REGULATION "}regulation" :
		    "a secannex <catalog> or <regulation>");
		return SECANNEX_EINVALID;
	}
	rng = sx_aprintf("%s/%s", schema_dir,
	    kind == S_DOC_PROCUREMENT ? "procurement.rng" : "regulation.rng");
	rc = sx_xml_validate(doc, path, rng, d);
	free(rng);
	if (rc != 0)
		return rc;
	if (sx_xml_check_text(doc, path, d) > 0)
		return SECANNEX_EINVALID;
	return (int)kind;
}

/* Read PATH, check its kind is WANT (or any when S_DOC_UNKNOWN), validate it, check its text.
 * On success *DOC is the parsed document and the return is its kind. */
static int
S_read_valid(xmlDocPtr *out, const char *path, enum S_doc_kind want, const char *schema_dir,
    size_t max, secannex_diags *d)
{
	xmlDocPtr doc = NULL;
	int rc;

	*out = NULL;
	if ((rc = sx_xml_read(&doc, path, max, d)) != 0)
		return rc;
	if ((rc = S_check_doc(doc, path, want, schema_dir, d)) < 0) {
		xmlFreeDoc(doc);
		return rc;
	}
	*out = doc;
	return rc;
}

int
sx_catalog_part_mem(secannex_catalog *cat, int regulation, const void *data, size_t len,
    const char *name, const char *schema_dir, secannex_diags *d)
{
	xmlDocPtr doc = NULL;
	size_t before = d->n;
	int rc;

	if ((rc = sx_xml_parse_mem(&doc, data, len, name, d)) != 0)
		return rc;
	rc = S_check_doc(doc, name, regulation ? S_DOC_REGULATION : S_DOC_PROCUREMENT, schema_dir, d);
	if (rc >= 0 && regulation) {
		sx_regulation_free(cat->reg);
		cat->reg = sx_regulation_from_doc(doc, name, d);
		sx_regulation_check(cat->reg, d);
	} else if (rc >= 0) {
		sx_procurement_free(cat->proc);
		cat->proc = sx_procurement_from_doc(doc, name, d);
		sx_procurement_check(cat->proc, cat->reg, d);
	}
	xmlFreeDoc(doc);
	if (rc < 0)
		return rc;
	return sx_diags_errors_since(d, before) ? SECANNEX_EINVALID : 0;
}

int
secannex_catalog_load(secannex_catalog **out, const secannex_load_opts *opts,
    secannex_diags *d)
{
	secannex_catalog *cat = sx_calloc(1, sizeof(*cat));
	xmlDocPtr pdoc = NULL, rdoc = NULL;
	size_t before = d->n;
	int rc = 0;

	*out = NULL;
	if (opts->regulation_path) {
		rc = S_read_valid(&rdoc, opts->regulation_path, S_DOC_REGULATION, opts->schema_dir,
		    opts->max_bytes, d);
		if (rc < 0)
			goto done;
		cat->reg = sx_regulation_from_doc(rdoc, opts->regulation_path, d);
		sx_regulation_check(cat->reg, d);
	}
	if (opts->procurement_path) {
		rc = S_read_valid(&pdoc, opts->procurement_path, S_DOC_PROCUREMENT, opts->schema_dir,
		    opts->max_bytes, d);
		if (rc < 0)
			goto done;
		cat->proc = sx_procurement_from_doc(pdoc, opts->procurement_path, d);
		sx_procurement_check(cat->proc, cat->reg, d);
	}
	rc = sx_diags_errors_since(d, before) ? SECANNEX_EINVALID : 0;
	if (rc == 0) {
		*out = cat;
		cat = NULL;
	}
done:
	if (pdoc)
		xmlFreeDoc(pdoc);
	if (rdoc)
		xmlFreeDoc(rdoc);
	secannex_catalog_free(cat);
	return rc;
}

void
secannex_catalog_free(secannex_catalog *cat)
{
	if (cat == NULL)
		return;
	sx_procurement_free(cat->proc);
	sx_regulation_free(cat->reg);
	free(cat);
}

int
secannex_validate_file(const char *path, const char *schema_dir, size_t max_bytes,
    const secannex_catalog *ref, secannex_diags *d)
{
	xmlDocPtr doc = NULL;
	size_t before = d->n;
	int kind;

	kind = S_read_valid(&doc, path, S_DOC_UNKNOWN, schema_dir, max_bytes, d);
	if (kind < 0)
		return kind;
	if (kind == S_DOC_PROCUREMENT) {
		sx_procurement *p = sx_procurement_from_doc(doc, path, d);
		sx_procurement_check(p, ref ? ref->reg : NULL, d);
		sx_procurement_free(p);
	} else {
		sx_regulation *r = sx_regulation_from_doc(doc, path, d);
		sx_regulation_check(r, d);
		sx_regulation_free(r);
	}
	xmlFreeDoc(doc);
	return sx_diags_errors_since(d, before) ? SECANNEX_EINVALID : 0;
}

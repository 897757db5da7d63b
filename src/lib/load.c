/* load.c: the load and validate entry points: a file is read safely (xmlsafe.c), checked against
 * its schema, turned into the model (catalog.c, regulation.c) and checked (check.c).  A file whose
 * bytes are, byte for byte, those of a shipped catalog file validated at build time (shipped.h)
 * is neither parsed nor checked again when the caller allows it (SECANNEX_LOAD_SHIPPED_*): the
 * model compiled from those bytes then stands for it. */
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "buf.h"
#include "diag.h"
#include "i18n.h"
#include "model.h"
#include "shipped.h"
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

/* The shipped catalog file of kind WANT whose bytes, validated at build time, are these LEN bytes
 * exactly, or NULL. */
static const struct sx_shipped *
S_shipped(const unsigned char *data, size_t len, enum S_doc_kind want)
{
	for (size_t i = 0; i < sx_nshipped; i++) {
		const struct sx_shipped *e = &sx_shipped[i];
		if (e->size == len && memcmp(e->bytes, data, len) == 0 &&
		    (want == S_DOC_PROCUREMENT ? e->proc != NULL : e->reg != NULL))
			return e;
	}
	return NULL;
}

/* Check parsed DOC (from PATH): its kind is WANT (or any when S_DOC_UNKNOWN), it is valid and its
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
		    _("a secannex <catalog> or <regulation>"));
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
 * With MAY_TRUST, bytes identical to a shipped file of kind WANT set *SHIP to its entry and
 * nothing is parsed: the model compiled from those bytes at build time stands for them.
 * Otherwise, on success, *OUT is the parsed document and the return is its kind. */
static int
S_read_valid(xmlDocPtr *out, const struct sx_shipped **ship, const char *path,
    enum S_doc_kind want, int may_trust, const secannex_load_opts *o, secannex_diags *d)
{
	xmlDocPtr doc = NULL;
	unsigned char *data;
	size_t len;
	int rc;

	*out = NULL;
	*ship = NULL;
	if ((rc = sx_file_read(&data, &len, path, o->max_bytes, d)) != 0)
		return rc;
	if (may_trust && (*ship = S_shipped(data, len, want)) != NULL) {
		free(data);
		return (int)want;
	}
	rc = sx_xml_parse_mem(&doc, data, len, path, d);
	free(data);
	if (rc != 0)
		return rc;
	if ((rc = S_check_doc(doc, path, want, o->schema_dir, d)) < 0) {
		xmlFreeDoc(doc);
		return rc;
	}
	*out = doc;
	return rc;
}

/* Read the regulation into CAT (its document freed as soon as the model is built) and check it,
 * unless it is the shipped file.  Returns 0 or a negative secannex_error. */
static int
S_load_reg(secannex_catalog *cat, const secannex_load_opts *o, secannex_diags *d)
{
	const char *path = o->regulation_path;
	const struct sx_shipped *ship;
	xmlDocPtr doc;
	int rc;

	rc = S_read_valid(&doc, &ship, path, S_DOC_REGULATION,
	    (o->flags & SECANNEX_LOAD_SHIPPED_REGULATION) != 0, o, d);
	if (rc < 0)
		return rc;
	if (ship) {
		cat->reg = sx_regulation_embedded(ship->reg, path);
		cat->shipped |= SECANNEX_LOAD_SHIPPED_REGULATION;
		return 0;
	}
	cat->reg = sx_regulation_from_doc(doc, path, d);
	xmlFreeDoc(doc);
	sx_regulation_check(cat->reg, d);
	return 0;
}

/* Read the procurement catalog into CAT, the regulation too when it is only there to check it,
 * and check the catalog unless it is the shipped file and so is the regulation it refers to
 * (when one is loaded).  Returns 0 or a negative secannex_error. */
static int
S_load_proc(secannex_catalog *cat, const secannex_load_opts *o, secannex_diags *d)
{
	const char *path = o->procurement_path;
	int for_checks = (o->flags & SECANNEX_LOAD_REGULATION_FOR_CHECKS) != 0, trusted, rc;
	const struct sx_shipped *ship;
	xmlDocPtr doc;

	rc = S_read_valid(&doc, &ship, path, S_DOC_PROCUREMENT,
	    (o->flags & SECANNEX_LOAD_SHIPPED_PROCUREMENT) != 0, o, d);
	if (rc < 0)
		return rc;
	if ((trusted = ship != NULL) != 0) {
		cat->proc = sx_procurement_embedded(ship->proc, path);
		cat->shipped |= SECANNEX_LOAD_SHIPPED_PROCUREMENT;
	} else {
		cat->proc = sx_procurement_from_doc(doc, path, d);
		xmlFreeDoc(doc);
	}
	if (for_checks && !trusted && o->regulation_path && (rc = S_load_reg(cat, o, d)) < 0)
		return rc;
	if (!trusted || (cat->reg && !(cat->shipped & SECANNEX_LOAD_SHIPPED_REGULATION)))
		sx_procurement_check(cat->proc, cat->reg, d);
	if (for_checks) {
		sx_regulation_free(cat->reg);
		cat->reg = NULL;
		cat->shipped &= ~(unsigned)SECANNEX_LOAD_SHIPPED_REGULATION;
	}
	return 0;
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
secannex_catalog_load_mem(secannex_catalog **out, const void *data, size_t len, const char *name,
    const secannex_catalog *ref, const char *schema_dir, size_t max_bytes, secannex_diags *d)
{
	secannex_catalog *cat;
	xmlDocPtr doc = NULL;
	size_t before = d->n;
	int rc;

	*out = NULL;
	if (len > (max_bytes ? max_bytes : SECANNEX_MAX_FILE_BYTES)) {
		sx_diag(d, SX_MSG_TOO_BIG, name, 0, len, max_bytes ? max_bytes : SECANNEX_MAX_FILE_BYTES);
		return SECANNEX_EINVALID;
	}
	if ((rc = sx_xml_parse_mem(&doc, data, len, name, d)) != 0)
		return rc;
	if ((rc = S_check_doc(doc, name, S_DOC_PROCUREMENT, schema_dir, d)) < 0) {
		xmlFreeDoc(doc);
		return rc;
	}
	cat = sx_calloc(1, sizeof(*cat));
	cat->proc = sx_procurement_from_doc(doc, name, d);
	xmlFreeDoc(doc);
	sx_procurement_check(cat->proc, ref ? ref->reg : NULL, d);
	if (sx_diags_errors_since(d, before)) {
		secannex_catalog_free(cat);
		return SECANNEX_EINVALID;
	}
	*out = cat;
	return 0;
}

int
secannex_catalog_load(secannex_catalog **out, const secannex_load_opts *opts,
    secannex_diags *d)
{
	secannex_catalog *cat = sx_calloc(1, sizeof(*cat));
	size_t before = d->n;
	int rc = 0;

	*out = NULL;
	/* one document at a time, each freed once its model is built: the second parse reuses the
	 * first one's memory (fewer page faults, a lower peak) */
	if (opts->regulation_path && !(opts->flags & SECANNEX_LOAD_REGULATION_FOR_CHECKS) &&
	    (rc = S_load_reg(cat, opts, d)) < 0)
		goto done;
	if (opts->procurement_path && (rc = S_load_proc(cat, opts, d)) < 0)
		goto done;
	rc = sx_diags_errors_since(d, before) ? SECANNEX_EINVALID : 0;
	if (rc == 0) {
		*out = cat;
		cat = NULL;
	}
done:
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
	secannex_load_opts o = { NULL, NULL, schema_dir, max_bytes, 0 };
	const struct sx_shipped *ship;
	xmlDocPtr doc = NULL;
	size_t before = d->n;
	int kind;

	/* never the fast path: validate is what an agency runs on its edited copy */
	kind = S_read_valid(&doc, &ship, path, S_DOC_UNKNOWN, 0, &o, d);
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

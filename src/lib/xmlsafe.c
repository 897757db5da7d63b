/* xmlsafe.c: the only place that reads XML files: limits, pre-scan, parse, RelaxNG, text checks. */
#include "xmlsafe.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <threads.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/xmlerror.h>

#include "buf.h"
#include "diag.h"
#include "i18n.h"
#include "nfcqc.h"

struct S_ectx {
	secannex_diags *d;
	const char *path;
	enum sx_msg msg;
	int count;
};

static void
S_init_once(void)
{
	xmlInitParser();
	xmlSetExternalEntityLoader(xmlNoNetExternalEntityLoader);
	xmlLoadExtDtdDefaultValue = 0;
	xmlSubstituteEntitiesDefault(0);
}

void
sx_xml_init(void)
{
	static once_flag once = ONCE_FLAG_INIT;

	call_once(&once, S_init_once);
}

/* libxml2 structured error → one diagnostic (first line of its message, trailing newline cut). */
static void
S_xml_error(void *data, xmlErrorPtr err)
{
	struct S_ectx *e = data;
	char *msg;
	size_t n;
	int line;

	if (err == NULL || err->level == XML_ERR_WARNING)
		return;
	msg = sx_strdup(err->message ? err->message : "unknown error");
	n = strcspn(msg, "\n");
	msg[n] = '\0';
	while (n > 0 && msg[n - 1] == ' ')
		msg[--n] = '\0';
	/* libxml2 sometimes reports one problem twice: keep one */
	/* RelaxNG validity errors carry the node, not always its line */
	line = err->line;
	if (line <= 0 && err->node)
		line = (int)xmlGetLineNo((xmlNodePtr)err->node);
	if (e->d->n == 0 || e->d->v[e->d->n - 1].line != line ||
	    strstr(e->d->v[e->d->n - 1].msg, msg) == NULL)
		sx_diag(e->d, e->msg, e->path, line, msg);
	e->count++;
	free(msg);
}

/* Decode one UTF-8 sequence at P (of LEN bytes).  Returns its length, 0 when invalid. */
static size_t
S_utf8_decode(const unsigned char *p, size_t len, unsigned *cp)
{
	unsigned c = p[0];
	size_t n;

	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF) {
		n = 2;
		c &= 0x1F;
	} else if (c >= 0xE0 && c <= 0xEF) {
		n = 3;
		c &= 0x0F;
	} else if (c >= 0xF0 && c <= 0xF4) {
		n = 4;
		c &= 0x07;
	} else {
		return 0;
	}
	if (len < n)
		return 0;
	for (size_t i = 1; i < n; i++) {
		if ((p[i] & 0xC0) != 0x80)
			return 0;
		c = (c << 6) | (p[i] & 0x3F);
	}
	if ((n == 3 && (c < 0x800 || (c >= 0xD800 && c <= 0xDFFF))) ||
	    (n == 4 && (c < 0x10000 || c > 0x10FFFF)))
		return 0;
	*cp = c;
	return n;
}

static int
S_is_control(unsigned c)
{
	return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F) ||
	    c == 0xFFFE || c == 0xFFFF;
}

/* The raw pre-scan: UTF-8, control characters, DOCTYPE.  Returns 0 or SECANNEX_EINVALID. */
static int
S_prescan(const unsigned char *p, size_t len, const char *path, secannex_diags *d)
{
	int line = 1;

	for (size_t i = 0; i < len;) {
		unsigned cp;
		size_t n;

		/* the common case first: printable ASCII other than '<' */
		if (p[i] >= 0x20 && p[i] < 0x7F && p[i] != '<') {
			i++;
			continue;
		}
		if ((n = S_utf8_decode(p + i, len - i, &cp)) == 0) {
			sx_diag(d, SX_MSG_BAD_UTF8, path, line);
			return SECANNEX_EINVALID;
		}
		if (S_is_control(cp)) {
			sx_diag(d, SX_MSG_CONTROL, path, line, cp);
			return SECANNEX_EINVALID;
		}
		if (cp == '\n')
			line++;
		if (cp == '<' && len - i >= 9 && memcmp(p + i, "<!DOCTYPE", 9) == 0) {
			sx_diag(d, SX_MSG_DOCTYPE, path, line);
			return SECANNEX_EINVALID;
		}
		i += n;
	}
	return 0;
}

/* Parse LEN bytes at DATA (named PATH in diagnostics) after the pre-scan; no network, and a DOCTYPE
 * that slipped through is refused. */
static int
S_parse(xmlDocPtr *out, const unsigned char *data, size_t len, const char *path,
    secannex_diags *d)
{
	struct S_ectx e = { d, path, SX_MSG_XML, 0 };
	xmlParserCtxtPtr ctxt = NULL;
	xmlDocPtr doc = NULL;
	int rc = SECANNEX_EINVALID;

	if (len == 0) {
		sx_diag(d, SX_MSG_EMPTY, path, 0);
		goto done;
	}
	if (len > (size_t)2147483647) {
		sx_diag(d, SX_MSG_TOO_BIG, path, 0, len, (size_t)2147483647);
		goto done;
	}
	if (S_prescan(data, len, path, d) != 0)
		goto done;
	ctxt = xmlNewParserCtxt();
	if (ctxt == NULL) {
		sx_diag(d, SX_MSG_XML, path, 0, _("cannot create a parser"));
		goto done;
	}
	xmlSetStructuredErrorFunc(&e, S_xml_error);
	doc = xmlCtxtReadMemory(ctxt, (const char *)data, (int)len, path, "UTF-8",
	    XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_NOCDATA);
	xmlSetStructuredErrorFunc(NULL, NULL);
	if (doc == NULL || e.count > 0 || !ctxt->wellFormed) {
		if (e.count == 0)
			sx_diag(d, SX_MSG_XML, path, 0, _("the document is not well-formed"));
		goto done;
	}
	if (doc->intSubset != NULL || doc->extSubset != NULL) {
		sx_diag(d, SX_MSG_DOCTYPE, path, 1);
		goto done;
	}
	*out = doc;
	doc = NULL;
	rc = 0;
done:
	if (doc)
		xmlFreeDoc(doc);
	if (ctxt)
		xmlFreeParserCtxt(ctxt);
	return rc;
}

/* Read the regular file open on FD (named PATH) whole into *DATA, *LEN: at most MAX bytes.  The
 * buffer is sized from the file (fstat), never from the limit, and grows only if the file grows
 * while it is read.  Returns 0, SECANNEX_EINVALID (too big, not a regular file) or SECANNEX_EIO. */
static int
S_slurp(int fd, const char *path, size_t max, unsigned char **data, size_t *len, secannex_diags *d)
{
	struct stat st;
	size_t cap, n = 0;
	unsigned char *buf;

	*data = NULL;
	*len = 0;
	if (fstat(fd, &st) != 0) {
		sx_diag(d, SX_MSG_OPEN, path, 0, strerror(errno));
		return SECANNEX_EIO;
	}
	if (!S_ISREG(st.st_mode)) {
		sx_diag(d, SX_MSG_NOT_REGULAR, path, 0);
		return SECANNEX_EINVALID;
	}
	if (st.st_size < 0 || (uintmax_t)st.st_size > max) {
		sx_diag(d, SX_MSG_TOO_BIG, path, 0, (size_t)st.st_size, max);
		return SECANNEX_EINVALID;
	}
	/* one byte more than the file holds: reading it tells that the file grew */
	cap = (size_t)st.st_size + 1;
	buf = sx_malloc(cap);
	for (;;) {
		ssize_t r;

		if (n == cap) {
			if (n > max) {
				sx_diag(d, SX_MSG_TOO_BIG, path, 0, n, max);
				free(buf);
				return SECANNEX_EINVALID;
			}
			cap = cap <= SIZE_MAX / 2 ? cap * 2 : SIZE_MAX;
			buf = sx_realloc(buf, cap);
		}
		r = read(fd, buf + n, cap - n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			sx_diag(d, SX_MSG_OPEN, path, 0, strerror(errno));
			free(buf);
			return SECANNEX_EIO;
		}
		if (r == 0)
			break;
		n += (size_t)r;
	}
	if (n > max) {
		sx_diag(d, SX_MSG_TOO_BIG, path, 0, n, max);
		free(buf);
		return SECANNEX_EINVALID;
	}
	*data = buf;
	*len = n;
	return 0;
}

int
sx_file_read(unsigned char **out, size_t *outlen, const char *path, size_t max, secannex_diags *d)
{
	unsigned char *data = NULL;
	size_t len = 0;
	int fd, rc;

	*out = NULL;
	*outlen = 0;
	if (max == 0)
		max = SECANNEX_MAX_FILE_BYTES;
	/* O_NONBLOCK: opening a FIFO never blocks (it is then refused as not a regular file) */
	if ((fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)) < 0) {
		sx_diag(d, SX_MSG_OPEN, path, 0, strerror(errno));
		return SECANNEX_EIO;
	}
	rc = S_slurp(fd, path, max, &data, &len, d);
	close(fd);
	if (rc == 0) {
		data[len] = '\0';
		*out = data;
		*outlen = len;
		data = NULL;
	}
	free(data);
	return rc;
}

int
sx_xml_read(xmlDocPtr *out, const char *path, size_t max, secannex_diags *d)
{
	unsigned char *data;
	size_t len;
	int rc;

	*out = NULL;
	sx_xml_init();
	if ((rc = sx_file_read(&data, &len, path, max, d)) != 0)
		return rc;
	rc = S_parse(out, data, len, path, d);
	free(data);
	return rc;
}

int
sx_xml_parse_mem(xmlDocPtr *out, const void *data, size_t len, const char *name, secannex_diags *d)
{
	*out = NULL;
	sx_xml_init();
	return S_parse(out, data, len, name, d);
}

/*
 * Compiled RelaxNG schemas, kept for the life of the process by their path: a schema is parsed
 * once, however many documents are validated against it (a diff reads two catalogs, a fuzzer
 * millions).  A compiled schema is only read while validating, each validation with its own
 * context, so threads may share it; the table is guarded by a mutex.  When the table is full, a
 * schema is parsed for the one validation and freed after it.
 */
#define S_NSCHEMAS 16
static struct {
	char *path;
	xmlRelaxNGPtr schema;
} S_schemas[S_NSCHEMAS];
static size_t S_nschemas;
static mtx_t S_schemas_mtx;
static once_flag S_schemas_once = ONCE_FLAG_INIT;

static void
S_schemas_init(void)
{
	mtx_init(&S_schemas_mtx, mtx_plain);
}

/* The compiled schema RNG (errors of its parse reported through E); *OWNED is set when the
 * caller must free it (the table is full).  NULL when the schema cannot be read. */
static xmlRelaxNGPtr
S_schema(const char *rng, struct S_ectx *e, int *owned)
{
	xmlRelaxNGParserCtxtPtr pctxt;
	xmlRelaxNGPtr schema = NULL;
	unsigned char *data = NULL;
	size_t len = 0;
	int fd, rc;

	*owned = 0;
	call_once(&S_schemas_once, S_schemas_init);
	mtx_lock(&S_schemas_mtx);
	for (size_t i = 0; i < S_nschemas; i++)
		if (strcmp(S_schemas[i].path, rng) == 0) {
			schema = S_schemas[i].schema;
			goto done;
		}
	/* read by this file's reader, not libxml2's I/O, which prints its own errors on stderr */
	if ((fd = open(rng, O_RDONLY | O_CLOEXEC | O_NONBLOCK)) < 0)
		goto done;
	rc = S_slurp(fd, rng, SECANNEX_MAX_FILE_BYTES, &data, &len, NULL);
	close(fd);
	if (rc != 0 || len > 2147483647 ||
	    (pctxt = xmlRelaxNGNewMemParserCtxt((const char *)data, (int)len)) == NULL)
		goto done;
	xmlRelaxNGSetParserStructuredErrors(pctxt, S_xml_error, e);
	schema = xmlRelaxNGParse(pctxt);
	xmlRelaxNGFreeParserCtxt(pctxt);
	if (schema == NULL)
		goto done;
	if (S_nschemas < S_NSCHEMAS) {
		S_schemas[S_nschemas].path = sx_strdup(rng);
		S_schemas[S_nschemas++].schema = schema;
	} else {
		*owned = 1;
	}
done:
	mtx_unlock(&S_schemas_mtx);
	free(data);
	return schema;
}

void
secannex_schemas_release(void)
{
	call_once(&S_schemas_once, S_schemas_init);
	mtx_lock(&S_schemas_mtx);
	for (size_t i = 0; i < S_nschemas; i++) {
		xmlRelaxNGFree(S_schemas[i].schema);
		free(S_schemas[i].path);
	}
	S_nschemas = 0;
	mtx_unlock(&S_schemas_mtx);
}

int
sx_xml_validate(xmlDocPtr doc, const char *path, const char *rng, secannex_diags *d)
{
	struct S_ectx e = { d, rng, SX_MSG_SCHEMA, 0 };
	xmlRelaxNGPtr schema;
	xmlRelaxNGValidCtxtPtr vctxt = NULL;
	int rc = SECANNEX_EIO, owned;

	sx_xml_init();
	if ((schema = S_schema(rng, &e, &owned)) == NULL ||
	    (vctxt = xmlRelaxNGNewValidCtxt(schema)) == NULL) {
		sx_diag(d, SX_MSG_SCHEMA_LOAD, rng, 0, rng);
		goto done;
	}
	e.path = path;
	e.count = 0;
	xmlRelaxNGSetValidStructuredErrors(vctxt, S_xml_error, &e);
	rc = xmlRelaxNGValidateDoc(vctxt, doc) == 0 ? 0 : SECANNEX_EINVALID;
	if (rc != 0 && e.count == 0)
		sx_diag(d, SX_MSG_SCHEMA, path, 0, _("the document does not match the schema"));
done:
	if (vctxt)
		xmlRelaxNGFreeValidCtxt(vctxt);
	if (owned && schema)
		xmlRelaxNGFree(schema);
	return rc;
}

/* The first code point of S that breaks the rules, or 0.  CATALOG: the catalog's rules (no tab,
 * no NBSP, no compatibility ideograph, NFC); else a user's text (only UTF-8 and no control
 * character, newline included). */
static unsigned
S_problem(const char *s, int *kind, int catalog)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t len = strlen(s);

	for (size_t i = 0; i < len;) {
		unsigned cp;
		size_t n = S_utf8_decode(p + i, len - i, &cp);

		if (n == 0) {
			*kind = SX_MSG_BAD_UTF8;
			return 0xFFFD;
		}
		if (S_is_control(cp) || cp == '\t' || cp == '\r' || (!catalog && cp == '\n')) {
			*kind = SX_MSG_CONTROL;
			return cp;
		}
		if (catalog && cp == 0xA0) {
			*kind = SX_MSG_NBSP;
			return cp;
		}
		if (catalog && cp >= 0xF900 && cp <= 0xFAFF) {
			*kind = SX_MSG_COMPAT_IDEO;
			return cp;
		}
		if (catalog && sx_nfc_suspect(cp)) {
			*kind = SX_MSG_NOT_NFC;
			return cp;
		}
		i += n;
	}
	return 0;
}

unsigned
sx_text_problem(const char *s, int *kind)
{
	return S_problem(s, kind, 1);
}

unsigned
sx_user_text_problem(const char *s, int *kind)
{
	return S_problem(s, kind, 0);
}

static int
S_check_str(const xmlChar *s, int line, const char *path, secannex_diags *d)
{
	int kind;
	unsigned cp;

	if (s == NULL)
		return 0;
	cp = sx_text_problem((const char *)s, &kind);
	if (cp == 0)
		return 0;
	if (kind == SX_MSG_BAD_UTF8)
		sx_diag(d, SX_MSG_BAD_UTF8, path, line);
	else
		sx_diag(d, (enum sx_msg)kind, path, line, cp);
	return 1;
}

static int
S_check_node(xmlNodePtr n, const char *path, secannex_diags *d)
{
	int errs = 0;

	for (; n; n = n->next) {
		if (n->type == XML_TEXT_NODE) {
			/* newlines only between elements: indentation, not text */
			if (!xmlIsBlankNode(n) && strchr((const char *)n->content, '\n')) {
				sx_diag(d, SX_MSG_CONTROL, path, xmlGetLineNo(n), 0x0A);
				errs++;
			} else if (!xmlIsBlankNode(n)) {
				errs += S_check_str(n->content, xmlGetLineNo(n), path, d);
			}
		} else if (n->type == XML_ELEMENT_NODE) {
			for (xmlAttrPtr a = n->properties; a; a = a->next)
				if (a->children)
					errs += S_check_str(a->children->content, xmlGetLineNo(n), path, d);
			errs += S_check_node(n->children, path, d);
		}
	}
	return errs;
}

int
sx_xml_check_text(xmlDocPtr doc, const char *path, secannex_diags *d)
{
	return S_check_node(xmlDocGetRootElement(doc), path, d);
}

xmlNodePtr
sx_xml_first_el(xmlNodePtr parent)
{
	xmlNodePtr n = parent ? parent->children : NULL;

	while (n && n->type != XML_ELEMENT_NODE)
		n = n->next;
	return n;
}

xmlNodePtr
sx_xml_next_el(xmlNodePtr n)
{
	for (n = n ? n->next : NULL; n && n->type != XML_ELEMENT_NODE; n = n->next)
		;
	return n;
}

int
sx_xml_is(xmlNodePtr n, const char *name)
{
	return n && n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0;
}

/* The text of a node whose only child is one text node (the common case: copied once, without
 * libxml2's own copy in between), or NULL. */
static const char *
S_only_text(xmlNodePtr first)
{
	if (first != NULL && first->next == NULL && first->type == XML_TEXT_NODE && first->content)
		return (const char *)first->content;
	return NULL;
}

char *
sx_xml_attr(xmlNodePtr n, const char *name)
{
	xmlAttrPtr a = xmlHasProp(n, (const xmlChar *)name);
	const char *only;
	xmlChar *v;
	char *s;

	if (a != NULL && a->type == XML_ATTRIBUTE_NODE && (only = S_only_text(a->children)) != NULL)
		return sx_strdup(only);
	v = xmlGetProp(n, (const xmlChar *)name);
	if (v == NULL)
		return NULL;
	s = sx_strdup((const char *)v);
	xmlFree(v);
	return s;
}

char *
sx_xml_content(xmlNodePtr n)
{
	const char *only = n && n->type == XML_ELEMENT_NODE ? S_only_text(n->children) : NULL;
	xmlChar *v;
	char *s;

	if (only)
		return sx_strdup(only);
	v = xmlNodeGetContent(n);
	s = sx_strdup(v ? (const char *)v : "");
	xmlFree(v);
	return s;
}

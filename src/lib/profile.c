/* profile.c: tender profiles: read from a profile file, then overridden by command-line flags. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "buf.h"
#include "diag.h"
#include "resolve.h"
#include "suggest.h"
#include "xmlsafe.h"

#define FIELD_MAX_CHARS 500

const char *const sx_dim_ids[SX_DIM__COUNT] = {
	"confidentiality", "integrity", "availability", "legal"
};
const char *const sx_dim_zh[SX_DIM__COUNT] = { "機密性", "完整性", "可用性", "法律遵循性" };
const char *const sx_field_names[SX_F__COUNT] = { "agency", "case", "title", "date" };
const char *const sx_dec_names[SX_DEC__COUNT] = {
	"--choose", "--exclude", "--ciso-confirm", "--ciso-decline"
};

secannex_profile *
secannex_profile_new(void)
{
	secannex_profile *p = sx_calloc(1, sizeof(*p));

	p->grade = p->baseline = p->level = p->kind = p->personal_data = p->special = -1;
	for (int i = 0; i < SX_DIM__COUNT; i++)
		p->dims[i] = -1;
	return p;
}

static void
S_origin_set(sx_origin *o, const char *file, int line)
{
	free(o->file);
	o->file = sx_strdup(file);
	o->line = line;
}

void
secannex_profile_free(secannex_profile *p)
{
	if (p == NULL)
		return;
	free(p->type);
	free(p->type_at.file);
	free(p->grade_at.file);
	free(p->baseline_at.file);
	free(p->scan_risk);
	for (int i = 0; i < SX_F__COUNT; i++)
		free(p->fields[i]);
	for (size_t i = 0; i < p->ndec; i++) {
		free(p->dec[i].ref);
		free(p->dec[i].reason);
		free(p->dec[i].origin);
	}
	free(p->dec);
	free(p->path);
	free(p);
}

static void
S_replace(char **slot, const char *v)
{
	free(*slot);
	*slot = sx_strdup(v);
}

/* Trim ASCII white space (values of token-typed profile elements). */
static char *
S_trimmed(const char *s)
{
	size_t n;

	while (*s == ' ' || *s == '\n' || *s == '\t' || *s == '\r')
		s++;
	n = strlen(s);
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\n' || s[n - 1] == '\t' || s[n - 1] == '\r'))
		n--;
	return sx_strndup(s, n);
}

/* Whether S holds nothing but white space (ASCII, U+00A0 and the ideographic space U+3000). */
static int
S_is_blank(const char *s)
{
	while (*s) {
		if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
			s++;
		else if (strncmp(s, "\xC2\xA0", 2) == 0)
			s += 2;
		else if (strncmp(s, "\xE3\x80\x80", 3) == 0)
			s += 3;
		else
			return 0;
	}
	return 1;
}

/*
 * A user-typed field: valid UTF-8, no control characters, not white space only (the empty
 * string is left to the caller), at most FIELD_MAX_CHARS characters.  FIELD names it in the
 * message unless FILE already does (a flag).
 */
int
sx_field_ok(const char *v, const char *field, const char *file, int line, secannex_diags *d)
{
	int kind, ok = 0;
	unsigned cp = sx_user_text_problem(v, &kind);
	size_t chars = 0;
	char *pre = strcmp(field, file) == 0 ? sx_strdup("") : sx_aprintf("%s: ", field);

	if (cp && kind == SX_MSG_BAD_UTF8) {
		sx_diag(d, SX_MSG_TEXT_UTF8, file, line, pre);
	} else if (cp) {
		sx_diag(d, SX_MSG_TEXT_CONTROL, file, line, pre, cp);
	} else if (*v && S_is_blank(v)) {
		sx_diag(d, SX_MSG_TEXT_BLANK, file, line, pre);
	} else {
		for (const unsigned char *q = (const unsigned char *)v; *q; q++)
			chars += (*q & 0xC0) != 0x80;
		if (!(ok = chars <= FIELD_MAX_CHARS))
			sx_diag(d, SX_MSG_TEXT_LONG, file, line, pre, FIELD_MAX_CHARS);
	}
	free(pre);
	return ok;
}

static void
S_add_decision(secannex_profile *p, enum sx_dec_kind kind, const char *ref, const char *reason,
    const char *origin, int line, int from_flag)
{
	sx_decision *dc;

	if (p->ndec == p->capdec) {
		p->capdec = p->capdec ? 2 * p->capdec : 16;
		p->dec = sx_realloc(p->dec, p->capdec * sizeof(*p->dec));
	}
	dc = &p->dec[p->ndec++];
	dc->kind = kind;
	dc->ref = sx_strdup(ref);
	dc->reason = reason && !S_is_blank(reason) ? sx_strdup(reason) : NULL;
	dc->origin = sx_strdup(origin);
	dc->line = line;
	dc->from_flag = from_flag;
}

static int
S_grade_value(const char *s)
{
	secannex_grade g;

	return secannex_grade_parse(&g, s) == 0 ? (int)g : -1;
}

/* <tender>: the document fields (<date> a real date in one of the accepted forms, kept as ISO
 * 8601). */
static void
S_read_tender(secannex_profile *p, xmlNodePtr c, const char *path, secannex_diags *d)
{
	char iso[11];

	for (xmlNodePtr f = sx_xml_first_el(c); f; f = sx_xml_next_el(f)) {
		char *fv = sx_xml_content(f);
		for (int i = 0; i < SX_F__COUNT; i++) {
			if (!sx_xml_is(f, sx_field_names[i]) ||
			    !sx_field_ok(fv, sx_field_names[i], path, xmlGetLineNo(f), d))
				continue;
			if (i == SX_F_DATE && !sx_date_parse(fv, iso))
				sx_diag(d, SX_MSG_DATE_FIELD, path, xmlGetLineNo(f), fv);
			else
				S_replace(&p->fields[i], i == SX_F_DATE ? iso : fv);
		}
		free(fv);
	}
}

/* <dimensions>: the four 附表九 grades, which then decide the grade. */
static void
S_read_dimensions(secannex_profile *p, xmlNodePtr c, const char *path)
{
	p->grade = -1;
	for (xmlNodePtr f = sx_xml_first_el(c); f; f = sx_xml_next_el(f)) {
		char *fv = sx_xml_content(f), *ft = S_trimmed(fv);
		for (int i = 0; i < SX_DIM__COUNT; i++)
			if (sx_xml_is(f, sx_dim_ids[i]))
				p->dims[i] = S_grade_value(ft);
		free(fv);
		free(ft);
	}
	S_origin_set(&p->grade_at, path, xmlGetLineNo(c));
}

/* <blank name="scan-risk-level">: the only blank a profile sets, once. */
static void
S_read_blank(secannex_profile *p, xmlNodePtr c, const char *v, const char *path, int *seen,
    secannex_diags *d)
{
	char *name = sx_xml_attr(c, "name");
	int line = xmlGetLineNo(c);

	if (strcmp(name, sx_blank_names[SX_BLANK_SCAN_RISK]) != 0)
		sx_diag(d, strcmp(name, sx_blank_names[SX_BLANK_SYSTEM_GRADE]) == 0 ||
		    strcmp(name, sx_blank_names[SX_BLANK_BASELINE_GRADE]) == 0 ? SX_MSG_BLANK_UNUSED :
		    SX_MSG_BLANK_NAME, path, line, name);
	else if ((*seen)++)
		sx_diag(d, SX_MSG_BLANK_TWICE, path, line, name);
	else if (sx_field_ok(v, "blank scan-risk-level", path, line, d))
		S_replace(&p->scan_risk, v);
	free(name);
}

/* A malformed row id REF at PATH:LINE, with the well-formed id it may mean as a hint. */
static void
S_bad_ref(secannex_diags *d, const char *path, int line, const char *ref)
{
	char *msg = sx_suggest_row_fix(sx_msg_text(SX_MSG_BAD_REF, ref), ref);

	sx_diag_raw(d, sx_msg_level(SX_MSG_BAD_REF), path, line, msg);
	free(msg);
}

/* <decisions>: <choose>, <exclude>, <ciso-confirm>, <ciso-decline>, each with its ref. */
static void
S_read_decisions(secannex_profile *p, xmlNodePtr c, const char *path, secannex_diags *d)
{
	for (xmlNodePtr f = sx_xml_first_el(c); f; f = sx_xml_next_el(f)) {
		char *ref = sx_xml_attr(f, "ref");
		char *reason = sx_xml_first_el(f) == NULL && f->children ? sx_xml_content(f) : NULL;
		enum sx_dec_kind k = sx_xml_is(f, "choose") ? SX_DEC_CHOOSE :
		    sx_xml_is(f, "exclude") ? SX_DEC_EXCLUDE :
		    sx_xml_is(f, "ciso-confirm") ? SX_DEC_CONFIRM : SX_DEC_DECLINE;
		if (ref == NULL || !sx_is_row_id(ref))
			S_bad_ref(d, path, xmlGetLineNo(f), ref ? ref : "");
		else if (reason == NULL || sx_field_ok(reason, "reason", path, xmlGetLineNo(f), d))
			S_add_decision(p, k, ref, reason, path, xmlGetLineNo(f), 0);
		free(ref);
		free(reason);
	}
}

/* One child of <profile> (its structure and its schema have checked its form). */
static void
S_read_element(secannex_profile *p, xmlNodePtr c, const char *path, int *seen_scan_risk,
    secannex_diags *d)
{
	int line = xmlGetLineNo(c);
	/* the text of a leaf element (the text of all <decisions> is never gathered: it may be
	 * megabytes of white space between the decisions) */
	int leaf = sx_xml_first_el(c) == NULL;
	char *v = leaf ? sx_xml_content(c) : sx_strdup("");
	char *t = S_trimmed(v);

	if (sx_xml_is(c, "type")) {
		S_replace(&p->type, t);
		S_origin_set(&p->type_at, path, line);
	} else if (sx_xml_is(c, "tender")) {
		S_read_tender(p, c, path, d);
	} else if (sx_xml_is(c, "agency-level")) {
		p->level = sx_value_parse(SX_V_LEVEL, t);
	} else if (sx_xml_is(c, "agency-kind")) {
		p->kind = sx_value_parse(SX_V_KIND, t);
	} else if (sx_xml_is(c, "grade")) {
		p->grade = S_grade_value(t);
		for (int i = 0; i < SX_DIM__COUNT; i++)
			p->dims[i] = -1;
		S_origin_set(&p->grade_at, path, line);
	} else if (sx_xml_is(c, "dimensions")) {
		S_read_dimensions(p, c, path);
	} else if (sx_xml_is(c, "baseline-grade")) {
		p->baseline = S_grade_value(t);
		S_origin_set(&p->baseline_at, path, line);
	} else if (sx_xml_is(c, "personal-data")) {
		p->personal_data = sx_value_parse(SX_V_YESNO, t);
	} else if (sx_xml_is(c, "special-procurement")) {
		p->special = sx_value_parse(SX_V_YESNO, t);
	} else if (sx_xml_is(c, "blank")) {
		S_read_blank(p, c, v, path, seen_scan_risk, d);
	} else if (sx_xml_is(c, "decisions")) {
		S_read_decisions(p, c, path, d);
	}
	free(v);
	free(t);
}

/* Validate DOC against RNG; a failure is said in plain words first, then in the schema's (the
 * structure check found nothing, so the schema's message is the only clue left). */
static int
S_schema(xmlDocPtr doc, const char *path, const char *rng, secannex_diags *d)
{
	size_t before = d->n;
	struct sx_diag first;
	int rc = sx_xml_validate(doc, path, rng, d);

	if (rc != SECANNEX_EINVALID || d->n == before)
		return rc;
	sx_diag(d, SX_MSG_PROF_SCHEMA, path, d->v[before].line);
	first = d->v[d->n - 1];
	memmove(&d->v[before + 1], &d->v[before], (d->n - 1 - before) * sizeof(*d->v));
	d->v[before] = first;
	return rc;
}

/* The profile in DOC (read from PATH): its structure, its schema, then every child into P. */
static int
S_profile_from_doc(secannex_profile *p, xmlDocPtr doc, const char *path, const char *schema_dir,
    secannex_diags *d)
{
	char *rng;
	size_t before = d->n;
	int rc, seen_scan_risk = 0;

	if ((rc = sx_profile_structure(doc, path, d)) != 0)
		return rc;
	rng = sx_aprintf("%s/profile.rng", schema_dir);
	rc = S_schema(doc, path, rng, d);
	free(rng);
	if (rc != 0)
		return rc;
	S_replace(&p->path, path);
	for (xmlNodePtr c = sx_xml_first_el(xmlDocGetRootElement(doc)); c; c = sx_xml_next_el(c))
		S_read_element(p, c, path, &seen_scan_risk, d);
	return sx_diags_errors_since(d, before) ? SECANNEX_EINVALID : 0;
}

int
secannex_profile_load(secannex_profile *p, const char *path, const char *schema_dir,
    size_t max_bytes, secannex_diags *d)
{
	xmlDocPtr doc = NULL;
	int rc;

	if ((rc = sx_xml_read(&doc, path, max_bytes, d)) != 0)
		return rc;
	rc = S_profile_from_doc(p, doc, path, schema_dir, d);
	xmlFreeDoc(doc);
	return rc;
}

int
sx_profile_load_mem(secannex_profile *p, const void *data, size_t len, const char *name,
    const char *schema_dir, secannex_diags *d)
{
	xmlDocPtr doc = NULL;
	int rc;

	if ((rc = sx_xml_parse_mem(&doc, data, len, name, d)) != 0)
		return rc;
	rc = S_profile_from_doc(p, doc, name, schema_dir, d);
	xmlFreeDoc(doc);
	return rc;
}

int
secannex_profile_load_mem(secannex_profile *p, const void *data, size_t len, const char *name,
    const char *schema_dir, size_t max_bytes, secannex_diags *d)
{
	if (max_bytes == 0)
		max_bytes = SECANNEX_MAX_FILE_BYTES;
	if (len > max_bytes) {
		sx_diag(d, SX_MSG_TOO_BIG, name, 0, len, max_bytes);
		return SECANNEX_EINVALID;
	}
	return sx_profile_load_mem(p, data, len, name, schema_dir, d);
}

/* Report message M (about VALUE) for FLAG; returns SECANNEX_EINVALID. */
static int
S_bad(secannex_diags *d, const char *flag, enum sx_msg m, const char *value)
{
	sx_diag(d, m, flag, 0, value);
	return SECANNEX_EINVALID;
}

/* --grade, --baseline */
static int
S_set_grade(secannex_profile *p, const char *flag, const char *value, secannex_diags *d)
{
	int g = S_grade_value(value);

	if (g < 0)
		return S_bad(d, flag, SX_MSG_BAD_GRADE, value);
	if (strcmp(flag, "--grade") == 0) {
		p->grade = g;
		for (int i = 0; i < SX_DIM__COUNT; i++)
			p->dims[i] = -1;
		S_origin_set(&p->grade_at, flag, 0);
	} else {
		p->baseline = g;
		S_origin_set(&p->baseline_at, flag, 0);
	}
	return 0;
}

/* --confidentiality, --integrity, --availability, --legal (DIM): the dimensions decide the grade. */
static int
S_set_dimension(secannex_profile *p, int dim, const char *flag, const char *value,
    secannex_diags *d)
{
	int g = S_grade_value(value);

	if (g < 0)
		return S_bad(d, flag, SX_MSG_BAD_GRADE, value);
	p->dims[dim] = g;
	p->grade = -1;
	S_origin_set(&p->grade_at, flag, 0);
	return 0;
}

/* --level, --kind, --personal-data, --special-procurement */
static int
S_set_agency(secannex_profile *p, const char *key, const char *flag, const char *value,
    secannex_diags *d)
{
	secannex_kind k;
	int yes = sx_value_parse(SX_V_YESNO, value);

	if (strcmp(key, "level") == 0) {
		if (secannex_level_parse(&p->level, value) != 0)
			return S_bad(d, flag, SX_MSG_BAD_LEVEL, value);
	} else if (strcmp(key, "kind") == 0) {
		if (secannex_kind_parse(&k, value) != 0)
			return S_bad(d, flag, SX_MSG_BAD_KIND, value);
		p->kind = (int)k;
	} else {
		if (yes < 0)
			return S_bad(d, flag, SX_MSG_BAD_YESNO, value);
		if (key[0] == 'p')
			p->personal_data = yes;
		else
			p->special = yes;
	}
	return 0;
}

/* --scan-risk, --date, --agency, --case, --title */
static int
S_set_text(secannex_profile *p, const char *key, const char *flag, const char *value,
    secannex_diags *d)
{
	if (strcmp(key, "date") == 0) {
		char iso[11];
		if (!sx_date_parse(value, iso))
			return S_bad(d, flag, SX_MSG_BAD_DATE, value);
		S_replace(&p->fields[SX_F_DATE], iso);
		return 0;
	}
	if (!*value)
		return S_bad(d, flag, SX_MSG_NEED_VALUE, value);
	if (strcmp(key, "scan-risk") == 0)
		S_replace(&p->scan_risk, value);
	else
		S_replace(&p->fields[key[0] == 'a' ? SX_F_AGENCY : key[0] == 'c' ? SX_F_CASE : SX_F_TITLE],
		    value);
	return 0;
}

/* --choose ID, --exclude ID=REASON, --ciso-confirm ID, --ciso-decline ID=REASON: the command line
 * overrides what the file decided about the row. */
static int
S_set_decision(secannex_profile *p, const char *key, const char *flag, const char *value,
    secannex_diags *d)
{
	enum sx_dec_kind k;
	const char *eq = strchr(value, '=');
	char *ref;

	for (k = 0; k < SX_DEC__COUNT; k++)
		if (strcmp(flag, sx_dec_names[k]) == 0)
			break;
	if (k == SX_DEC__COUNT)
		return S_bad(d, flag, SX_MSG_UNKNOWN_FIELD, key);
	ref = eq ? sx_strndup(value, (size_t)(eq - value)) : sx_strdup(value);
	if (!*ref) {
		free(ref);
		return S_bad(d, flag, k == SX_DEC_EXCLUDE || k == SX_DEC_DECLINE ?
		    SX_MSG_NEED_ROW_REASON : SX_MSG_NEED_ROW, value);
	}
	for (size_t i = 0; i < p->ndec;) {
		if (!p->dec[i].from_flag && strcmp(p->dec[i].ref, ref) == 0) {
			free(p->dec[i].ref);
			free(p->dec[i].reason);
			free(p->dec[i].origin);
			memmove(&p->dec[i], &p->dec[i + 1], (p->ndec - i - 1) * sizeof(*p->dec));
			p->ndec--;
		} else {
			i++;
		}
	}
	S_add_decision(p, k, ref, eq ? eq + 1 : NULL, flag, 0, 1);
	free(ref);
	return 0;
}

int
secannex_profile_set(secannex_profile *p, const char *key, const char *value,
    secannex_diags *d)
{
	char flag[64];

	snprintf(flag, sizeof(flag), "--%s", key);
	if (value == NULL)
		value = "";
	if (!sx_field_ok(value, flag, flag, 0, d))
		return SECANNEX_EINVALID;
	if (strcmp(key, "type") == 0) {
		S_replace(&p->type, value);
		S_origin_set(&p->type_at, flag, 0);
		return 0;
	}
	if (strcmp(key, "grade") == 0 || strcmp(key, "baseline") == 0)
		return S_set_grade(p, flag, value, d);
	for (int i = 0; i < SX_DIM__COUNT; i++)
		if (strcmp(key, sx_dim_ids[i]) == 0)
			return S_set_dimension(p, i, flag, value, d);
	if (strcmp(key, "level") == 0 || strcmp(key, "kind") == 0 ||
	    strcmp(key, "personal-data") == 0 || strcmp(key, "special-procurement") == 0)
		return S_set_agency(p, key, flag, value, d);
	if (strcmp(key, "scan-risk") == 0 || strcmp(key, "date") == 0 || strcmp(key, "agency") == 0 ||
	    strcmp(key, "case") == 0 || strcmp(key, "title") == 0)
		return S_set_text(p, key, flag, value, d);
	return S_set_decision(p, key, flag, value, d);
}

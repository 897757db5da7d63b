/* profile.c: tender profiles: read from a profile file, then overridden by command-line flags. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "buf.h"
#include "diag.h"
#include "resolve.h"
#include "xmlsafe.h"

#define NS_PROFILE "urn:secannex:profile:1"
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
	int kind;
	unsigned cp = sx_user_text_problem(v, &kind);
	size_t chars = 0;
	char what[64];

	if (cp) {
		if (kind == SX_MSG_BAD_UTF8)
			snprintf(what, sizeof(what), "invalid UTF-8");
		else
			snprintf(what, sizeof(what), "control character U+%04X is not allowed", cp);
	} else if (*v && S_is_blank(v)) {
		snprintf(what, sizeof(what), "white space only");
	} else {
		for (const unsigned char *q = (const unsigned char *)v; *q; q++)
			chars += (*q & 0xC0) != 0x80;
		if (chars <= FIELD_MAX_CHARS)
			return 1;
		snprintf(what, sizeof(what), "longer than %d characters", FIELD_MAX_CHARS);
	}
	if (strcmp(field, file) == 0)
		sx_diag(d, SX_MSG_BAD_VALUE, file, line, what);
	else
		sx_diag(d, SX_MSG_FIELD_TEXT, file, line, field, what);
	return 0;
}

static void
S_add_decision(secannex_profile *p, enum sx_dec_kind kind, const char *ref, const char *reason,
    const char *origin, int line, int from_flag)
{
	sx_decision *dc;

	p->dec = sx_realloc(p->dec, (p->ndec + 1) * sizeof(*p->dec));
	dc = &p->dec[p->ndec++];
	dc->kind = kind;
	dc->ref = sx_strdup(ref);
	dc->reason = reason && !S_is_blank(reason) ? sx_strdup(reason) : NULL;
	dc->origin = sx_strdup(origin);
	dc->line = line;
	dc->from_flag = from_flag;
}

static int
S_parse_date(const char *s)
{
	/* YYYY-MM-DD with a real month and day */
	static const int mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int y, m, dd;
	char tail;

	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-' ||
	    sscanf(s, "%4d-%2d-%2d%c", &y, &m, &dd, &tail) != 3)
		return 0;
	if (y < 1900 || m < 1 || m > 12 || dd < 1 || dd > mdays[m - 1])
		return 0;
	if (m == 2 && dd == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 0;
	return 1;
}

static int
S_grade_value(const char *s)
{
	secannex_grade g;

	return secannex_grade_parse(&g, s) == 0 ? (int)g : -1;
}

int
secannex_profile_load(secannex_profile *p, const char *path, const char *schema_dir,
    size_t max_bytes, secannex_diags *d)
{
	xmlDocPtr doc = NULL;
	xmlNodePtr root;
	char *rng = NULL;
	size_t before = d->n;
	int rc, seen_scan_risk = 0;

	if ((rc = sx_xml_read(&doc, path, max_bytes, d)) != 0)
		goto done;
	root = xmlDocGetRootElement(doc);
	if (!sx_xml_is(root, "profile") || root->ns == NULL ||
	    strcmp((const char *)root->ns->href, NS_PROFILE) != 0) {
		sx_diag(d, SX_MSG_ROOT, path, root ? xmlGetLineNo(root) : 1,
		    root && root->ns ? (const char *)root->ns->href : "",
		    root ? (const char *)root->name : "",
		    "a tender profile {" NS_PROFILE "}profile");
		rc = SECANNEX_EINVALID;
		goto done;
	}
	rng = sx_aprintf("%s/profile.rng", schema_dir);
	if ((rc = sx_xml_validate(doc, path, rng, d)) != 0)
		goto done;
	S_replace(&p->path, path);

	for (xmlNodePtr c = sx_xml_first_el(root); c; c = sx_xml_next_el(c)) {
		int line = xmlGetLineNo(c);
		char *v = sx_xml_content(c);
		char *t = S_trimmed(v);

		if (sx_xml_is(c, "type")) {
			S_replace(&p->type, t);
			S_origin_set(&p->type_at, path, line);
		} else if (sx_xml_is(c, "tender")) {
			for (xmlNodePtr f = sx_xml_first_el(c); f; f = sx_xml_next_el(f)) {
				char *fv = sx_xml_content(f);
				for (int i = 0; i < SX_F__COUNT; i++) {
					if (!sx_xml_is(f, sx_field_names[i]) ||
					    !sx_field_ok(fv, sx_field_names[i], path, xmlGetLineNo(f), d))
						continue;
					if (i == SX_F_DATE && !S_parse_date(fv))
						sx_diag(d, SX_MSG_BAD_VALUE, path, xmlGetLineNo(f),
						    "the date is not YYYY-MM-DD");
					else
						S_replace(&p->fields[i], fv);
				}
				free(fv);
			}
		} else if (sx_xml_is(c, "agency-level")) {
			p->level = t[0] - 'A';
		} else if (sx_xml_is(c, "agency-kind")) {
			p->kind = strcmp(t, "special") == 0 ? SECANNEX_KIND_SPECIAL : SECANNEX_KIND_PUBLIC;
		} else if (sx_xml_is(c, "grade")) {
			p->grade = S_grade_value(t);
			for (int i = 0; i < SX_DIM__COUNT; i++)
				p->dims[i] = -1;
			S_origin_set(&p->grade_at, path, line);
		} else if (sx_xml_is(c, "dimensions")) {
			p->grade = -1;
			for (xmlNodePtr f = sx_xml_first_el(c); f; f = sx_xml_next_el(f)) {
				char *fv = sx_xml_content(f), *ft = S_trimmed(fv);
				for (int i = 0; i < SX_DIM__COUNT; i++)
					if (sx_xml_is(f, sx_dim_ids[i]))
						p->dims[i] = S_grade_value(ft);
				free(fv);
				free(ft);
			}
			S_origin_set(&p->grade_at, path, line);
		} else if (sx_xml_is(c, "baseline-grade")) {
			p->baseline = S_grade_value(t);
			S_origin_set(&p->baseline_at, path, line);
		} else if (sx_xml_is(c, "personal-data")) {
			p->personal_data = strcmp(t, "yes") == 0;
		} else if (sx_xml_is(c, "special-procurement")) {
			p->special = strcmp(t, "yes") == 0;
		} else if (sx_xml_is(c, "blank")) {
			char *name = sx_xml_attr(c, "name");
			if (strcmp(name, "scan-risk-level") != 0)
				sx_diag(d, strcmp(name, "system-grade") == 0 ||
				    strcmp(name, "baseline-grade") == 0 ? SX_MSG_BLANK_UNUSED :
				    SX_MSG_BLANK_NAME, path, line, name);
			else if (seen_scan_risk++)
				sx_diag(d, SX_MSG_BAD_VALUE, path, line,
				    "the blank scan-risk-level is given twice");
			else if (sx_field_ok(v, "blank scan-risk-level", path, line, d))
				S_replace(&p->scan_risk, v);
			free(name);
		} else if (sx_xml_is(c, "decisions")) {
			for (xmlNodePtr f = sx_xml_first_el(c); f; f = sx_xml_next_el(f)) {
				char *ref = sx_xml_attr(f, "ref");
				char *reason = sx_xml_first_el(f) == NULL && f->children ?
				    sx_xml_content(f) : NULL;
				enum sx_dec_kind k = sx_xml_is(f, "choose") ? SX_DEC_CHOOSE :
				    sx_xml_is(f, "exclude") ? SX_DEC_EXCLUDE :
				    sx_xml_is(f, "ciso-confirm") ? SX_DEC_CONFIRM : SX_DEC_DECLINE;
				if (reason == NULL || sx_field_ok(reason, "reason", path, xmlGetLineNo(f), d))
					S_add_decision(p, k, ref, reason, path, xmlGetLineNo(f), 0);
				free(ref);
				free(reason);
			}
		}
		free(v);
		free(t);
	}
	rc = 0;
	for (size_t i = before; i < d->n; i++)
		if (d->v[i].level >= SECANNEX_DIAG_ERROR)
			rc = SECANNEX_EINVALID;
done:
	free(rng);
	if (doc)
		xmlFreeDoc(doc);
	return rc;
}

static int S_bad(secannex_diags *d, const char *flag, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int
S_bad(secannex_diags *d, const char *flag, const char *fmt, ...)
{
	sx_buf b = SX_BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	sx_buf_vprintf(&b, fmt, ap);
	va_end(ap);
	sx_diag(d, SX_MSG_BAD_VALUE, flag, 0, b.ptr);
	sx_buf_free(&b);
	return SECANNEX_EINVALID;
}

int
secannex_profile_set(secannex_profile *p, const char *key, const char *value,
    secannex_diags *d)
{
	char flag[64];
	int g;

	snprintf(flag, sizeof(flag), "--%s", key);
	if (value == NULL)
		value = "";
	if (!sx_field_ok(value, flag, flag, 0, d))
		return SECANNEX_EINVALID;
	if (strcmp(key, "type") == 0) {
		S_replace(&p->type, value);
		S_origin_set(&p->type_at, flag, 0);
	} else if (strcmp(key, "grade") == 0 || strcmp(key, "baseline") == 0) {
		if ((g = S_grade_value(value)) < 0)
			return S_bad(d, flag, "unknown grade '%s' (expected 高|中|普 or high|medium|normal)",
			    value);
		if (key[0] == 'g') {
			p->grade = g;
			for (int i = 0; i < SX_DIM__COUNT; i++)
				p->dims[i] = -1;
			S_origin_set(&p->grade_at, flag, 0);
		} else {
			p->baseline = g;
			S_origin_set(&p->baseline_at, flag, 0);
		}
	} else if (strcmp(key, "confidentiality") == 0 || strcmp(key, "integrity") == 0 ||
	    strcmp(key, "availability") == 0 || strcmp(key, "legal") == 0) {
		if ((g = S_grade_value(value)) < 0)
			return S_bad(d, flag, "unknown grade '%s' (expected 高|中|普 or high|medium|normal)",
			    value);
		for (int i = 0; i < SX_DIM__COUNT; i++)
			if (strcmp(key, sx_dim_ids[i]) == 0)
				p->dims[i] = g;
		p->grade = -1; /* the dimensions decide */
		S_origin_set(&p->grade_at, flag, 0);
	} else if (strcmp(key, "level") == 0) {
		if (secannex_level_parse(&p->level, value) != 0)
			return S_bad(d, flag, "unknown responsibility level '%s' (expected A, B, C, D or E)",
			    value);
	} else if (strcmp(key, "kind") == 0) {
		secannex_kind k;
		if (secannex_kind_parse(&k, value) != 0)
			return S_bad(d, flag, "unknown agency kind '%s' (expected public or special)", value);
		p->kind = (int)k;
	} else if (strcmp(key, "personal-data") == 0 || strcmp(key, "special-procurement") == 0) {
		int yes = strcmp(value, "yes") == 0;
		if (!yes && strcmp(value, "no") != 0)
			return S_bad(d, flag, "expected yes or no, not '%s'", value);
		if (key[0] == 'p')
			p->personal_data = yes;
		else
			p->special = yes;
	} else if (strcmp(key, "scan-risk") == 0) {
		if (!*value)
			return S_bad(d, flag, "%s", "needs a value");
		S_replace(&p->scan_risk, value);
	} else if (strcmp(key, "date") == 0) {
		if (!S_parse_date(value))
			return S_bad(d, flag, "'%s' is not a date YYYY-MM-DD", value);
		S_replace(&p->fields[SX_F_DATE], value);
	} else if (strcmp(key, "agency") == 0 || strcmp(key, "case") == 0 ||
	    strcmp(key, "title") == 0) {
		if (!*value)
			return S_bad(d, flag, "%s", "needs a value");
		S_replace(&p->fields[key[0] == 'a' ? SX_F_AGENCY : key[0] == 'c' ? SX_F_CASE : SX_F_TITLE],
		    value);
	} else {
		enum sx_dec_kind k;
		const char *eq = strchr(value, '=');
		char *ref;

		for (k = 0; k < SX_DEC__COUNT; k++)
			if (strcmp(flag, sx_dec_names[k]) == 0)
				break;
		if (k == SX_DEC__COUNT)
			return S_bad(d, flag, "unknown profile field '%s'", key);
		ref = eq ? sx_strndup(value, (size_t)(eq - value)) : sx_strdup(value);
		if (!*ref) {
			free(ref);
			return S_bad(d, flag, "needs a row id%s", k == SX_DEC_EXCLUDE ||
			    k == SX_DEC_DECLINE ? " and a reason (ID=REASON)" : "");
		}
		/* the command line overrides what the file decided about this row */
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
	}
	return 0;
}

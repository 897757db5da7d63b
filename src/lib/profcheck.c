/* profcheck.c: a tender profile's structure checked against one table of its elements, before its
 * RelaxNG schema, so that every mistake gets a plain message naming the element and what is
 * allowed there (the schema stays the final authority: test_resolve checks that they agree). */
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "buf.h"
#include "diag.h"
#include "model.h"
#include "resolve.h"
#include "suggest.h"
#include "xmlsafe.h"

/* What an element holds. */
enum S_holds {
	S_ELEMENTS,  /* elements of the table (white space between them) */
	S_TEXT,      /* free text, not empty (the reader checks it further) */
	S_TYPE,      /* a type's id or its Chinese name: text, not blank */
	S_EMPTY,     /* nothing */
	S_REASON,    /* nothing or free text */
	S_GRADE,     /* a value of sx_spellings, by enum sx_value_kind + S_GRADE */
	S_LEVEL,
	S_KIND,
	S_YESNO
};

/* What an attribute holds. */
enum S_attr { S_A_NONE, S_A_REF, S_A_NAME };

/* The elements of a profile: each with its parent, how often, what it holds, its one attribute
 * (always required) and the sibling it excludes. */
static const struct S_el {
	const char *name;
	const char *parent;    /* NULL: the root */
	int once;              /* at most once in its parent */
	int required;          /* at least once in its parent */
	enum S_holds holds;
	const char *attr;      /* NULL: none */
	enum S_attr attr_kind;
	const char *excludes;  /* a sibling that cannot stand beside it, or NULL */
} S_elements[] = {
	{ "profile", NULL, 1, 1, S_ELEMENTS, NULL, S_A_NONE, NULL },
	{ "type", "profile", 1, 0, S_TYPE, NULL, S_A_NONE, NULL },
	{ "tender", "profile", 1, 0, S_ELEMENTS, NULL, S_A_NONE, NULL },
	{ "agency-level", "profile", 1, 0, S_LEVEL, NULL, S_A_NONE, NULL },
	{ "agency-kind", "profile", 1, 0, S_KIND, NULL, S_A_NONE, NULL },
	{ "grade", "profile", 1, 0, S_GRADE, NULL, S_A_NONE, "dimensions" },
	{ "dimensions", "profile", 1, 0, S_ELEMENTS, NULL, S_A_NONE, "grade" },
	{ "baseline-grade", "profile", 1, 0, S_GRADE, NULL, S_A_NONE, NULL },
	{ "personal-data", "profile", 1, 0, S_YESNO, NULL, S_A_NONE, NULL },
	{ "special-procurement", "profile", 1, 0, S_YESNO, NULL, S_A_NONE, NULL },
	{ "blank", "profile", 0, 0, S_TEXT, "name", S_A_NAME, NULL },
	{ "decisions", "profile", 1, 0, S_ELEMENTS, NULL, S_A_NONE, NULL },
	{ "agency", "tender", 1, 0, S_TEXT, NULL, S_A_NONE, NULL },
	{ "case", "tender", 1, 0, S_TEXT, NULL, S_A_NONE, NULL },
	{ "title", "tender", 1, 0, S_TEXT, NULL, S_A_NONE, NULL },
	{ "date", "tender", 1, 0, S_TEXT, NULL, S_A_NONE, NULL },
	{ "confidentiality", "dimensions", 1, 1, S_GRADE, NULL, S_A_NONE, NULL },
	{ "integrity", "dimensions", 1, 1, S_GRADE, NULL, S_A_NONE, NULL },
	{ "availability", "dimensions", 1, 1, S_GRADE, NULL, S_A_NONE, NULL },
	{ "legal", "dimensions", 1, 1, S_GRADE, NULL, S_A_NONE, NULL },
	{ "choose", "decisions", 0, 0, S_EMPTY, "ref", S_A_REF, NULL },
	{ "exclude", "decisions", 0, 0, S_REASON, "ref", S_A_REF, NULL },
	{ "ciso-confirm", "decisions", 0, 0, S_EMPTY, "ref", S_A_REF, NULL },
	{ "ciso-decline", "decisions", 0, 0, S_REASON, "ref", S_A_REF, NULL },
};
#define S_NEL (sizeof(S_elements) / sizeof(S_elements[0]))

/* The message that lists the values of each value kind (by enum S_holds - S_GRADE). */
static const enum sx_msg S_hints[] = {
	SX_MSG_HINT_GRADE, SX_MSG_HINT_LEVEL, SX_MSG_HINT_KIND, SX_MSG_HINT_YESNO
};

/* The walk's state: where it reports. */
typedef struct S_walk {
	const char *path;
	secannex_diags *d;
} S_walk;

/* The table's entry for NAME in PARENT, or -1. */
static int
S_find(const char *parent, const char *name)
{
	for (size_t i = 0; i < S_NEL; i++)
		if (S_elements[i].parent && strcmp(S_elements[i].parent, parent) == 0 &&
		    strcmp(S_elements[i].name, name) == 0)
			return (int)i;
	return -1;
}

/* The names of the elements allowed in PARENT, as a list (caller frees). */
static char *
S_allowed(const char *parent)
{
	sx_buf b = SX_BUF_INIT;
	char *sep = sx_msg_text(SX_MSG_LIST_SEP);

	for (size_t i = 0; i < S_NEL; i++)
		if (S_elements[i].parent && strcmp(S_elements[i].parent, parent) == 0) {
			if (b.len)
				sx_buf_puts(&b, sep);
			sx_buf_puts(&b, S_elements[i].name);
		}
	free(sep);
	return sx_buf_detach(&b);
}

/* S for a message: ASCII white space trimmed, at most 40 characters (then "…"). */
static char *
S_shown(const char *s)
{
	size_t n, chars = 0, cut = 0;

	while (*s == ' ' || *s == '\n' || *s == '\t' || *s == '\r')
		s++;
	n = strlen(s);
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\n' || s[n - 1] == '\t' || s[n - 1] == '\r'))
		n--;
	for (size_t i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80 && chars++ == 40)
			cut = i;
	if (cut)
		return sx_aprintf("%.*s…", (int)cut, s);
	return sx_strndup(s, n);
}

/* Whether S is nothing but XML white space. */
static int
S_white(const char *s)
{
	return s[strspn(s, " \t\r\n")] == '\0';
}

/* The line of the first character of text node T that is not white space (libxml2 gives a text
 * node the line where it ends). */
static int
S_text_line(xmlNodePtr t)
{
	int line = xmlGetLineNo(t);
	const char *s = (const char *)t->content;

	s += strspn(s, " \t\r\n");
	for (; *s; s++)
		line -= *s == '\n';
	return line;
}

/* A wrong attribute A of element N (entry EL). */
static void
S_attr_bad(const S_walk *w, xmlNodePtr n, const struct S_el *el, xmlAttrPtr a)
{
	char *name = a->ns && a->ns->prefix ? sx_aprintf("%s:%s", a->ns->prefix, a->name) :
	    sx_strdup((const char *)a->name);

	if (el->attr == NULL)
		sx_diag(w->d, SX_MSG_PROF_ATTR_NONE, w->path, xmlGetLineNo(n), el->name, name);
	else
		sx_diag(w->d, SX_MSG_PROF_ATTR_UNKNOWN, w->path, xmlGetLineNo(n), el->name, name,
		    el->attr);
	free(name);
}

/* The attributes of N (entry EL): only EL's one, which must be there, with a fitting value. */
/* A malformed row id V in N's ref, with the well-formed id it may mean as a hint (DEV-3: dev-03). */
static void
S_bad_ref(const S_walk *w, xmlNodePtr n, const struct S_el *el, const char *v)
{
	char *hint = sx_msg_text(SX_MSG_HINT_REF), *shown = S_shown(v), *msg;

	msg = sx_suggest_row_fix(sx_msg_text(SX_MSG_PROF_ATTR_VALUE, shown, el->attr, el->name, hint), v);
	sx_diag_raw(w->d, sx_msg_level(SX_MSG_PROF_ATTR_VALUE), w->path, xmlGetLineNo(n), msg);
	free(msg);
	free(hint);
	free(shown);
}

static void
S_attrs(const S_walk *w, xmlNodePtr n, const struct S_el *el)
{
	int have = 0;

	for (xmlAttrPtr a = n->properties; a; a = a->next) {
		char *v;
		if (a->ns != NULL || el->attr == NULL || strcmp((const char *)a->name, el->attr) != 0) {
			S_attr_bad(w, n, el, a);
			continue;
		}
		have = 1;
		v = sx_xml_attr(n, el->attr);
		if (el->attr_kind == S_A_REF && !sx_is_row_id(v))
			S_bad_ref(w, n, el, v);
		free(v);
	}
	if (el->attr && !have)
		sx_diag(w->d, SX_MSG_PROF_ATTR_MISSING, w->path, xmlGetLineNo(n), el->name, el->attr);
}

/* The first text of N that is not white space (a text or CDATA child), or NULL. */
static xmlNodePtr
S_first_text(xmlNodePtr n)
{
	for (xmlNodePtr c = n->children; c; c = c->next)
		if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content &&
		    !S_white((const char *)c->content))
			return c;
	return NULL;
}

/* Report text node T inside N, which cannot hold text. */
static void
S_text_bad(const S_walk *w, xmlNodePtr n, xmlNodePtr t)
{
	char *shown = S_shown((const char *)t->content);

	sx_diag(w->d, SX_MSG_PROF_TEXT, w->path, S_text_line(t), (const char *)n->name, shown);
	free(shown);
}

/* The value of N (entry EL), which holds text or a typed value and no elements. */
static void
S_value(const S_walk *w, xmlNodePtr n, const struct S_el *el)
{
	xmlNodePtr t;
	char *v, *shown;

	for (xmlNodePtr c = sx_xml_first_el(n); c; c = sx_xml_next_el(c))
		sx_diag(w->d, SX_MSG_PROF_NO_CHILD, w->path, xmlGetLineNo(c), (const char *)c->name,
		    el->name);
	if (el->holds == S_EMPTY || el->holds == S_REASON) {
		if (el->holds == S_EMPTY && (t = S_first_text(n)) != NULL)
			S_text_bad(w, n, t);
		return;
	}
	v = sx_xml_content(n);
	shown = S_shown(v);
	if (*v == '\0' || (el->holds != S_TEXT && *shown == '\0')) {
		sx_diag(w->d, SX_MSG_PROF_EMPTY, w->path, xmlGetLineNo(n), el->name);
	} else if (el->holds >= S_GRADE &&
	    sx_value_parse((enum sx_value_kind)(el->holds - S_GRADE), shown) < 0) {
		char *hint = sx_msg_text(S_hints[el->holds - S_GRADE]);
		sx_diag(w->d, SX_MSG_PROF_VALUE, w->path, xmlGetLineNo(n), shown, el->name, hint);
		free(hint);
	}
	free(shown);
	free(v);
}

static void S_element(const S_walk *w, xmlNodePtr n, const struct S_el *el);

/* Whether child C of PARENT is in the profile's namespace (else reported). */
static int
S_ns_ok(const S_walk *w, xmlNodePtr c)
{
	if (c->ns && strcmp((const char *)c->ns->href, SX_NS_PROFILE) == 0)
		return 1;
	if (c->ns)
		sx_diag(w->d, SX_MSG_PROF_NS, w->path, xmlGetLineNo(c), (const char *)c->name,
		    (const char *)c->ns->href, SX_NS_PROFILE);
	else
		sx_diag(w->d, SX_MSG_PROF_NO_NS, w->path, xmlGetLineNo(c), (const char *)c->name,
		    SX_NS_PROFILE);
	return 0;
}

/* C is no element of PARENT: say which are, and the one it may mean (<agency-levl>: agency-level). */
static void
S_unknown(const S_walk *w, xmlNodePtr c, const char *parent)
{
	const char *names[S_NEL];
	char *allowed = S_allowed(parent), *msg;
	sx_names cand = { names, NULL, 0, NULL, 0 };

	for (size_t i = 0; i < S_NEL; i++)
		if (S_elements[i].parent && strcmp(S_elements[i].parent, parent) == 0)
			names[cand.n++] = S_elements[i].name;
	msg = sx_suggest_append(sx_msg_text(SX_MSG_PROF_UNKNOWN, (const char *)c->name, parent, allowed),
	    (const char *)c->name, &cand);
	sx_diag_raw(w->d, sx_msg_level(SX_MSG_PROF_UNKNOWN), w->path, xmlGetLineNo(c), msg);
	free(msg);
	free(allowed);
}

/* Child C of N (entry EL): known here, not repeated, not beside what it excludes.  FIRST holds
 * the line of the first of each entry in N. */
static void
S_child(const S_walk *w, xmlNodePtr c, const struct S_el *el, int first[S_NEL])
{
	int i, x;

	if (!S_ns_ok(w, c))
		return;
	if ((i = S_find(el->name, (const char *)c->name)) < 0) {
		S_unknown(w, c, el->name);
		return;
	}
	x = S_elements[i].excludes ? S_find(el->name, S_elements[i].excludes) : -1;
	if (S_elements[i].once && first[i]) {
		sx_diag(w->d, SX_MSG_PROF_TWICE, w->path, xmlGetLineNo(c), S_elements[i].name,
		    el->name, first[i]);
	} else if (x >= 0 && first[x]) {
		sx_diag(w->d, SX_MSG_PROF_EXCLUDES, w->path, xmlGetLineNo(c), S_elements[i].name,
		    S_elements[x].name, first[x]);
	} else {
		if (!first[i])
			first[i] = xmlGetLineNo(c) > 0 ? xmlGetLineNo(c) : 1;
		S_element(w, c, &S_elements[i]);
	}
}

/* Element N, of table entry EL: its attributes, then its content. */
static void
S_element(const S_walk *w, xmlNodePtr n, const struct S_el *el)
{
	int first[S_NEL] = { 0 };
	xmlNodePtr t;

	S_attrs(w, n, el);
	if (el->holds != S_ELEMENTS) {
		S_value(w, n, el);
		return;
	}
	if ((t = S_first_text(n)) != NULL)
		S_text_bad(w, n, t);
	for (xmlNodePtr c = sx_xml_first_el(n); c; c = sx_xml_next_el(c))
		S_child(w, c, el, first);
	for (size_t i = 0; i < S_NEL; i++)
		if (S_elements[i].required && S_elements[i].parent &&
		    strcmp(S_elements[i].parent, el->name) == 0 && !first[i])
			sx_diag(w->d, SX_MSG_PROF_MISSING, w->path, xmlGetLineNo(n), el->name,
			    S_elements[i].name);
}

int
sx_profile_structure(xmlDocPtr doc, const char *path, secannex_diags *d)
{
	xmlNodePtr root = xmlDocGetRootElement(doc);
	S_walk w = { path, d };
	size_t before = d->n;

	if (!sx_xml_is(root, "profile") || root->ns == NULL ||
	    strcmp((const char *)root->ns->href, SX_NS_PROFILE) != 0) {
		sx_diag(d, SX_MSG_PROF_ROOT, path, root ? xmlGetLineNo(root) : 1,
		    root ? (const char *)root->name : "",
		    root && root->ns ? (const char *)root->ns->href : "");
		return SECANNEX_EINVALID;
	}
	S_element(&w, root, &S_elements[0]);
	return sx_diags_errors_since(d, before) ? SECANNEX_EINVALID : 0;
}

/* suggest.c: "did you mean" hints: edit distance over code points and the closest known names. */
#include "suggest.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../secannex.h"
#include "api.h"
#include "buf.h"
#include "i18n.h"

/* Words longer than this (in code points) get no hint: no name is that long, and the table of
 * distances stays small whatever the input. */
#define S_MAX_CPS 256

/* One code point of S at *I (advanced), ASCII letters lower-cased; a byte that does not start a
 * valid sequence stands for itself (above U+10FFFF, so that it equals no code point). */
static uint32_t
S_next(const unsigned char *s, size_t *i)
{
	uint32_t c = s[*i];
	size_t k, len = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 :
	    (c & 0xF8) == 0xF0 ? 4 : 0;

	if (len == 1) {
		(*i)++;
		return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
	}
	for (k = 1; len && k < len; k++)
		if ((s[*i + k] & 0xC0) != 0x80)
			len = 0;
	if (len == 0) {
		(*i)++;
		return 0x110000 + c;
	}
	c &= 0x7F >> len;
	for (k = 1; k < len; k++)
		c = (c << 6) | (s[*i + k] & 0x3F);
	*i += len;
	return c;
}

/* S's code points into OUT (at most S_MAX_CPS); returns their number, S_MAX_CPS + 1 when more. */
static size_t
S_decode(const char *s, uint32_t *out)
{
	size_t i = 0, n = 0;

	while (s[i]) {
		if (n == S_MAX_CPS)
			return S_MAX_CPS + 1;
		out[n++] = S_next((const unsigned char *)s, &i);
	}
	return n;
}

static size_t
S_min3(size_t a, size_t b, size_t c)
{
	size_t m = a < b ? a : b;

	return m < c ? m : c;
}

/* The optimal-string-alignment distance of A[0..N) and B[0..M) (both at most S_MAX_CPS), with
 * three rows of the table. */
static size_t
S_osa(const uint32_t *a, size_t n, const uint32_t *b, size_t m)
{
	size_t rows[3][S_MAX_CPS + 1];
	size_t *pp = rows[0], *p = rows[1], *c = rows[2];

	for (size_t j = 0; j <= m; j++)
		p[j] = j;
	for (size_t i = 1; i <= n; i++) {
		c[0] = i;
		for (size_t j = 1; j <= m; j++) {
			size_t cost = a[i - 1] != b[j - 1];
			c[j] = S_min3(p[j] + 1, c[j - 1] + 1, p[j - 1] + cost);
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
			    pp[j - 2] + 1 < c[j])
				c[j] = pp[j - 2] + 1;
		}
		size_t *t = pp;
		pp = p;
		p = c;
		c = t;
	}
	return p[m];
}

size_t
sx_edit_distance(const char *a, const char *b)
{
	uint32_t ca[S_MAX_CPS + 1], cb[S_MAX_CPS + 1];
	size_t n = S_decode(a, ca), m = S_decode(b, cb);

	if (n > S_MAX_CPS || m > S_MAX_CPS) /* beyond any name: as far as can be */
		return SIZE_MAX;
	return S_osa(ca, n, cb, m);
}

size_t
sx_suggest(const char *word, const char *const *names, size_t n, size_t *best, size_t max)
{
	uint32_t w[S_MAX_CPS + 1], x[S_MAX_CPS + 1];
	size_t len = S_decode(word, w), limit = len / 3 > 1 ? len / 3 : 1, found = 0, bestd = SIZE_MAX;

	if (len == 0 || len > S_MAX_CPS)
		return 0;
	for (size_t i = 0; i < n; i++) {
		size_t d, k, m;
		if (names[i] == NULL || (m = S_decode(names[i], x)) > S_MAX_CPS)
			continue;
		/* a length apart by more than the limit is too far, whatever the letters */
		if ((m > len ? m - len : len - m) > limit || (d = S_osa(w, len, x, m)) > limit || d > bestd)
			continue;
		if (d < bestd) {
			bestd = d;
			found = 0;
		}
		for (k = 0; k < found && strcmp(names[best[k]], names[i]) != 0; k++)
			;
		if (k == found && found < max)
			best[found++] = i;
	}
	return found;
}

void
sx_names_types(sx_names *c, const sx_procurement *p)
{
	size_t n = p ? p->ntypes : 0;
	const char **names = sx_calloc(2 * n + 1, sizeof(char *));
	const char **shown = sx_calloc(2 * n + 1, sizeof(char *));

	for (size_t i = 0; i < n; i++) {
		names[i] = shown[i] = shown[n + i] = p->types[i].id;
		names[n + i] = p->types[i].name;
	}
	*c = (sx_names){ names, shown, 2 * n, NULL, 0 };
}

void
sx_names_rows(sx_names *c, const sx_procurement *p, const sx_type *t)
{
	size_t n = 0, k = 0;
	const char **names;

	for (size_t i = 0; p && i < p->ntypes; i++)
		if (t == NULL || &p->types[i] == t)
			n += p->types[i].nitems;
	names = sx_calloc(n + 1, sizeof(char *));
	for (size_t i = 0; p && i < p->ntypes; i++)
		for (size_t j = 0; (t == NULL || &p->types[i] == t) && j < p->types[i].nitems; j++)
			names[k++] = p->types[i].items[j].id;
	*c = (sx_names){ names, NULL, n, NULL, 0 };
}

void
sx_names_areas(sx_names *c, const sx_regulation *r)
{
	size_t n = r ? r->nareas : 0;
	const char **names = sx_calloc(2 * n + 1, sizeof(char *));

	for (size_t i = 0; i < n; i++) {
		names[i] = r->areas[i].id;
		names[n + i] = r->areas[i].name;
	}
	*c = (sx_names){ names, NULL, 2 * n, NULL, 0 };
}

void
sx_names_free(sx_names *c)
{
	free((void *)c->names);
	free((void *)c->shown);
	*c = (sx_names){ NULL, NULL, 0, NULL, 0 };
}

/* What C suggests for its name I. */
static const char *
S_shown(const sx_names *c, size_t i)
{
	return c->shown && c->shown[i] ? c->shown[i] : c->names[i];
}

/* The suggestions of WORD among C: indices into C in BEST (what they show, once each); their
 * number. */
static size_t
S_pick(const char *word, const sx_names *c, size_t *best)
{
	size_t all[4 * SX_SUGGEST_MAX], k = 0, n = 0;

	for (size_t i = 0; c->abbrev && *word && i < c->n && n < 4 * SX_SUGGEST_MAX; i++)
		if (c->names[i] && strncasecmp(c->names[i], word, strlen(word)) == 0)
			all[n++] = i;
	if (n == 0)
		n = sx_suggest(word, c->names, c->n, all, 4 * SX_SUGGEST_MAX);

	for (size_t i = 0; i < n && k < SX_SUGGEST_MAX; i++) {
		size_t j = 0;
		while (j < k && strcmp(S_shown(c, best[j]), S_shown(c, all[i])) != 0)
			j++;
		if (j == k)
			best[k++] = all[i];
	}
	return k;
}

char *
sx_suggest_hint(const char *word, const sx_names *c)
{
	size_t best[SX_SUGGEST_MAX], k = S_pick(word, c, best);
	const char *prefix = c->prefix ? c->prefix : "";
	char *list, *hint;

	if (k == 0)
		return NULL;
	list = sx_aprintf("%s%s", prefix, S_shown(c, best[0]));
	for (size_t i = 1; i < k; i++) {
		char *next = sx_aprintf("%s%s", prefix, S_shown(c, best[i]));
		char *longer = sx_msg_text(SX_MSG_HINT_LIST, list, next);
		free(list);
		free(next);
		list = longer;
	}
	hint = sx_msg_text(k == 1 ? SX_MSG_DID_YOU_MEAN : SX_MSG_DID_YOU_MEAN_ONE_OF, list);
	free(list);
	return hint;
}

char *
sx_suggest_append(char *msg, const char *word, const sx_names *c)
{
	char *hint = sx_suggest_hint(word, c), *out;

	if (hint == NULL)
		return msg;
	out = sx_msg_text(SX_MSG_WITH_HINT, msg, hint);
	free(msg);
	free(hint);
	return out;
}

char *
sx_suggest_row_fix(char *msg, const char *ref)
{
	char *fix = sx_row_id_fix(ref);
	sx_names c = { (const char *const *)&fix, NULL, fix ? 1 : 0, NULL, 0 };

	msg = sx_suggest_append(msg, ref, &c);
	free(fix);
	return msg;
}

void
sx_diag_suggest(secannex_diags *d, enum sx_msg m, const char *file, int line, const char *word,
    const sx_names *c)
{
	char *msg = sx_suggest_append(sx_msg_text(m, word), word, c);

	sx_diag_raw(d, sx_msg_level(m), file, line, msg);
	free(msg);
}

void
sx_error_suggest(enum sx_msg m, const char *word, const sx_names *c)
{
	char *msg = sx_suggest_append(sx_msg_text(m, word), word, c);

	sx_error_set("%s", msg);
	free(msg);
}

char *
secannex_suggest(const char *msg, const char *word, const char *const *names, size_t n,
    const char *prefix)
{
	sx_names c = { names, NULL, n, prefix, 1 };

	return sx_suggest_append(sx_strdup(msg), word, &c);
}

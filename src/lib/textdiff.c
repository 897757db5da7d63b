/* textdiff.c: longest-common-subsequence diff over code points (what Chinese text needs: no words),
 * with a Latin word, a number or an id (dev-20, V5.4, 27001) as one whole token. */
#include "textdiff.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"

#define MAX_CELLS ((size_t)16 * 1024 * 1024)

static int
S_alnum(int c)
{
	return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

/* Byte offsets of each token of S (n + 1 entries, the last = strlen).  WORDS 0: every code point is
 * a token; 1: a run of ASCII letters and digits, joined by '-', '_' or '.' between two of them
 * (maintenance-02, V5.4, ISO, 27001), is one token, any other code point a token of its own. */
static size_t *
S_tokens(const char *s, size_t *n, int words)
{
	size_t len = strlen(s), k = 0;
	size_t *off = sx_malloc((len + 1) * sizeof(size_t));

	for (size_t i = 0; i < len; i++) {
		if (((unsigned char)s[i] & 0xC0) == 0x80)
			continue;
		off[k++] = i;
		if (!words || !S_alnum((unsigned char)s[i]))
			continue;
		while (i + 1 < len && (S_alnum((unsigned char)s[i + 1]) || ((s[i + 1] == '-' ||
		    s[i + 1] == '_' || s[i + 1] == '.') && S_alnum((unsigned char)s[i + 2]))))
			i++;
	}
	off[k] = len;
	*n = k;
	return off;
}

static size_t *
S_offsets(const char *s, size_t *n)
{
	return S_tokens(s, n, 0);
}

static int
S_eq(const char *a, const size_t *oa, size_t i, const char *b, const size_t *ob, size_t j)
{
	size_t la = oa[i + 1] - oa[i], lb = ob[j + 1] - ob[j];

	return la == lb && memcmp(a + oa[i], b + ob[j], la) == 0;
}

static void
S_push(sx_dtext *d, enum sx_op op, const char *s, size_t len)
{
	if (len == 0)
		return;
	if (d->n && d->v[d->n - 1].op == op) {
		sx_dseg *g = &d->v[d->n - 1];
		size_t old = strlen(g->text);
		g->text = sx_realloc(g->text, old + len + 1);
		memcpy(g->text + old, s, len);
		g->text[old + len] = '\0';
		return;
	}
	d->v = sx_realloc(d->v, (d->n + 1) * sizeof(*d->v));
	d->v[d->n].op = op;
	d->v[d->n].text = sx_strndup(s, len);
	d->n++;
}

/* LCS table of the middle parts; returns NULL when too large. */
static uint32_t *
S_lcs(const char *a, const size_t *oa, size_t p, size_t na, const char *b, const size_t *ob,
    size_t nb)
{
	size_t w = nb + 1;
	uint32_t *t;

	if ((na + 1) * w > MAX_CELLS)
		return NULL;
	t = sx_calloc((na + 1) * w, sizeof(uint32_t));
	for (size_t i = na; i-- > 0;)
		for (size_t j = nb; j-- > 0;)
			t[i * w + j] = S_eq(a, oa, p + i, b, ob, p + j) ? t[(i + 1) * w + j + 1] + 1 :
			    (t[(i + 1) * w + j] > t[i * w + j + 1] ? t[(i + 1) * w + j] : t[i * w + j + 1]);
	return t;
}

void
sx_textdiff(sx_dtext *d, const char *a, const char *b)
{
	size_t na, nb, pre = 0, suf = 0, ma, mb;
	size_t *oa = S_tokens(a, &na, 1), *ob = S_tokens(b, &nb, 1);
	uint32_t *t;

	d->v = NULL;
	d->n = 0;
	while (pre < na && pre < nb && S_eq(a, oa, pre, b, ob, pre))
		pre++;
	while (suf < na - pre && suf < nb - pre && S_eq(a, oa, na - 1 - suf, b, ob, nb - 1 - suf))
		suf++;
	ma = na - pre - suf;
	mb = nb - pre - suf;
	S_push(d, SX_OP_SAME, a, oa[pre]);
	if ((t = S_lcs(a, oa, pre, ma, b, ob, mb)) == NULL) {
		S_push(d, SX_OP_DEL, a + oa[pre], oa[pre + ma] - oa[pre]);
		S_push(d, SX_OP_INS, b + ob[pre], ob[pre + mb] - ob[pre]);
	} else {
		size_t i = 0, j = 0, w = mb + 1;
		/* walk the table; at a change, deletions first, then insertions */
		while (i < ma || j < mb) {
			if (i < ma && j < mb && S_eq(a, oa, pre + i, b, ob, pre + j)) {
				S_push(d, SX_OP_SAME, a + oa[pre + i], oa[pre + i + 1] - oa[pre + i]);
				i++;
				j++;
			} else if (j == mb || (i < ma && t[(i + 1) * w + j] >= t[i * w + j + 1])) {
				S_push(d, SX_OP_DEL, a + oa[pre + i], oa[pre + i + 1] - oa[pre + i]);
				i++;
			} else {
				S_push(d, SX_OP_INS, b + ob[pre + j], ob[pre + j + 1] - ob[pre + j]);
				j++;
			}
		}
		free(t);
	}
	S_push(d, SX_OP_SAME, a + oa[na - suf], oa[na] - oa[na - suf]);
	free(oa);
	free(ob);
}

void
sx_dtext_free(sx_dtext *d)
{
	for (size_t i = 0; i < d->n; i++)
		free(d->v[i].text);
	free(d->v);
	d->v = NULL;
	d->n = 0;
}

int
sx_dtext_changed(const sx_dtext *d)
{
	for (size_t i = 0; i < d->n; i++)
		if (d->v[i].op != SX_OP_SAME)
			return 1;
	return 0;
}

char *
sx_dtext_side(const sx_dtext *d, int new_side)
{
	sx_buf b = SX_BUF_INIT;

	for (size_t i = 0; i < d->n; i++)
		if (d->v[i].op == SX_OP_SAME || d->v[i].op == (new_side ? SX_OP_INS : SX_OP_DEL))
			sx_buf_puts(&b, d->v[i].text);
	return sx_buf_detach(&b);
}

double
sx_similarity(const char *a, const char *b)
{
	size_t na, nb;
	size_t *oa = S_offsets(a, &na), *ob = S_offsets(b, &nb);
	uint32_t *t;
	double r;

	if (na + nb == 0) {
		free(oa);
		free(ob);
		return 1.0;
	}
	t = S_lcs(a, oa, 0, na, b, ob, nb);
	r = t ? 2.0 * t[0] / (double)(na + nb) : 0.0;
	free(t);
	free(oa);
	free(ob);
	return r;
}

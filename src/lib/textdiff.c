/* textdiff.c: shortest-edit diff (Myers, linear space) over code points (what Chinese text needs: no
 * words), with a Latin word, a number or an id (dev-20, V5.4, 27001) as one whole token. */
#include "textdiff.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"

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

/*
 * Myers' O(ND) difference algorithm in linear space ("An O(ND) Difference Algorithm and Its
 * Variations", 1986, section 4b): the middle snake of the shortest edit is found by running the
 * greedy search from both ends at once, then each half is solved the same way.  Memory is O(N+M)
 * whatever the inputs, time O((N+M)·D) for D differences: two long texts that differ a little
 * cost little, and two that differ wholly are still compared exactly.
 */
struct S_cmp {
	const sx_span *a, *b;
	long *vf, *vb;           /* furthest reach per diagonal, forward and backward (offset VOFF) */
	long voff;
	unsigned char *ca, *cb;  /* the edit: ca[i] set when A's item i is deleted, cb[j] inserted */
};

static int
S_span_eq(const sx_span *x, const sx_span *y)
{
	return x->n == y->n && memcmp(x->p, y->p, x->n) == 0;
}

/* The middle snake of A[X0,X1) against B[Y0,Y1), both non-empty: its start (*SX, *SY) and end
 * (*EX, *EY), absolute.  Returns the length D of the shortest edit of the two. */
static long
S_middle(struct S_cmp *c, long x0, long x1, long y0, long y1, long *sx, long *sy, long *ex,
    long *ey)
{
	long n = x1 - x0, m = y1 - y0, delta = n - m, *vf = c->vf + c->voff, *vb = c->vb + c->voff;
	int odd = (int)(delta & 1);

	vf[1] = vb[1] = 0;
	for (long d = 0; d <= (n + m + 1) / 2; d++) {
		for (long k = -d; k <= d; k += 2) {
			long x = (k == -d || (k != d && vf[k - 1] < vf[k + 1])) ? vf[k + 1] : vf[k - 1] + 1;
			long y = x - k, x_start = x, y_start = y;

			while (x < n && y < m && S_span_eq(&c->a[x0 + x], &c->b[y0 + y]))
				x++, y++;
			vf[k] = x;
			if (odd && delta - k >= -(d - 1) && delta - k <= d - 1 && x + vb[delta - k] >= n) {
				*sx = x0 + x_start, *sy = y0 + y_start, *ex = x0 + x, *ey = y0 + y;
				return 2 * d - 1;
			}
		}
		for (long k = -d; k <= d; k += 2) {
			/* on the reversed inputs: diagonal K here is diagonal DELTA - K forward */
			long x = (k == -d || (k != d && vb[k - 1] < vb[k + 1])) ? vb[k + 1] : vb[k - 1] + 1;
			long y = x - k, x_start = x, y_start = y;

			while (x < n && y < m && S_span_eq(&c->a[x1 - 1 - x], &c->b[y1 - 1 - y]))
				x++, y++;
			vb[k] = x;
			if (!odd && delta - k >= -d && delta - k <= d && x + vf[delta - k] >= n) {
				*sx = x1 - x, *sy = y1 - y, *ex = x1 - x_start, *ey = y1 - y_start;
				return 2 * d;
			}
		}
	}
	return n + m; /* not reached: the two searches meet by d = (n + m + 1) / 2 */
}

/* Strip the common head and tail of A[*X0,*X1) and B[*Y0,*Y1). */
static void
S_trim(const struct S_cmp *c, long *x0, long *x1, long *y0, long *y1)
{
	while (*x0 < *x1 && *y0 < *y1 && S_span_eq(&c->a[*x0], &c->b[*y0]))
		++*x0, ++*y0;
	while (*x1 > *x0 && *y1 > *y0 && S_span_eq(&c->a[*x1 - 1], &c->b[*y1 - 1]))
		--*x1, --*y1;
}

/* The shortest edit of A[X0,X1) into B[Y0,Y1), marked in C's flags. */
static void
S_compare(struct S_cmp *c, long x0, long x1, long y0, long y1)
{
	long sx, sy, ex, ey;

	S_trim(c, &x0, &x1, &y0, &y1);
	if (x0 == x1 || y0 == y1) {
		memset(c->cb + y0, 1, (size_t)(y1 - y0));
		memset(c->ca + x0, 1, (size_t)(x1 - x0));
		return;
	}
	S_middle(c, x0, x1, y0, y1, &sx, &sy, &ex, &ey);
	S_compare(c, x0, sx, y0, sy);
	S_compare(c, ex, x1, ey, y1);
}

/* Set C up for NA items A against NB items B (freed by S_cmp_free). */
static void
S_cmp_init(struct S_cmp *c, const sx_span *a, size_t na, const sx_span *b, size_t nb)
{
	size_t nv = na + nb + 4;

	c->a = a;
	c->b = b;
	c->voff = (long)(nv / 2 + 1);
	c->vf = sx_calloc(nv + 4, sizeof(long));
	c->vb = sx_calloc(nv + 4, sizeof(long));
	c->ca = c->cb = NULL;
}

static void
S_cmp_free(struct S_cmp *c)
{
	free(c->vf);
	free(c->vb);
}

/* Slide each run of changed items of X (flags CH, N items) as late as the items allow, merging the
 * runs that meet: of the equally short edits, the one whose changes come last and in the fewest
 * pieces (「措施。　　」 then 「　　」 inserted, not 「　」 twice).  Linear: a run moves only forward. */
static void
S_slide(const sx_span *x, unsigned char *ch, size_t n)
{
	size_t s = 0, e;

	while (s < n) {
		if (!ch[s]) {
			s++;
			continue;
		}
		for (e = s; e < n && ch[e]; e++)
			;
		while (e < n && S_span_eq(&x[s], &x[e])) {
			ch[s++] = 0;
			for (ch[e++] = 1; e < n && ch[e]; e++)
				;
		}
		s = e;
	}
}

size_t
sx_align(const sx_span *a, size_t na, const sx_span *b, size_t nb, long (*out)[2])
{
	struct S_cmp c;
	size_t i = 0, j = 0, n = 0;

	S_cmp_init(&c, a, na, b, nb);
	c.ca = sx_calloc(na + 1, 1);
	c.cb = sx_calloc(nb + 1, 1);
	S_compare(&c, 0, (long)na, 0, (long)nb);
	S_slide(a, c.ca, na);
	S_slide(b, c.cb, nb);
	while (i < na || j < nb) {
		/* a change: its deletions first, then its insertions */
		for (; i < na && c.ca[i]; i++, n++)
			out[n][0] = (long)i, out[n][1] = -1;
		for (; j < nb && c.cb[j]; j++, n++)
			out[n][0] = -1, out[n][1] = (long)j;
		if (i < na && j < nb)
			out[n][0] = (long)i++, out[n++][1] = (long)j++;
	}
	free(c.ca);
	free(c.cb);
	S_cmp_free(&c);
	return n;
}

/* The tokens of S as spans (*N of them; caller frees). */
static sx_span *
S_spans(const char *s, size_t *n, int words)
{
	size_t *off = S_tokens(s, n, words);
	sx_span *v = sx_malloc((*n + 1) * sizeof(*v));

	for (size_t i = 0; i < *n; i++) {
		v[i].p = s + off[i];
		v[i].n = off[i + 1] - off[i];
	}
	free(off);
	return v;
}

void
sx_textdiff(sx_dtext *d, const char *a, const char *b)
{
	size_t na, nb, np;
	sx_span *sa = S_spans(a, &na, 1), *sb = S_spans(b, &nb, 1);
	long (*pairs)[2] = sx_malloc((na + nb + 1) * sizeof(*pairs));

	d->v = NULL;
	d->n = 0;
	np = sx_align(sa, na, sb, nb, pairs);
	for (size_t k = 0; k < np; k++) {
		const sx_span *t = pairs[k][0] >= 0 ? &sa[pairs[k][0]] : &sb[pairs[k][1]];

		S_push(d, pairs[k][0] < 0 ? SX_OP_INS : pairs[k][1] < 0 ? SX_OP_DEL : SX_OP_SAME, t->p,
		    t->n);
	}
	free(pairs);
	free(sa);
	free(sb);
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
	sx_span *sa = S_spans(a, &na, 0), *sb = S_spans(b, &nb, 0);
	long x0 = 0, x1 = (long)na, y0 = 0, y1 = (long)nb, sx, sy, ex, ey, dist;
	struct S_cmp c;

	if (na + nb == 0) {
		free(sa);
		free(sb);
		return 1.0;
	}
	S_cmp_init(&c, sa, na, sb, nb);
	S_trim(&c, &x0, &x1, &y0, &y1);
	if (x0 == x1 || y0 == y1)
		dist = (x1 - x0) + (y1 - y0);
	else
		dist = S_middle(&c, x0, x1, y0, y1, &sx, &sy, &ex, &ey);
	S_cmp_free(&c);
	free(sa);
	free(sb);
	/* the common subsequence is what the shortest edit keeps: (NA + NB - D) / 2 */
	return (double)((long)(na + nb) - dist) / (double)(na + nb);
}

/* baseline.c: a grade's nested 附表十 list (「等級「X」之所有控制措施」 items and what they include). */
#include <string.h>

#include "buf.h"
#include "model.h"

static const sx_cell *
S_cell_of(const sx_measure *m, int grade)
{
	for (size_t i = 0; i < m->ncells; i++)
		if (m->cells[i].grades & (1u << grade))
			return &m->cells[i];
	return NULL;
}

/* The walk over one measure.  S_cell_of gives at most one cell per grade, so at most three
 * cells are ever listed, and a chain of inclusions is at most SX_BASELINE_DEPTH deep. */
typedef struct S_walk {
	const sx_measure *m;
	const sx_cell *seen[3];
	size_t nseen;
	sx_via via[SX_BASELINE_DEPTH];
	sx_control *out;
	size_t n, cap;
} S_walk;

static int
S_seen(const S_walk *w, const sx_cell *c)
{
	for (size_t i = 0; i < w->nseen; i++)
		if (w->seen[i] == c)
			return 1;
	return 0;
}

static void
S_push(S_walk *w, const sx_cell *c, const sx_entry *e, unsigned depth)
{
	sx_control *x;

	if (w->n == w->cap) {
		w->cap = w->cap ? 2 * w->cap : 8;
		w->out = sx_realloc(w->out, w->cap * sizeof(*w->out));
	}
	x = &w->out[w->n++];
	memset(x, 0, sizeof(*x));
	x->measure = w->m;
	x->cell = c;
	x->entry = e;
	x->grades = c->grades;
	x->is_include = e != NULL && e->is_include;
	x->depth = depth;
	memcpy(x->via, w->via, depth * sizeof(sx_via));
}

/* Cell C at DEPTH: each entry in order; after an inclusion item, the included grades' cells one
 * level deeper (highest grade first).  A cell already listed is not listed again; 「無要求」
 * stands only for the grade asked for, so an included one adds nothing.  Inclusions only point
 * to lower grades (checked), and the seen cells stop any cycle of an unchecked model. */
static void
S_walk_cell(S_walk *w, const sx_cell *c, unsigned depth)
{
	if (c == NULL || S_seen(w, c) || w->nseen == sizeof(w->seen) / sizeof(w->seen[0]))
		return;
	w->seen[w->nseen++] = c;
	if (c->none) {
		if (depth == 0)
			S_push(w, c, NULL, 0);
		return;
	}
	for (size_t i = 0; i < c->nentries; i++) {
		const sx_entry *e = &c->entries[i];

		S_push(w, c, e, depth);
		if (!e->is_include || depth >= SX_BASELINE_DEPTH)
			continue;
		w->via[depth] = (sx_via){ c, e };
		for (int g = 2; g >= 0; g--)
			if (e->include_grades & (1u << g))
				S_walk_cell(w, S_cell_of(w->m, g), depth + 1);
	}
}

sx_control *
sx_baseline_resolve(const sx_measure *m, secannex_grade grade, size_t *n)
{
	S_walk w;

	memset(&w, 0, sizeof(w));
	w.m = m;
	S_walk_cell(&w, S_cell_of(m, (int)grade), 0);
	*n = w.n;
	return w.out;
}

void
sx_baseline_grades(sx_buf *b, unsigned bits, int quoted)
{
	int left = 0;

	for (int g = 0; g < 3; g++)
		left += (bits >> g) & 1u;
	for (int g = 2; g >= 0; g--) {
		if (!(bits & (1u << g)))
			continue;
		left--;
		sx_buf_printf(b, quoted ? "「%s」" : "%s", sx_grade_zh[g]);
		if (left > 0)
			sx_buf_puts(b, quoted && left == 1 ? "及" : "、");
	}
}

/* baseline.c: resolves a grade's complete 附表十 control list (「等級「X」之所有控制措施」 inclusions). */
#include "model.h"

static const sx_cell *
S_cell_of(const sx_measure *m, int grade)
{
	for (size_t i = 0; i < m->ncells; i++)
		if (m->cells[i].grades & (1u << grade))
			return &m->cells[i];
	return NULL;
}

static int
S_seen(const sx_cell **seen, size_t n, const sx_cell *c)
{
	for (size_t i = 0; i < n; i++)
		if (seen[i] == c)
			return 1;
	return 0;
}

/* Depth-first: the cell's own controls, then each inclusion's grade cells in order, each cell once.
 * Inclusions only point to lower grades (checked), so the recursion ends. */
static void
S_walk(const sx_measure *m, const sx_cell *c, const sx_cell **seen, size_t *nseen,
    sx_control *out, size_t max, size_t *n)
{
	if (c == NULL || S_seen(seen, *nseen, c) || *nseen >= 8)
		return;
	seen[(*nseen)++] = c;
	if (c->none) {
		/* 「無要求」 says something only for the grade asked for, not when included */
		if (*nseen > 1)
			return;
		if (*n < max)
			out[*n] = (sx_control){ m, c, NULL };
		(*n)++;
		return;
	}
	for (size_t i = 0; i < c->nentries; i++) {
		const sx_entry *e = &c->entries[i];
		if (!e->is_include) {
			if (*n < max)
				out[*n] = (sx_control){ m, c, e };
			(*n)++;
			continue;
		}
		for (int g = 2; g >= 0; g--)
			if (e->include_grades & (1u << g))
				S_walk(m, S_cell_of(m, g), seen, nseen, out, max, n);
	}
}

size_t
sx_baseline_resolve(const sx_measure *m, secannex_grade grade, sx_control *out, size_t max)
{
	const sx_cell *seen[8];
	size_t nseen = 0, n = 0;

	S_walk(m, S_cell_of(m, (int)grade), seen, &nseen, out, max, &n);
	return n < max ? n : max;
}

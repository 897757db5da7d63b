/* check.c: the semantic checks that a schema cannot express, for both catalog documents. */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "model.h"

/* A tiny open-addressing set of ids → line, for duplicate detection. */
typedef struct S_idset {
	const char **key;
	int *line;
	size_t cap;
} S_idset;

static size_t
S_hash(const char *s)
{
	size_t h = 5381;

	while (*s)
		h = h * 33 + (unsigned char)*s++;
	return h;
}

static void
S_idset_init(S_idset *s, size_t n)
{
	s->cap = 16;
	while (s->cap < n * 2)
		s->cap *= 2;
	s->key = sx_calloc(s->cap, sizeof(char *));
	s->line = sx_calloc(s->cap, sizeof(int));
}

/* Insert ID; returns 0, or the line of the earlier definition (or -1 when it had none). */
static int
S_idset_add(S_idset *s, const char *id, int line)
{
	size_t i = S_hash(id) & (s->cap - 1);

	while (s->key[i]) {
		if (strcmp(s->key[i], id) == 0)
			return s->line[i] > 0 ? s->line[i] : -1;
		i = (i + 1) & (s->cap - 1);
	}
	s->key[i] = id;
	s->line[i] = line;
	return 0;
}

static void
S_idset_free(S_idset *s)
{
	free(s->key);
	free(s->line);
}

static const char *const S_grade_en[3] = { "normal", "medium", "high" };

int
sx_procurement_check(const sx_procurement *p, const sx_regulation *reg, secannex_diags *d)
{
	size_t before = d->n, total = 0;
	S_idset ids;
	int errs = 0;

	for (size_t i = 0; i < p->ntypes; i++)
		total += p->types[i].nitems + 1;
	S_idset_init(&ids, total);
	for (size_t i = 0; i < p->ntypes; i++) {
		const sx_type *t = &p->types[i];
		int prev = 0, first;
		size_t tl = strlen(t->id);

		if ((first = S_idset_add(&ids, t->id, t->line)) != 0)
			sx_diag(d, SX_MSG_DUP_ID, p->path, t->line, t->id, first);
		for (size_t j = 0; j < t->nitems; j++) {
			const sx_item *it = &t->items[j];
			int nmarks[4] = { 0, 0, 0, 0 };

			if ((first = S_idset_add(&ids, it->id, it->line)) != 0) {
				sx_diag(d, SX_MSG_DUP_ID, p->path, it->line, it->id, first);
				continue;
			}
			if (strncmp(it->id, t->id, tl) != 0 || it->id[tl] != '-' ||
			    strlen(it->id + tl + 1) != 2) {
				sx_diag(d, SX_MSG_ID_TYPE, p->path, it->line, it->id, t->id);
			} else {
				int num = (int)strtol(it->id + tl + 1, NULL, 10);
				if (num <= prev) {
					sx_buf b = SX_BUF_INIT;
					sx_buf_printf(&b, "%s-%02d", t->id, prev + 1);
					sx_diag(d, SX_MSG_ID_SEQ, p->path, it->line, it->id, b.ptr);
					sx_buf_free(&b);
				}
				prev = num;
			}
			for (int g = 0; g < 3; g++) {
				nmarks[it->mark[g]]++;
				if (it->tier[g] && it->mark[g] == SX_MARK_NA)
					sx_diag(d, SX_MSG_TIER_MARK, p->path, it->line, it->id);
			}
			if (!nmarks[SX_MARK_CISO] != !(it->conds & SX_COND_CISO_CONFIRM))
				sx_diag(d, SX_MSG_CISO_MARK, p->path, it->line, it->id);
			if (!nmarks[SX_MARK_CASE]) {
				if (it->conds & SX_COND_PERSONAL_DATA)
					sx_diag(d, SX_MSG_COND_MARK, p->path, it->line, it->id, "personal-data");
				if (it->conds & SX_COND_LEVEL)
					sx_diag(d, SX_MSG_COND_MARK, p->path, it->line, it->id, "level");
				if (it->conds & SX_COND_SPECIAL)
					sx_diag(d, SX_MSG_COND_MARK, p->path, it->line, it->id,
					    "special-procurement");
			}
			for (size_t k = 0; k < it->nareas; k++) {
				if (reg == NULL)
					sx_diag(d, SX_MSG_AREA_UNCHECKED, p->path, it->line, it->areas[k]);
				else if (sx_area_find(reg, it->areas[k]) == NULL)
					sx_diag(d, SX_MSG_AREA_REF, p->path, it->line, it->areas[k]);
			}
		}
	}
	S_idset_free(&ids);
	for (size_t i = before; i < d->n; i++)
		errs += d->v[i].level >= SECANNEX_DIAG_ERROR;
	return errs;
}

int
sx_regulation_check(const sx_regulation *r, secannex_diags *d)
{
	size_t before = d->n, total = 0;
	S_idset ids;
	int errs = 0, first;

	for (size_t i = 0; i < r->narticles; i++)
		for (size_t j = 0; j < i; j++)
			if (r->articles[i].number == r->articles[j].number)
				sx_diag(d, SX_MSG_ARTICLE_DUP, r->path, 0, r->articles[i].number);

	/* 附表一～八: one table per (level, kind), or one for all agencies of a level */
	for (int lv = 0; lv < 5; lv++) {
		int seen[3] = { 0, 0, 0 };
		int line = 0;
		for (size_t i = 0; i < r->ntables; i++) {
			const sx_duty_table *t = &r->tables[i];
			if (t->level != lv)
				continue;
			if (seen[t->kind]++)
				sx_diag(d, SX_MSG_DUTY_DUP, r->path, t->line, sx_level_names[lv],
				    t->kind == SX_DUTY_ALL ? "all" :
				    t->kind == SX_DUTY_PUBLIC ? "public" : "special");
			line = t->line;
		}
		if (seen[SX_DUTY_ALL] && (seen[SX_DUTY_PUBLIC] || seen[SX_DUTY_SPECIAL]))
			sx_diag(d, SX_MSG_DUTY_KIND, r->path, line, sx_level_names[lv]);
		else if (!seen[SX_DUTY_ALL] && !seen[SX_DUTY_PUBLIC])
			sx_diag(d, SX_MSG_DUTY_MISSING, r->path, line, sx_level_names[lv], "public");
		else if (!seen[SX_DUTY_ALL] && !seen[SX_DUTY_SPECIAL])
			sx_diag(d, SX_MSG_DUTY_MISSING, r->path, line, sx_level_names[lv], "special");
	}

	/* 附表十 */
	for (size_t i = 0; i < r->nareas; i++)
		total += r->areas[i].nmeasures + 1;
	S_idset_init(&ids, total + r->ntables);
	for (size_t i = 0; i < r->ntables; i++)
		if ((first = S_idset_add(&ids, r->tables[i].id, r->tables[i].line)) != 0)
			sx_diag(d, SX_MSG_DUP_ID, r->path, r->tables[i].line, r->tables[i].id, first);
	for (size_t i = 0; i < r->nareas; i++) {
		const sx_area *a = &r->areas[i];
		if ((first = S_idset_add(&ids, a->id, 0)) != 0)
			sx_diag(d, SX_MSG_DUP_ID, r->path, 0, a->id, first);
		for (size_t j = 0; j < a->nmeasures; j++) {
			const sx_measure *m = &a->measures[j];
			int cover[3] = { 0, 0, 0 };

			if ((first = S_idset_add(&ids, m->id, m->line)) != 0)
				sx_diag(d, SX_MSG_DUP_ID, r->path, m->line, m->id, first);
			for (size_t k = 0; k < m->ncells; k++) {
				const sx_cell *c = &m->cells[k];
				int lowest = 3;
				for (int g = 0; g < 3; g++)
					if (c->grades & (1u << g)) {
						cover[g]++;
						if (g < lowest)
							lowest = g;
					}
				for (size_t e = 0; e < c->nentries; e++) {
					unsigned ig = c->entries[e].include_grades;
					/* every included grade must lie below every grade of the cell */
					if (c->entries[e].is_include && (ig >> lowest) != 0)
						sx_diag(d, SX_MSG_INCLUDE_UP, r->path, m->line, m->id,
						    S_grade_en[lowest]);
				}
			}
			for (int g = 2; g >= 0; g--)
				if (cover[g] != 1)
					sx_diag(d, SX_MSG_GRADE_COVER, r->path, m->line, m->id, S_grade_en[g],
					    cover[g]);
		}
	}
	S_idset_free(&ids);
	for (size_t i = before; i < d->n; i++)
		errs += d->v[i].level >= SECANNEX_DIAG_ERROR;
	return errs;
}

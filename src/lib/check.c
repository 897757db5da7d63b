/* check.c: the semantic checks that a schema cannot express, for both catalog documents. */
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/hash.h>

#include "buf.h"
#include "cond.h"
#include "diag.h"
#include "model.h"

/* A set of ids → line, for duplicate detection (libxml2's hash table). */
typedef struct S_idset {
	xmlHashTablePtr h;
} S_idset;

static void
S_idset_init(S_idset *s, size_t n)
{
	if ((s->h = xmlHashCreate((int)(n < 16 ? 16 : n))) == NULL)
		sx_oom();
}

/* Insert ID; returns 0, or the line of the earlier definition (or -1 when it had none).  The
 * value stored is the line, or -1 for none (never NULL, which means absent). */
static int
S_idset_add(S_idset *s, const char *id, int line)
{
	void *first = xmlHashLookup(s->h, BAD_CAST id);

	if (first)
		return (int)(intptr_t)first;
	if (xmlHashAddEntry(s->h, BAD_CAST id, (void *)(intptr_t)(line > 0 ? line : -1)) != 0)
		sx_oom();
	return 0;
}

static void
S_idset_free(S_idset *s)
{
	xmlHashFree(s->h, NULL);
}


/*
 * A row's conditions are the machine-readable form of its note, so each must be stated by the
 * note, and a note that states one of these rules must carry its condition (an edited copy that
 * drops one would silently change every tender).  The phrase of each kind is in the table of
 * condition kinds (cond.c).
 */
static void
S_check_note(const sx_procurement *p, const sx_item *it, secannex_diags *d)
{
	char *note = sx_item_note(it);
	const char *n = note ? note : "";

	for (int k = 0; k < SX_COND__COUNT; k++) {
		const sx_cond_kind *c = &sx_cond_kinds[k];
		int has = (it->conds & SX_COND_BIT(k)) != 0, stated;
		char said[64], attr[16] = ""; /* attr: the level's min, for the condition to add */

		if (c->has_min) {
			/* the letter A-E just before the phrase */
			const char *lv = strstr(n, c->phrase);
			int note_level = lv && lv - n >= 1 && lv[-1] >= 'A' && lv[-1] <= 'E' ?
			    lv[-1] - 'A' : -1;

			stated = has ? note_level == it->level_min : note_level >= 0;
			snprintf(said, sizeof(said), "「%s%s」",
			    sx_level_names[has ? it->level_min : note_level < 0 ? 0 : note_level], c->phrase);
			if (!has && stated)
				snprintf(attr, sizeof(attr), " min=\"%s\"", sx_level_names[note_level]);
		} else {
			stated = strstr(n, c->phrase) != NULL;
			snprintf(said, sizeof(said), "「%s」", c->phrase);
		}
		if (has && !stated)
			sx_diag(d, SX_MSG_COND_NOTE, p->path, it->line, it->id, c->name, said);
		else if (!has && stated && c->note_needs)
			sx_diag(d, SX_MSG_NOTE_COND, p->path, it->line, it->id, said, c->name, attr);
		if (has && note && sx_item_note_audience(it) != c->audience)
			sx_diag(d, SX_MSG_NOTE_AUDIENCE, p->path, it->line, it->id, c->name,
			    sx_audience_names[c->audience], sx_audience_names[c->audience]);
	}
	/* a bidder qualification is what the note says must be stated in the tender documents */
	if ((strstr(n, SX_QUALIFICATION_PHRASE) != NULL) != sx_item_qualification(it))
		sx_diag(d, SX_MSG_QUALIFICATION, p->path, it->line, it->id,
		    sx_item_qualification(it) ? "does not say" : "says", SX_QUALIFICATION_PHRASE,
		    sx_item_qualification(it) ? "drop qualification=\"yes\"" :
		    "add qualification=\"yes\" to the note");
	free(note);
}

/*
 * Conditions and marks: a kind that needs a mark (◎ for the 必選 rules) needs it at some grade;
 * a mark that needs its kind (▲ needs ciso-confirm) is checked both ways, first.
 */
static void
S_check_marks(const sx_procurement *p, const sx_item *it, secannex_diags *d)
{
	int nmarks[4] = { 0, 0, 0, 0 };

	for (int g = 0; g < 3; g++) {
		nmarks[it->mark[g]]++;
		if (it->tier[g] && it->mark[g] == SX_MARK_NA)
			sx_diag(d, SX_MSG_TIER_MARK, p->path, it->line, it->id);
	}
	for (int k = 0; k < SX_COND__COUNT; k++) {
		const sx_cond_kind *c = &sx_cond_kinds[k];
		const char *sym;

		if (!c->mark_needs)
			continue;
		sym = sx_mark_symbols[c->need_mark];
		if (!nmarks[c->need_mark] != !(it->conds & SX_COND_BIT(k)))
			sx_diag(d, SX_MSG_MARK_COND, p->path, it->line, it->id, sym, c->name, sym);
	}
	for (int k = 0; k < SX_COND__COUNT; k++) {
		const sx_cond_kind *c = &sx_cond_kinds[k];

		if (!c->mark_needs && c->need_mark >= 0 && (it->conds & SX_COND_BIT(k)) &&
		    !nmarks[c->need_mark])
			sx_diag(d, SX_MSG_COND_MARK, p->path, it->line, it->id, c->name,
			    sx_mark_symbols[c->need_mark]);
	}
}

/*
 * Row numbers increase in source order within a type (gaps are allowed: an edited copy may drop
 * a row and keep the others' ids).  NUM[j] is row j's number (0: malformed, skipped).  The rows
 * outside the longest increasing run are the misplaced ones, so one wrong id is one message.
 */
static void
S_check_order(const sx_procurement *p, const sx_type *t, const int *num, secannex_diags *d)
{
	size_t n = t->nitems, best = 0;
	/* patience sorting from the last row back, O(n log n): head[l], the row starting the
	 * increasing run of length l + 1 whose number is largest (the earliest such row, so that of
	 * two equally long runs the earlier rows are kept); next[j], the row after j in its run */
	size_t *head = sx_calloc(n + 1, sizeof(size_t)), *next = sx_calloc(n + 1, sizeof(size_t));
	char *keep = sx_calloc(n + 1, 1);

	for (size_t j = n; j-- > 0;) {
		size_t lo = 0, hi = best;

		if (num[j] == 0)
			continue;
		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;
			if (num[head[mid]] > num[j])
				lo = mid + 1;
			else
				hi = mid;
		}
		next[j] = lo > 0 ? head[lo - 1] : SIZE_MAX;
		head[lo] = j;
		if (lo == best)
			best++;
	}
	for (size_t j = best ? head[best - 1] : SIZE_MAX; j != SIZE_MAX; j = next[j])
		keep[j] = 1;
	for (size_t j = 0; j < n; j++)
		if (num[j] && !keep[j])
			sx_diag(d, SX_MSG_ID_SEQ, p->path, t->items[j].line, t->items[j].id,
			    j > 0 ? t->items[j - 1].id : "(the first row)",
			    j + 1 < n ? t->items[j + 1].id : "(the last row)");
	free(head);
	free(next);
	free(keep);
}

int
sx_procurement_check(const sx_procurement *p, const sx_regulation *reg, secannex_diags *d)
{
	size_t before = d->n, total = 0;
	S_idset ids;

	for (size_t i = 0; i < p->ntypes; i++)
		total += p->types[i].nitems + 1;
	S_idset_init(&ids, total);
	for (size_t i = 0; i < p->ntypes; i++) {
		const sx_type *t = &p->types[i];
		int first, *num = sx_calloc(t->nitems + 1, sizeof(int));
		size_t tl = strlen(t->id);

		if ((first = S_idset_add(&ids, t->id, t->line)) != 0)
			sx_diag(d, SX_MSG_DUP_ID, p->path, t->line, t->id, first);
		for (size_t j = 0; j < t->nitems; j++) {
			const sx_item *it = &t->items[j];

			if ((first = S_idset_add(&ids, it->id, it->line)) != 0) {
				sx_diag(d, SX_MSG_DUP_ID, p->path, it->line, it->id, first);
				continue;
			}
			if (strncmp(it->id, t->id, tl) != 0 || it->id[tl] != '-' ||
			    (num[j] = sx_row_number(it->id + tl + 1)) == 0)
				sx_diag(d, SX_MSG_ID_TYPE, p->path, it->line, it->id, t->id);
			S_check_note(p, it, d);
			S_check_marks(p, it, d);
			for (size_t k = 0; k < it->nareas; k++) {
				if (reg == NULL)
					sx_diag(d, SX_MSG_AREA_UNCHECKED, p->path, it->line, it->areas[k]);
				else if (sx_area_find(reg, it->areas[k]) == NULL)
					sx_diag(d, SX_MSG_AREA_REF, p->path, it->line, it->areas[k]);
			}
		}
		S_check_order(p, t, num, d);
		free(num);
	}
	S_idset_free(&ids);
	return (int)sx_diags_errors_since(d, before);
}

int
sx_regulation_check(const sx_regulation *r, secannex_diags *d)
{
	size_t before = d->n, total = 0;
	S_idset ids;
	int first;

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
						    sx_grade_keys[lowest]);
				}
			}
			for (int g = 2; g >= 0; g--)
				if (cover[g] != 1)
					sx_diag(d, SX_MSG_GRADE_COVER, r->path, m->line, m->id,
					    sx_grade_keys[g], cover[g]);
		}
	}
	S_idset_free(&ids);
	return (int)sx_diags_errors_since(d, before);
}

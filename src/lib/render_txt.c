/* render_txt.c: plain-text renderings for a terminal (types, show, baseline, duties); its labels
 * are translated (the catalog's own words never). */
#include <stdlib.h>
#include <string.h>

#include "cond.h"
#include "i18n.h"
#include "render.h"
#include "resolve.h"


/* The terminal columns of S (a CJK character, three bytes in UTF-8, takes two). */
static int
S_cols(const char *s)
{
	int cols = 0;

	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if ((*p & 0xC0) != 0x80)
			cols += *p >= 0xE0 ? 2 : 1;
	return cols;
}

/* S, then spaces up to WIDTH terminal columns (a translated label lines up as the English one). */
static void
S_padded(sx_buf *b, const char *s, int width)
{
	int cols = S_cols(s);

	sx_buf_printf(b, "%s%*s", s, cols < width ? width - cols : 0, "");
}

/* Write TEXT with every line after the first indented by IND spaces. */
static void
S_indented(sx_buf *b, const char *text, int ind)
{
	for (const char *p = text; *p; p++) {
		sx_buf_putc(b, *p);
		if (*p == '\n')
			sx_buf_printf(b, "%*s", ind, "");
	}
}

static void
S_rich(sx_buf *b, const sx_rich *r, int ind)
{
	char *s = sx_rich_plain(r);

	S_indented(b, s, ind);
	free(s);
}

/* 「[高、中]」: the grades of a 附表十 cell, never run together (「[高中]」 reads as a word). */
static void
S_grades_label(sx_buf *b, unsigned bits)
{
	sx_buf_putc(b, '[');
	sx_baseline_grades(b, bits, 0);
	sx_buf_putc(b, ']');
}

void
sx_txt_types(sx_buf *b, const sx_procurement *p)
{
	sx_buf_printf(b, "%s %s%s\n\n", p->title, p->edition, p->version);
	/* TRANSLATORS: the column headings of `secannex types' */
	S_padded(b, _("TYPE"), 13);
	sx_buf_printf(b, " %*s%s  %s\n", S_cols(_("ROWS")) < 4 ? 4 - S_cols(_("ROWS")) : 0, "", _("ROWS"),
	    _("NAME"));
	for (size_t i = 0; i < p->ntypes; i++)
		sx_buf_printf(b, "%-13s %4zu  %s\n", p->types[i].id, p->types[i].nitems,
		    p->types[i].name);
}

/* A row's conditions in the table's words: "涉及個資時為必要 (personal-data)；…". */
static void
S_conditions(sx_buf *b, const sx_item *it)
{
	int first = 1;

	if (!it->conds)
		return;
	sx_buf_puts(b, "            條件：");
	for (int k = 0; k < SX_COND__COUNT; k++) {
		if (!(it->conds & SX_COND_BIT(k)))
			continue;
		if (!first)
			sx_buf_puts(b, "；");
		first = 0;
		sx_cond_say(b, sx_cond_kinds[k].words, NULL, it);
		sx_buf_puts(b, " (");
		sx_cond_label(b, k, it);
		sx_buf_putc(b, ')');
	}
	sx_buf_putc(b, '\n');
}

void
sx_txt_show(sx_buf *b, const sx_type *t, int grade)
{
	sx_buf_printf(b, "%s  %s  ", t->id, t->name);
	sx_buf_printf(b, _("(%zu rows)\n"), t->nitems);
	if (grade >= 0)
		sx_buf_printf(b, _("grade: %s (%s)\n"), sx_grade_zh[grade], sx_grade_keys[grade]);
	else
		sx_buf_printf(b, "%s\n", _("marks: 高 中 普"));
	for (size_t gi = 0; gi < t->ngroups; gi++) {
		const sx_group *g = &t->groups[gi];

		sx_buf_printf(b, "\n【%s】\n", g->name);
		if (g->note.n) {
			sx_buf_puts(b, "            備註（本子項）：");
			S_rich(b, &g->note, 12);
			sx_buf_putc(b, '\n');
		}
		for (size_t j = g->first; j < g->first + g->count; j++) {
			const sx_item *it = &t->items[j];

			sx_buf_printf(b, "%-16s", it->id);
			if (grade >= 0) {
				sx_buf_printf(b, "%s", sx_mark_symbols[it->mark[grade]]);
				if (it->tier[grade])
					sx_buf_printf(b, "(%s)", it->tier[grade]);
			} else {
				for (int k = 2; k >= 0; k--) {
					sx_buf_puts(b, sx_mark_symbols[it->mark[k]]);
					if (it->tier[k])
						sx_buf_printf(b, "(%s)", it->tier[k]);
					if (k)
						sx_buf_putc(b, ' ');
				}
			}
			sx_buf_puts(b, "\n            ");
			S_rich(b, &it->text, 12);
			sx_buf_putc(b, '\n');
			if (it->note.n) {
				sx_buf_puts(b, "            備註：");
				S_rich(b, &it->note, 12);
				sx_buf_putc(b, '\n');
			}
			S_conditions(b, it);
			if (it->nareas) {
				sx_buf_puts(b, "            附表十：");
				for (size_t k = 0; k < it->nareas; k++)
					sx_buf_printf(b, "%s%s", k ? " " : "", it->areas[k]);
				sx_buf_putc(b, '\n');
			}
		}
	}
}

/* One measure's nested list: each item labelled with its cell's grades, an included cell's items
 * indented beneath the 「等級「X」之所有控制措施」 item that includes them. */
static void
S_txt_measure(sx_buf *b, const sx_measure *m, secannex_grade g)
{
	size_t n;
	sx_control *ctl = sx_baseline_resolve(m, g, &n);

	sx_buf_printf(b, "  %s %s\n", m->id, m->name);
	for (size_t k = 0; k < n; k++) {
		sx_buf_printf(b, "    %*s", 4 * (int)ctl[k].depth, "");
		S_grades_label(b, ctl[k].grades);
		sx_buf_putc(b, ' ');
		if (ctl[k].entry == NULL) {
			sx_buf_puts(b, ctl[k].cell->none_text);
		} else {
			if (ctl[k].entry->n)
				sx_buf_printf(b, "%s、", ctl[k].entry->n);
			sx_buf_puts(b, ctl[k].entry->text);
		}
		sx_buf_putc(b, '\n');
	}
	free(ctl);
}

void
sx_txt_baseline(sx_buf *b, const sx_regulation *r, const sx_area *only, secannex_grade g)
{
	sx_buf_printf(b, "%s %s：防護需求等級「%s」之完整控制措施\n", r->baseline_label,
	    r->baseline_title, sx_grade_zh[g]);
	for (size_t i = 0; i < r->nareas; i++) {
		const sx_area *a = &r->areas[i];
		if (only && only != a)
			continue;
		sx_buf_printf(b, "\n%s (%s)\n", a->name, a->id);
		for (size_t j = 0; j < a->nmeasures; j++)
			S_txt_measure(b, &a->measures[j], g);
	}
}

static void
S_block(sx_buf *b, const sx_block *blk, const char *ind)
{
	for (size_t i = 0; i < blk->n; i++) {
		sx_buf_puts(b, ind);
		if (blk->v[i].n)
			sx_buf_printf(b, "%s、", blk->v[i].n);
		sx_buf_printf(b, "%s\n", blk->v[i].text);
	}
}

void
sx_txt_duties(sx_buf *b, const sx_duty_table *t)
{
	const char *aspect = NULL;

	sx_buf_printf(b, "%s %s\n", t->label, t->title);
	for (size_t i = 0; i < t->nduties; i++) {
		const sx_duty *du = &t->duties[i];

		if (aspect == NULL || strcmp(aspect, du->aspect) != 0) {
			aspect = du->aspect;
			sx_buf_printf(b, "\n%s\n", aspect);
		}
		sx_buf_printf(b, "  %s\n", du->name);
		if (du->ndetails && du->content.n) {
			sx_buf_puts(b, "    細項：");
			for (size_t k = 0; k < du->ndetails; k++)
				sx_buf_printf(b, "%s%s", k ? "、" : "", du->details[k].name);
			sx_buf_putc(b, '\n');
		}
		S_block(b, &du->content, "    ");
		for (size_t k = 0; du->content.n == 0 && k < du->ndetails; k++) {
			sx_buf_printf(b, "    %s\n", du->details[k].name);
			S_block(b, &du->details[k].content, "      ");
		}
	}
	if (t->nremarks) {
		sx_buf_puts(b, "\n備註：\n");
		for (size_t i = 0; i < t->nremarks; i++)
			sx_buf_printf(b, "  %s、%s\n", t->remarks[i].n, t->remarks[i].text);
	}
}

/* The controls a row carries, not counting the 「等級「X」之所有控制措施」 items that group them. */
static size_t
S_ncontrols(const sx_row *row)
{
	size_t n = 0;

	for (size_t k = 0; k < row->ncontrols; k++)
		n += !row->controls[k].is_include;
	return n;
}

void
sx_txt_resolution(sx_buf *b, const secannex_resolution *r)
{
	sx_buf_printf(b, "%s (%s)  ", r->type->name, r->type->id);
	sx_buf_printf(b, _("grade %s, baseline %s, level %s %s"), sx_grade_zh[r->grade],
	    sx_grade_zh[r->baseline], sx_level_names[r->level], sx_kind_zh[r->kind]);
	sx_buf_printf(b, "%s%s\n", r->personal_data ? _(", personal data") : "",
	    r->special ? _(", 特殊或巨額採購") : "");
	for (int s = 0; s < SX_ST__COUNT; s++)
		sx_buf_printf(b, "%s%s %zu", s ? _(", ") : "", _(sx_status_names[s]), r->counts[s]);
	sx_buf_putc(b, '\n');
	for (size_t i = 0; i < r->nrows; i++) {
		const sx_row *row = &r->rows[i];
		sx_buf_printf(b, "\n%-16s%s ", row->item->id, sx_mark_symbols[row->mark]);
		S_padded(b, _(sx_status_names[row->status]), 15);
		sx_buf_putc(b, ' ');
		S_indented(b, row->text, 34);
		sx_buf_puts(b, "\n                                  ");
		sx_buf_puts(b, row->reason);
		sx_buf_putc(b, '\n');
		if (row->ncontrols)
			sx_buf_printf(b, "                                  附表十：%zu 項控制措施（等級「%s」）\n",
			    S_ncontrols(row), sx_grade_zh[r->baseline]);
	}
	for (size_t i = 0; i < r->nwarnings; i++)
		sx_buf_printf(b, _("%swarning: %s\n"), i ? "" : "\n", r->warnings_text[i]);
}

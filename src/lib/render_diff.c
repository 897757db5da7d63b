/* render_diff.c: the diff printers: text (optionally coloured), Markdown and JSON. */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cond.h"
#include "diff.h"
#include "i18n.h"
#include "json.h"
#include "render.h"

/* A row's conditions in their catalog names: "personal-data, level>=C" ("(none)" when none). */
static void
S_conds(sx_buf *b, const sx_item *it)
{
	int first = 1;

	for (int k = 0; k < SX_COND__COUNT; k++) {
		if (!(it->conds & SX_COND_BIT(k)))
			continue;
		sx_buf_puts(b, first ? "" : ", ");
		first = 0;
		sx_cond_label(b, k, it);
	}
	if (first)
		sx_buf_puts(b, _("(none)"));
}

/* A row's 附表十 area references: "ac, si" ("(none)" when none). */
static void
S_areas(sx_buf *b, const sx_item *it)
{
	for (size_t k = 0; k < it->nareas; k++)
		sx_buf_printf(b, "%s%s", k ? ", " : "", it->areas[k]);
	if (it->nareas == 0)
		sx_buf_puts(b, _("(none)"));
}

/* "    LABEL: OLD → NEW\n" for one attribute of a modified row, printed by SHOW. */
static void
S_before_after(sx_buf *b, const char *label, void (*show)(sx_buf *, const sx_item *),
    const sx_delta *x)
{
	sx_buf_printf(b, "    %s: ", _(label));
	show(b, x->old);
	sx_buf_puts(b, " → ");
	show(b, x->new);
	sx_buf_putc(b, '\n');
}


/* A character diff inline: [-deleted-] {+inserted+}, in red and green when COLOUR. */
static void
S_inline(sx_buf *b, const sx_dtext *t, int colour, int md)
{
	for (size_t i = 0; i < t->n; i++) {
		const char *s = t->v[i].text;
		switch (t->v[i].op) {
		case SX_OP_SAME:
			sx_buf_puts(b, s);
			break;
		case SX_OP_DEL:
			sx_buf_printf(b, "%s%s%s%s", colour ? "\033[31m" : "", md ? "~~" : "[-", s,
			    md ? "~~" : "-]");
			if (colour)
				sx_buf_puts(b, "\033[0m");
			break;
		case SX_OP_INS:
			sx_buf_printf(b, "%s%s%s%s", colour ? "\033[32m" : "", md ? "**" : "{+", s,
			    md ? "**" : "+}");
			if (colour)
				sx_buf_puts(b, "\033[0m");
			break;
		}
	}
}

static void
S_marks(sx_buf *b, const sx_item *it)
{
	for (int g = 2; g >= 0; g--) {
		sx_buf_puts(b, sx_mark_symbols[it->mark[g]]);
		if (it->tier[g])
			sx_buf_printf(b, "(%s)", it->tier[g]);
	}
}

/* The names of the changes in CH, "text, marks" (TR: translated, for the terminal). */
static void
S_changes(sx_buf *b, unsigned ch, int tr)
{
	int first = 1;

	for (int k = 0; k < SX_CH__LAST; k++)
		if (ch & (1u << k)) {
			sx_buf_printf(b, "%s%s", first ? "" : tr ? _(", ") : ", ",
			    tr ? _(sx_change_names[k]) : sx_change_names[k]);
			first = 0;
		}
}

static char *
S_text(const sx_delta *x, int new_side)
{
	if (x->new_row || x->old_row)
		return sx_strdup(new_side ? x->new_row->text : x->old_row->text);
	return sx_rich_plain(new_side ? &x->new->text : &x->old->text);
}

/* One line of text per string: "\n" in cell texts shown as "⏎". */
static void
S_flat(sx_buf *b, const char *s)
{
	for (; *s; s++) {
		if (*s == '\n')
			sx_buf_puts(b, "⏎");
		else
			sx_buf_putc(b, *s);
	}
}

static void
S_flat_dtext(sx_buf *b, const sx_dtext *t, int colour, int md)
{
	sx_buf tmp = SX_BUF_INIT;

	S_inline(&tmp, t, colour, md);
	if (tmp.ptr)
		S_flat(b, tmp.ptr);
	sx_buf_free(&tmp);
}

/* The two sides' sources, each after its prefix (TR: the annex line translated, for the
 * terminal; Markdown is a document and keeps it as it is). */
static void
S_header(sx_buf *b, const secannex_diff *d, const char *pre_old, const char *pre_new, int tr)
{
	if (d->kind == SX_DIFF_CATALOG) {
		sx_buf_printf(b, "%s%s (%s%s)\n", pre_old, d->old_cat->proc->path,
		    d->old_cat->proc->edition, d->old_cat->proc->version);
		sx_buf_printf(b, "%s%s (%s%s)\n", pre_new, d->new_cat->proc->path,
		    d->new_cat->proc->edition, d->new_cat->proc->version);
	} else {
		sx_buf_printf(b, tr ? _("%sannex: %s, grade %s, level %s, catalog %s\n") :
		    "%sannex: %s, grade %s, level %s, catalog %s\n", pre_old,
		    d->old_res->type->id, sx_grade_zh[d->old_res->grade], sx_level_names[d->old_res->level],
		    d->old_cat->proc->version);
		sx_buf_printf(b, tr ? _("%sannex: %s, grade %s, level %s, catalog %s\n") :
		    "%sannex: %s, grade %s, level %s, catalog %s\n", pre_new,
		    d->new_res->type->id, sx_grade_zh[d->new_res->grade], sx_level_names[d->new_res->level],
		    d->new_cat->proc->version);
	}
}

/* Whether delta X is listed: an annex row whose only difference is the generated reason is
 * counted, not listed, unless VERBOSE. */
static int
S_listed(const sx_delta *x, int verbose)
{
	return verbose || !x->reason_only;
}

/* The counts of the changes (TR: translated, for the terminal). */
static void
S_summary(sx_buf *b, const secannex_diff *d, const char *pre, int verbose, int tr)
{
	size_t add = 0, del = 0, mod = 0, moved = 0, renum = 0, ro = sx_diff_reason_only(d);

	for (size_t i = 0; i < d->n; i++) {
		add += d->v[i].kind == SX_DELTA_ADDED;
		del += d->v[i].kind == SX_DELTA_DELETED;
		mod += d->v[i].kind == SX_DELTA_MODIFIED && !d->v[i].reason_only;
		moved += (d->v[i].changes & (SX_CH_TYPE | SX_CH_GROUP)) != 0;
		renum += (d->v[i].changes & SX_CH_ID) != 0;
	}
	sx_buf_puts(b, pre);
	sx_buf_printf(b, tr ? _("%zu metadata changed, %zu rows added, %zu deleted, %zu modified (%zu moved, %zu renumbered)") :
	    "%zu metadata changed, %zu rows added, %zu deleted, %zu modified (%zu moved, %zu renumbered)",
	    d->nmeta, add, del, mod, moved, renum);
	if (d->kind == SX_DIFF_ANNEX && ro && tr)
		sx_buf_printf(b, verbose ? _("; %zu more only in the generated reason") :
		    _("; %zu more only in the generated reason (not listed; --verbose lists them)"), ro);
	else if (d->kind == SX_DIFF_ANNEX && ro)
		sx_buf_printf(b, "; %zu more only in the generated reason%s", ro,
		    verbose ? "" : " (not listed; --verbose lists them)");
	sx_buf_putc(b, '\n');
}

/* The names of the facts in CAUSES: "grade, baseline grade" (ZH: in Chinese, 、 between). */
static void
S_causes(sx_buf *b, unsigned causes, int zh)
{
	int first = 1;

	for (int k = 0; k < SX_FACT__COUNT; k++)
		if (causes & (1u << k)) {
			sx_buf_printf(b, "%s%s", first ? "" : zh ? "、" : _(", "),
			    zh ? sx_fact_zh[k] : _(sx_fact_names[k]));
			first = 0;
		}
}

/* The rows (NEW's ids, else OLD's) that a changed fact changed, as "dev-13, dev-15"; returns the
 * number of them. */
static size_t
S_fact_rows(sx_buf *b, const secannex_diff *d, int fact)
{
	size_t k = 0;

	for (size_t i = 0; fact >= 0 && i < d->n; i++) {
		const sx_delta *x = &d->v[i];
		if (x->reason_only || !(x->causes & (1u << fact)))
			continue;
		sx_buf_printf(b, "%s%s", k++ ? ", " : "", (x->new ? x->new : x->old)->id);
	}
	return k;
}

/* "= FIELD: OLD → NEW", and for a tender fact the rows it changed. */
static void
S_text_meta(sx_buf *b, const secannex_diff *d, const sx_meta_delta *m)
{
	sx_buf rows = SX_BUF_INIT;

	/* a field with a translated name (the facts') is shown in it */
	sx_buf_printf(b, "= %s: %s → %s", _(m->field), m->old ? m->old : _("(none)"),
	    m->new ? m->new : _("(none)"));
	if (d->kind == SX_DIFF_ANNEX && S_fact_rows(&rows, d, m->fact))
		sx_buf_printf(b, _(" (rows changed: %s)"), rows.ptr);
	sx_buf_putc(b, '\n');
	sx_buf_free(&rows);
}

/* "+ ID [TYPE/GROUP] …" or "- …": a row on one side only. */
static void
S_text_one_side(sx_buf *b, const sx_delta *x, int colour)
{
	int add = x->kind == SX_DELTA_ADDED;
	const sx_item *it = x->new ? x->new : x->old;
	const sx_row *row = add ? x->new_row : x->old_row;
	char *t;

	sx_buf_printf(b, "%s%c %s [%s/%s] ", colour ? (add ? "\033[32m" : "\033[31m") : "",
	    add ? '+' : '-', it->id, it->type->id, it->group->name);
	if (row)
		sx_buf_printf(b, "%s ", _(sx_status_names[row->status]));
	else
		S_marks(b, it);
	t = S_text(x, add);
	sx_buf_putc(b, ' ');
	S_flat(b, t);
	free(t);
	sx_buf_printf(b, "%s\n", colour ? "\033[0m" : "");
}

/* The marks (and tiers) of the grades that changed: " 高 ◎ → ●". */
static void
S_text_marks(sx_buf *b, const sx_delta *x)
{
	sx_buf_printf(b, "    %s", _("marks (高 中 普):"));
	for (int g = 2; g >= 0; g--) /* the grades that changed */
		if (x->old->mark[g] != x->new->mark[g] || !sx_streq(x->old->tier[g], x->new->tier[g]))
			sx_buf_printf(b, " %s %s%s%s%s → %s%s%s%s", sx_grade_zh[g],
			    sx_mark_symbols[x->old->mark[g]], x->old->tier[g] ? "(" : "",
			    x->old->tier[g] ? x->old->tier[g] : "", x->old->tier[g] ? ")" : "",
			    sx_mark_symbols[x->new->mark[g]], x->new->tier[g] ? "(" : "",
			    x->new->tier[g] ? x->new->tier[g] : "", x->new->tier[g] ? ")" : "");
	sx_buf_putc(b, '\n');
}

/* "    LABEL: " and a character diff on one line. */
static void
S_text_dtext(sx_buf *b, const char *label, const sx_dtext *t, int colour)
{
	sx_buf_printf(b, "    %s: ", _(label));
	S_flat_dtext(b, t, colour, 0);
	sx_buf_putc(b, '\n');
}

/* "~ ID …: CHANGES" and a line per change. */
static void
S_text_modified(sx_buf *b, const sx_delta *x, int colour)
{
	const sx_item *it = x->new;

	sx_buf_printf(b, "~ %s", it->id);
	if (x->changes & SX_CH_ID)
		sx_buf_printf(b, _(" (was %s; matched by text, similarity %.2f)"), x->old->id, x->similarity);
	sx_buf_printf(b, " [%s/%s]: ", it->type->id, it->group->name);
	S_changes(b, x->changes, 1);
	if (x->causes) {
		sx_buf causes = SX_BUF_INIT;
		S_causes(&causes, x->causes, 0);
		sx_buf_printf(b, _(" (by %s)"), causes.ptr ? causes.ptr : "");
		sx_buf_free(&causes);
	}
	sx_buf_putc(b, '\n');
	if (x->changes & (SX_CH_TYPE | SX_CH_GROUP))
		sx_buf_printf(b, _("    moved: %s/%s → %s/%s\n"), x->old->type->id, x->old->group->name,
		    x->new->type->id, x->new->group->name);
	if (x->changes & SX_CH_STATUS)
		sx_buf_printf(b, _("    status: %s → %s\n"), _(sx_status_names[x->old_row->status]),
		    _(sx_status_names[x->new_row->status]));
	if (x->changes & SX_CH_TEXT)
		S_text_dtext(b, N_("text"), &x->text, colour);
	if (x->changes & (SX_CH_MARKS | SX_CH_TIERS))
		S_text_marks(b, x);
	if (x->changes & SX_CH_NOTE)
		S_text_dtext(b, N_("note"), &x->note, colour);
	if (x->changes & SX_CH_CONDS)
		S_before_after(b, N_("conditions"), S_conds, x);
	if (x->changes & SX_CH_AREAS)
		S_before_after(b, N_("附表十 areas"), S_areas, x);
	if (x->changes & SX_CH_REASON)
		S_text_dtext(b, N_("reason"), &x->reason, colour);
}

static void
S_text_render(sx_buf *b, const secannex_diff *d, int colour, int verbose)
{
	S_header(b, d, "--- ", "+++ ", 1);
	if (secannex_diff_count(d) == 0) {
		sx_buf_printf(b, "%s\n", _("identical"));
		return;
	}
	for (size_t i = 0; i < d->nmeta; i++)
		S_text_meta(b, d, &d->meta[i]);
	for (size_t i = 0; i < d->n; i++) {
		const sx_delta *x = &d->v[i];
		if (!S_listed(x, verbose))
			continue;
		if (x->kind != SX_DELTA_MODIFIED)
			S_text_one_side(b, x, colour);
		else
			S_text_modified(b, x, colour);
	}
	S_summary(b, d, "", verbose, 1);
}

/* Text in a Markdown cell: |, <, >, & escaped, a line break as <br>. */
static void
S_md_cell(sx_buf *b, const char *s)
{
	sx_buf_mds(b, s);
}

/* A character diff as a Markdown cell: ~~deleted~~ **inserted**. */
static void
S_md_dtext(sx_buf *b, const char *label, const sx_dtext *t)
{
	sx_buf tmp = SX_BUF_INIT;

	S_inline(&tmp, t, 0, 1);
	sx_buf_puts(b, label);
	S_md_cell(b, tmp.ptr);
	sx_buf_free(&tmp);
}

/* The 基本資料 table; an annex diff's tender facts name the rows they changed. */
static void
S_md_meta(sx_buf *b, const secannex_diff *d)
{
	int annex = d->kind == SX_DIFF_ANNEX;

	sx_buf_printf(b, "\n## 基本資料\n\n| 欄位 | 舊 | 新 |%s\n|---|---|---|%s\n", annex ? " 異動之項目 |" : "",
	    annex ? "---|" : "");
	for (size_t i = 0; i < d->nmeta; i++) {
		sx_buf_printf(b, "| %s | ", d->meta[i].field);
		S_md_cell(b, d->meta[i].old ? d->meta[i].old : "（無）");
		sx_buf_puts(b, " | ");
		S_md_cell(b, d->meta[i].new ? d->meta[i].new : "（無）");
		if (annex) {
			sx_buf_puts(b, " | ");
			S_fact_rows(b, d, d->meta[i].fact);
		}
		sx_buf_puts(b, " |\n");
	}
}

/* The 說明 cell of a modified row: what changed, and how. */
static void
S_md_changes(sx_buf *b, const sx_delta *x)
{
	S_changes(b, x->changes, 0);
	if (x->changes & SX_CH_ID)
		sx_buf_printf(b, "（原 %s）", x->old->id);
	if (x->changes & (SX_CH_TYPE | SX_CH_GROUP)) {
		sx_buf_printf(b, "；自 %s/", x->old->type->id);
		S_md_cell(b, x->old->group->name);
	}
	if (x->changes & SX_CH_MARKS) {
		sx_buf_puts(b, "；標記 ");
		S_marks(b, x->old);
		sx_buf_puts(b, "→");
		S_marks(b, x->new);
	}
	if (x->changes & SX_CH_STATUS)
		sx_buf_printf(b, "；%s → %s", sx_status_names[x->old_row->status],
		    sx_status_names[x->new_row->status]);
	if (x->changes & SX_CH_NOTE)
		S_md_dtext(b, "；備註：", &x->note);
	if (x->changes & SX_CH_REASON)
		S_md_dtext(b, "；理由：", &x->reason);
	if (x->causes) {
		sx_buf_puts(b, "；原因：");
		S_causes(b, x->causes, 1);
	}
}

static void
S_md_row(sx_buf *b, const sx_delta *x)
{
	const sx_item *it = x->new ? x->new : x->old;
	char *t;

	sx_buf_printf(b, "| %s | %s | %s/", x->kind == SX_DELTA_ADDED ? "新增" :
	    x->kind == SX_DELTA_DELETED ? "刪除" : "修改", it->id, it->type->id);
	S_md_cell(b, it->group->name);
	sx_buf_puts(b, " | ");
	if (x->kind == SX_DELTA_MODIFIED && (x->changes & SX_CH_TEXT)) {
		S_md_dtext(b, "", &x->text);
	} else {
		t = S_text(x, x->kind != SX_DELTA_DELETED);
		S_md_cell(b, t);
		free(t);
	}
	sx_buf_puts(b, " | ");
	if (x->kind == SX_DELTA_MODIFIED)
		S_md_changes(b, x);
	else if (x->new_row || x->old_row)
		sx_buf_puts(b, sx_status_names[(x->new_row ? x->new_row : x->old_row)->status]);
	else
		S_marks(b, it);
	sx_buf_puts(b, " |\n");
}

static void
S_md_render(sx_buf *b, const secannex_diff *d, int verbose)
{
	sx_buf_printf(b, "# %s\n\n", d->kind == SX_DIFF_CATALOG ? "一覽表版本差異" : "附件修訂差異");
	S_header(b, d, "- 舊：", "- 新：", 0);
	sx_buf_putc(b, '\n');
	S_summary(b, d, "", verbose, 0);
	if (secannex_diff_count(d) == 0)
		return;
	if (d->nmeta)
		S_md_meta(b, d);
	if (d->n > (verbose ? 0 : sx_diff_reason_only(d))) {
		sx_buf_puts(b, "\n## 項目\n\n| 異動 | 編號 | 類型/子項 | 內容（~~刪除~~ **新增**） | 說明 |\n|---|---|---|---|---|\n");
		for (size_t i = 0; i < d->n; i++)
			if (S_listed(&d->v[i], verbose))
				S_md_row(b, &d->v[i]);
	}
}

static void
S_json_dtext(sx_json *w, const char *key, const sx_dtext *t)
{
	sx_json_key(w, key);
	if (t->n == 0) {
		sx_json_null(w);
		return;
	}
	sx_json_begin_array(w);
	for (size_t i = 0; i < t->n; i++) {
		sx_json_begin_object(w);
		sx_json_kv_str(w, "op",
		    t->v[i].op == SX_OP_SAME ? "same" : t->v[i].op == SX_OP_INS ? "ins" : "del");
		sx_json_kv_str(w, "text", t->v[i].text);
		sx_json_end_object(w);
	}
	sx_json_end_array(w);
}

static void
S_json_side(sx_json *w, const char *key, const sx_item *it, const sx_row *row)
{
	char *t, *note;

	sx_json_key(w, key);
	if (it == NULL) {
		sx_json_null(w);
		return;
	}
	sx_json_begin_object(w);
	sx_json_kv_str(w, "id", it->id);
	sx_json_kv_str(w, "type", it->type->id);
	sx_json_kv_str(w, "group", it->group->name);
	t = row ? sx_strdup(row->text) : sx_rich_plain(&it->text);
	sx_json_kv_str(w, "text", t);
	free(t);
	sx_json_key(w, "marks");
	sx_json_begin_object(w);
	for (int g = 2; g >= 0; g--)
		sx_json_kv_str(w, sx_grade_keys[g], sx_mark_symbols[it->mark[g]]);
	sx_json_end_object(w);
	sx_json_key(w, "tiers");
	sx_json_begin_object(w);
	for (int g = 2; g >= 0; g--)
		if (it->tier[g])
			sx_json_kv_str(w, sx_grade_keys[g], it->tier[g]);
	sx_json_end_object(w);
	note = sx_item_note(it);
	sx_json_kv_str(w, "note", note);
	free(note);
	if (row) {
		sx_json_kv_str(w, "status", sx_status_names[row->status]);
		sx_json_kv_str(w, "reason", row->reason);
	}
	sx_json_end_object(w);
}

static void
S_json_delta(sx_json *w, const sx_delta *x)
{
	sx_json_begin_object(w);
	sx_json_kv_str(w, "change",
	    x->kind == SX_DELTA_ADDED ? "added" : x->kind == SX_DELTA_DELETED ? "deleted" : "modified");
	sx_json_key(w, "changes");
	sx_json_begin_array(w);
	for (int k = 0; k < SX_CH__LAST; k++)
		if (x->changes & (1u << k))
			sx_json_str(w, sx_change_names[k]);
	sx_json_end_array(w);
	sx_json_key(w, "causes");
	sx_json_begin_array(w);
	for (int k = 0; k < SX_FACT__COUNT; k++)
		if (x->causes & (1u << k))
			sx_json_str(w, sx_fact_names[k]);
	sx_json_end_array(w);
	S_json_side(w, "old", x->old, x->old_row);
	S_json_side(w, "new", x->new, x->new_row);
	if (x->kind == SX_DELTA_MODIFIED) {
		sx_json_key(w, "similarity");
		sx_json_fixed(w, x->similarity, 3);
	}
	S_json_dtext(w, "text_diff", &x->text);
	S_json_dtext(w, "note_diff", &x->note);
	S_json_dtext(w, "reason_diff", &x->reason);
	sx_json_end_object(w);
}

/* The metadata changes; a tender fact with the rows it changed. */
static void
S_json_meta(sx_json *w, const secannex_diff *d)
{
	sx_json_key(w, "metadata");
	sx_json_begin_array(w);
	for (size_t i = 0; i < d->nmeta; i++) {
		const sx_meta_delta *m = &d->meta[i];
		sx_json_newline(w);
		sx_json_begin_object(w);
		sx_json_kv_str(w, "field", m->field);
		sx_json_kv_str(w, "old", m->old);
		sx_json_kv_str(w, "new", m->new);
		sx_json_kv_str(w, "fact", d->kind == SX_DIFF_ANNEX && m->fact >= 0 ?
		    sx_fact_names[m->fact] : NULL);
		sx_json_key(w, "rows");
		sx_json_begin_array(w);
		for (size_t k = 0; d->kind == SX_DIFF_ANNEX && m->fact >= 0 && k < d->n; k++)
			if (!d->v[k].reason_only && (d->v[k].causes & (1u << m->fact)))
				sx_json_str(w, (d->v[k].new ? d->v[k].new : d->v[k].old)->id);
		sx_json_end_array(w);
		sx_json_end_object(w);
	}
	sx_json_end_array(w);
}

static void
S_json_count(sx_json *w, const char *key, size_t n)
{
	sx_json_key(w, key);
	sx_json_uint(w, n);
}

static void
S_json_render(sx_buf *b, const secannex_diff *d, int verbose)
{
	size_t add = 0, del = 0, mod = 0;
	sx_json w;

	sx_json_init(&w, b);
	sx_json_begin_object(&w);
	sx_json_kv_str(&w, "format", "secannex-diff/2");
	sx_json_kv_str(&w, "kind", d->kind == SX_DIFF_CATALOG ? "catalog" : "annex");
	sx_json_catalog_source(&w, "old", d->old_cat);
	sx_json_catalog_source(&w, "new", d->new_cat);
	sx_json_kv_bool(&w, "identical", secannex_diff_count(d) == 0);
	S_json_meta(&w, d);
	sx_json_key(&w, "rows");
	sx_json_begin_array(&w);
	for (size_t i = 0; i < d->n; i++) {
		add += d->v[i].kind == SX_DELTA_ADDED;
		del += d->v[i].kind == SX_DELTA_DELETED;
		mod += d->v[i].kind == SX_DELTA_MODIFIED && !d->v[i].reason_only;
		if (!S_listed(&d->v[i], verbose))
			continue;
		sx_json_newline(&w);
		S_json_delta(&w, &d->v[i]);
	}
	sx_json_end_array(&w);
	sx_json_key(&w, "summary");
	sx_json_begin_object(&w);
	S_json_count(&w, "metadata", d->nmeta);
	S_json_count(&w, "added", add);
	S_json_count(&w, "deleted", del);
	S_json_count(&w, "modified", mod);
	S_json_count(&w, "reason_only", sx_diff_reason_only(d));
	sx_json_end_object(&w);
	sx_json_end_object(&w);
	sx_json_newline(&w);
	sx_json_free(&w);
}

char *
secannex_render_diff(const secannex_diff *d, secannex_format fmt, unsigned flags)
{
	sx_buf b = SX_BUF_INIT;
	int verbose = (flags & SECANNEX_DIFF_VERBOSE) != 0;

	if (fmt == SECANNEX_FORMAT_JSON)
		S_json_render(&b, d, verbose);
	else if (fmt == SECANNEX_FORMAT_MD)
		S_md_render(&b, d, verbose);
	else
		S_text_render(&b, d, (flags & SECANNEX_DIFF_COLOUR) != 0, verbose);
	return sx_buf_detach(&b);
}

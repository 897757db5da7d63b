/* render_diff.c: the diff printers: text (optionally coloured), Markdown and JSON. */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cond.h"
#include "diff.h"

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
		sx_buf_puts(b, "(none)");
}

/* A row's 附表十 area references: "ac, si" ("(none)" when none). */
static void
S_areas(sx_buf *b, const sx_item *it)
{
	for (size_t k = 0; k < it->nareas; k++)
		sx_buf_printf(b, "%s%s", k ? ", " : "", it->areas[k]);
	if (it->nareas == 0)
		sx_buf_puts(b, "(none)");
}

/* "    LABEL: OLD → NEW\n" for one attribute of a modified row, printed by SHOW. */
static void
S_before_after(sx_buf *b, const char *label, void (*show)(sx_buf *, const sx_item *),
    const sx_delta *x)
{
	sx_buf_printf(b, "    %s: ", label);
	show(b, x->old);
	sx_buf_puts(b, " → ");
	show(b, x->new);
	sx_buf_putc(b, '\n');
}

static const char *const S_grade_zh[3] = { "普", "中", "高" };
static const char *const S_grade_key[3] = { "normal", "medium", "high" };

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

static void
S_changes(sx_buf *b, unsigned ch)
{
	int first = 1;

	for (int k = 0; k < SX_CH__LAST; k++)
		if (ch & (1u << k)) {
			sx_buf_printf(b, "%s%s", first ? "" : ", ", sx_change_names[k]);
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

static void
S_header(sx_buf *b, const secannex_diff *d, const char *pre_old, const char *pre_new)
{
	if (d->kind == SX_DIFF_CATALOG) {
		sx_buf_printf(b, "%s%s (%s%s)\n", pre_old, d->old_cat->proc->path,
		    d->old_cat->proc->edition, d->old_cat->proc->version);
		sx_buf_printf(b, "%s%s (%s%s)\n", pre_new, d->new_cat->proc->path,
		    d->new_cat->proc->edition, d->new_cat->proc->version);
	} else {
		sx_buf_printf(b, "%sannex: %s, grade %s, level %s, catalog %s\n", pre_old,
		    d->old_res->type->id, S_grade_zh[d->old_res->grade], sx_level_names[d->old_res->level],
		    d->old_cat->proc->version);
		sx_buf_printf(b, "%sannex: %s, grade %s, level %s, catalog %s\n", pre_new,
		    d->new_res->type->id, S_grade_zh[d->new_res->grade], sx_level_names[d->new_res->level],
		    d->new_cat->proc->version);
	}
}

static void
S_summary(sx_buf *b, const secannex_diff *d, const char *pre)
{
	size_t add = 0, del = 0, mod = 0, moved = 0, renum = 0;

	for (size_t i = 0; i < d->n; i++) {
		add += d->v[i].kind == SX_DELTA_ADDED;
		del += d->v[i].kind == SX_DELTA_DELETED;
		mod += d->v[i].kind == SX_DELTA_MODIFIED;
		moved += (d->v[i].changes & (SX_CH_TYPE | SX_CH_GROUP)) != 0;
		renum += (d->v[i].changes & SX_CH_ID) != 0;
	}
	sx_buf_printf(b, "%s%zu metadata changed, %zu rows added, %zu deleted, %zu modified (%zu moved, %zu renumbered)\n",
	    pre, d->nmeta, add, del, mod, moved, renum);
}

static void
S_text_render(sx_buf *b, const secannex_diff *d, int colour)
{
	S_header(b, d, "--- ", "+++ ");
	if (secannex_diff_count(d) == 0) {
		sx_buf_puts(b, "identical\n");
		return;
	}
	for (size_t i = 0; i < d->nmeta; i++) {
		const sx_meta_delta *m = &d->meta[i];
		sx_buf_printf(b, "= %s: %s → %s\n", m->field, m->old ? m->old : "(none)",
		    m->new ? m->new : "(none)");
	}
	for (size_t i = 0; i < d->n; i++) {
		const sx_delta *x = &d->v[i];
		const sx_item *it = x->new ? x->new : x->old;
		char *t;

		if (x->kind != SX_DELTA_MODIFIED) {
			int add = x->kind == SX_DELTA_ADDED;
			const sx_row *row = add ? x->new_row : x->old_row;
			sx_buf_printf(b, "%s%c %s [%s/%s] ", colour ? (add ? "\033[32m" : "\033[31m") : "",
			    add ? '+' : '-', it->id, it->type->id, it->group->name);
			if (row)
				sx_buf_printf(b, "%s ", sx_status_names[row->status]);
			else
				S_marks(b, it);
			t = S_text(x, add);
			sx_buf_putc(b, ' ');
			S_flat(b, t);
			free(t);
			sx_buf_printf(b, "%s\n", colour ? "\033[0m" : "");
			continue;
		}
		sx_buf_printf(b, "~ %s", it->id);
		if (x->changes & SX_CH_ID)
			sx_buf_printf(b, " (was %s; matched by text, similarity %.2f)", x->old->id, x->similarity);
		sx_buf_printf(b, " [%s/%s]: ", it->type->id, it->group->name);
		S_changes(b, x->changes);
		sx_buf_putc(b, '\n');
		if (x->changes & (SX_CH_TYPE | SX_CH_GROUP))
			sx_buf_printf(b, "    moved: %s/%s → %s/%s\n", x->old->type->id, x->old->group->name,
			    x->new->type->id, x->new->group->name);
		if (x->changes & SX_CH_STATUS)
			sx_buf_printf(b, "    status: %s → %s\n", sx_status_names[x->old_row->status],
			    sx_status_names[x->new_row->status]);
		if (x->changes & SX_CH_TEXT) {
			sx_buf_puts(b, "    text: ");
			S_flat_dtext(b, &x->text, colour, 0);
			sx_buf_putc(b, '\n');
		}
		if (x->changes & (SX_CH_MARKS | SX_CH_TIERS)) {
			sx_buf_puts(b, "    marks (高 中 普):");
			for (int g = 2; g >= 0; g--) /* the grades that changed */
				if (x->old->mark[g] != x->new->mark[g] ||
				    !sx_streq(x->old->tier[g], x->new->tier[g]))
					sx_buf_printf(b, " %s %s%s%s%s → %s%s%s%s", S_grade_zh[g],
					    sx_mark_symbols[x->old->mark[g]], x->old->tier[g] ? "(" : "",
					    x->old->tier[g] ? x->old->tier[g] : "", x->old->tier[g] ? ")" : "",
					    sx_mark_symbols[x->new->mark[g]], x->new->tier[g] ? "(" : "",
					    x->new->tier[g] ? x->new->tier[g] : "",
					    x->new->tier[g] ? ")" : "");
			sx_buf_putc(b, '\n');
		}
		if (x->changes & SX_CH_NOTE) {
			sx_buf_puts(b, "    note: ");
			S_flat_dtext(b, &x->note, colour, 0);
			sx_buf_putc(b, '\n');
		}
		if (x->changes & SX_CH_CONDS)
			S_before_after(b, "conditions", S_conds, x);
		if (x->changes & SX_CH_AREAS)
			S_before_after(b, "附表十 areas", S_areas, x);
		if (x->changes & SX_CH_REASON) {
			sx_buf_puts(b, "    reason: ");
			S_flat_dtext(b, &x->reason, colour, 0);
			sx_buf_putc(b, '\n');
		}
	}
	S_summary(b, d, "");
}

static void
S_md_cell(sx_buf *b, const char *s)
{
	for (; s && *s; s++) {
		if (*s == '|')
			sx_buf_puts(b, "\\|");
		else if (*s == '\n')
			sx_buf_puts(b, "<br>");
		else
			sx_buf_putc(b, *s);
	}
}

static void
S_md_render(sx_buf *b, const secannex_diff *d)
{
	sx_buf_printf(b, "# %s\n\n", d->kind == SX_DIFF_CATALOG ? "一覽表版本差異" : "附件修訂差異");
	S_header(b, d, "- 舊：", "- 新：");
	sx_buf_putc(b, '\n');
	S_summary(b, d, "");
	if (secannex_diff_count(d) == 0)
		return;
	if (d->nmeta) {
		sx_buf_puts(b, "\n## 基本資料\n\n| 欄位 | 舊 | 新 |\n|---|---|---|\n");
		for (size_t i = 0; i < d->nmeta; i++) {
			sx_buf_printf(b, "| %s | ", d->meta[i].field);
			S_md_cell(b, d->meta[i].old ? d->meta[i].old : "（無）");
			sx_buf_puts(b, " | ");
			S_md_cell(b, d->meta[i].new ? d->meta[i].new : "（無）");
			sx_buf_puts(b, " |\n");
		}
	}
	if (d->n) {
		sx_buf_puts(b, "\n## 項目\n\n| 異動 | 編號 | 類型/子項 | 內容（~~刪除~~ **新增**） | 說明 |\n|---|---|---|---|---|\n");
		for (size_t i = 0; i < d->n; i++) {
			const sx_delta *x = &d->v[i];
			const sx_item *it = x->new ? x->new : x->old;
			sx_buf tmp = SX_BUF_INIT;
			char *t;

			sx_buf_printf(b, "| %s | %s | %s/", x->kind == SX_DELTA_ADDED ? "新增" :
			    x->kind == SX_DELTA_DELETED ? "刪除" : "修改", it->id, it->type->id);
			S_md_cell(b, it->group->name);
			sx_buf_puts(b, " | ");
			if (x->kind == SX_DELTA_MODIFIED && (x->changes & SX_CH_TEXT)) {
				S_inline(&tmp, &x->text, 0, 1);
				S_md_cell(b, tmp.ptr);
			} else {
				t = S_text(x, x->kind != SX_DELTA_DELETED);
				S_md_cell(b, t);
				free(t);
			}
			sx_buf_free(&tmp);
			sx_buf_puts(b, " | ");
			if (x->kind == SX_DELTA_MODIFIED) {
				S_changes(b, x->changes);
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
				if (x->changes & SX_CH_NOTE) {
					sx_buf tn = SX_BUF_INIT;
					S_inline(&tn, &x->note, 0, 1);
					sx_buf_puts(b, "；備註：");
					S_md_cell(b, tn.ptr);
					sx_buf_free(&tn);
				}
				if (x->changes & SX_CH_REASON) {
					sx_buf tr = SX_BUF_INIT;
					S_inline(&tr, &x->reason, 0, 1);
					sx_buf_puts(b, "；理由：");
					S_md_cell(b, tr.ptr);
					sx_buf_free(&tr);
				}
			} else if (x->new_row || x->old_row) {
				const sx_row *row = x->new_row ? x->new_row : x->old_row;
				sx_buf_puts(b, sx_status_names[row->status]);
			} else {
				S_marks(b, it);
			}
			sx_buf_puts(b, " |\n");
		}
	}
}

static void
S_json_dtext(sx_buf *b, const sx_dtext *t)
{
	sx_buf_putc(b, '[');
	for (size_t i = 0; i < t->n; i++) {
		sx_buf_printf(b, "%s{\"op\":\"%s\",\"text\":", i ? "," : "",
		    t->v[i].op == SX_OP_SAME ? "same" : t->v[i].op == SX_OP_INS ? "ins" : "del");
		sx_buf_json_str(b, t->v[i].text);
		sx_buf_putc(b, '}');
	}
	sx_buf_putc(b, ']');
}

static void
S_json_side(sx_buf *b, const sx_item *it, const sx_row *row)
{
	char *t, *note;

	if (it == NULL) {
		sx_buf_puts(b, "null");
		return;
	}
	sx_buf_puts(b, "{\"id\":");
	sx_buf_json_str(b, it->id);
	sx_buf_puts(b, ",\"type\":");
	sx_buf_json_str(b, it->type->id);
	sx_buf_puts(b, ",\"group\":");
	sx_buf_json_str(b, it->group->name);
	t = row ? sx_strdup(row->text) : sx_rich_plain(&it->text);
	sx_buf_puts(b, ",\"text\":");
	sx_buf_json_str(b, t);
	free(t);
	sx_buf_puts(b, ",\"marks\":{");
	for (int g = 2; g >= 0; g--)
		sx_buf_printf(b, "%s\"%s\":\"%s\"", g == 2 ? "" : ",", S_grade_key[g],
		    sx_mark_symbols[it->mark[g]]);
	sx_buf_puts(b, "},\"tiers\":{");
	for (int g = 2, first = 1; g >= 0; g--)
		if (it->tier[g]) {
			sx_buf_printf(b, "%s\"%s\":", first ? "" : ",", S_grade_key[g]);
			sx_buf_json_str(b, it->tier[g]);
			first = 0;
		}
	sx_buf_puts(b, "},\"note\":");
	note = sx_item_note(it);
	if (note)
		sx_buf_json_str(b, note);
	else
		sx_buf_puts(b, "null");
	free(note);
	if (row) {
		sx_buf_printf(b, ",\"status\":\"%s\",\"reason\":", sx_status_names[row->status]);
		sx_buf_json_str(b, row->reason);
	}
	sx_buf_putc(b, '}');
}

static void
S_json_render(sx_buf *b, const secannex_diff *d)
{
	size_t add = 0, del = 0, mod = 0;

	sx_buf_printf(b, "{\"format\":\"secannex-diff/1\",\"kind\":\"%s\",\"old\":{\"path\":",
	    d->kind == SX_DIFF_CATALOG ? "catalog" : "annex");
	sx_buf_json_str(b, d->old_cat->proc->path);
	sx_buf_puts(b, ",\"version\":");
	sx_buf_json_str(b, d->old_cat->proc->version);
	sx_buf_puts(b, "},\"new\":{\"path\":");
	sx_buf_json_str(b, d->new_cat->proc->path);
	sx_buf_puts(b, ",\"version\":");
	sx_buf_json_str(b, d->new_cat->proc->version);
	sx_buf_printf(b, "},\"identical\":%s,\"metadata\":[", secannex_diff_count(d) ? "false" : "true");
	for (size_t i = 0; i < d->nmeta; i++) {
		sx_buf_printf(b, "%s\n{\"field\":", i ? "," : "");
		sx_buf_json_str(b, d->meta[i].field);
		sx_buf_puts(b, ",\"old\":");
		if (d->meta[i].old)
			sx_buf_json_str(b, d->meta[i].old);
		else
			sx_buf_puts(b, "null");
		sx_buf_puts(b, ",\"new\":");
		if (d->meta[i].new)
			sx_buf_json_str(b, d->meta[i].new);
		else
			sx_buf_puts(b, "null");
		sx_buf_putc(b, '}');
	}
	sx_buf_puts(b, "],\"rows\":[");
	for (size_t i = 0; i < d->n; i++) {
		const sx_delta *x = &d->v[i];
		add += x->kind == SX_DELTA_ADDED;
		del += x->kind == SX_DELTA_DELETED;
		mod += x->kind == SX_DELTA_MODIFIED;
		sx_buf_printf(b, "%s\n{\"change\":\"%s\",\"changes\":[", i ? "," : "",
		    x->kind == SX_DELTA_ADDED ? "added" : x->kind == SX_DELTA_DELETED ? "deleted" : "modified");
		for (int k = 0, first = 1; k < SX_CH__LAST; k++)
			if (x->changes & (1u << k)) {
				sx_buf_printf(b, "%s\"%s\"", first ? "" : ",", sx_change_names[k]);
				first = 0;
			}
		sx_buf_puts(b, "],\"old\":");
		S_json_side(b, x->old, x->old_row);
		sx_buf_puts(b, ",\"new\":");
		S_json_side(b, x->new, x->new_row);
		if (x->kind == SX_DELTA_MODIFIED)
			sx_buf_printf(b, ",\"similarity\":%.3f", x->similarity);
		sx_buf_puts(b, ",\"text_diff\":");
		if (x->text.n)
			S_json_dtext(b, &x->text);
		else
			sx_buf_puts(b, "null");
		sx_buf_puts(b, ",\"note_diff\":");
		if (x->note.n)
			S_json_dtext(b, &x->note);
		else
			sx_buf_puts(b, "null");
		sx_buf_puts(b, ",\"reason_diff\":");
		if (x->reason.n)
			S_json_dtext(b, &x->reason);
		else
			sx_buf_puts(b, "null");
		sx_buf_putc(b, '}');
	}
	sx_buf_printf(b, "],\"summary\":{\"metadata\":%zu,\"added\":%zu,\"deleted\":%zu,\"modified\":%zu}}\n",
	    d->nmeta, add, del, mod);
}

char *
secannex_render_diff(const secannex_diff *d, secannex_format fmt, int colour)
{
	sx_buf b = SX_BUF_INIT;

	if (fmt == SECANNEX_FORMAT_JSON)
		S_json_render(&b, d);
	else if (fmt == SECANNEX_FORMAT_MD)
		S_md_render(&b, d);
	else
		S_text_render(&b, d, colour);
	return sx_buf_detach(&b);
}

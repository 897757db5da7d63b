/* resolve.c: decides every row of a tender's type (status + reason), fills blanks, attaches 附表十. */
#include <stdlib.h>
#include <string.h>

#include "api.h"
#include "buf.h"
#include "cond.h"
#include "diag.h"
#include "i18n.h"
#include "resolve.h"
#include "suggest.h"

/* the statuses' keys (JSON, CSV), marked for the terminal's text, which translates them */
const char *const sx_status_names[SX_ST__COUNT] = {
	N_("required"), N_("selected"), N_("not-selected"), N_("excluded"), N_("pending-ciso"),
	N_("not-applicable")
};
const char *const sx_status_zh[SX_ST__COUNT] = {
	"應辦理", "選擇納入", "未選擇", "不納入", "待資安長確認", "不適用"
};
const char *const sx_rule_names[SX_RULE__COUNT] = {
	[SX_RULE_COND_PERSONAL_DATA] = "condition-personal-data",
	[SX_RULE_COND_LEVEL] = "condition-level",
	[SX_RULE_MARK_RECOMMENDED] = "mark-recommended",
	[SX_RULE_OFFICER_EXCLUDED] = "officer-excluded",
	[SX_RULE_OFFICER_CHOSEN] = "officer-chosen",
	[SX_RULE_NOT_CHOSEN] = "not-chosen",
	[SX_RULE_CISO_PENDING] = "ciso-pending",
	[SX_RULE_CISO_CONFIRMED] = "ciso-confirmed",
	[SX_RULE_CISO_DECLINED] = "ciso-declined",
	[SX_RULE_MARK_NA] = "mark-not-applicable",
};

int
sx_grade_of_dims(const int dims[SX_DIM__COUNT])
{
	int g = 0;

	for (int i = 0; i < SX_DIM__COUNT; i++)
		if (dims[i] > g)
			g = dims[i];
	return g;
}

/* Where a profile problem without its own line is reported: the profile file, or the command line. */
static const char *
S_where(const secannex_profile *p)
{
	/* TRANSLATORS: where a problem of the command line's flags is, in place of a file name */
	return p->path ? p->path : _("command line");
}

/* "--choose" for a flag, "<choose> at line 7" for a profile file's element. */
static void
S_decision_name(sx_buf *b, const sx_decision *dc)
{
	if (dc->from_flag)
		sx_buf_puts(b, sx_dec_names[dc->kind]);
	else
		sx_buf_printf(b, "<%s> at line %d", sx_dec_names[dc->kind] + 2, dc->line);
}

/*
 * The decisions on each row of the type, in the profile's order: BY[ROW[I]] .. BY[ROW[I + 1]] are
 * the indexes in P->dec of the decisions on row I.  One pass over the decisions (each row found
 * through the catalog's index): linear in the profile, however many decisions it holds.
 */
typedef struct S_decs {
	size_t *row;    /* nrows + 1 offsets into BY */
	size_t *by;
} S_decs;

static void
S_decs_build(S_decs *x, const secannex_resolution *res, const secannex_profile *p)
{
	size_t *at = sx_calloc(p->ndec ? p->ndec : 1, sizeof(size_t)), n = res->type->nitems;

	x->row = sx_calloc(n + 1, sizeof(size_t));
	x->by = sx_calloc(p->ndec ? p->ndec : 1, sizeof(size_t));
	for (size_t i = 0; i < p->ndec; i++) {
		const sx_item *it = sx_item_find(res->cat->proc, p->dec[i].ref);
		at[i] = it && it->type == res->type ? it->index : n;
		if (at[i] < n)
			x->row[at[i] + 1]++;
	}
	for (size_t r = 0; r < n; r++)
		x->row[r + 1] += x->row[r];
	{
		size_t *fill = sx_calloc(n + 1, sizeof(size_t));
		for (size_t i = 0; i < p->ndec; i++)
			if (at[i] < n)
				x->by[x->row[at[i]] + fill[at[i]]++] = i;
		free(fill);
	}
	free(at);
}

static void
S_decs_free(S_decs *x)
{
	free(x->row);
	free(x->by);
}

/* The decision on row R (the first of its decisions); a later one of another kind is a conflict. */
static const sx_decision *
S_decision_for(const secannex_profile *p, const S_decs *x, size_t r, secannex_diags *d,
    int *conflict)
{
	const sx_decision *found = NULL;

	for (size_t k = x->row[r]; k < x->row[r + 1]; k++) {
		const sx_decision *dc = &p->dec[x->by[k]];
		if (found && found->kind != dc->kind) {
			sx_buf a = SX_BUF_INIT, b = SX_BUF_INIT;
			S_decision_name(&a, found);
			S_decision_name(&b, dc);
			sx_diag(d, SX_MSG_CONFLICT, dc->origin, dc->line, dc->ref, a.ptr, b.ptr);
			sx_buf_free(&a);
			sx_buf_free(&b);
			*conflict = 1;
		}
		if (found == NULL)
			found = dc;
	}
	return found;
}

/* The row's note quoted, for reasons. */
static void
S_quote_note(sx_buf *b, const sx_row *row)
{
	if (row->note)
		sx_buf_printf(b, "依備註「%s」", row->note);
}

/* Text with blanks filled from VALUES (NULL: the blank stays as the source's underscores). */
static char *
S_fill(const sx_rich *r, char *const values[SX_BLANK__COUNT], int *unfilled, int *which)
{
	sx_buf b = SX_BUF_INIT;

	for (size_t i = 0; i < r->n; i++) {
		const sx_seg *s = &r->v[i];
		if (s->kind == SX_SEG_BR) {
			sx_buf_putc(&b, '\n');
		} else if (s->kind == SX_SEG_BLANK && values[s->blank]) {
			sx_buf_puts(&b, values[s->blank]);
		} else {
			if (s->kind == SX_SEG_BLANK) {
				(*unfilled)++;
				*which = s->blank;
			}
			sx_buf_puts(&b, s->s);
		}
	}
	return sx_buf_detach(&b);
}

/* What deciding one row works with: the row, its decision, the grade's name, the reason so far. */
typedef struct S_ctx {
	const secannex_resolution *res;
	sx_row *row;
	const sx_decision *dc;      /* NULL: no decision on the row */
	const char *g;              /* the grade in Chinese */
	secannex_diags *d;
	sx_buf why;
	int errs;
} S_ctx;

#define S_DEC(k) (1u << (k))

/* Whether the row's decision is one of KINDS (S_DEC bits). */
static int
S_is(const S_ctx *x, unsigned kinds)
{
	return x->dc && (kinds & S_DEC(x->dc->kind)) != 0;
}

static void
S_set(S_ctx *x, enum sx_status status, enum sx_rule rule)
{
	x->row->status = status;
	x->row->rule = rule;
}

/* A decision of a kind that the row's mark does not take (--choose on ▲, --ciso-confirm on ◎…). */
static void
S_refuse(S_ctx *x, unsigned kinds)
{
	if (!S_is(x, kinds))
		return;
	sx_diag(x->d, SX_MSG_DEC_MARK, x->dc->origin, x->dc->line, sx_dec_names[x->dc->kind],
	    x->row->item->id, sx_mark_symbols[x->row->mark], x->g);
	x->errs++;
}

/*
 * The condition of ROW's note that makes it required in this tender (personal data involved, or
 * the agency at or above the note's level), or -1; its reason in words goes to the reason.  It
 * applies to ● rows as to ◎ rows: a note that says 必選 cannot be overruled by an exclusion.
 */
static int
S_must(S_ctx *x)
{
	const sx_item *it = x->row->item;

	for (int k = 0; k < SX_COND__COUNT; k++) {
		const sx_cond_kind *c = &sx_cond_kinds[k];

		if (c->role != SX_CR_REQUIRES || !(it->conds & SX_COND_BIT(k)) || !c->holds(x->res, it))
			continue;
		sx_buf_printf(&x->why, "等級「%s」標示為%s，", x->g, sx_mark_symbols[x->row->mark]);
		S_quote_note(&x->why, x->row);
		sx_cond_say(&x->why, c->must, x->res, it);
		return k;
	}
	return -1;
}

/* The row is required by condition MUST: an exclusion is an error. */
static void
S_required_by(S_ctx *x, int must)
{
	if (S_is(x, S_DEC(SX_DEC_EXCLUDE))) {
		sx_diag(x->d, sx_cond_kinds[must].refuse, x->dc->origin, x->dc->line, x->row->item->id);
		x->errs++;
	}
	S_set(x, SX_ST_REQUIRED, sx_cond_kinds[must].rule);
}

/* - : not applicable, and cannot be chosen. */
static void
S_decide_na(S_ctx *x)
{
	if (S_is(x, S_DEC(SX_DEC_CHOOSE))) {
		sx_diag(x->d, SX_MSG_CHOOSE_NA, x->dc->origin, x->dc->line, x->row->item->id, x->g);
		x->errs++;
	}
	S_refuse(x, S_DEC(SX_DEC_CONFIRM) | S_DEC(SX_DEC_DECLINE));
	S_set(x, SX_ST_NA, SX_RULE_MARK_NA);
	sx_buf_printf(&x->why, "系統防護需求等級「%s」標示為「-」（不適用）。", x->g);
}

/* ● : required, unless the officer leaves it out with a reason (and no condition makes it 必選). */
static void
S_decide_rec(S_ctx *x)
{
	int must;

	S_refuse(x, S_DEC(SX_DEC_CONFIRM) | S_DEC(SX_DEC_DECLINE));
	if (S_is(x, S_DEC(SX_DEC_CHOOSE)))
		sx_diag(x->d, SX_MSG_REDUNDANT, x->dc->origin, x->dc->line, x->row->item->id, "●");
	if ((must = S_must(x)) >= 0) {
		S_required_by(x, must);
	} else if (S_is(x, S_DEC(SX_DEC_EXCLUDE))) {
		S_set(x, SX_ST_EXCLUDED, SX_RULE_OFFICER_EXCLUDED);
		sx_buf_printf(&x->why, "等級「%s」標示為●（建議辦理），經機關評估不納入，理由：%s", x->g,
		    x->dc->reason ? x->dc->reason : "");
	} else {
		S_set(x, SX_ST_REQUIRED, SX_RULE_MARK_RECOMMENDED);
		sx_buf_printf(&x->why, "等級「%s」標示為●（建議辦理），納入。", x->g);
	}
}

/* ▲ : pending until the CISO confirms or declines it. */
static void
S_decide_ciso(S_ctx *x)
{
	S_refuse(x, S_DEC(SX_DEC_CHOOSE) | S_DEC(SX_DEC_EXCLUDE));
	if (S_is(x, S_DEC(SX_DEC_CONFIRM))) {
		S_set(x, SX_ST_REQUIRED, SX_RULE_CISO_CONFIRMED);
		sx_buf_printf(&x->why, "等級「%s」標示為▲，經機關資安長確認導入，納入。", x->g);
	} else if (S_is(x, S_DEC(SX_DEC_DECLINE))) {
		S_set(x, SX_ST_EXCLUDED, SX_RULE_CISO_DECLINED);
		sx_buf_printf(&x->why, "等級「%s」標示為▲，經機關資安長確認不導入，理由：%s", x->g,
		    x->dc->reason ? x->dc->reason : "");
	} else {
		S_set(x, SX_ST_PENDING, SX_RULE_CISO_PENDING);
		sx_buf_printf(&x->why, "等級「%s」標示為▲，待機關資安長確認是否導入。", x->g);
	}
}

/* A ◎ row the officer chose: a condition that limits the choice must hold. */
static void
S_chosen(S_ctx *x)
{
	const sx_item *it = x->row->item;

	for (int k = 0; k < SX_COND__COUNT; k++)
		if (sx_cond_kinds[k].role == SX_CR_LIMITS && (it->conds & SX_COND_BIT(k)) &&
		    !sx_cond_kinds[k].holds(x->res, it)) {
			sx_diag(x->d, sx_cond_kinds[k].refuse, x->dc->origin, x->dc->line, it->id);
			x->errs++;
		}
	S_set(x, SX_ST_SELECTED, SX_RULE_OFFICER_CHOSEN);
	sx_buf_printf(&x->why, "等級「%s」標示為◎，經機關評估個案有必要，選擇納入。", x->g);
	for (int k = 0; k < SX_COND__COUNT; k++)
		if (it->conds & SX_COND_BIT(k))
			sx_cond_say(&x->why, sx_cond_kinds[k].chosen, x->res, it);
}

/* A ◎ row not chosen, or left out with a reason. */
static void
S_not_chosen(S_ctx *x)
{
	const sx_item *it = x->row->item;

	S_set(x, SX_ST_NOT_SELECTED, x->dc ? SX_RULE_OFFICER_EXCLUDED : SX_RULE_NOT_CHOSEN);
	sx_buf_printf(&x->why, "等級「%s」標示為◎（經機關評估個案有必要時納入），", x->g);
	if (x->dc) {
		sx_buf_printf(&x->why, "經機關評估不納入，理由：%s", x->dc->reason ? x->dc->reason : "");
		return;
	}
	sx_buf_puts(&x->why, "本案未選擇。");
	for (int k = 0; k < SX_COND__COUNT; k++)
		if (it->conds & SX_COND_BIT(k))
			sx_cond_say(&x->why, sx_cond_kinds[k].not_chosen, x->res, it);
}

/* ◎ : required where its note's condition holds, else selected only if the officer chose it. */
static void
S_decide_case(S_ctx *x)
{
	int must;

	S_refuse(x, S_DEC(SX_DEC_CONFIRM) | S_DEC(SX_DEC_DECLINE));
	if ((must = S_must(x)) >= 0) {
		S_required_by(x, must);
		if (S_is(x, S_DEC(SX_DEC_CHOOSE)))
			sx_diag(x->d, SX_MSG_REDUNDANT_COND, x->dc->origin, x->dc->line, x->row->item->id);
	} else if (S_is(x, S_DEC(SX_DEC_CHOOSE))) {
		S_chosen(x);
	} else {
		S_not_chosen(x);
	}
}

/* Decide one row, with the decisions DECS.  Returns the number of errors reported. */
static int
S_decide(secannex_resolution *res, sx_row *row, const secannex_profile *p, const S_decs *decs,
    secannex_diags *d)
{
	S_ctx x = { res, row, NULL, sx_grade_zh[res->grade], d, SX_BUF_INIT, 0 };
	int conflict = 0;

	x.dc = S_decision_for(p, decs, row->item->index, d, &conflict);
	if (conflict)
		return 1;
	row->decision = x.dc;
	if (S_is(&x, S_DEC(SX_DEC_EXCLUDE) | S_DEC(SX_DEC_DECLINE)) && x.dc->reason == NULL) {
		sx_diag(d, SX_MSG_NEED_REASON, x.dc->origin, x.dc->line, sx_dec_names[x.dc->kind],
		    row->item->id);
		x.errs++;
	}
	switch (row->mark) {
	case SX_MARK_NA:
		S_decide_na(&x);
		break;
	case SX_MARK_REC:
		S_decide_rec(&x);
		break;
	case SX_MARK_CISO:
		S_decide_ciso(&x);
		break;
	case SX_MARK_CASE:
		S_decide_case(&x);
		break;
	}
	/* the escape clause is the note itself: quoted verbatim, never reworded */
	for (int k = 0; k < SX_COND__COUNT; k++)
		if (sx_cond_kinds[k].role == SX_CR_QUOTES && (row->item->conds & SX_COND_BIT(k)) &&
		    row->note && sx_row_in_annex(row))
			sx_buf_printf(&x.why, "備註：「%s」", row->note);
	row->reason = sx_buf_detach(&x.why);
	return x.errs;
}

/* The system grade, given or from the four 附表九 dimensions; returns whether all four are set. */
static int
S_grade(secannex_resolution *res, const secannex_profile *p, secannex_diags *d)
{
	int have_dims = 1, any = 0;

	for (int i = 0; i < SX_DIM__COUNT; i++) {
		res->dims[i] = p->dims[i];
		if (p->dims[i] < 0)
			have_dims = 0;
		any |= p->dims[i] >= 0;
	}
	if (p->grade >= 0) {
		res->grade = p->grade;
	} else if (have_dims) {
		res->grade = sx_grade_of_dims(p->dims);
		res->grade_from_dims = 1;
	} else {
		sx_diag(d, any ? SX_MSG_NO_DIMS : SX_MSG_NO_GRADE, S_where(p), 0);
	}
	return have_dims;
}

/* An unknown type (M: SX_MSG_UNKNOWN_TYPE) or row id WORD at AT, with the closest names: the
 * types, or the rows of the tender's type (of every type when the type is not known). */
static void
S_unknown(secannex_diags *d, enum sx_msg m, const sx_origin *at, const char *word,
    const secannex_resolution *res)
{
	sx_names c;

	if (m == SX_MSG_UNKNOWN_TYPE)
		sx_names_types(&c, res->cat->proc);
	else
		sx_names_rows(&c, res->cat->proc, res->type);
	sx_diag_suggest(d, m, at->file, at->line, word, &c);
	sx_names_free(&c);
}

/* The tender's facts: type, grade (given or from 附表九 dimensions), level, kind, fields. */
static void
S_facts(secannex_resolution *res, const secannex_profile *p, secannex_diags *d)
{
	int have_dims;

	if (p->type == NULL)
		sx_diag(d, SX_MSG_NO_TYPE, S_where(p), 0);
	else if ((res->type = sx_type_lookup(res->cat->proc, p->type)) == NULL)
		S_unknown(d, SX_MSG_UNKNOWN_TYPE, &p->type_at, p->type, res);
	have_dims = S_grade(res, p, d);
	if (p->level < 0)
		sx_diag(d, SX_MSG_NO_LEVEL, S_where(p), 0);
	res->level = p->level;
	res->kind = p->kind >= 0 ? p->kind : SECANNEX_KIND_PUBLIC;
	res->personal_data = p->personal_data == 1;
	res->special = p->special == 1;
	res->baseline = p->baseline >= 0 ? p->baseline : res->grade;
	res->baseline_given = p->baseline >= 0;
	if (p->baseline >= 0 && (p->grade >= 0 || have_dims) && p->baseline < res->grade)
		sx_diag(d, SX_MSG_BASELINE_LOW, p->baseline_at.file, p->baseline_at.line,
		    sx_grade_zh[p->baseline], sx_grade_zh[res->grade]);
	for (int i = 0; i < SX_F__COUNT; i++)
		res->fields[i] = p->fields[i] ? sx_strdup(p->fields[i]) : NULL;
}

/* Every decision names a row of this type; the resolution owns a copy of them (it outlives
 * the profile), and the blanks' values. */
static void
S_take_profile(secannex_resolution *res, const secannex_profile *p, secannex_diags *d)
{
	for (size_t i = 0; i < p->ndec; i++) {
		const sx_item *it = sx_item_find(res->cat->proc, p->dec[i].ref);
		if (it == NULL)
			S_unknown(d, SX_MSG_UNKNOWN_ROW, &(sx_origin){ p->dec[i].origin, p->dec[i].line },
			    p->dec[i].ref, res);
		else if (it->type != res->type)
			sx_diag(d, SX_MSG_FOREIGN_ROW, p->dec[i].origin, p->dec[i].line, p->dec[i].ref,
			    it->type->id, res->type->id);
	}
	res->blank_values[SX_BLANK_SYSTEM_GRADE] = sx_strdup(sx_grade_zh[res->grade]);
	res->blank_values[SX_BLANK_BASELINE_GRADE] = sx_strdup(sx_grade_zh[res->baseline]);
	res->blank_values[SX_BLANK_SCAN_RISK] = p->scan_risk ? sx_strdup(p->scan_risk) : NULL;
	res->ndec = p->ndec;
	res->dec = sx_calloc(p->ndec ? p->ndec : 1, sizeof(sx_decision));
	for (size_t i = 0; i < p->ndec; i++) {
		res->dec[i] = p->dec[i];
		res->dec[i].ref = sx_strdup(p->dec[i].ref);
		res->dec[i].reason = p->dec[i].reason ? sx_strdup(p->dec[i].reason) : NULL;
		res->dec[i].origin = sx_strdup(p->dec[i].origin);
	}
}

/* The row's text (blanks filled, tier appended) and note; returns the blanks left unfilled, the
 * last of them in *WHICH. */
static int
S_row_texts(const secannex_resolution *res, sx_row *row, int *which)
{
	const sx_item *it = row->item;
	int unfilled = 0;

	row->text = S_fill(&it->text, res->blank_values, &unfilled, which);
	if (row->tier) {
		char *t = sx_aprintf("%s(%s)", row->text, row->tier);
		free(row->text);
		row->text = t;
	}
	if (it->note.n || it->group->note.n) {
		int nu = 0, nw = 0;
		row->note_is_group = it->note.n == 0;
		row->note = S_fill(it->note.n ? &it->note : &it->group->note, res->blank_values, &nu,
		    &nw);
		row->note_public = sx_item_note_audience(it) == SX_AUD_VENDOR;
	}
	row->qualification = sx_item_qualification(it);
	return unfilled;
}

/* A blank of a row in the annex has no value: a warning (an error with STRICT). */
static void
S_unfilled(secannex_resolution *res, const sx_row *row, int which, const secannex_profile *p,
    int strict, secannex_diags *d)
{
	sx_diag(d, SX_MSG_UNFILLED, S_where(p), 0, row->item->id, sx_blank_names[which]);
	if (strict)
		d->v[d->n - 1].level = SECANNEX_DIAG_ERROR;
	res->warnings = sx_realloc(res->warnings, (res->nwarnings + 1) * sizeof(char *));
	res->warnings_text = sx_realloc(res->warnings_text, (res->nwarnings + 1) * sizeof(char *));
	res->warnings[res->nwarnings] = sx_msg_text_c(SX_MSG_UNFILLED_NOTE, row->item->id,
	    sx_blank_names[which]);
	res->warnings_text[res->nwarnings++] = sx_msg_text(SX_MSG_UNFILLED_NOTE, row->item->id,
	    sx_blank_names[which]);
}

/* The nested 附表十 lists, at the baseline grade, of every measure of the areas the row cites. */
static void
S_attach_controls(const secannex_resolution *res, sx_row *row)
{
	const sx_item *it = row->item;

	for (size_t k = 0; k < it->nareas; k++) {
		const sx_area *a = sx_area_find(res->cat->reg, it->areas[k]);
		for (size_t m = 0; a && m < a->nmeasures; m++) {
			size_t n;
			sx_control *ctl = sx_baseline_resolve(&a->measures[m], (secannex_grade)res->baseline,
			    &n);
			row->controls = sx_realloc(row->controls, (row->ncontrols + n) * sizeof(sx_control));
			if (n)
				memcpy(row->controls + row->ncontrols, ctl, n * sizeof(sx_control));
			row->ncontrols += n;
			free(ctl);
		}
	}
}

static void
S_resolve_row(secannex_resolution *res, sx_row *row, const sx_item *it, const secannex_profile *p,
    const S_decs *decs, int strict, secannex_diags *d)
{
	int which = 0, unfilled;

	row->item = it;
	row->mark = it->mark[res->grade];
	row->tier = it->tier[res->grade];
	unfilled = S_row_texts(res, row, &which);
	row->unfilled = unfilled;
	S_decide(res, row, p, decs, d);
	if (row->decision)
		row->decision = &res->dec[row->decision - p->dec];
	res->counts[row->status]++;
	if (unfilled && row->status != SX_ST_NA && row->status != SX_ST_NOT_SELECTED &&
	    row->status != SX_ST_EXCLUDED)
		S_unfilled(res, row, which, p, strict, d);
	if (it->nareas && row->status != SX_ST_NA)
		S_attach_controls(res, row);
}

int
secannex_resolve(secannex_resolution **out, const secannex_catalog *cat,
    const secannex_profile *p, int strict, secannex_diags *d)
{
	secannex_resolution *res = sx_calloc(1, sizeof(*res));
	size_t before = d->n;
	S_decs decs;
	int rc = SECANNEX_EINVALID;

	*out = NULL;
	res->cat = cat;
	if (cat == NULL || cat->proc == NULL || cat->reg == NULL) {
		sx_error_msg(SX_MSG_NO_CATALOG);
		goto done;
	}
	S_facts(res, p, d);
	if (sx_diags_errors_since(d, before))
		goto done;
	S_take_profile(res, p, d);
	S_decs_build(&decs, res, p);
	res->nrows = res->type->nitems;
	res->rows = sx_calloc(res->nrows ? res->nrows : 1, sizeof(sx_row));
	for (size_t i = 0; i < res->nrows; i++)
		S_resolve_row(res, &res->rows[i], &res->type->items[i], p, &decs, strict, d);
	S_decs_free(&decs);
	rc = sx_diags_errors_since(d, before) ? SECANNEX_EINVALID : 0;
done:
	if (rc == 0)
		*out = res;
	else
		secannex_resolution_free(res);
	return rc;
}

void
secannex_resolution_free(secannex_resolution *r)
{
	if (r == NULL)
		return;
	for (size_t i = 0; i < r->nrows; i++) {
		free(r->rows[i].reason);
		free(r->rows[i].text);
		free(r->rows[i].note);
		free(r->rows[i].controls);
	}
	free(r->rows);
	for (size_t i = 0; i < r->nwarnings; i++) {
		free(r->warnings[i]);
		free(r->warnings_text[i]);
	}
	free(r->warnings);
	free(r->warnings_text);
	for (int i = 0; i < SX_BLANK__COUNT; i++)
		free(r->blank_values[i]);
	for (int i = 0; i < SX_F__COUNT; i++)
		free(r->fields[i]);
	for (size_t i = 0; i < r->ndec; i++) {
		free(r->dec[i].ref);
		free(r->dec[i].reason);
		free(r->dec[i].origin);
	}
	free(r->dec);
	free(r);
}

int
sx_row_in_annex(const sx_row *row)
{
	return row->status == SX_ST_REQUIRED || row->status == SX_ST_SELECTED;
}

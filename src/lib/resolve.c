/* resolve.c: decides every row of a tender's type (status + reason), fills blanks, attaches 附表十. */
#include <stdlib.h>
#include <string.h>

#include "api.h"
#include "buf.h"
#include "diag.h"
#include "resolve.h"

const char *const sx_status_names[SX_ST__COUNT] = {
	"required", "selected", "not-selected", "excluded", "pending-ciso", "not-applicable"
};
const char *const sx_status_zh[SX_ST__COUNT] = {
	"應辦理", "選擇納入", "未選擇", "不納入", "待資安長確認", "不適用"
};
static const char *const S_grade_zh[3] = { "普", "中", "高" };

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
	return p->path ? p->path : "command line";
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

static const sx_decision *
S_decision_for(const secannex_profile *p, const char *id, secannex_diags *d, int *conflict)
{
	const sx_decision *found = NULL;

	for (size_t i = 0; i < p->ndec; i++) {
		const sx_decision *dc = &p->dec[i];
		if (strcmp(dc->ref, id) != 0)
			continue;
		if (found && found->kind != dc->kind) {
			sx_buf a = SX_BUF_INIT, b = SX_BUF_INIT;
			S_decision_name(&a, found);
			S_decision_name(&b, dc);
			sx_diag(d, SX_MSG_CONFLICT, dc->origin, dc->line, id, a.ptr, b.ptr);
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

static void
S_warn(secannex_resolution *r, const char *msg)
{
	r->warnings = sx_realloc(r->warnings, (r->nwarnings + 1) * sizeof(char *));
	r->warnings[r->nwarnings++] = sx_strdup(msg);
}

/*
 * The rule of ROW's note that makes it required in this tender (personal data involved, or the
 * agency at or above the note's level), or NULL; the reason in words is appended to MB.  It
 * applies to ● rows as to ◎ rows: a note that says 必選 cannot be overruled by an exclusion.
 */
static const char *
S_must(const secannex_resolution *res, const sx_row *row, const char *g, sx_buf *mb)
{
	const sx_item *it = row->item;
	const char *sym = sx_mark_symbols[row->mark];

	if ((it->conds & SX_COND_PERSONAL_DATA) && res->personal_data == 1) {
		sx_buf_printf(mb, "等級「%s」標示為%s，", g, sym);
		S_quote_note(mb, row);
		sx_buf_puts(mb, "，本案涉及個資，應納入。");
		return "condition-personal-data";
	}
	if ((it->conds & SX_COND_LEVEL) && res->level <= it->level_min) {
		sx_buf_printf(mb, "等級「%s」標示為%s，", g, sym);
		S_quote_note(mb, row);
		sx_buf_printf(mb, "，本機關資通安全責任等級為%s級，必選。", sx_level_names[res->level]);
		return "condition-level";
	}
	return NULL;
}

static void
S_exclude_must(secannex_diags *d, const sx_decision *dc, const char *id, const char *must)
{
	sx_diag(d, SX_MSG_EXCLUDE_MUST, dc->origin, dc->line, id,
	    strcmp(must, "condition-level") == 0 ?
	    "its note makes it 必選 at this agency's level" :
	    "its note makes it required when personal data is involved");
}

/* Decide one row.  Returns the number of errors reported. */
static int
S_decide(secannex_resolution *res, sx_row *row, const secannex_profile *p, secannex_diags *d)
{
	const sx_item *it = row->item;
	const char *g = S_grade_zh[res->grade];
	const char *sym = sx_mark_symbols[row->mark];
	int conflict = 0, errs = 0;
	const sx_decision *dc = S_decision_for(p, it->id, d, &conflict);
	sx_buf why = SX_BUF_INIT, mb = SX_BUF_INIT;
	const char *must;

	if (conflict)
		return 1;
	row->decision = dc;
	if (dc && (dc->kind == SX_DEC_EXCLUDE || dc->kind == SX_DEC_DECLINE) && dc->reason == NULL) {
		sx_diag(d, SX_MSG_NEED_REASON, dc->origin, dc->line, sx_dec_names[dc->kind], it->id);
		errs++;
	}

	switch (row->mark) {
	case SX_MARK_NA:
		if (dc && dc->kind == SX_DEC_CHOOSE) {
			sx_diag(d, SX_MSG_CHOOSE_NA, dc->origin, dc->line, it->id, g);
			errs++;
		} else if (dc && dc->kind != SX_DEC_EXCLUDE) {
			sx_diag(d, SX_MSG_DEC_MARK, dc->origin, dc->line, sx_dec_names[dc->kind], it->id,
			    sym, g);
			errs++;
		}
		row->status = SX_ST_NA;
		row->rule = "mark-not-applicable";
		sx_buf_printf(&why, "系統防護需求等級「%s」標示為「-」（不適用）。", g);
		break;

	case SX_MARK_REC:
		if (dc && (dc->kind == SX_DEC_CONFIRM || dc->kind == SX_DEC_DECLINE)) {
			sx_diag(d, SX_MSG_DEC_MARK, dc->origin, dc->line, sx_dec_names[dc->kind], it->id,
			    sym, g);
			errs++;
		}
		if (dc && dc->kind == SX_DEC_CHOOSE)
			sx_diag(d, SX_MSG_REDUNDANT, dc->origin, dc->line, it->id, "●");
		must = S_must(res, row, g, &mb);
		if (must && dc && dc->kind == SX_DEC_EXCLUDE) {
			S_exclude_must(d, dc, it->id, must);
			errs++;
		}
		if (must) {
			row->status = SX_ST_REQUIRED;
			row->rule = must;
			sx_buf_puts(&why, mb.ptr);
		} else if (dc && dc->kind == SX_DEC_EXCLUDE) {
			row->status = SX_ST_EXCLUDED;
			row->rule = "officer-excluded";
			sx_buf_printf(&why, "等級「%s」標示為●（建議辦理），經機關評估不納入，理由：%s", g,
			    dc->reason ? dc->reason : "");
		} else {
			row->status = SX_ST_REQUIRED;
			row->rule = "mark-recommended";
			sx_buf_printf(&why, "等級「%s」標示為●（建議辦理），納入。", g);
		}
		break;

	case SX_MARK_CISO:
		if (dc && (dc->kind == SX_DEC_CHOOSE || dc->kind == SX_DEC_EXCLUDE)) {
			sx_diag(d, SX_MSG_DEC_MARK, dc->origin, dc->line, sx_dec_names[dc->kind], it->id,
			    sym, g);
			errs++;
		}
		if (dc && dc->kind == SX_DEC_CONFIRM) {
			row->status = SX_ST_REQUIRED;
			row->rule = "ciso-confirmed";
			sx_buf_printf(&why, "等級「%s」標示為▲，經機關資安長確認導入，納入。", g);
		} else if (dc && dc->kind == SX_DEC_DECLINE) {
			row->status = SX_ST_EXCLUDED;
			row->rule = "ciso-declined";
			sx_buf_printf(&why, "等級「%s」標示為▲，經機關資安長確認不導入，理由：%s", g,
			    dc->reason ? dc->reason : "");
		} else {
			row->status = SX_ST_PENDING;
			row->rule = "ciso-pending";
			sx_buf_printf(&why, "等級「%s」標示為▲，待機關資安長確認是否導入。", g);
		}
		break;

	case SX_MARK_CASE:
		if (dc && (dc->kind == SX_DEC_CONFIRM || dc->kind == SX_DEC_DECLINE)) {
			sx_diag(d, SX_MSG_DEC_MARK, dc->origin, dc->line, sx_dec_names[dc->kind], it->id,
			    sym, g);
			errs++;
		}
		must = S_must(res, row, g, &mb);
		if (must) {
			if (dc && dc->kind == SX_DEC_EXCLUDE) {
				S_exclude_must(d, dc, it->id, must);
				errs++;
			}
			if (dc && dc->kind == SX_DEC_CHOOSE)
				sx_diag(d, SX_MSG_REDUNDANT, dc->origin, dc->line, it->id,
				    "by its note's condition");
			row->status = SX_ST_REQUIRED;
			row->rule = must;
			sx_buf_puts(&why, mb.ptr);
		} else if (dc && dc->kind == SX_DEC_CHOOSE) {
			if ((it->conds & SX_COND_SPECIAL) && res->special != 1) {
				sx_diag(d, SX_MSG_CHOOSE_SPECIAL, dc->origin, dc->line, it->id);
				errs++;
			}
			row->status = SX_ST_SELECTED;
			row->rule = "officer-chosen";
			sx_buf_printf(&why, "等級「%s」標示為◎，經機關評估個案有必要，選擇納入。", g);
			if (it->conds & SX_COND_SPECIAL)
				sx_buf_puts(&why, "本項屬廠商特定資格，本案為特殊或巨額採購，並應載明於招標文件。");
		} else {
			row->status = SX_ST_NOT_SELECTED;
			row->rule = dc ? "officer-excluded" : "not-chosen";
			sx_buf_printf(&why, "等級「%s」標示為◎（經機關評估個案有必要時納入），", g);
			if (dc)
				sx_buf_printf(&why, "經機關評估不納入，理由：%s", dc->reason ? dc->reason : "");
			else
				sx_buf_puts(&why, "本案未選擇。");
			if ((it->conds & SX_COND_LEVEL) && !dc)
				sx_buf_printf(&why, "（本機關為%s級，未達備註所定%s級以上必選之條件。）",
				    sx_level_names[res->level], sx_level_names[it->level_min]);
			if ((it->conds & SX_COND_PERSONAL_DATA) && !dc)
				sx_buf_puts(&why, "（本案未涉及個資。）");
			if ((it->conds & SX_COND_SPECIAL) && !dc)
				sx_buf_puts(&why, "（本項限特殊或巨額採購時方得採行。）");
		}
		break;
	}
	/* the escape clause is the note itself: quoted verbatim, never reworded */
	if (it->conds & SX_COND_CISO_ESCAPE && row->note && (row->status == SX_ST_REQUIRED ||
	    row->status == SX_ST_SELECTED))
		sx_buf_printf(&why, "備註：「%s」", row->note);
	sx_buf_free(&mb);
	row->reason = sx_buf_detach(&why);
	return errs;
}

static void
S_missing(secannex_diags *d, const secannex_profile *p, const char *what)
{
	sx_diag(d, SX_MSG_MISSING, S_where(p), 0, what);
}

int
secannex_resolve(secannex_resolution **out, const secannex_catalog *cat,
    const secannex_profile *p, int strict, secannex_diags *d)
{
	secannex_resolution *res = sx_calloc(1, sizeof(*res));
	size_t before = d->n;
	int have_dims = 1, rc = SECANNEX_EINVALID;

	*out = NULL;
	res->cat = cat;
	if (cat == NULL || cat->proc == NULL || cat->reg == NULL) {
		sx_error_set("the catalog is not loaded");
		goto done;
	}
	/* the tender's facts: type, grade (given or from 附表九 dimensions), level, kind */
	if (p->type == NULL) {
		S_missing(d, p, "the procurement type is not given (--type or <type>)");
	} else if ((res->type = sx_type_find(cat->proc, p->type)) == NULL) {
		sx_diag(d, SX_MSG_UNKNOWN_TYPE, p->type_at.file, p->type_at.line, p->type);
	}
	for (int i = 0; i < SX_DIM__COUNT; i++) {
		res->dims[i] = p->dims[i];
		if (p->dims[i] < 0)
			have_dims = 0;
	}
	if (p->grade >= 0) {
		res->grade = p->grade;
	} else if (have_dims) {
		res->grade = sx_grade_of_dims(p->dims);
		res->grade_from_dims = 1;
	} else {
		int any = 0;
		for (int i = 0; i < SX_DIM__COUNT; i++)
			any |= p->dims[i] >= 0;
		S_missing(d, p, any ?
		    "the grade needs all four dimensions (--confidentiality --integrity --availability --legal)" :
		    "the system grade is not given (--grade, or the four 附表九 dimensions)");
	}
	if (p->level < 0)
		S_missing(d, p, "the agency's responsibility level is not given (--level A-E or <agency-level>)");
	res->level = p->level;
	res->kind = p->kind >= 0 ? p->kind : SECANNEX_KIND_PUBLIC;
	res->personal_data = p->personal_data == 1;
	res->special = p->special == 1;
	res->baseline = p->baseline >= 0 ? p->baseline : res->grade;
	res->baseline_given = p->baseline >= 0;
	if (p->baseline >= 0 && (p->grade >= 0 || have_dims) && p->baseline < res->grade)
		sx_diag(d, SX_MSG_BASELINE_LOW, p->baseline_at.file, p->baseline_at.line,
		    S_grade_zh[p->baseline], S_grade_zh[res->grade]);
	for (int i = 0; i < SX_F__COUNT; i++)
		res->fields[i] = p->fields[i] ? sx_strdup(p->fields[i]) : NULL;
	for (size_t i = before; i < d->n; i++)
		if (d->v[i].level >= SECANNEX_DIAG_ERROR)
			goto done;

	/* every decision names a row of this type */
	for (size_t i = 0; i < p->ndec; i++) {
		const sx_item *it = sx_item_find(cat->proc, p->dec[i].ref);
		if (it == NULL)
			sx_diag(d, SX_MSG_UNKNOWN_ROW, p->dec[i].origin, p->dec[i].line, p->dec[i].ref);
		else if (it->type != res->type)
			sx_diag(d, SX_MSG_FOREIGN_ROW, p->dec[i].origin, p->dec[i].line, p->dec[i].ref,
			    it->type->id, res->type->id);
	}

	res->blank_values[SX_BLANK_SYSTEM_GRADE] = sx_strdup(S_grade_zh[res->grade]);
	res->blank_values[SX_BLANK_BASELINE_GRADE] = sx_strdup(S_grade_zh[res->baseline]);
	res->blank_values[SX_BLANK_SCAN_RISK] = p->scan_risk ? sx_strdup(p->scan_risk) : NULL;

	/* the resolution owns a copy of the decisions: it outlives the profile */
	res->ndec = p->ndec;
	res->dec = sx_calloc(p->ndec ? p->ndec : 1, sizeof(sx_decision));
	for (size_t i = 0; i < p->ndec; i++) {
		res->dec[i] = p->dec[i];
		res->dec[i].ref = sx_strdup(p->dec[i].ref);
		res->dec[i].reason = p->dec[i].reason ? sx_strdup(p->dec[i].reason) : NULL;
		res->dec[i].origin = sx_strdup(p->dec[i].origin);
	}

	res->nrows = res->type->nitems;
	res->rows = sx_calloc(res->nrows, sizeof(sx_row));
	for (size_t i = 0; i < res->nrows; i++) {
		sx_row *row = &res->rows[i];
		const sx_item *it = &res->type->items[i];
		int unfilled = 0, which = 0;
		char *text;

		row->item = it;
		row->mark = it->mark[res->grade];
		row->tier = it->tier[res->grade];
		text = S_fill(&it->text, res->blank_values, &unfilled, &which);
		if (row->tier) {
			sx_buf b = SX_BUF_INIT;
			sx_buf_printf(&b, "%s(%s)", text, row->tier);
			free(text);
			text = sx_buf_detach(&b);
		}
		row->text = text;
		row->unfilled = unfilled;
		if (it->note.n || it->group->note.n) {
			int nu = 0, nw = 0;
			row->note_is_group = it->note.n == 0;
			row->note = S_fill(it->note.n ? &it->note : &it->group->note, res->blank_values,
			    &nu, &nw);
		}
		S_decide(res, row, p, d);
		if (row->decision)
			row->decision = &res->dec[row->decision - p->dec];
		res->counts[row->status]++;
		if (unfilled && row->status != SX_ST_NA && row->status != SX_ST_NOT_SELECTED &&
		    row->status != SX_ST_EXCLUDED) {
			sx_buf w = SX_BUF_INIT;
			sx_diag(d, SX_MSG_UNFILLED, S_where(p), 0, it->id, sx_blank_names[which],
			    "--scan-risk or <blank name=\"scan-risk-level\">");
			if (strict)
				d->v[d->n - 1].level = SECANNEX_DIAG_ERROR;
			sx_buf_printf(&w, "%s: blank '%s' has no value; it stays visible as %s", it->id,
			    sx_blank_names[which], "___");
			S_warn(res, w.ptr);
			sx_buf_free(&w);
		}
		if (it->nareas && row->status != SX_ST_NA) {
			sx_control tmp[64];
			for (size_t k = 0; k < it->nareas; k++) {
				const sx_area *a = sx_area_find(cat->reg, it->areas[k]);
				for (size_t m = 0; a && m < a->nmeasures; m++) {
					size_t n = sx_baseline_resolve(&a->measures[m],
					    (secannex_grade)res->baseline, tmp, 64);
					row->controls = sx_realloc(row->controls,
					    (row->ncontrols + n) * sizeof(sx_control));
					memcpy(row->controls + row->ncontrols, tmp, n * sizeof(sx_control));
					row->ncontrols += n;
				}
			}
		}
	}
	rc = 0;
	for (size_t i = before; i < d->n; i++)
		if (d->v[i].level >= SECANNEX_DIAG_ERROR)
			rc = SECANNEX_EINVALID;
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
	for (size_t i = 0; i < r->nwarnings; i++)
		free(r->warnings[i]);
	free(r->warnings);
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

/* migrate.c: a tender profile carried to a new catalog version (each decision through the row
 * matching, checked by resolving it there) and written back as a profile file. */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "diff.h"
#include "i18n.h"
#include "output.h"
#include "resolve.h"
#include "xmlw.h"

#define NS_PROFILE "urn:secannex:profile:1"

/* The element of each decision kind in a profile file. */
static const char *const S_dec_elems[SX_DEC__COUNT] = {
	"choose", "exclude", "ciso-confirm", "ciso-decline"
};

/* What became of one decision. */
enum { S_KEPT, S_NOT_OLD, S_LOST, S_UNFIT };

/*
 * Resolve P (its decisions' rows mapped to TO, a NULL entry left out) against CAT and mark in FATE
 * each decision that an error names (at its file and line) S_UNFIT.  The resolver's diagnostics go
 * to OUT, those about dropped decisions (with FORCE) as warnings.  Returns the number of errors
 * that name no decision (a profile that does not resolve on its own).
 */
static size_t
S_trial(const secannex_profile *p, const char *const *to, const secannex_catalog *cat, int *fate,
    int force, secannex_diags *out)
{
	secannex_profile tmp = *p;
	secannex_diags *t = secannex_diags_new();
	secannex_resolution *r = NULL;
	size_t other = 0, k = 0;

	tmp.dec = sx_calloc(p->ndec ? p->ndec : 1, sizeof(*tmp.dec));
	for (size_t i = 0; i < p->ndec; i++)
		if (to[i]) {
			tmp.dec[k] = p->dec[i];
			tmp.dec[k++].ref = (char *)to[i];
		}
	tmp.ndec = k;
	secannex_resolve(&r, cat, &tmp, 0, t);
	for (size_t g = 0; g < t->n; g++) {
		const struct sx_diag *x = &t->v[g];
		int hit = 0;
		for (size_t i = 0; x->level >= SECANNEX_DIAG_ERROR && x->line > 0 && i < p->ndec; i++)
			if (to[i] && x->line == p->dec[i].line && sx_streq(x->file, p->dec[i].origin)) {
				fate[i] = S_UNFIT;
				hit = 1;
			}
		other += x->level >= SECANNEX_DIAG_ERROR && !hit;
		sx_diag_raw(out, hit && force ? SECANNEX_DIAG_WARNING : x->level, x->file, x->line, x->msg);
	}
	secannex_resolution_free(r);
	secannex_diags_free(t);
	free(tmp.dec);
	return other;
}

/* Map each decision's row to NEW's (TO[i]; NULL when it cannot be), reporting those that cannot. */
static void
S_map(const secannex_profile *p, const secannex_diff *d, const char **to, int *fate, int force,
    secannex_diags *diags)
{
	for (size_t i = 0; i < p->ndec; i++) {
		const sx_decision *dc = &p->dec[i];
		if (sx_item_find(d->old_cat->proc, dc->ref) == NULL)
			fate[i] = S_NOT_OLD;
		else if ((to[i] = sx_diff_new_id(d, dc->ref)) == NULL)
			fate[i] = S_LOST;
		if (fate[i] != S_KEPT && !force)
			sx_diag(diags, fate[i] == S_LOST ? SX_MSG_MIGRATE_LOST : SX_MSG_MIGRATE_OLD,
			    dc->origin, dc->line, sx_dec_names[dc->kind], dc->ref);
	}
}

/* One line of the report per decision. */
static char *
S_report(const secannex_profile *p, const char *const *to, const int *fate, int force)
{
	sx_buf b = SX_BUF_INIT;

	for (size_t i = 0; i < p->ndec; i++) {
		const sx_decision *dc = &p->dec[i];
		sx_buf_printf(&b, "%s %s", sx_dec_names[dc->kind], dc->ref);
		if (fate[i] == S_NOT_OLD)
			sx_buf_puts(&b, _(": not in the old catalog"));
		else if (fate[i] == S_LOST)
			sx_buf_puts(&b, _(": deleted in the new catalog"));
		else if (strcmp(to[i], dc->ref) != 0)
			sx_buf_printf(&b, " → %s", to[i]);
		else
			sx_buf_puts(&b, _(" (unchanged)"));
		if (fate[i] == S_UNFIT)
			sx_buf_puts(&b, _(": no longer fits"));
		if (fate[i] != S_KEPT && force)
			sx_buf_puts(&b, _(": dropped"));
		sx_buf_putc(&b, '\n');
	}
	return sx_buf_detach(&b);
}

/* Apply the mapping to P: each kept decision gets NEW's id, the others are dropped (FORCE). */
static void
S_apply(secannex_profile *p, const char *const *to, const int *fate, secannex_diags *diags)
{
	size_t k = 0;

	for (size_t i = 0; i < p->ndec; i++) {
		sx_decision *dc = &p->dec[i];
		if (fate[i] != S_KEPT) {
			sx_diag(diags, SX_MSG_MIGRATE_DROP, dc->origin, dc->line, sx_dec_names[dc->kind],
			    dc->ref);
			free(dc->ref);
			free(dc->reason);
			free(dc->origin);
			continue;
		}
		if (strcmp(to[i], dc->ref) != 0) {
			free(dc->ref);
			dc->ref = sx_strdup(to[i]);
		}
		p->dec[k++] = *dc;
	}
	p->ndec = k;
}

int
secannex_profile_migrate(secannex_profile *p, const secannex_diff *d, int force, char **report,
    secannex_diags *diags)
{
	const char **to = sx_calloc(p->ndec ? p->ndec : 1, sizeof(char *));
	int *fate = sx_calloc(p->ndec ? p->ndec : 1, sizeof(int)), bad = 0;
	size_t other;

	S_map(p, d, to, fate, force, diags);
	other = S_trial(p, to, d->new_cat, fate, force, diags);
	for (size_t i = 0; i < p->ndec; i++) {
		if (fate[i] == S_UNFIT && !force)
			sx_diag(diags, SX_MSG_MIGRATE_UNFIT, p->dec[i].origin, p->dec[i].line,
			    sx_dec_names[p->dec[i].kind], p->dec[i].ref, to[i]);
		bad |= fate[i] != S_KEPT;
	}
	if (report)
		*report = S_report(p, to, fate, force);
	if (other || (bad && !force)) {
		sx_diag(diags, SX_MSG_MIGRATE_NONE, p->path ? p->path : "profile", 0);
		free(to);
		free(fate);
		return SECANNEX_EINVALID;
	}
	S_apply(p, to, fate, diags);
	free(to);
	free(fate);
	return 0;
}

/* ---- writing a profile ---- */

/* <NAME>TEXT</NAME> on a line of its own, indented by IND. */
static void
S_leaf(sx_xw *x, const char *ind, const char *name, const char *text)
{
	sx_xw_text(x, ind);
	sx_xw_leaf(x, name, text);
}

static void
S_tender(sx_xw *x, const secannex_profile *p)
{
	int any = 0;

	for (int i = 0; i < SX_F__COUNT; i++)
		any |= p->fields[i] != NULL;
	if (!any)
		return;
	sx_xw_text(x, "\n  ");
	sx_xw_start(x, "tender");
	for (int i = 0; i < SX_F__COUNT; i++)
		if (p->fields[i])
			S_leaf(x, "\n    ", sx_field_names[i], p->fields[i]);
	sx_xw_text(x, "\n  ");
	sx_xw_end(x);
}

/* The grade as given: <grade>, or the four <dimensions>. */
static void
S_grade(sx_xw *x, const secannex_profile *p)
{
	int dims = 1;

	if (p->grade >= 0) {
		S_leaf(x, "\n  ", "grade", sx_grade_zh[p->grade]);
		return;
	}
	for (int i = 0; i < SX_DIM__COUNT; i++)
		dims &= p->dims[i] >= 0;
	if (!dims)
		return;
	sx_xw_text(x, "\n  ");
	sx_xw_start(x, "dimensions");
	for (int i = 0; i < SX_DIM__COUNT; i++)
		S_leaf(x, "\n    ", sx_dim_ids[i], sx_grade_zh[p->dims[i]]);
	sx_xw_text(x, "\n  ");
	sx_xw_end(x);
}

static void
S_decisions(sx_xw *x, const secannex_profile *p)
{
	if (p->ndec == 0)
		return;
	sx_xw_text(x, "\n  ");
	sx_xw_start(x, "decisions");
	for (size_t i = 0; i < p->ndec; i++) {
		sx_xw_text(x, "\n    ");
		sx_xw_start(x, S_dec_elems[p->dec[i].kind]);
		sx_xw_attr(x, "ref", p->dec[i].ref);
		if (p->dec[i].reason)
			sx_xw_text(x, p->dec[i].reason);
		sx_xw_end(x);
	}
	sx_xw_text(x, "\n  ");
	sx_xw_end(x);
}

int
secannex_profile_write(const secannex_profile *p, const char *comment, const char *path,
    secannex_diags *diags)
{
	sx_xw *x = sx_xw_new(0);
	sx_buf out = SX_BUF_INIT;
	int rc;

	if (comment) {
		sx_xw_comment(x, comment);
		sx_xw_text(x, "\n");
	}
	sx_xw_start(x, "profile");
	sx_xw_attr(x, "xmlns", NS_PROFILE);
	if (p->type)
		S_leaf(x, "\n  ", "type", p->type);
	S_tender(x, p);
	if (p->level >= 0)
		S_leaf(x, "\n  ", "agency-level", sx_level_names[p->level]);
	if (p->kind >= 0)
		S_leaf(x, "\n  ", "agency-kind", p->kind ? "special" : "public");
	S_grade(x, p);
	if (p->baseline >= 0)
		S_leaf(x, "\n  ", "baseline-grade", sx_grade_zh[p->baseline]);
	if (p->personal_data >= 0)
		S_leaf(x, "\n  ", "personal-data", p->personal_data ? "yes" : "no");
	if (p->special >= 0)
		S_leaf(x, "\n  ", "special-procurement", p->special ? "yes" : "no");
	if (p->scan_risk) {
		sx_xw_text(x, "\n  ");
		sx_xw_start(x, "blank");
		sx_xw_attr(x, "name", sx_blank_names[SX_BLANK_SCAN_RISK]);
		sx_xw_text(x, p->scan_risk);
		sx_xw_end(x);
	}
	S_decisions(x, p);
	sx_xw_text(x, "\n");
	sx_xw_end(x);
	if (sx_xw_finish(x, &out) != 0) {
		sx_diag(diags, SX_MSG_XML_WRITE, path, 0);
		sx_buf_free(&out);
		return SECANNEX_EIO;
	}
	rc = sx_write_atomic(path, out.ptr, out.len, diags);
	sx_buf_free(&out);
	return rc;
}

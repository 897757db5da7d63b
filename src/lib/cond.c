/* cond.c: the table of condition kinds (what a note's condition is called, says, needs and does). */
#include <string.h>

#include "cond.h"

static int
S_personal_data(const secannex_resolution *r, const sx_item *it)
{
	(void)it;
	return r->personal_data == 1;
}

/* Levels run A = 0 … E = 4: "C級以上" holds for A, B and C. */
static int
S_level(const secannex_resolution *r, const sx_item *it)
{
	return r->level <= it->level_min;
}

static int
S_special(const secannex_resolution *r, const sx_item *it)
{
	(void)it;
	return r->special == 1;
}

/*
 * Adding a kind: a row here, its id in model.h (enum sx_cond_kind_id), its <value> in
 * catalog/procurement.rng; a kind that makes rows required also gets its rule (resolve.h,
 * sx_rule_names in resolve.c, "condition-NAME") and its refusal message (diag.c).
 */
const sx_cond_kind sx_cond_kinds[SX_COND__COUNT] = {
	[SX_CK_PERSONAL_DATA] = {
		.name = "personal-data", .phrase = "涉及個資", .note_needs = 1, .audience = SX_AUD_AGENCY,
		.need_mark = SX_MARK_CASE, .words = "涉及個資時為必要",
		.role = SX_CR_REQUIRES, .holds = S_personal_data, .rule = SX_RULE_COND_PERSONAL_DATA,
		.refuse = SX_MSG_EXCLUDE_PERSONAL, .must = "，本案涉及個資，應納入。",
		.not_chosen = "（本案未涉及個資。）",
	},
	[SX_CK_LEVEL] = {
		.name = "level", .phrase = "級以上之機關", .has_min = 1, .note_needs = 1,
		.audience = SX_AUD_AGENCY,
		.need_mark = SX_MARK_CASE, .words = "責任等級{min}級以上機關為必要",
		.role = SX_CR_REQUIRES, .holds = S_level, .rule = SX_RULE_COND_LEVEL,
		.refuse = SX_MSG_EXCLUDE_LEVEL, .must = "，本機關資通安全責任等級為{level}級，必選。",
		.not_chosen = "（本機關為{level}級，未達備註所定{min}級以上必選之條件。）",
	},
	[SX_CK_SPECIAL] = {
		.name = "special-procurement", .phrase = "特殊或巨額採購", .note_needs = 1,
		.audience = SX_AUD_AGENCY,
		.need_mark = SX_MARK_CASE, .words = "限特殊或巨額採購",
		.role = SX_CR_LIMITS, .holds = S_special, .refuse = SX_MSG_CHOOSE_SPECIAL,
		.chosen = "本項屬廠商特定資格，本案為特殊或巨額採購，並應載明於招標文件。",
		.not_chosen = "（本項限特殊或巨額採購時方得採行。）",
	},
	[SX_CK_CISO_ESCAPE] = {
		.name = "ciso-escape", .phrase = "確認風險", .note_needs = 1, .audience = SX_AUD_VENDOR,
		.need_mark = -1, .words = "無法達成時得提請資安長確認風險",
		.role = SX_CR_QUOTES,
	},
	[SX_CK_CISO_CONFIRM] = {
		/* the escape clause (…提請機關資安長確認風險) says 資安長確認 too */
		.name = "ciso-confirm", .phrase = "資安長確認", .note_needs = 0, .audience = SX_AUD_AGENCY,
		.need_mark = SX_MARK_CISO, .mark_needs = 1, .words = "須經機關資安長確認",
		.role = SX_CR_MARK,
	},
};

int
sx_cond_find(const char *name)
{
	for (int k = 0; name && k < SX_COND__COUNT; k++)
		if (strcmp(name, sx_cond_kinds[k].name) == 0)
			return k;
	return -1;
}

void
sx_cond_label(sx_buf *b, int k, const sx_item *it)
{
	sx_buf_puts(b, sx_cond_kinds[k].name);
	if (sx_cond_kinds[k].has_min)
		sx_buf_printf(b, ">=%s", sx_level_names[it->level_min]);
}

void
sx_cond_say(sx_buf *b, const char *words, const secannex_resolution *r, const sx_item *it)
{
	while (words && *words) {
		const char *open = strchr(words, '{');

		if (open == NULL) {
			sx_buf_puts(b, words);
			break;
		}
		sx_buf_put(b, words, (size_t)(open - words));
		if (strncmp(open, "{level}", 7) == 0 && r) {
			sx_buf_puts(b, sx_level_names[r->level]);
			words = open + 7;
		} else if (strncmp(open, "{min}", 5) == 0) {
			sx_buf_puts(b, sx_level_names[it->level_min]);
			words = open + 5;
		} else {
			sx_buf_putc(b, '{');
			words = open + 1;
		}
	}
}

int
sx_cond_same(const sx_item *a, const sx_item *b)
{
	if (a->conds != b->conds)
		return 0;
	for (int k = 0; k < SX_COND__COUNT; k++)
		if (sx_cond_kinds[k].has_min && (a->conds & SX_COND_BIT(k)) &&
		    a->level_min != b->level_min)
			return 0;
	return 1;
}

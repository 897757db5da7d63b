/* cond.h: the condition kinds (<condition kind=…>): one table for parser, checks, resolver, renderers. */
#ifndef SX_COND_H
#define SX_COND_H

#include "buf.h"
#include "diag.h"
#include "model.h"
#include "resolve.h"

/* What a condition does in a tender. */
enum sx_cond_role {
	SX_CR_REQUIRES,  /* where it holds, the row is required (必選) whatever its ● or ◎ says */
	SX_CR_LIMITS,    /* a ◎ row may be chosen only where it holds */
	SX_CR_QUOTES,    /* the note is quoted verbatim in the reason of a row in the annex */
	SX_CR_MARK       /* nothing beyond its mark's own rule (▲: the CISO decides) */
};

/*
 * One condition kind.  In the wording, {level} stands for the agency's level letter and {min}
 * for the row's minimum level (sx_cond_say).
 */
typedef struct sx_cond_kind {
	const char *name;        /* <condition kind="…"> (procurement.rng), JSON "kind", diff report */
	/* validate: the row has the condition exactly when its note says PHRASE */
	const char *phrase;      /* 「涉及個資」; with HAS_MIN, what follows the level (「C級以上之機關」) */
	int has_min;             /* carries min="A-E" (sx_item.level_min: one kind at most) */
	int note_needs;          /* a note saying PHRASE needs the condition (0: other notes say it too) */
	int audience;            /* enum sx_audience a note stating it must have: the agency's decision
	                          * (personal data, level, 特殊或巨額, ▲) or the vendor's (the escape) */
	int need_mark;           /* enum sx_mark that some grade must have; -1: any marks */
	int mark_needs;          /* and NEED_MARK at any grade needs the condition (▲ ↔ ciso-confirm) */
	const char *words;       /* `show`: what the condition says, in the words of the text outputs */
	/* resolution */
	enum sx_cond_role role;
	int (*holds)(const secannex_resolution *r, const sx_item *it); /* REQUIRES, LIMITS */
	enum sx_rule rule;       /* REQUIRES: the rule of the row it makes required */
	enum sx_msg refuse;      /* REQUIRES: excluding such a row; LIMITS: choosing where it fails */
	const char *must;        /* REQUIRES: the reason's end where it holds (after the quoted note) */
	const char *chosen;      /* added to the reason of a chosen ◎ row (NULL: nothing) */
	const char *not_chosen;  /* added to the reason of a ◎ row left without a decision */
} sx_cond_kind;

extern const sx_cond_kind sx_cond_kinds[SX_COND__COUNT];

/* The kind named NAME (<condition kind="NAME">), or -1. */
int sx_cond_find(const char *name);
/* Condition K of row IT as the diff report and `show` name it: "personal-data", "level>=C". */
void sx_cond_label(sx_buf *b, int k, const sx_item *it);
/* Append WORDS, {level} replaced by R's agency level (R may be NULL when WORDS has none) and
 * {min} by IT's minimum level. */
void sx_cond_say(sx_buf *b, const char *words, const secannex_resolution *r, const sx_item *it);
/* Whether two rows carry the same conditions, with the same minimum level. */
int sx_cond_same(const sx_item *a, const sx_item *b);

#endif

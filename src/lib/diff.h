/* diff.h: the diff model: deltas between two catalogs or two resolved annexes (printers apart). */
#ifndef SX_DIFF_H
#define SX_DIFF_H

#include "resolve.h"
#include "textdiff.h"

enum sx_delta_kind { SX_DELTA_ADDED, SX_DELTA_DELETED, SX_DELTA_MODIFIED };

/* What changed in a matched row (bits). */
enum {
	SX_CH_ID = 1 << 0,         /* renumbered: matched by text similarity */
	SX_CH_TYPE = 1 << 1,       /* moved to another type */
	SX_CH_GROUP = 1 << 2,      /* moved to another group (子項) */
	SX_CH_TEXT = 1 << 3,
	SX_CH_MARKS = 1 << 4,
	SX_CH_TIERS = 1 << 5,
	SX_CH_NOTE = 1 << 6,
	SX_CH_CONDS = 1 << 7,
	SX_CH_AREAS = 1 << 8,
	SX_CH_STATUS = 1 << 9,     /* annex diff */
	SX_CH_REASON = 1 << 10,    /* annex diff */
	SX_CH__LAST = 11
};

/* The tender facts of an annex diff (and the officer's decisions): a changed fact is reported once,
 * with the rows whose status or text it changed (sx_delta.causes). */
enum sx_fact {
	SX_FACT_CATALOG, SX_FACT_TYPE, SX_FACT_GRADE, SX_FACT_BASELINE, SX_FACT_LEVEL, SX_FACT_KIND,
	SX_FACT_PERSONAL, SX_FACT_SPECIAL, SX_FACT_SCAN_RISK, SX_FACT_DECISION, SX_FACT__COUNT
};

typedef struct sx_delta {
	enum sx_delta_kind kind;
	unsigned changes;
	unsigned causes;               /* annex diff: bits 1 << enum sx_fact that changed the row */
	int reason_only;               /* annex diff: only the generated reason differs */
	const sx_item *old, *new;      /* catalog diff */
	const sx_row *old_row, *new_row; /* annex diff */
	double similarity;             /* of the texts, for rows matched by similarity */
	sx_dtext text;                 /* character diff of the text (when it changed) */
	sx_dtext note;
	sx_dtext reason;
} sx_delta;

typedef struct sx_meta_delta {
	char *field;
	char *old, *new;               /* NULL: absent on that side */
	int fact;                      /* annex diff: the enum sx_fact it is, or -1 (a document field) */
} sx_meta_delta;

enum sx_diff_kind { SX_DIFF_CATALOG, SX_DIFF_ANNEX };

/* The reviewer's own 說明 of one row of the 修正對照表 (--explain, table.c). */
typedef struct sx_explain {
	char *key;                     /* NEW's row id, "deleted:OLD-ID" or "metadata" */
	int line;
	char **points;
	size_t npoints;
} sx_explain;

struct secannex_diff {
	enum sx_diff_kind kind;
	const secannex_catalog *old_cat, *new_cat;
	const secannex_resolution *old_res, *new_res;
	sx_meta_delta *meta;
	size_t nmeta;
	sx_delta *v;
	size_t n;
	sx_explain *explain;           /* secannex_diff_explain() */
	size_t nexplain;
};

extern const char *const sx_change_names[SX_CH__LAST];
/* What each fact is called in the JSON report ("grade") and in Chinese (系統防護需求等級). */
extern const char *const sx_fact_names[SX_FACT__COUNT];
extern const char *const sx_fact_zh[SX_FACT__COUNT];

/* Whether two strings, either of which may be NULL (absent), are equal. */
int sx_streq(const char *a, const char *b);

/* For a catalog diff: the old id that NEW's row ID was matched to (ID itself when not renumbered,
 * NULL when the row is new). */
const char *sx_diff_old_id(const secannex_diff *d, const char *new_id);
/* For a catalog diff: the new id that OLD's row ID was matched to (ID itself when unchanged, NULL
 * when the row was deleted or is not in OLD). */
const char *sx_diff_new_id(const secannex_diff *d, const char *old_id);
/* The number of annex-diff rows whose only difference is the generated reason. */
size_t sx_diff_reason_only(const secannex_diff *d);

#endif

/* resolve.h: tender profiles and resolutions (the select/resolve pass between model and renderers). */
#ifndef SX_RESOLVE_H
#define SX_RESOLVE_H

#include "buf.h"
#include "model.h"

enum sx_dec_kind { SX_DEC_CHOOSE, SX_DEC_EXCLUDE, SX_DEC_CONFIRM, SX_DEC_DECLINE, SX_DEC__COUNT };

typedef struct sx_decision {
	enum sx_dec_kind kind;
	char *ref;
	char *reason;   /* NULL when none was given */
	char *origin;   /* the profile file, or the flag ("--exclude") */
	int line;       /* 0 for a flag */
	int from_flag;
} sx_decision;

/* Dimensions of 附表九, in the order of the flags and the catalog. */
enum { SX_DIM_CONF, SX_DIM_INTEG, SX_DIM_AVAIL, SX_DIM_LEGAL, SX_DIM__COUNT };

/* A profile value and where it came from (for diagnostics). */
typedef struct sx_origin {
	char *file;     /* file path or flag name; NULL when unset */
	int line;
} sx_origin;

enum sx_field { SX_F_AGENCY, SX_F_CASE, SX_F_TITLE, SX_F_DATE, SX_F__COUNT };

struct secannex_profile {
	char *type;
	sx_origin type_at;
	int grade;                  /* -1: unset */
	int dims[SX_DIM__COUNT];    /* -1: unset */
	sx_origin grade_at;
	int baseline;               /* -1: unset */
	sx_origin baseline_at;
	int level;                  /* 0..4, -1: unset */
	int kind;                   /* secannex_kind, -1: unset */
	int personal_data;          /* 0/1, -1: unset */
	int special;                /* 0/1, -1: unset */
	char *scan_risk;
	char *fields[SX_F__COUNT];
	sx_decision *dec;
	size_t ndec, capdec;
	char *path;                 /* the last profile file read, for "missing" diagnostics */
};

/* secannex_profile_load() for LEN bytes in memory, named NAME in diagnostics (the fuzzers; the
 * caller limits LEN). */
int sx_profile_load_mem(secannex_profile *p, const void *data, size_t len, const char *name,
    const char *schema_dir, secannex_diags *d);

/* The namespace of a profile's elements. */
#define SX_NS_PROFILE "urn:secannex:profile:1"

/* Check the profile in DOC (read from PATH) against profcheck.c's table of its elements: one
 * plain diagnostic per problem, each naming the element and what is allowed there.  Returns 0 or
 * SECANNEX_EINVALID.  Run before the schema, which stays the final authority. */
struct _xmlDoc;
int sx_profile_structure(struct _xmlDoc *doc, const char *path, secannex_diags *d);

enum sx_status {
	SX_ST_REQUIRED, SX_ST_SELECTED, SX_ST_NOT_SELECTED, SX_ST_EXCLUDED, SX_ST_PENDING,
	SX_ST_NA, SX_ST__COUNT
};

/* The rule that decided a row's status (README "The rules"); sx_rule_names[] says it in JSON. */
enum sx_rule {
	SX_RULE_COND_PERSONAL_DATA,  /* the note's condition holds: personal data involved */
	SX_RULE_COND_LEVEL,          /* the note's condition holds: the agency's level */
	SX_RULE_MARK_RECOMMENDED,    /* ● */
	SX_RULE_OFFICER_EXCLUDED,    /* ● or ◎ left out with a reason */
	SX_RULE_OFFICER_CHOSEN,      /* ◎ chosen */
	SX_RULE_NOT_CHOSEN,          /* ◎ not chosen */
	SX_RULE_CISO_PENDING,        /* ▲ */
	SX_RULE_CISO_CONFIRMED,
	SX_RULE_CISO_DECLINED,
	SX_RULE_MARK_NA,             /* - */
	SX_RULE__COUNT
};

typedef struct sx_row {
	const sx_item *item;
	enum sx_status status;
	enum sx_mark mark;
	const char *tier;           /* the grade's tier, or NULL */
	enum sx_rule rule;          /* the rule that decided the status */
	char *reason;               /* the decision in words (Chinese) */
	char *text;                 /* the text as it will appear: blanks filled, tier appended */
	char *note;                 /* the note (own or the group's), blanks filled; NULL if none */
	int note_is_group;
	int note_public;            /* the note is for the vendor too (audience="vendor"): printed in
	                             * the public documents; 0: the agency's record only */
	int qualification;          /* a bidder qualification: listed apart in the public annex */
	const sx_decision *decision;
	int unfilled;               /* blanks left without a value */
	sx_control *controls;       /* 附表十 controls of the cited areas at the baseline grade */
	size_t ncontrols;
} sx_row;

struct secannex_resolution {
	const secannex_catalog *cat;
	const sx_type *type;
	char *fields[SX_F__COUNT];
	int level, kind, personal_data, special;
	int grade, grade_from_dims;
	int dims[SX_DIM__COUNT];
	int baseline, baseline_given;
	char *blank_values[SX_BLANK__COUNT];
	sx_row *rows;
	size_t nrows;
	char **warnings;            /* in English: the documents' and the data's (md, JSON) */
	char **warnings_text;       /* the same, translated: the terminal's */
	size_t nwarnings;
	size_t counts[SX_ST__COUNT];
	sx_decision *dec;           /* the profile's decisions, copied: rows point here */
	size_t ndec;
};

extern const char *const sx_status_names[SX_ST__COUNT];
extern const char *const sx_status_zh[SX_ST__COUNT];
extern const char *const sx_rule_names[SX_RULE__COUNT];
extern const char *const sx_dim_ids[SX_DIM__COUNT];
extern const char *const sx_dim_zh[SX_DIM__COUNT];
extern const char *const sx_field_names[SX_F__COUNT];
extern const char *const sx_dec_names[SX_DEC__COUNT];

/* A user-typed field (name, reason, author): valid UTF-8, no control characters, not white
 * space only, at most 500 characters.  Reports a problem as FILE:LINE: FIELD: what (FIELD left
 * out when it equals FILE, as for a flag).  Returns 1 when the value is good. */
int sx_field_ok(const char *v, const char *field, const char *file, int line, secannex_diags *d);

/* The highest of the four dimension grades. */
int sx_grade_of_dims(const int dims[SX_DIM__COUNT]);

/* Whether ROW is in the tender's annex: required or selected. */
int sx_row_in_annex(const sx_row *row);

/* Renderers of a resolution (render_json.c, render_md.c, render_txt.c). */
void sx_json_resolution(sx_buf *b, const secannex_resolution *r);
void sx_md_resolution(sx_buf *b, const secannex_resolution *r);
void sx_txt_resolution(sx_buf *b, const secannex_resolution *r);

#endif

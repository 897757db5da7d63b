/* model.h: the in-memory catalog (一覽表 rows, 分級辦法 articles, duties, grading, baseline). */
#ifndef SX_MODEL_H
#define SX_MODEL_H

#include <stddef.h>

#include "../secannex.h"

/* Marks of the 一覽表, in the order of their symbols in SX_MARK_SYMBOLS. */
enum sx_mark {
	SX_MARK_REC = 0, /* ● 建議辦理 */
	SX_MARK_CASE,    /* ◎ 經機關評估個案有必要時 */
	SX_MARK_CISO,    /* ▲ 提請機關資安長確認 */
	SX_MARK_NA       /* - 不適用 */
};

/* Condition kinds derived from a row's note: the index of each kind's row in sx_cond_kinds
 * (cond.h, which says what each means and does). */
enum sx_cond_kind_id {
	SX_CK_PERSONAL_DATA,
	SX_CK_LEVEL,                    /* with sx_item.level_min */
	SX_CK_SPECIAL,                  /* 特殊或巨額採購 only */
	SX_CK_CISO_ESCAPE,              /* 無法達成者…提請機關資安長確認風險 */
	SX_CK_CISO_CONFIRM,             /* ▲ */
	SX_COND__COUNT
};

/* The bits of sx_item.conds: bit 1 << k for kind k. */
#define SX_COND_BIT(k) (1u << (k))
enum sx_cond {
	SX_COND_PERSONAL_DATA = 1 << SX_CK_PERSONAL_DATA,
	SX_COND_LEVEL = 1 << SX_CK_LEVEL,
	SX_COND_SPECIAL = 1 << SX_CK_SPECIAL,
	SX_COND_CISO_ESCAPE = 1 << SX_CK_CISO_ESCAPE,
	SX_COND_CISO_CONFIRM = 1 << SX_CK_CISO_CONFIRM
};


/* Who a note is for (<note audience="…">): the vendor (public annex, vendor matrix) or only the
 * agency's selection decision (the internal review record). */
enum sx_audience { SX_AUD_VENDOR = 0, SX_AUD_AGENCY = 1 };
/* What a note says of a row that is a bidder qualification (<note qualification="yes">). */
#define SX_QUALIFICATION_PHRASE "應載明於招標文件"

/* Blank names the resolver knows. */
enum sx_blank {
	SX_BLANK_SCAN_RISK = 0,
	SX_BLANK_SYSTEM_GRADE,
	SX_BLANK_BASELINE_GRADE,
	SX_BLANK__COUNT
};

/* A piece of rich text: characters, a line break, or a fill-in blank. */
enum sx_seg_kind { SX_SEG_TEXT, SX_SEG_BR, SX_SEG_BLANK };
typedef struct sx_seg {
	enum sx_seg_kind kind;
	char *s;       /* the text, or the blank's underscores */
	int blank;     /* enum sx_blank for SX_SEG_BLANK */
} sx_seg;

typedef struct sx_rich {
	sx_seg *v;
	size_t n;
} sx_rich;

typedef struct sx_type sx_type;
typedef struct sx_group sx_group;

typedef struct sx_item {
	char *id;
	int line;
	sx_type *type;
	sx_group *group;
	size_t index;          /* position within the type, from 0 */
	sx_rich text;
	enum sx_mark mark[3];  /* indexed by secannex_grade */
	char *tier[3];         /* NULL when the source has none */
	sx_rich note;          /* n == 0: no note of its own */
	int note_audience;     /* enum sx_audience of the note */
	int qualification;     /* the note makes the row a bidder qualification (應載明於招標文件) */
	unsigned conds;        /* enum sx_cond bits: SX_COND_BIT(kind) */
	int level_min;         /* 0..4 = A..E, with SX_COND_LEVEL */
	char **areas;          /* 附表十 area ids */
	size_t nareas;
} sx_item;

struct sx_group {
	char *name;
	sx_rich note;          /* a note cell merged over the whole group */
	int note_audience;     /* enum sx_audience of that note */
	size_t first, count;   /* rows type->items[first .. first+count) */
};

struct sx_type {
	char *id;
	char *name;
	char *pages;
	int line;
	sx_group *groups;
	size_t ngroups;
	sx_item *items;
	size_t nitems;
};

typedef struct sx_procurement {
	char *path;
	char *id;
	char *title, *edition, *version, *issuer, *source, *remark;
	char *legend[4][2];    /* per enum sx_mark: name, text (NULL when absent) */
	char *header_note;
	sx_type *types;
	size_t ntypes;
	struct _xmlHashTable *index; /* items by id (libxml2's hash table, first of an id wins; NULL:
	                              * none) */
	int embedded;          /* a header over the model compiled into the program (shipped.h):
	                        * only path and index are its own */
} sx_procurement;

/* ---- 分級辦法 ---- */

typedef struct sx_numbered {
	char *n;               /* NULL: not numbered */
	char *text;
} sx_numbered;

/* A block of text: one paragraph (n == NULL) or numbered items. */
typedef struct sx_block {
	sx_numbered *v;
	size_t n;
} sx_block;

typedef struct sx_para {
	char *lead;
	sx_numbered *items;
	size_t nitems;
} sx_para;

typedef struct sx_article {
	int number;
	char *label;
	sx_para *paras;
	size_t nparas;
} sx_article;

typedef struct sx_detail {
	char *name;
	sx_block content;      /* n == 0: shares the duty's content */
} sx_detail;

typedef struct sx_duty {
	char *name;
	char *aspect;
	sx_block content;      /* n == 0 when every detail has its own */
	sx_detail *details;
	size_t ndetails;
} sx_duty;

enum sx_duty_kind { SX_DUTY_PUBLIC = 0, SX_DUTY_SPECIAL = 1, SX_DUTY_ALL = 2 };

typedef struct sx_duty_table {
	char *id, *label, *title;
	int level;             /* 0..4 */
	enum sx_duty_kind kind;
	int line;
	sx_duty *duties;
	size_t nduties;
	sx_numbered *remarks;
	size_t nremarks;
} sx_duty_table;

typedef struct sx_dimension {
	char *id, *name;
	char *text[3];         /* by secannex_grade */
} sx_dimension;

/* One cell of 附表十: the grades it serves, and its entries in order. */
typedef struct sx_entry {
	int is_include;
	char *n;
	char *text;
	unsigned include_grades; /* bit g: includes grade g's cell */
} sx_entry;

typedef struct sx_cell {
	unsigned grades;       /* bit g: serves grade g */
	int none;              /* 「無要求」 */
	char *none_text;
	sx_entry *entries;
	size_t nentries;
} sx_cell;

typedef struct sx_measure {
	char *id, *name;
	int line;
	struct sx_area *area;
	sx_cell *cells;
	size_t ncells;
} sx_measure;

typedef struct sx_area {
	char *id, *name;
	sx_measure *measures;
	size_t nmeasures;
} sx_area;

typedef struct sx_regulation {
	char *path;
	char *id;
	char *title, *amendment, *version, *issuer, *source, *remark;
	sx_article *articles;
	size_t narticles;
	sx_duty_table *tables;
	size_t ntables;
	char *grading_label, *grading_title, *grading_remark;
	sx_dimension *dims;
	size_t ndims;
	char *baseline_label, *baseline_title;
	sx_area *areas;
	size_t nareas;
	sx_numbered *baseline_remarks;
	size_t nbaseline_remarks;
	int embedded;          /* a header over the model compiled into the program (shipped.h):
	                        * only path is its own */
} sx_regulation;

struct secannex_catalog {
	sx_procurement *proc;  /* NULL when not loaded */
	sx_regulation *reg;    /* NULL when not loaded */
	unsigned shipped;      /* SECANNEX_LOAD_SHIPPED_* bits: the files recognised as the shipped
	                          ones, whose build-time checks were not run again (load.c) */
};

/* The deepest a 附表十 item can lie: each grade has one cell and each cell is listed at most once
 * per measure, so a chain of inclusions passes through at most two inclusion items (高 → 中 → 普). */
#define SX_BASELINE_DEPTH 2

/* An inclusion item that a control lies beneath: the cell holding it, and the item. */
typedef struct sx_via {
	const sx_cell *cell;
	const sx_entry *entry;
} sx_via;

/* One item of a grade's nested 附表十 list for a measure (sx_baseline_resolve). */
typedef struct sx_control {
	const sx_measure *measure;
	const sx_cell *cell;   /* the cell it comes from */
	const sx_entry *entry; /* NULL for a 「無要求」 cell */
	unsigned grades;       /* the grades of that cell (bit g: grade g) */
	int is_include;        /* an 「等級「X」之所有控制措施」 item: the included cells follow it */
	unsigned depth;        /* 0: the grade's own cell; d: beneath d inclusion items */
	sx_via via[SX_BASELINE_DEPTH]; /* the inclusion items it lies beneath, outermost first (depth) */
} sx_control;

extern const char *const sx_grade_zh[3];    /* by secannex_grade: 普 中 高 */
extern const char *const sx_grade_keys[3];  /* by secannex_grade: normal medium high */
extern const char *const sx_kind_keys[3];   /* by secannex_kind, then SX_DUTY_ALL: public special all */
extern const char *const sx_kind_zh[2];     /* by secannex_kind: 公務機關 特定非公務機關 */
extern const char *const sx_mark_symbols[4];
extern const char *const sx_blank_names[SX_BLANK__COUNT];
extern const char *const sx_level_names[5];
extern const char *const sx_audience_names[2];   /* by enum sx_audience: vendor agency */

/* The kinds of value an officer types (a flag's or a profile element's value). */
enum sx_value_kind { SX_V_GRADE, SX_V_LEVEL, SX_V_KIND, SX_V_YESNO, SX_V__COUNT };
/* One accepted spelling: of a value of KIND (secannex_grade, level 0..4 = A..E, secannex_kind,
 * 1/0 for yes/no). */
typedef struct sx_spelling {
	enum sx_value_kind kind;
	const char *text;
	int value;
} sx_spelling;
/* Every accepted spelling, ended by one with TEXT NULL (model.c). */
extern const sx_spelling sx_spellings[];
/* The value of KIND spelt S (exactly: the caller trims), or -1. */
int sx_value_parse(enum sx_value_kind kind, const char *s);
/* The type of P whose id or whose full Chinese name is KEY, or NULL. */
const sx_type *sx_type_lookup(const sx_procurement *p, const char *key);

/* Parsers (catalog.c, regulation.c): build a model from a validated document; the load and
 * validate entry points are in load.c. */
struct _xmlDoc;
sx_procurement *sx_procurement_from_doc(struct _xmlDoc *doc, const char *path, secannex_diags *d);
sx_regulation *sx_regulation_from_doc(struct _xmlDoc *doc, const char *path, secannex_diags *d);
void sx_procurement_free(sx_procurement *p);
void sx_regulation_free(sx_regulation *r);
/* A model compiled into the program (shipped.c, written by shipgen from the files it validated)
 * as a loaded one named PATH: a header of its own over the shared, read-only rows (the item
 * index built anew); sx_procurement_free and sx_regulation_free free only the header. */
sx_procurement *sx_procurement_embedded(const sx_procurement *m, const char *path);
sx_regulation *sx_regulation_embedded(const sx_regulation *m, const char *path);

/* Read one catalog document from LEN bytes in memory (named NAME in diagnostics; the caller
 * limits LEN): the safe parser, the schema of SCHEMA_DIR, the text rules, the model and its checks
 * (a 一覽表's 附表十 references against CAT's regulation).  The new part replaces CAT's regulation
 * (REGULATION 1) or 一覽表 (0), even when it has errors (load.c; the fuzzers use it).  Returns 0,
 * SECANNEX_EINVALID or SECANNEX_EIO; CAT is unchanged unless the document was valid XML of
 * the right kind and schema. */
int sx_catalog_part_mem(secannex_catalog *cat, int regulation, const void *data, size_t len,
    const char *name, const char *schema_dir, secannex_diags *d);

/* Semantic checks (check.c); REG may be NULL.  Return the number of errors found. */
int sx_procurement_check(const sx_procurement *p, const sx_regulation *reg, secannex_diags *d);
int sx_regulation_check(const sx_regulation *r, secannex_diags *d);

/* Look-ups (model.c). */
const sx_type *sx_type_find(const sx_procurement *p, const char *id);
/* The effective note of an item: its own, or its group's merged note (NULL: none; caller frees). */
char *sx_item_note(const sx_item *it);
/* The audience of that note (enum sx_audience; SX_AUD_VENDOR when there is none), and whether
 * it makes the row a bidder qualification. */
int sx_item_note_audience(const sx_item *it);
int sx_item_qualification(const sx_item *it);
const sx_item *sx_item_find(const sx_procurement *p, const char *id);
/* The number of a row id's NN: two to six digits, a leading zero only in 01-09 (dev-07, dev-58,
 * dev-120).  Returns 0 when S is not such a number. */
int sx_row_number(const char *s);
/* Whether S has the form of a row id, TYPE-NN: [a-z]+(-[a-z]+)* then '-' and an NN. */
int sx_is_row_id(const char *s);
/* The well-formed row id a malformed REF may mean (lower case, the number in two or more digits:
 * DEV-3 and dev-003 give dev-03), or NULL when there is none (caller frees). */
char *sx_row_id_fix(const char *ref);
/* Build P's index of items by id (sx_item_find then takes constant time); again after a change. */
void sx_procurement_index(sx_procurement *p);
void sx_procurement_index_free(sx_procurement *p);
const sx_area *sx_area_find(const sx_regulation *r, const char *id_or_name);
const sx_duty_table *sx_duties_find(const sx_regulation *r, int level, secannex_kind kind);

/* The nested 附表十 list of GRADE for measure M (baseline.c): the grade's cell's entries in order,
 * numbered as in the source; an inclusion entry is an item of its own, and the included grades'
 * cells (highest first) follow it one level deeper, recursively; each cell at most once per
 * measure; an included 「無要求」 adds nothing.  Returns the *N items (caller frees; NULL when 0). */
sx_control *sx_baseline_resolve(const sx_measure *m, secannex_grade grade, size_t *n);
struct sx_buf;
/* Append the grades of BITS, highest first, as 「高、中」 (QUOTED: as 附表十 words them,
 * 「「中」及「普」」 with corner brackets and 及 before the last). */
void sx_baseline_grades(struct sx_buf *b, unsigned bits, int quoted);

/* Dates (model.c).  Parse a document date written 2026-11-20 (ISO 8601), 115-11-20, 115/11/20,
 * 115年11月20日 or 中華民國115年11月20日 (民國 year = year - 1911; ASCII or full-width digits; also
 * 2026年11月20日) into ISO 8601 in ISO.  Returns 1, or 0 for anything else and for a day that does
 * not exist (month 13, 04-31, 02-29 of a common year, 民國 year 0, a year before 1912). */
int sx_date_parse(const char *s, char iso[11]);
/* The 民國 form of an ISO date: "2026-11-20" -> 「中華民國115年11月20日」 (caller frees); NULL when
 * ISO is NULL or not a valid YYYY-MM-DD of 1912 or later. */
char *sx_roc_date(const char *iso);

/* Rich text as plain UTF-8: <br/> as "\n", blanks as their underscores (caller frees). */
char *sx_rich_plain(const sx_rich *r);

#endif

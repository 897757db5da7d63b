/* secannex.h: the public interface of libsecannex (catalog loading, checking and rendering). */
#ifndef SECANNEX_H
#define SECANNEX_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/** The loaded catalog: the 一覽表 (procurement requirements) and the 分級辦法 (regulation). Opaque. */
typedef struct secannex_catalog secannex_catalog;

/** An ordered list of diagnostics (file, line, severity, message). Opaque. */
typedef struct secannex_diags secannex_diags;

/** Return codes: 0 or one of these negative values. */
enum secannex_error {
	SECANNEX_OK = 0,
	SECANNEX_EINVALID = -1, /**< the input is malformed or breaks a rule */
	SECANNEX_ENOTFOUND = -2, /**< a named thing (type, row, grade, file) does not exist */
	SECANNEX_EIO = -3 /**< reading or writing a file failed */
};

/** Diagnostic severities, ordered: the worst one decides the exit status. */
typedef enum secannex_level {
	SECANNEX_DIAG_OK = 0,
	SECANNEX_DIAG_WARNING,
	SECANNEX_DIAG_ERROR,
	SECANNEX_DIAG_SYSERR
} secannex_level;

/** System protection grades (附表九). */
typedef enum secannex_grade {
	SECANNEX_GRADE_NORMAL = 0, /**< 普 */
	SECANNEX_GRADE_MEDIUM = 1, /**< 中 */
	SECANNEX_GRADE_HIGH = 2 /**< 高 */
} secannex_grade;

/** Agency kinds of 附表一～八. */
typedef enum secannex_kind {
	SECANNEX_KIND_PUBLIC = 0, /**< 公務機關 */
	SECANNEX_KIND_SPECIAL = 1 /**< 特定非公務機關 */
} secannex_kind;

/** Output formats: the text renderers' (text, md, json: a string for standard output) and the
 * files' (odt, docx, csv, xlsx: a document written with secannex_document_write()). */
typedef enum secannex_format {
	SECANNEX_FORMAT_TEXT = 0,
	SECANNEX_FORMAT_MD,
	SECANNEX_FORMAT_JSON,
	SECANNEX_FORMAT_ODT,
	SECANNEX_FORMAT_DOCX,
	SECANNEX_FORMAT_CSV,
	SECANNEX_FORMAT_XLSX,
	SECANNEX_FORMAT__COUNT
} secannex_format;

/** One row of the library's format table. */
typedef struct secannex_format_info {
	const char *name;      /**< "docx": the --format name */
	const char *extension; /**< ".docx"; NULL for a stream format (text, md, json) */
	const char *summary;   /**< what it is, in a few words */
	int is_file;           /**< 1: a document format, written to a file */
	int tracks_changes;    /**< 1: can hold tracked changes (a redline) */
} secannex_format_info;

/** The table row of format F, or NULL when F is out of range.  Static: never freed. */
const secannex_format_info *secannex_format_get(secannex_format f);

/** Look a format up by its name (any case).  Returns 0 or SECANNEX_ENOTFOUND. */
int secannex_format_parse(secannex_format *out, const char *name);

/** The format of a file named PATH, by its extension (any case).  Returns 0 or SECANNEX_ENOTFOUND. */
int secannex_format_of_path(secannex_format *out, const char *path);

/** The bits of secannex_load_opts.flags (0: every file gets every check). */
enum secannex_load_flag {
	/** The procurement file may be the shipped 一覽表: when its bytes are identical to the file
	 * validated at build time (same size and SHA-256), the schema, text and rule checks those
	 * bytes passed then are skipped.  Any other bytes get every check. */
	SECANNEX_LOAD_SHIPPED_PROCUREMENT = 1 << 0,
	/** The same for the regulation file and the shipped 分級辦法. */
	SECANNEX_LOAD_SHIPPED_REGULATION = 1 << 1,
	/** The regulation serves only to check the procurement catalog's 附表十 references: it is
	 * read only when those checks run (the procurement file is not the shipped one, or not
	 * recognised as such), and it is not kept: the loaded catalog has no regulation. */
	SECANNEX_LOAD_REGULATION_FOR_CHECKS = 1 << 2
};

/** Where the catalog comes from.  A NULL path means "not loaded". */
typedef struct secannex_load_opts {
	const char *procurement_path; /**< the 一覽表 XML file */
	const char *regulation_path; /**< the 分級辦法 XML file */
	const char *schema_dir; /**< directory holding procurement.rng and regulation.rng */
	size_t max_bytes; /**< refuse larger files; 0 means SECANNEX_MAX_FILE_BYTES */
	unsigned flags; /**< enum secannex_load_flag bits; 0: every check on every file */
} secannex_load_opts;

/** The default size limit of an input XML file (8 MiB). */
#define SECANNEX_MAX_FILE_BYTES ((size_t)8 * 1024 * 1024)

/** Create an empty diagnostics list; never returns NULL (allocation failure aborts). */
secannex_diags *secannex_diags_new(void);

/** Free a diagnostics list; NULL is accepted. */
void secannex_diags_free(secannex_diags *d);

/** Number of diagnostics recorded. */
size_t secannex_diags_count(const secannex_diags *d);

/** The worst severity recorded (SECANNEX_DIAG_OK when empty). */
secannex_level secannex_diags_worst(const secannex_diags *d);

/**
 * Format every diagnostic, one per line, as "PROG: FILE:LINE: LEVEL: MESSAGE"; a diagnostic
 * equal to a recent one (same file, line, level and message) is printed once.
 * Returns a NUL-terminated string that the caller frees.
 */
char *secannex_diags_format(const secannex_diags *d, const char *prog);

/**
 * Diagnostic I of D (0 ≤ I < secannex_diags_count()): its message (translated), and into FILE,
 * LINE (0: none known) and LEVEL when they are not NULL.  Returns NULL when I is out of range.
 * The strings belong to D.
 */
const char *secannex_diags_get(const secannex_diags *d, size_t i, const char **file, int *line,
    secannex_level *level);

/**
 * Load, schema-validate and check the catalog files named in OPTS.
 * On success *OUT receives a catalog that the caller frees with secannex_catalog_free().
 * Every problem is recorded in DIAGS.  Returns 0, SECANNEX_EINVALID or SECANNEX_EIO.
 */
int secannex_catalog_load(secannex_catalog **out, const secannex_load_opts *opts,
    secannex_diags *diags);

/**
 * Load a 一覽表 catalog from LEN bytes in memory (an upload), named NAME in diagnostics, with every
 * check of a file (safe parse, schema in SCHEMA_DIR, text, rules); REF's regulation (REF may be
 * NULL) is the one its 附表十 references are checked against, and is not kept.  More than
 * MAX_BYTES (0: SECANNEX_MAX_FILE_BYTES) is refused.  Returns 0 or SECANNEX_EINVALID.
 */
int secannex_catalog_load_mem(secannex_catalog **out, const void *data, size_t len,
    const char *name, const secannex_catalog *ref, const char *schema_dir, size_t max_bytes,
    secannex_diags *diags);

/** Free a catalog; NULL is accepted. */
void secannex_catalog_free(secannex_catalog *cat);

/**
 * Validate one catalog file of either kind (chosen by its root element): parse safely, check the
 * schema, then the semantic rules.  REF (may be NULL) supplies the regulation that a procurement
 * catalog's 附表十 references are checked against.  Returns 0 when clean, else SECANNEX_EINVALID
 * or SECANNEX_EIO.
 */
int secannex_validate_file(const char *path, const char *schema_dir, size_t max_bytes,
    const secannex_catalog *ref, secannex_diags *diags);

/** Parse a grade (高|中|普, 高級|中級|普級 or high|medium|normal) into *OUT.  Returns 0 or
 * SECANNEX_EINVALID. */
int secannex_grade_parse(secannex_grade *out, const char *s);

/** The Chinese name (高/中/普) or the English id (high/medium/normal) of a grade. */
const char *secannex_grade_name(secannex_grade g, int english);

/** Parse a responsibility level "A".."E" (either case, full-width Ａ..Ｅ, with or without 級) into
 * 0..4.  Returns 0 or SECANNEX_EINVALID. */
int secannex_level_parse(int *out, const char *s);

/** Parse "public" or "special" (公務機關 or 特定非公務機關) into *OUT.  Returns 0 or
 * SECANNEX_EINVALID. */
int secannex_kind_parse(secannex_kind *out, const char *s);

/**
 * Render into a newly allocated string that the caller frees.  Each returns NULL and sets
 * the message of secannex_error_last() when a named thing is unknown.
 */
char *secannex_render_types(const secannex_catalog *cat, secannex_format fmt);
/** Rows of type TYPE_ID; with GRADE >= 0 the mark of that grade only. */
char *secannex_render_show(const secannex_catalog *cat, const char *type_id, int grade,
    secannex_format fmt);
/** The complete 附表十 control list of GRADE; AREA (an area id or name) may be NULL for all. */
char *secannex_render_baseline(const secannex_catalog *cat, secannex_grade grade,
    const char *area, secannex_format fmt);
/** The 附表一～八 duties of an agency of LEVEL (0..4 = A..E) and KIND. */
char *secannex_render_duties(const secannex_catalog *cat, int level, secannex_kind kind,
    secannex_format fmt);
/** The whole catalog as JSON (stable key order; see README, "JSON export"). */
char *secannex_render_export(const secannex_catalog *cat);

/* ---- tender profiles and resolution ---- */

/** What an officer knows about one tender (type, grade, agency, decisions, fields). Opaque. */
typedef struct secannex_profile secannex_profile;

/** The requirements of one tender, every row of its type with a status and a reason. Opaque. */
typedef struct secannex_resolution secannex_resolution;

/** Create an empty profile; never returns NULL.  Free it with secannex_profile_free(). */
secannex_profile *secannex_profile_new(void);

/** Free a profile; NULL is accepted. */
void secannex_profile_free(secannex_profile *p);

/**
 * Read a profile file (safely, then its structure in plain words, then against profile.rng in
 * SCHEMA_DIR) into P.  Values already in P are replaced; decisions are added.  Problems go to
 * DIAGS with the file's line numbers.
 * Returns 0, SECANNEX_EINVALID or SECANNEX_EIO.
 */
int secannex_profile_load(secannex_profile *p, const char *path, const char *schema_dir,
    size_t max_bytes, secannex_diags *diags);

/**
 * secannex_profile_load() for LEN bytes in memory (a request body), named NAME in diagnostics:
 * the same checks (safe parse, structure, profile.rng in SCHEMA_DIR); more than MAX_BYTES (0:
 * SECANNEX_MAX_FILE_BYTES) is refused.  Returns 0, SECANNEX_EINVALID or SECANNEX_EIO.
 */
int secannex_profile_load_mem(secannex_profile *p, const void *data, size_t len, const char *name,
    const char *schema_dir, size_t max_bytes, secannex_diags *diags);

/**
 * Set one field of P from the command line; it overrides what a file said.  KEY is a flag name
 * without dashes: type, grade, confidentiality, integrity, availability, legal, level, kind,
 * personal-data, special-procurement (VALUE "yes"/"no" or 是/否), scan-risk, baseline, agency, case,
 * title, date, choose, exclude, ciso-confirm, ciso-decline (VALUE "ID" or "ID=REASON").
 * Grades, levels, kinds and yes/no take every spelling README.md lists (高級, C級, 公務機關…); a
 * type is its id or its full Chinese name.  Returns 0, or SECANNEX_EINVALID with a diagnostic in
 * DIAGS.
 */
int secannex_profile_set(secannex_profile *p, const char *key, const char *value,
    secannex_diags *diags);

/**
 * Resolve P against CAT: decide every row of the type, fill the blanks, attach 附表十 controls.
 * Every error (unknown or foreign row, a decision without its reason, a decision that does not fit
 * the row's mark, conflicting decisions, missing type, grade or level) and warning (an unfilled
 * blank; with STRICT an error) goes to DIAGS.  On success *OUT is a resolution that the caller
 * frees; it refers to CAT (which must outlive it) but not to P.  Returns 0 or SECANNEX_EINVALID.
 */
int secannex_resolve(secannex_resolution **out, const secannex_catalog *cat,
    const secannex_profile *p, int strict, secannex_diags *diags);

/**
 * The fingerprint of resolution R: the SHA-256 of its JSON rendering (secannex_render_resolution,
 * SECANNEX_FORMAT_JSON) as 64 lowercase hex digits and a NUL, into OUT.  The public annex prints it
 * small and the review record in its sign-off, so a signed review provably belongs to the
 * published annex.  Returns 0, or SECANNEX_EIO when the digest cannot be computed.
 */
int secannex_resolution_fingerprint(const secannex_resolution *r, char out[65]);

/** Free a resolution; NULL is accepted. */
void secannex_resolution_free(secannex_resolution *r);

/** Render a resolution (text, md or json) into a new string that the caller frees. */
char *secannex_render_resolution(const secannex_resolution *r, secannex_format fmt);

/**
 * The system grade from the four 附表九 dimensions (each 0..2 as secannex_grade): the highest.
 * Renders the grade and its rationale (which dimensions set it, with the 附表九 texts) in FMT.
 * Returns a new string that the caller frees, or NULL when no regulation is loaded.
 */
char *secannex_render_grade(const secannex_catalog *cat, const secannex_grade dims[4],
    secannex_format fmt);

/* ---- documents: tender annexes, vendor matrices, redlines ---- */

/** What a document is built from. */
enum secannex_doc_source {
	SECANNEX_FROM_RESOLUTION = 0, /**< one tender's resolution (and, for a redline, two) */
	SECANNEX_FROM_CATALOG_DIFF,   /**< a diff of two catalogs (a catalog redline) */
	SECANNEX_FROM_DIFF,           /**< the differences themselves, of two catalogs or of two annexes
	                                   (the 修正對照表): one document, not a redline */
	SECANNEX_FROM_REGULATION,     /**< the 分級辦法 and an agency's facts (secannex_agency_facts):
	                                   the duties checklist, the 附表十 self-check, the 附表九
	                                   worksheet */
	SECANNEX_FROM_EVALUATION      /**< a vendor's response evaluated against its tender */
};

/** One row of the library's document table. */
typedef struct secannex_document_info {
	const char *name;     /**< "annex", "matrix", "catalog" */
	const char *summary;  /**< what it is, in a few words */
	unsigned formats;     /**< bit (1u << F) for each secannex_format F it can be written in */
	int from;             /**< enum secannex_doc_source */
	int is_public;        /**< 1: published with the tender (bidders read it): refused while ▲
	                           rows are pending, unless written as a draft */
} secannex_document_info;

/** The number of documents in the table. */
size_t secannex_document_count(void);

/** Row I of the document table (static: never freed), or NULL when I is out of range. */
const secannex_document_info *secannex_document_get(size_t i);

/**
 * The row of the document called NAME; with NAME NULL, the first document built FROM that source
 * which can be written in FMT (so a tender's .csv is the vendor matrix).  Returns its index, or -1.
 */
int secannex_document_find(const char *name, secannex_format fmt, int from);

/** How to write a document. */
typedef struct secannex_write_opts {
	const char *document;     /**< a document name; NULL: the default for the format */
	secannex_format format;   /**< a file format (odt, docx, csv) the document supports */
	const char *template_dir; /**< holds odt/ and docx/ (the static style parts) */
	int epoch_set;            /**< 1: date the document EPOCH (SOURCE_DATE_EPOCH); 0: no dates */
	long long epoch;
	const char *author;       /**< redlines: the changes' author; NULL: "secannex" */
	const char *label;        /**< the attachment label printed at the top (附件三); NULL: none */
	const char *reference_doc; /**< an agency's .docx/.odt whose styles, page header (letterhead)
	                             and footer the document takes; NULL: the templates' */
	int draft;                /**< 1: write a public document while ▲ rows are pending, marked
	                             草稿 in every page header; 0: refuse it (SECANNEX_EINVALID) */
	int changed_only;         /**< redlines: only what changed (changed rows and paragraphs, with
	                             the headings above them), not the whole document */
	int matrix_controls;      /**< the vendor matrix: 1: each row that cites 附表十 areas is
	                             followed by a sub-row per control of the baseline grade (ids
	                             ROW/MEASURE.CELLk, see README); 0: one row per requirement */
} secannex_write_opts;

/**
 * Write the document of resolution R named in OPTS to PATH: through a temporary file in the same
 * directory that is renamed over PATH only on success (a failed run leaves nothing behind).  The
 * same inputs give byte-identical files.  An unknown document, one not built from a resolution or
 * a format it cannot be written in is SECANNEX_EINVALID.  Returns 0, SECANNEX_EINVALID or
 * SECANNEX_EIO, with diagnostics in DIAGS.
 */
int secannex_document_write(const secannex_resolution *r, const secannex_write_opts *opts,
    const char *path, secannex_diags *diags);

/** What an agency document (built SECANNEX_FROM_REGULATION) is about: the duties checklist of
 * 附表一～八 (LEVEL, KIND), the 附表十 self-check of one system (GRADE, AREA) or the 附表九 grading
 * worksheet of one system (DIMS, WHY).  Free text is checked as every user text is (UTF-8, no
 * control characters, not only white space, at most 1000 characters). */
typedef struct secannex_agency_facts {
	const char *agency;      /**< 機關; NULL: a blank to fill in */
	const char *system;      /**< 資通系統名稱 (self-check, worksheet); NULL: a blank */
	const char *date;        /**< the document date in any --date form; NULL: a blank 民國 date */
	int level;               /**< duties: 0..4 = A..E */
	secannex_kind kind;      /**< duties */
	secannex_grade grade;    /**< self-check: the grade whose 附表十 controls are listed */
	const char *area;        /**< self-check: one 附表十 area (id or name); NULL: all of them */
	secannex_grade dims[4];  /**< worksheet: 機密性, 完整性, 可用性, 法律遵循性 */
	const char *why[4];      /**< worksheet: each dimension's rationale; NULL: lines to write on */
} secannex_agency_facts;

/**
 * Write the agency document named in OPTS (duties, selfcheck, grading: a SECANNEX_FROM_REGULATION
 * row of the document table) about F, from CAT's 分級辦法, to PATH in OPTS' format, atomically (a
 * failed run leaves nothing behind; the same inputs give the same bytes).  An unknown area, a level
 * without a duties table, a bad date or bad free text is SECANNEX_EINVALID with a diagnostic.
 * Returns 0, SECANNEX_EINVALID or SECANNEX_EIO.
 */
int secannex_agency_document_write(const secannex_catalog *cat, const secannex_agency_facts *f,
    const secannex_write_opts *opts, const char *path, secannex_diags *diags);

/** Check what the user typed of F: the date (any --date form) and the free texts (agency, system,
 * the rationales).  Returns 0, or SECANNEX_EINVALID with a diagnostic per bad value (named by its
 * option: --date, --agency, --system, --why-confidentiality …). */
int secannex_agency_facts_check(const secannex_agency_facts *f, secannex_diags *diags);

/**
 * secannex_document_write() into memory: the same document, byte for byte, in *DATA (malloc'd, the
 * caller frees it; *LEN bytes).  A format that its library writes only to a named file (xlsx) is
 * written to SCRATCH, a name in a directory private to the caller, read back and removed; with
 * SCRATCH NULL such a format is SECANNEX_EINVALID.  Returns 0 or an error, with diagnostics in DIAGS.
 */
int secannex_document_render(const secannex_resolution *r, const secannex_write_opts *opts,
    const char *scratch, char **data, size_t *len, secannex_diags *diags);

/* ---- diffs and redlines ---- */

/** The differences between two catalogs or two resolved annexes. Opaque. */
typedef struct secannex_diff secannex_diff;

/**
 * Compare two 一覽表 catalogs: rows are matched by id, then the unmatched by text similarity (a
 * renumbered row is an edit or a move, not a deletion plus an addition).  *OUT is freed by the
 * caller with secannex_diff_free(); both catalogs must outlive it.  Returns 0.
 */
int secannex_diff_catalogs(secannex_diff **out, const secannex_catalog *old_cat,
    const secannex_catalog *new_cat);

/** Compare two resolutions row by row (status, text, reason) and their tender facts.  Returns 0. */
int secannex_diff_annexes(secannex_diff **out, const secannex_resolution *old_res,
    const secannex_resolution *new_res);

/** The number of differences (0: identical). */
size_t secannex_diff_count(const secannex_diff *d);

/** Flags of secannex_render_diff(). */
enum secannex_diff_flags {
	SECANNEX_DIFF_COLOUR = 1,  /**< text: ANSI colours (red deletions, green insertions) */
	SECANNEX_DIFF_VERBOSE = 2  /**< annex diff: also list the rows whose only difference is the
	                                generated reason (otherwise counted, not listed) */
};

/**
 * Render a diff as text, md or json with FLAGS (enum secannex_diff_flags); the caller frees the
 * string.  An annex diff reports each changed tender fact once, with the rows whose status or
 * text it changed, and counts the rows that differ only in their generated reason.
 */
char *secannex_render_diff(const secannex_diff *d, secannex_format fmt, unsigned flags);

/**
 * For a catalog diff D: rewrite the decisions of P, which name rows of D's NEW catalog, to the
 * ids that D matched them to in the OLD catalog (a renumbered row gets its old id), so that the
 * same tender can be resolved under OLD.  A decision on a row that only NEW has is dropped; a
 * name that NEW does not know is kept for the resolver to report.  Returns the number dropped.
 */
size_t secannex_profile_map_to_old(secannex_profile *p, const secannex_diff *d);

/** Free a diff; NULL is accepted. */
void secannex_diff_free(secannex_diff *d);

/**
 * Read the reviewer's own 說明 of the rows of D's 修正對照表 from PATH (safely; schema explain.rng in
 * SCHEMA_DIR): <explanations xmlns="urn:secannex:explain:1"><row id="ID"><point>TEXT</point>…</row>…,
 * ID being NEW's row id, deleted:OLD-ID or metadata.  They are printed after the generated points.
 * An id that names no row, a row that did not change, a second entry for one row and a point that is
 * not valid user text are errors with the file's line.  Returns 0, SECANNEX_EINVALID or SECANNEX_EIO.
 */
int secannex_diff_explain(secannex_diff *d, const char *path, const char *schema_dir,
    size_t max_bytes, secannex_diags *diags);

/**
 * The document DOCUMENT made from diff D (a SECANNEX_FROM_DIFF row of the document table: the
 * 修正對照表) in a stream format FMT (md, json), as a new string the caller frees; NULL (with
 * secannex_error_last()) when it has no such form.
 */
char *secannex_diff_document(const secannex_diff *d, const char *document, secannex_format fmt);

/**
 * Write the document of diff D named in OPTS (a SECANNEX_FROM_DIFF document; NULL: the first) to
 * PATH in OPTS' file format, atomically.  Returns 0, SECANNEX_EINVALID or SECANNEX_EIO.
 */
int secannex_diff_document_write(const secannex_diff *d, const secannex_write_opts *opts,
    const char *path, secannex_diags *diags);

/**
 * secannex_diff_document_write() and secannex_redline_catalogs() into memory: the document of
 * catalog diff D named in OPTS (the 修正對照表 "table", or the "catalog" redline) in OPTS' file
 * format, in *DATA (malloc'd, the caller frees it; *LEN bytes).  Returns 0 or an error.
 */
int secannex_diff_render(const secannex_diff *d, const secannex_write_opts *opts, char **data,
    size_t *len, secannex_diags *diags);

/**
 * Carry profile P, whose decisions name rows of D's OLD catalog, to D's NEW catalog (D a catalog
 * diff): each decision follows its row through the row matching (a renumbered row keeps its
 * decision under its new id).  A decision whose row is not in OLD or was deleted, and one that
 * no longer fits NEW (its mark at the grade, a note that makes the row 必選…: P is resolved
 * against NEW to find out), is an error naming it, unless FORCE, which drops it with a warning.
 * REPORT (may be NULL) receives a text line per decision (the caller frees it).  Returns 0, or
 * SECANNEX_EINVALID with P unchanged.
 */
int secannex_profile_migrate(secannex_profile *p, const secannex_diff *d, int force, char **report,
    secannex_diags *diags);

/**
 * Write P as a profile file (urn:secannex:profile:1, valid against profile.rng) to PATH, atomically;
 * COMMENT (may be NULL) goes into a comment at its top.  Returns 0 or SECANNEX_EIO.
 */
int secannex_profile_write(const secannex_profile *p, const char *comment, const char *path,
    secannex_diags *diags);

/**
 * Write NEW's annex with tracked changes against OLD's annex to PATH (atomically): changed text as
 * character-level insertions and deletions, rows and paragraphs inserted or deleted whole.
 * Accepting every change gives NEW's text, rejecting every change OLD's.  Returns 0 or an error.
 */
int secannex_redline_annexes(const secannex_resolution *old_res, const secannex_resolution *new_res,
    const secannex_write_opts *opts, const char *path, secannex_diags *diags);

/**
 * Write the whole 一覽表 table (every type) of the diff's NEW catalog tracked against its OLD one;
 * rows matched by the diff (renumbered rows included) are compared cell by cell.
 */
int secannex_redline_catalogs(const secannex_diff *d, const secannex_write_opts *opts,
    const char *path, secannex_diags *diags);

/** The message of the last failing call in this thread, or "" when none. */
const char *secannex_error_last(void);

/** Forget this thread's last message (secannex_error_last() is "" again) and free it: a thread
 * that ends otherwise leaves it behind (a server's pool threads). */
void secannex_error_clear(void);

/** Free the compiled RelaxNG schemas that loads keep for later loads (the profile's, the
 * catalogs' when they are not the shipped files): about 100 KB.  A program that loads once and
 * then writes, as the command line does, gives the memory back to the documents it writes; a
 * server never calls it.  Never while another thread may be loading.  A later load compiles its
 * schema again. */
void secannex_schemas_release(void);

/**
 * MSG, a message about the unknown name WORD, with a "did you mean" hint appended when names of
 * NAMES[0..N) begin with WORD (an abbreviation) or else are close to it by edit distance ("MSG;
 * did you mean: --level?", translated; each suggested name after PREFIX, which may be NULL).  A
 * new string the caller frees.
 */
char *secannex_suggest(const char *msg, const char *word, const char *const *names, size_t n,
    const char *prefix);

/* ---- a vendor's response: the filled-in compliance matrix read back ---- */

/** A vendor's response compared with the tender's matrix. Opaque. */
typedef struct secannex_evaluation secannex_evaluation;

/** How to evaluate a response. */
typedef struct secannex_eval_opts {
	int matrix_controls; /**< the matrix as issued: 1 with the controls' sub-rows, 0 without,
	                          -1 inferred (sub-row ids ROW/MEASURE.CELLk in the response) */
	int draft;           /**< the matrix was issued as a draft (its pending ▲ rows included) */
	size_t max_bytes;    /**< a CSV response's size limit; 0: SECANNEX_MAX_FILE_BYTES */
} secannex_eval_opts;

/**
 * Read the filled-in matrix PATH (.xlsx, .docx, .odt or .csv; README "Vendor responses") and
 * compare it with the matrix that resolution R issues (the same builder, so the very rows and
 * texts): rows matched by 編號, each row's answer (符合, 部分符合, 不符合 or 未填), 說明 and 佐證,
 * rows missing, rows not in the tender, requirement texts altered (each an error in DIAGS naming
 * the row and its line).  Returns 0 with *OUT set (free it with secannex_evaluation_free()), or a
 * negative secannex_error when the response cannot be evaluated (unreadable, not a matrix).
 */
int secannex_evaluate(secannex_evaluation **out, const secannex_resolution *r, const char *path,
    const secannex_eval_opts *opts, secannex_diags *diags);

/** 0 when every row is answered 符合 and nothing is altered, missing, added or unreadable, else 1. */
int secannex_evaluation_verdict(const secannex_evaluation *e);

/** The evaluation as text, md or json (stable key order), a new string the caller frees. */
char *secannex_render_evaluation(const secannex_evaluation *e, secannex_format fmt);

/**
 * Write the evaluation record of E (the tender R's, with OPTS->document "evaluation" or NULL) in
 * OPTS->format (odt, docx) to PATH, atomically: the agency's internal document for the
 * evaluation committee (counts, every row's answer, 說明, 佐證 and what was found, signatures).
 * Returns 0 or a negative secannex_error with diagnostics in DIAGS.
 */
int secannex_evaluation_write(const secannex_evaluation *e, const secannex_resolution *r,
    const secannex_write_opts *opts, const char *path, secannex_diags *diags);

/** 1 when E was compared with the matrix with the controls' sub-rows (given or inferred), else 0. */
int secannex_evaluation_controls(const secannex_evaluation *e);

/**
 * Several bidders' evaluations V[0..N) of one tender side by side (text, md or json): a row per
 * requirement of V[0]'s matrix, a column per bidder (named by 廠商名稱, else the file), totals per
 * bidder.  A new string the caller frees.
 */
char *secannex_render_comparison(const secannex_evaluation *const *v, size_t n, secannex_format fmt);

/**
 * Write the comparison table of V[0..N) (OPTS->document "comparison") to PATH, atomically, as
 * secannex_evaluation_write() writes one record.  Returns 0 or a negative secannex_error.
 */
int secannex_comparison_write(const secannex_evaluation *const *v, size_t n,
    const secannex_resolution *r, const secannex_write_opts *opts, const char *path,
    secannex_diags *diags);

/** Free an evaluation; NULL is accepted. */
void secannex_evaluation_free(secannex_evaluation *e);

/** The library version string. */
const char *secannex_version(void);

#ifdef __cplusplus
}
#endif

#endif

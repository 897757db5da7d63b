/* docs.h: the two tables that everything written to a file goes through: the formats (name,
 * extension, writer) and the documents (name, builder, the formats each can be written in). */
#ifndef SX_DOCS_H
#define SX_DOCS_H

#include "doc.h"
#include "resolve.h"

/* What a document is built from. */
typedef struct sx_doc_src {
	const secannex_resolution *res;  /* SECANNEX_FROM_RESOLUTION */
	const secannex_diff *diff;       /* SECANNEX_FROM_CATALOG_DIFF */
	int new_side;                    /* with DIFF: build NEW's side (keys: OLD's matched ids) */
	int epoch_set;
	time_t epoch;
	int draft;                       /* public documents: the pending ▲ rows shown, marked 待確認 */
	const char *fingerprint;         /* the resolution's SHA-256 (hex), or NULL */
	int changed_only;                /* a redline of only what changed (catalog: 子項 headings) */
	int matrix_controls;             /* the matrix: a sub-row per 附表十 control of the rows */
	/* SECANNEX_FROM_REGULATION: the 分級辦法, what the document is about, and its date (ISO 8601,
	 * checked; NULL: none, the document leaves a blank 民國 date) */
	const secannex_catalog *cat;
	const secannex_agency_facts *facts;
	const char *date;
	const secannex_evaluation *eval; /* SECANNEX_FROM_EVALUATION (with RES, its tender) */
	const secannex_evaluation *const *evals; /* the comparison: NEVALS bidders' evaluations */
	size_t nevals;
} sx_doc_src;

/* A file writer: the document's parts, packaged, into OUT.  Returns 0 or a negative
 * secannex_error with a diagnostic in D. */
typedef int (*sx_writer_fn)(const sx_doc *a, const char *template_dir, sx_buf *out,
    secannex_diags *d);

/* A package writer that takes an agency's reference document REFERENCE_DOC (--reference-doc) of
 * its own format: its styles, page header and footer. */
typedef int (*sx_refwriter_fn)(const sx_doc *a, const char *template_dir, const char *reference_doc,
    sx_buf *out, secannex_diags *d);

/* A writer that can only write to a named file (a library that opens the file itself): the
 * document, packaged, into the existing file TMP, which the caller renames over the target (or
 * removes, when it fails); PATH names the target in diagnostics.  Returns 0 or a negative
 * secannex_error with a diagnostic in D. */
typedef int (*sx_filewriter_fn)(const sx_doc *a, const char *tmp, const char *path,
    secannex_diags *d);

/* A document builder: fills *OUT (freed with sx_doc_free()) from SRC. */
typedef void (*sx_builder_fn)(sx_doc *out, const sx_doc_src *src);

/* secannex_document_write() without the file: document OPTS->document of R, packaged in
 * OPTS->format into OUT (PATH names the target in diagnostics).  Returns 0 or an error. */
int sx_document_render(const secannex_resolution *r, const secannex_write_opts *o, const char *path,
    sx_buf *out, secannex_diags *d);

/* secannex_redline_catalogs() without the file: the catalog redline of DF into OUT. */
int sx_redline_render_catalogs(const secannex_diff *df, const secannex_write_opts *o,
    const char *path, sx_buf *out, secannex_diags *d);

/* The writers (one file each) and the builders (annex.c, redline.c). */
int sx_odt_write(const sx_doc *a, const char *template_dir, sx_buf *out, secannex_diags *d);
int sx_docx_write(const sx_doc *a, const char *template_dir, sx_buf *out, secannex_diags *d);
int sx_odt_write_ref(const sx_doc *a, const char *template_dir, const char *reference_doc,
    sx_buf *out, secannex_diags *d);
int sx_docx_write_ref(const sx_doc *a, const char *template_dir, const char *reference_doc,
    sx_buf *out, secannex_diags *d);
int sx_csv_write(const sx_doc *a, const char *template_dir, sx_buf *out, secannex_diags *d);
int sx_xlsx_write(const sx_doc *a, const char *tmp, const char *path, secannex_diags *d);
void sx_build_annex(sx_doc *out, const sx_doc_src *src);
void sx_build_matrix(sx_doc *out, const sx_doc_src *src);
void sx_build_catalog(sx_doc *out, const sx_doc_src *src);
void sx_build_review(sx_doc *out, const sx_doc_src *src);
void sx_build_table(sx_doc *out, const sx_doc_src *src);
/* The agency documents (agencydoc.c): the 附表一～八 duties checklist, the 附表十 self-check, the
 * 附表九 grading worksheet. */
void sx_build_duties(sx_doc *out, const sx_doc_src *src);
void sx_build_selfcheck(sx_doc *out, const sx_doc_src *src);
void sx_build_grading(sx_doc *out, const sx_doc_src *src);
void sx_build_evaluation(sx_doc *out, const sx_doc_src *src);  /* evaluate.c */
void sx_build_comparison(sx_doc *out, const sx_doc_src *src);  /* compare.c */

/* A document's stream form: FMT (md, json) of diff D appended to B (table.c). */
typedef void (*sx_render_fn)(sx_buf *b, const secannex_diff *d, secannex_format fmt);
void sx_render_table(sx_buf *b, const secannex_diff *d, secannex_format fmt);

/* Pieces of a tender document that the builders share (annex.c); each returns a new string. */
char *sx_tender_date(const secannex_resolution *r);   /* 中華民國115年11月20日, or "" */
char *sx_tender_title(const secannex_resolution *r, const char *what); /* 案名 + WHAT */
char *sx_tender_title_lines(const secannex_resolution *r, const char *what); /* balanced lines */
char *sx_tender_place(const sx_row *row);             /* 第2項\n(dev-13) */

/* Merge OLD and NEW into *OUT, NEW's document with tracked changes against OLD's (redline.c). */
void sx_redline_merge(sx_doc *out, const sx_doc *old_doc, const sx_doc *new_doc,
    const char *author);
/* Keep of a redline only what changed: changed paragraphs, tables with their header rows and changed
 * rows, and the title and the headings above them (redline.c). */
void sx_redline_changed_only(sx_doc *r);

#endif

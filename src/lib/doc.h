/* doc.h: the document model (title, headings, paragraphs, tables) that the document builders
 * (annex.c, redline.c) produce and every file writer (render_odt.c, render_docx.c, render_csv.c)
 * consumes; it depends on nothing above the buffer and the character diff. */
#ifndef SX_DOC_H
#define SX_DOC_H

#include <time.h>

#include "buf.h"
#include "textdiff.h"

enum sx_blk_kind {
	SX_BLK_TITLE,
	SX_BLK_HEADING,     /* 一、… */
	SX_BLK_SUBHEADING,  /* （一）… */
	SX_BLK_PARA,
	SX_BLK_NOTE,        /* a smaller paragraph */
	SX_BLK_TABLE
};

enum sx_tbl_kind {
	SX_TBL_GRID,        /* a data table: header row(s) repeat on every page */
	SX_TBL_FORM         /* label | value pairs (header block, CISO confirmation box) */
};

typedef struct sx_table {
	enum sx_tbl_kind kind;
	size_t ncols, nrows;
	size_t nheader;     /* leading rows that repeat on every page */
	int *width_mm;      /* column widths, tenths of a millimetre; they sum to the text width */
	char **cells;       /* nrows × ncols, row-major; text, "\n" for a line break */
	/* redlines only (NULL otherwise) */
	char **keys;        /* row keys that match rows across versions */
	int *row_change;    /* per row: 0, SX_OP_INS (row inserted) or SX_OP_DEL (row deleted) */
	sx_dtext *mcells;   /* per cell: the character diff (when the row is in both versions) */
	/* vertical merges (NULL: none): per cell, N > 1 for the first cell of N merged rows, -1 for
	 * a cell that such a merge covers (its text is kept, but not printed), else 0 */
	int *vspan;
	/* 1: MCELLS are shown as formatting, not as tracked changes: each cell shows its SX_OP_SAME and
	 * SX_OP_INS segments with the insertions underlined, or its SX_OP_SAME and SX_OP_DEL segments
	 * with the deletions struck through (the 修正規定 and 現行規定 columns of a 修正對照表) */
	int marked;
} sx_table;

typedef struct sx_ablock {
	enum sx_blk_kind kind;
	char *text;
	sx_table *table;
	char *key;          /* redline matching key (NULL: derived from kind and text) */
	int change;         /* redlines: SX_OP_INS / SX_OP_DEL for a whole block */
	sx_dtext *mtext;    /* redlines: the character diff of the text */
} sx_ablock;

typedef struct sx_doc {
	char *title;        /* document title (metadata and the first line) */
	char *subject;
	int epoch_set;      /* 1: stamp dates from EPOCH; 0: no dates in the document */
	time_t epoch;
	const char *author; /* redlines: the author of the tracked changes (NULL: not a redline) */
	sx_ablock *v;
	size_t n;
	sx_table *data;     /* the document's records as a flat table (header row first), for the
	                     * record formats (CSV); NULL when the document has none */
	char *label;        /* the attachment label (附件三), printed above the title; NULL: none */
	int draft;          /* 1: 「草稿」 in every page header */
	char *fingerprint;  /* printed small at the end (the resolution's SHA-256); NULL: none */
	int landscape;      /* 1: A4 landscape pages (text width SX_TEXT_WIDTH_LANDSCAPE) */
	const char *sheet;  /* XLSX: the sheet's name (static); NULL: 廠商回應, the vendor's form */
} sx_doc;

/* The text width of an A4 page with 2 cm margins, in tenths of a millimetre: portrait, landscape,
 * and document A's. */
#define SX_TEXT_WIDTH 1700
#define SX_TEXT_WIDTH_LANDSCAPE 2570
#define SX_DOC_WIDTH(a) ((a)->landscape ? SX_TEXT_WIDTH_LANDSCAPE : SX_TEXT_WIDTH)

/* Start an empty document with its title, subject and date (EPOCH_SET 0: undated). */
void sx_doc_init(sx_doc *a, const char *title, const char *subject, int epoch_set, time_t epoch);
/* Free what a document holds (not the sx_doc itself). */
void sx_doc_free(sx_doc *a);
/* Append a block (TEXT copied; NULL for a table). */
sx_ablock *sx_doc_push(sx_doc *a, enum sx_blk_kind kind, const char *text);
/* Append a formatted paragraph-like block. */
void sx_doc_pushf(sx_doc *a, enum sx_blk_kind kind, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Append a table block with NCOLS columns of WIDTHS; NHEADER leading rows repeat on every page. */
sx_table *sx_doc_table(sx_doc *a, enum sx_tbl_kind kind, size_t ncols, const int *widths,
    size_t nheader);
/* A table that is not a block (sx_doc.data); free it with sx_table_free(). */
sx_table *sx_table_new(size_t ncols);
void sx_table_free(sx_table *t);
/* Append a row of NCOLS cells (copied; NULL: an empty cell). */
void sx_doc_row(sx_table *t, const char *const *cells);
/* Merge vertically, in column COL, every run of consecutive body rows (after the NHEADER header
 * rows, which never span) whose cells in COL hold the same non-empty text: the run's first cell
 * gets vspan N (the run's length), the others -1 (their text stays in the model, unprinted).
 * Allocates vspan when needed; other columns keep theirs.  Call it after the rows are added
 * (a row added later is merged with nothing). */
void sx_table_merge_runs(sx_table *t, size_t col);
/* What a writer prints for cell (R, C): N > 1, the first cell of N merged rows (clamped to the
 * table); -1, a cell covered by a merge above; 0, a plain cell (always for header rows and for a
 * -1 that no merge above reaches). */
int sx_table_span(const sx_table *t, size_t r, size_t c);

/* 1 → 一, 12 → 十二, 20 → 二十 (section and item numbers) into OUT of N bytes. */
void sx_zh_num(char *out, size_t n, unsigned v);
/* A title of HEAD then TAIL (案名 + 資通安全需求) whose lines hold at most PER_LINE full-width
 * characters: on one line when it fits, else HEAD on evenly filled lines of its own and TAIL on
 * the last, so that no line holds a lone character.  "\n" between lines; the caller frees. */
char *sx_doc_balance(const char *head, const char *tail, double per_line);

#endif

/* annex.h: the annex document model (title, headings, paragraphs, tables) that annex.c builds from a
 * resolution and that each package writer (render_odt.c, render_docx.c) turns into XML parts. */
#ifndef SX_ANNEX_H
#define SX_ANNEX_H

#include <time.h>

#include "buf.h"
#include "resolve.h"
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
} sx_table;

typedef struct sx_ablock {
	enum sx_blk_kind kind;
	char *text;
	sx_table *table;
	char *key;          /* redline matching key (NULL: derived from kind and text) */
	int change;         /* redlines: SX_OP_INS / SX_OP_DEL for a whole block */
	sx_dtext *mtext;    /* redlines: the character diff of the text */
} sx_ablock;

typedef struct sx_annex {
	char *title;        /* document title (metadata and the first line) */
	char *subject;
	int epoch_set;      /* 1: stamp dates from EPOCH; 0: no dates in the document */
	time_t epoch;
	const char *author; /* redlines: the author of the tracked changes (NULL: not a redline) */
	sx_ablock *v;
	size_t n;
} sx_annex;

/* The text width of an A4 page with 2 cm margins, in tenths of a millimetre. */
#define SX_TEXT_WIDTH 1700

/* Build the annex model of a resolution; free it with sx_annex_free(). */
void sx_annex_build(sx_annex *a, const secannex_resolution *r, int vendor_matrix, int epoch_set,
    time_t epoch);
void sx_annex_free(sx_annex *a);
/* Model-building helpers shared with redline.c. */
sx_ablock *sx_annex_push(sx_annex *a, enum sx_blk_kind kind, const char *text);
sx_table *sx_annex_table(sx_annex *a, enum sx_tbl_kind kind, size_t ncols, const int *widths,
    size_t nheader);
void sx_annex_row(sx_table *t, const char *const *cells);

/* The segments of a piece of text to write: a plain text (CHANGE 0: unchanged; SX_OP_INS/DEL: the
 * whole text inserted/deleted) or a character diff M (used when it has segments).
 * Fills *ONE for the plain case. */
const sx_dtext *sx_annex_segs(const char *text, int change, const sx_dtext *m, sx_dtext *one,
    sx_dseg *seg);

/* Package writers: write the annex's parts, zipped, into OUT.  Return 0 or a negative
 * secannex_error with a diagnostic in D. */
int sx_odt_package(const sx_annex *a, const char *template_dir, sx_buf *out, secannex_diags *d);
int sx_docx_package(const sx_annex *a, const char *template_dir, sx_buf *out, secannex_diags *d);

/* Read a template part TEMPLATE_DIR/NAME into B (refusing anything over 1 MiB). */
int sx_template_read(sx_buf *b, const char *template_dir, const char *name, secannex_diags *d);

/* The ISO 8601 UTC form of T ("2026-11-22T00:00:00Z"), into BUF of at least 21 bytes. */
void sx_iso8601(char *buf, size_t n, time_t t);

#endif

/* annex.h: the annex document model (title, headings, paragraphs, tables) that annex.c builds from a
 * resolution and that each package writer (render_odt.c, render_docx.c) turns into XML parts. */
#ifndef SX_ANNEX_H
#define SX_ANNEX_H

#include <time.h>

#include "buf.h"
#include "resolve.h"

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
} sx_table;

typedef struct sx_ablock {
	enum sx_blk_kind kind;
	char *text;
	sx_table *table;
} sx_ablock;

typedef struct sx_annex {
	char *title;        /* document title (metadata and the first line) */
	char *subject;
	int epoch_set;      /* 1: stamp dates from EPOCH; 0: no dates in the document */
	time_t epoch;
	sx_ablock *v;
	size_t n;
} sx_annex;

/* The text width of an A4 page with 2 cm margins, in tenths of a millimetre. */
#define SX_TEXT_WIDTH 1700

/* Package writers: write the annex's parts, zipped, into OUT.  Return 0 or a negative
 * secannex_error with a diagnostic in D. */
int sx_odt_package(const sx_annex *a, const char *template_dir, sx_buf *out, secannex_diags *d);
int sx_docx_package(const sx_annex *a, const char *template_dir, sx_buf *out, secannex_diags *d);

/* Read a template part TEMPLATE_DIR/NAME into B (refusing anything over 1 MiB). */
int sx_template_read(sx_buf *b, const char *template_dir, const char *name, secannex_diags *d);

/* The ISO 8601 UTC form of T ("2026-11-22T00:00:00Z"), into BUF of at least 21 bytes. */
void sx_iso8601(char *buf, size_t n, time_t t);

#endif

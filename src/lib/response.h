/* response.h: reading a vendor's filled-in compliance matrix (XLSX, DOCX, ODT, CSV) back as rows of
 * cells, and the answers and texts in them (the 符合情形 boxes, white space). */
#ifndef SX_RESPONSE_H
#define SX_RESPONSE_H

#include <stddef.h>

#include "../secannex.h"

/* One row of a response: its cells' texts ("\n" between a cell's lines), where it is (LINE: a
 * sheet's row number, a CSV record's first line, a document table's row from 1) and which table
 * holds it (a document's tables counted from 0; a sheet or a CSV file is table 0). */
typedef struct sx_rrow {
	int line;
	size_t table;
	char **cells;
	size_t ncells;
} sx_rrow;

typedef struct sx_grid {
	sx_rrow *v;
	size_t n, cap;
	int big5;          /* CSV: the file was Big5 (CP950), converted */
	int over;          /* rows beyond SX_RESP_MAX_ROWS were met (and not kept) */
} sx_grid;

/* The rows a response may have (a matrix has hundreds): a file with more is refused, so that a
 * hostile one cannot make a diagnostic of each of millions of rows. */
#define SX_RESP_MAX_ROWS 20000

void sx_grid_free(sx_grid *g);

/* Read PATH (by its extension: .xlsx, .docx, .odt, .csv) into G: every table row of the file.
 * G is initialised here (free it with sx_grid_free() whatever the result).  Packages within
 * zippkg.c's limits, CSV files within MAX_BYTES (0: SECANNEX_MAX_FILE_BYTES).
 * Returns 0, or a negative secannex_error with a diagnostic in D (the file cannot be read). */
int sx_response_read(sx_grid *g, const char *path, size_t max_bytes, secannex_diags *d);

/* The CSV text DATA (LEN bytes; UTF-8 with or without a BOM, else Big5/CP950, converted) into G
 * (initialised here: free it with sx_grid_free() whatever the result);
 * PATH names it in diagnostics.  RFC 4180: "" quotes, a quoted field may hold line breaks.
 * Returns 0 or SECANNEX_EINVALID (neither UTF-8 nor Big5; an unterminated quote). */
int sx_csv_grid(sx_grid *g, const char *data, size_t len, const char *path, secannex_diags *d);

/* The answers of the 符合情形 column. */
enum sx_answer {
	SX_ANS_NONE = 0,   /* 未填 */
	SX_ANS_YES,        /* 符合 */
	SX_ANS_PART,       /* 部分符合 */
	SX_ANS_NO,         /* 不符合 */
	SX_ANS__COUNT
};
extern const char *const sx_answer_zh[SX_ANS__COUNT];

/* Problems with an answer cell (sx_answer_parse's *PROBLEM). */
enum sx_ans_problem {
	SX_ANSP_OK = 0,
	SX_ANSP_MANY,      /* more than one option ticked (or left, some deleted) */
	SX_ANSP_UNKNOWN    /* text that is not an option, a box or a tick */
};

/* The answer in CELL: a plain 符合 / 部分符合 / 不符合 (the drop-down), or the boxes 「□符合 □部分符合
 * □不符合」 with one ticked (□ replaced by ■ ☑ ☒ ✓ ✔ √ V v) or the other two deleted; empty, or
 * every box left empty: 未填.  A problem (*PROBLEM not SX_ANSP_OK) gives SX_ANS_NONE. */
enum sx_answer sx_answer_parse(const char *cell, enum sx_ans_problem *problem);

/* S with its white space normalised for comparing texts: every run of white space (line breaks,
 * tabs, U+3000, no-break spaces) is one space, none at either end, and none next to a character
 * outside ASCII (a word processor's re-wrapping of 中文 adds breaks, never words); zero-width
 * spaces and BOMs are dropped; any other control character (ESC, DEL, C1) becomes U+FFFD, so that
 * no text read from a response reaches a terminal as a control sequence.  Caller frees. */
char *sx_ws_normalise(const char *s);

#endif

/* pkg.h: helpers that every package writer shares (template parts, dates, the text segments of a
 * possibly tracked piece of text); below both the document builders and the writers. */
#ifndef SX_PKG_H
#define SX_PKG_H

#include <time.h>

#include "buf.h"
#include "textdiff.h"
#include "../secannex.h"

/* The segments of a piece of text to write: a plain text (CHANGE 0: unchanged; SX_OP_INS/DEL: the
 * whole text inserted/deleted) or a character diff M (used when it has segments).
 * Fills *ONE (and *SEG) for the plain case. */
const sx_dtext *sx_pkg_segs(const char *text, int change, const sx_dtext *m, sx_dtext *one,
    sx_dseg *seg);

/* Read a template part TEMPLATE_DIR/NAME into B (refusing anything over 1 MiB). */
int sx_template_read(sx_buf *b, const char *template_dir, const char *name, secannex_diags *d);

/* The ISO 8601 UTC form of T ("2026-11-22T00:00:00Z"), into BUF of at least 21 bytes. */
void sx_iso8601(char *buf, size_t n, time_t t);

/* The zip entries' time of a package: the document's date, else 1980-01-01. */
#define SX_PKG_MTIME(epoch_set, epoch) ((epoch_set) ? (epoch) : (time_t)315532800)

#endif

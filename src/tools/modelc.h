/* modelc.h: a loaded model written as C source (modelc.c): shipgen's embedded model, and the
 * test that the model compiled into the program is the model parsed from the files. */
#ifndef SX_MODELC_H
#define SX_MODELC_H

#include <stdio.h>

#include "../lib/model.h"

/* Write P (R) to F as static C definitions, the model itself named NAME and its arrays NAME_…
 * (the model's path and index are left NULL: a loaded copy sets its own).  0, or -1 on a write
 * error. */
int sx_modelc_procurement(FILE *f, const sx_procurement *p, const char *name);
int sx_modelc_regulation(FILE *f, const sx_regulation *r, const char *name);

/* LEN bytes as a C string literal: printable ASCII as it is; every other byte, the quote, the
 * backslash and '?' (no trigraphs) as three octal digits; in pieces of about 100 columns and after
 * each line feed. */
void sx_modelc_literal(FILE *f, const void *data, size_t len);

#endif

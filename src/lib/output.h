/* output.h: writing an output file atomically (never a partial file, an old file kept on failure). */
#ifndef SX_OUTPUT_H
#define SX_OUTPUT_H

#include <stddef.h>

#include "../secannex.h"

/* Write LEN bytes of DATA to PATH through a temporary file in the same directory, then rename it
 * over PATH.  On failure nothing is left behind and PATH is untouched.  Returns 0 or SECANNEX_EIO. */
int sx_write_atomic(const char *path, const void *data, size_t len, secannex_diags *d);

#endif

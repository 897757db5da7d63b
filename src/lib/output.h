/* output.h: writing an output file atomically (never a partial file, an old file kept on failure). */
#ifndef SX_OUTPUT_H
#define SX_OUTPUT_H

#include <stddef.h>

#include "../secannex.h"

/* Write LEN bytes of DATA to PATH through a temporary file in the same directory, then rename it
 * over PATH.  On failure nothing is left behind and PATH is untouched.  Returns 0 or SECANNEX_EIO. */
int sx_write_atomic(const char *path, const void *data, size_t len, secannex_diags *d);

/* What fills the temporary file TMP (created empty, closed) for sx_write_atomic_with(), with CTX.
 * Returns 0; an errno value (reported as a write error); or a negative secannex_error after
 * recording its own diagnostic in D. */
typedef int (*sx_fill_fn)(const char *tmp, void *ctx, secannex_diags *d);

/* sx_write_atomic() for a writer that can only write to a named file: FILL writes the temporary
 * file beside PATH, which is renamed over PATH only when FILL succeeds (else removed). */
int sx_write_atomic_with(const char *path, sx_fill_fn fill, void *ctx, secannex_diags *d);

#endif

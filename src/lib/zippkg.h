/* zippkg.h: building a ZIP package in memory (the only libzip user), deterministic entry metadata. */
#ifndef SX_ZIPPKG_H
#define SX_ZIPPKG_H

#include <stddef.h>
#include <time.h>

#include "buf.h"
#include "../secannex.h"

typedef struct sx_zip sx_zip;

sx_zip *sx_zip_new(void);
void sx_zip_free(sx_zip *z);

/* Add a part; the data is copied.  STORE: no compression (ODF's mimetype). */
void sx_zip_add(sx_zip *z, const char *name, const void *data, size_t len, int store);

/* Write the archive into OUT, every entry stamped with MTIME (UTC).  Returns 0 or SECANNEX_EIO. */
int sx_zip_finish(sx_zip *z, time_t mtime, sx_buf *out, secannex_diags *d);

#endif

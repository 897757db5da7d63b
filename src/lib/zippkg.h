/* zippkg.h: building a ZIP package in memory (the only libzip user), deterministic entry metadata;
 * reading one (an agency's reference document) within limits. */
#ifndef SX_ZIPPKG_H
#define SX_ZIPPKG_H

#include <stddef.h>
#include <time.h>

#include "buf.h"
#include "../secannex.h"

typedef struct sx_zip sx_zip;

sx_zip *sx_zip_new(void);
void sx_zip_free(sx_zip *z);

/* Add a part: deflated at once (unless STORE, ODF's mimetype, or under 1 KB) or copied, so that
 * the caller may free DATA on return. */
void sx_zip_add(sx_zip *z, const char *name, const void *data, size_t len, int store);

/* Stream a part NAME instead: sx_zip_write() (an sx_xw_sink, CTX the sx_zip) takes its bytes in
 * order, deflated as they come; sx_zip_end() returns 0, or -1 when zlib failed.  No other part
 * may be added between the two. */
void sx_zip_begin(sx_zip *z, const char *name);
int sx_zip_write(void *ctx, const char *data, size_t len);
int sx_zip_end(sx_zip *z);

/* Write the archive into OUT, every entry stamped with MTIME (UTC).  Returns 0 or SECANNEX_EIO. */
int sx_zip_finish(sx_zip *z, time_t mtime, sx_buf *out, secannex_diags *d);

/* Reading.  Limits on what a package read from a user may hold: */
#define SX_ZIPR_MAX_FILE ((size_t)64 * 1024 * 1024)   /* the package file */
#define SX_ZIPR_MAX_ENTRY ((size_t)16 * 1024 * 1024)  /* any entry, uncompressed */
#define SX_ZIPR_MAX_ENTRIES 1000

typedef struct sx_zipr sx_zipr;

/* Open the ZIP file PATH for reading.  Refuses (SECANNEX_EINVALID, with a diagnostic naming PATH) a
 * file that is not a regular file or is over SX_ZIPR_MAX_FILE, is not a ZIP archive (message
 * NOT_ZIP, enum sx_msg, which says what the file should have been), has more than
 * SX_ZIPR_MAX_ENTRIES entries, or has any entry whose uncompressed size is over SX_ZIPR_MAX_ENTRY;
 * an unreadable file is SECANNEX_EIO. */
int sx_zipr_open(sx_zipr **out, const char *path, int not_zip, secannex_diags *d);
void sx_zipr_close(sx_zipr *z);
/* 1 when the archive has an entry NAME. */
int sx_zipr_has(const sx_zipr *z, const char *name);
/* Append entry NAME to B (never more than SX_ZIPR_MAX_ENTRY bytes, whatever its header says).
 * Returns 0, SECANNEX_ENOTFOUND when there is no such entry (no diagnostic), or an error. */
int sx_zipr_read(sx_zipr *z, const char *name, sx_buf *b, secannex_diags *d);

#endif

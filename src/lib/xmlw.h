/* xmlw.h: a thin error-collecting wrapper over libxml2's xmlTextWriter, for every generated XML part. */
#ifndef SX_XMLW_H
#define SX_XMLW_H

#include "buf.h"

typedef struct sx_xw sx_xw;

/* Where a sink writer's output goes, a chunk at a time: 0, or -1 to fail the writer. */
typedef int (*sx_xw_sink)(void *ctx, const char *data, size_t len);

/* Start a UTF-8 document (with a standalone="yes" declaration when STANDALONE), written into a
 * buffer (sx_xw_new) or to SINK(CTX, ...) as it is produced (sx_xw_new_to). */
sx_xw *sx_xw_new(int standalone);
sx_xw *sx_xw_new_to(int standalone, sx_xw_sink sink, void *ctx);
void sx_xw_start(sx_xw *x, const char *name);
void sx_xw_attr(sx_xw *x, const char *name, const char *value);
void sx_xw_attrf(sx_xw *x, const char *name, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void sx_xw_end(sx_xw *x);
/* Character data; libxml2 escapes < & > and quotes. */
void sx_xw_text(sx_xw *x, const char *s);
void sx_xw_textn(sx_xw *x, const char *s, size_t n);
/* A comment <!-- TEXT -->; "--" in TEXT (not allowed in a comment) is written "- -". */
void sx_xw_comment(sx_xw *x, const char *text);
/* An element with only character data: <NAME>TEXT</NAME>. */
void sx_xw_leaf(sx_xw *x, const char *name, const char *text);
/* An empty element NAME, with the attribute ATTR="VALUE" when ATTR is not NULL: <w:b/>,
 * <w:jc w:val="right"/>. */
void sx_xw_empty(sx_xw *x, const char *name, const char *attr, const char *value);
/* End the document and append it to OUT (a sink writer's: its last chunk to the sink; OUT is
 * unused); returns 0, or -1 when any call failed.  Frees X. */
int sx_xw_finish(sx_xw *x, sx_buf *out);

#endif

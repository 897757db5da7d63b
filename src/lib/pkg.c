/* pkg.c: what the package writers share: template parts read from disk, ISO 8601 dates, and the
 * segments of a possibly tracked piece of text. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "diag.h"
#include "pkg.h"

const sx_dtext *
sx_pkg_segs(const char *text, int change, const sx_dtext *m, sx_dtext *one, sx_dseg *seg)
{
	if (m && m->n)
		return m;
	seg->op = change == SX_OP_INS ? SX_OP_INS : change == SX_OP_DEL ? SX_OP_DEL : SX_OP_SAME;
	seg->text = (char *)(text ? text : "");
	one->v = seg;
	one->n = *seg->text ? 1 : 0;
	return one;
}

void
sx_iso8601(char *buf, size_t n, time_t t)
{
	struct tm u;

	gmtime_r(&t, &u);
	strftime(buf, n, "%Y-%m-%dT%H:%M:%SZ", &u);
}

int
sx_template_read(sx_buf *b, const char *template_dir, const char *name, secannex_diags *d)
{
	sx_buf path = SX_BUF_INIT;
	FILE *f;
	char chunk[8192];
	size_t n;
	int rc = 0;

	sx_buf_printf(&path, "%s/%s", template_dir, name);
	if ((f = fopen(path.ptr, "rb")) == NULL) {
		sx_diag(d, SX_MSG_OPEN, path.ptr, 0, strerror(errno));
		sx_buf_free(&path);
		return SECANNEX_EIO;
	}
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0) {
		sx_buf_put(b, chunk, n);
		if (b->len > 1024 * 1024) {
			sx_diag(d, SX_MSG_TOO_BIG, path.ptr, 0, b->len, (size_t)1024 * 1024);
			rc = SECANNEX_EINVALID;
			break;
		}
	}
	if (rc == 0 && ferror(f)) {
		sx_diag(d, SX_MSG_OPEN, path.ptr, 0, strerror(errno));
		rc = SECANNEX_EIO;
	}
	fclose(f);
	sx_buf_free(&path);
	return rc;
}

/* zippkg.c: the ZIP writer of ODT and DOCX packages, built in memory with libzip. */
#include "zippkg.h"

#include <stdlib.h>
#include <string.h>

#include <zip.h>

#include "diag.h"

struct S_part {
	char *name;
	char *data;
	size_t len;
	int store;
};

struct sx_zip {
	struct S_part *v;
	size_t n;
};

sx_zip *
sx_zip_new(void)
{
	return sx_calloc(1, sizeof(sx_zip));
}

void
sx_zip_free(sx_zip *z)
{
	if (z == NULL)
		return;
	for (size_t i = 0; i < z->n; i++) {
		free(z->v[i].name);
		free(z->v[i].data);
	}
	free(z->v);
	free(z);
}

void
sx_zip_add(sx_zip *z, const char *name, const void *data, size_t len, int store)
{
	struct S_part *p;

	z->v = sx_realloc(z->v, (z->n + 1) * sizeof(*z->v));
	p = &z->v[z->n++];
	p->name = sx_strdup(name);
	p->data = sx_malloc(len ? len : 1);
	memcpy(p->data, data, len);
	p->len = len;
	p->store = store;
}

/* libzip turns an entry's time_t into DOS date/time with localtime(): hand it the time_t whose
 * local broken-down time equals MTIME's UTC broken-down time, so that the bytes do not depend on
 * the time zone. */
static time_t
S_local_for_utc(time_t mtime)
{
	struct tm u;

	gmtime_r(&mtime, &u);
	u.tm_isdst = -1;
	return mktime(&u);
}

static int
S_fail(secannex_diags *d, const char *what, zip_error_t *ze)
{
	sx_diag(d, SX_MSG_ZIP, "zip", 0, what, zip_error_strerror(ze));
	return SECANNEX_EIO;
}

int
sx_zip_finish(sx_zip *z, time_t mtime, sx_buf *out, secannex_diags *d)
{
	zip_error_t ze;
	zip_source_t *src = NULL;
	zip_t *za = NULL;
	zip_int64_t size;
	time_t local = S_local_for_utc(mtime);
	int rc = SECANNEX_EIO;

	zip_error_init(&ze);
	if ((src = zip_source_buffer_create(NULL, 0, 0, &ze)) == NULL) {
		rc = S_fail(d, "buffer", &ze);
		goto done;
	}
	if ((za = zip_open_from_source(src, ZIP_TRUNCATE, &ze)) == NULL) {
		rc = S_fail(d, "open", &ze);
		goto done;
	}
	zip_source_keep(src);
	for (size_t i = 0; i < z->n; i++) {
		struct S_part *p = &z->v[i];
		zip_source_t *ps = zip_source_buffer(za, p->data, p->len, 0);
		zip_int64_t idx;

		if (ps == NULL || (idx = zip_file_add(za, p->name, ps, ZIP_FL_ENC_UTF_8)) < 0) {
			zip_source_free(ps);
			rc = S_fail(d, p->name, zip_get_error(za));
			goto done;
		}
		if (zip_set_file_compression(za, (zip_uint64_t)idx, p->store ? ZIP_CM_STORE : ZIP_CM_DEFLATE,
		    p->store ? 0 : 9) != 0 ||
		    zip_file_set_mtime(za, (zip_uint64_t)idx, local, 0) != 0 ||
		    zip_file_set_external_attributes(za, (zip_uint64_t)idx, 0, ZIP_OPSYS_UNIX,
		    (zip_uint32_t)0100644 << 16) != 0) {
			rc = S_fail(d, p->name, zip_get_error(za));
			goto done;
		}
	}
	if (zip_close(za) != 0) {
		rc = S_fail(d, "close", zip_get_error(za));
		zip_discard(za);
		za = NULL;
		goto done;
	}
	za = NULL;
	if (zip_source_open(src) != 0 || zip_source_seek(src, 0, SEEK_END) != 0 ||
	    (size = zip_source_tell(src)) < 0 || zip_source_seek(src, 0, SEEK_SET) != 0) {
		rc = S_fail(d, "read back", zip_source_error(src));
		goto done;
	}
	sx_buf_grow(out, (size_t)size);
	if (zip_source_read(src, out->ptr + out->len, (zip_uint64_t)size) != size) {
		zip_source_close(src);
		rc = S_fail(d, "read back", zip_source_error(src));
		goto done;
	}
	out->len += (size_t)size;
	out->ptr[out->len] = '\0';
	zip_source_close(src);
	rc = 0;
done:
	if (za)
		zip_discard(za);
	if (src)
		zip_source_free(src);
	zip_error_fini(&ze);
	return rc;
}

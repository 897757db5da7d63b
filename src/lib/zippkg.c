/* zippkg.c: the ZIP writer of ODT and DOCX packages, built in memory with libzip; the reader of an
 * agency's reference document (entry count and sizes limited). */
#include "zippkg.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <zip.h>

#include "diag.h"

/* How parts are compressed.  An annex is read by people, not downloaded by the million: what
 * counts is the time to write it (issue 14: a single-shot `generate` at the cost of starting the
 * program).  Deflate level 1, not zlib's default 6: the development sample's DOCX annex takes
 * 9 % fewer instructions to write for a file 10 % bigger (13.7 KB against 12.4 KB).  Parts under
 * SX_ZIP_STORE_BELOW bytes are stored: each deflated entry costs a fresh zlib state (its 64 KB
 * tables allocated and cleared) for a saving of a few hundred bytes; 5 % fewer instructions again,
 * 15.4 KB in all.  (Level 9 made that file 1.2 % smaller for a third more time.) */
#define SX_ZIP_LEVEL 1
#define SX_ZIP_STORE_BELOW 1024

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
		int store = p->store || p->len < SX_ZIP_STORE_BELOW;
		zip_int64_t idx;

		if (ps == NULL || (idx = zip_file_add(za, p->name, ps, ZIP_FL_ENC_UTF_8)) < 0) {
			zip_source_free(ps);
			rc = S_fail(d, p->name, zip_get_error(za));
			goto done;
		}
		if (zip_set_file_compression(za, (zip_uint64_t)idx, store ? ZIP_CM_STORE : ZIP_CM_DEFLATE,
		    store ? 0 : SX_ZIP_LEVEL) != 0 ||
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

/* ---- reading ---- */

struct sx_zipr {
	zip_t *za;
	char *path;
};

void
sx_zipr_close(sx_zipr *z)
{
	if (z == NULL)
		return;
	if (z->za)
		zip_discard(z->za);
	free(z->path);
	free(z);
}

/* Every entry's declared size within the limit, and not too many entries. */
static int
S_check_entries(sx_zipr *z, secannex_diags *d)
{
	zip_int64_t n = zip_get_num_entries(z->za, 0);

	if (n < 0 || n > SX_ZIPR_MAX_ENTRIES) {
		sx_diag(d, SX_MSG_REF_ENTRIES, z->path, 0, (long long)n, SX_ZIPR_MAX_ENTRIES);
		return SECANNEX_EINVALID;
	}
	for (zip_int64_t i = 0; i < n; i++) {
		zip_stat_t st;
		if (zip_stat_index(z->za, (zip_uint64_t)i, 0, &st) != 0 || !(st.valid & ZIP_STAT_NAME) ||
		    !(st.valid & ZIP_STAT_SIZE)) {
			sx_diag(d, SX_MSG_REF_ZIP_READ, z->path, 0, "?", zip_strerror(z->za));
			return SECANNEX_EINVALID;
		}
		if (st.size > SX_ZIPR_MAX_ENTRY) {
			sx_diag(d, SX_MSG_REF_ENTRY_BIG, z->path, 0, st.name, (unsigned long long)st.size,
			    SX_ZIPR_MAX_ENTRY);
			return SECANNEX_EINVALID;
		}
	}
	return 0;
}

int
sx_zipr_open(sx_zipr **out, const char *path, int not_zip, secannex_diags *d)
{
	sx_zipr *z = sx_calloc(1, sizeof(*z));
	struct stat st;
	zip_error_t ze;
	int err = 0, rc = SECANNEX_EINVALID;

	*out = NULL;
	z->path = sx_strdup(path);
	if (stat(path, &st) != 0) {
		sx_diag(d, SX_MSG_OPEN, path, 0, strerror(errno));
		rc = SECANNEX_EIO;
		goto done;
	}
	if (!S_ISREG(st.st_mode)) {
		sx_diag(d, SX_MSG_NOT_REGULAR, path, 0);
		goto done;
	}
	if ((size_t)st.st_size > SX_ZIPR_MAX_FILE) {
		sx_diag(d, SX_MSG_TOO_BIG, path, 0, (size_t)st.st_size, SX_ZIPR_MAX_FILE);
		goto done;
	}
	if ((z->za = zip_open(path, ZIP_RDONLY | ZIP_CHECKCONS, &err)) == NULL) {
		zip_error_init_with_code(&ze, err);
		if (err == ZIP_ER_OPEN || err == ZIP_ER_READ || err == ZIP_ER_NOENT) {
			sx_diag(d, SX_MSG_OPEN, path, 0, zip_error_strerror(&ze));
			rc = SECANNEX_EIO;
		} else {
			sx_diag(d, (enum sx_msg)not_zip, path, 0, zip_error_strerror(&ze));
		}
		zip_error_fini(&ze);
		goto done;
	}
	if ((rc = S_check_entries(z, d)) != 0)
		goto done;
	*out = z;
	z = NULL;
done:
	sx_zipr_close(z);
	return rc;
}

int
sx_zipr_has(const sx_zipr *z, const char *name)
{
	return zip_name_locate(z->za, name, 0) >= 0;
}

int
sx_zipr_read(sx_zipr *z, const char *name, sx_buf *b, secannex_diags *d)
{
	zip_int64_t idx = zip_name_locate(z->za, name, 0), n;
	zip_file_t *f;
	size_t total = 0;
	char chunk[16384];
	int rc = 0;

	if (idx < 0)
		return SECANNEX_ENOTFOUND;
	if ((f = zip_fopen_index(z->za, (zip_uint64_t)idx, 0)) == NULL) {
		sx_diag(d, SX_MSG_REF_ZIP_READ, z->path, 0, name, zip_strerror(z->za));
		return SECANNEX_EINVALID;
	}
	/* the header's size is not trusted: stop at the limit */
	while ((n = zip_fread(f, chunk, sizeof(chunk))) > 0) {
		total += (size_t)n;
		if (total > SX_ZIPR_MAX_ENTRY) {
			sx_diag(d, SX_MSG_REF_ENTRY_BIG, z->path, 0, name, (unsigned long long)total,
			    SX_ZIPR_MAX_ENTRY);
			rc = SECANNEX_EINVALID;
			goto done;
		}
		sx_buf_put(b, chunk, (size_t)n);
	}
	if (n < 0) {
		sx_diag(d, SX_MSG_REF_ZIP_READ, z->path, 0, name, zip_file_strerror(f));
		rc = SECANNEX_EINVALID;
	}
done:
	zip_fclose(f);
	return rc;
}

/* zippkg.c: the ZIP writer of ODT and DOCX packages, built in memory with libzip; the reader of an
 * agency's reference document (entry count and sizes limited). */
#include "zippkg.h"

#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <zip.h>
#include <zlib.h>

#include "diag.h"

/* How parts are compressed.  An annex is read by people, not downloaded by the million: what
 * counts is the time to write it (issue 14: a single-shot `generate` at the cost of starting the
 * program), and on these machines that is mostly memory: every fresh page the process touches
 * costs a page fault of about 11 us, as much as 50,000 instructions.
 *
 * - Parts under SX_ZIP_STORE_BELOW bytes are stored: deflating them saves a few hundred bytes.
 * - The others are deflated here, with zlib, as sx_zip_add() receives them or as a writer streams
 *   them (sx_zip_begin/write/end: document.xml and content.xml are never held whole).  One
 *   deflate state serves the whole package, reset between parts, and is gone before libzip
 *   writes the archive.  libzip gets each part's raw deflate stream with its CRC and sizes
 *   (S_deflated) and copies it as it is, with the headers its own deflate would write (version
 *   2.0, the "fast" flag of level 1).
 * - Level 1, a 16 KB window and zlib's memLevel 5: a state of 80 KB, where libzip's own (32 KB
 *   window, memLevel 9) takes 384 KB, all of it touched.  The development sample's document.xml
 *   deflates to 9,767 bytes instead of 9,500 (four annexes' main parts, DOCX and ODT, 250 KB in
 *   all: 3.7 % more bytes); the 216 KB of a whole-catalog redline to 18.0 KB instead of 15.6.
 *   (Level 9 would save another 15 % for five times the instructions.)
 * - A part added whole that does not get smaller, or that zlib fails to deflate, is stored; a
 *   streamed part is deflated whatever it saves (stored only when zlib gave no state). */
#define SX_ZIP_LEVEL 1
#define SX_ZIP_WINDOW_BITS 14
#define SX_ZIP_MEM_LEVEL 5
#define SX_ZIP_STORE_BELOW 1024

struct S_part {
	char *name;
	char *data;     /* the part's bytes, or its raw deflate stream (deflated) */
	size_t len;     /* bytes in data */
	size_t size;    /* the part's size */
	uLong crc;      /* the part's CRC-32 (deflated) */
	size_t off;     /* where libzip reads next (deflated) */
	int deflated;   /* else stored */
};

struct sx_zip {
	struct S_part *v;
	size_t n;
	z_stream zs;
	int zstate;     /* 0: no deflate state yet, 1: one, -1: zlib refused one (every part stored) */
	int streaming;  /* sx_zip_begin .. sx_zip_end: 1 deflating the last part, 2 storing it */
	sx_buf out;     /* the part being deflated, or streamed */
};

sx_zip *
sx_zip_new(void)
{
	return sx_calloc(1, sizeof(sx_zip));
}

/* zlib's state given back, once no part is to be deflated any more. */
static void
S_zend(sx_zip *z)
{
	if (z->zstate == 1) {
		deflateEnd(&z->zs);
		z->zstate = 0;
	}
}

void
sx_zip_free(sx_zip *z)
{
	if (z == NULL)
		return;
	S_zend(z);
	for (size_t i = 0; i < z->n; i++) {
		free(z->v[i].name);
		free(z->v[i].data);
	}
	sx_buf_free(&z->out);
	free(z->v);
	free(z);
}

/* A new part NAME, last in the package. */
static struct S_part *
S_part_new(sx_zip *z, const char *name)
{
	struct S_part *p;

	z->v = sx_realloc(z->v, (z->n + 1) * sizeof(*z->v));
	p = &z->v[z->n++];
	memset(p, 0, sizeof(*p));
	p->name = sx_strdup(name);
	p->crc = crc32(0L, Z_NULL, 0);
	return p;
}

/* The deflate state, fresh for a new part: 0, or -1 when zlib gave none (the part is stored). */
static int
S_zstart(sx_zip *z)
{
	if (z->zstate == 0) {
		/* zlib's own allocator (malloc): its state is freed by deflateEnd() */
		z->zstate = deflateInit2(&z->zs, SX_ZIP_LEVEL, Z_DEFLATED, -SX_ZIP_WINDOW_BITS,
		    SX_ZIP_MEM_LEVEL, Z_DEFAULT_STRATEGY) == Z_OK ? 1 : -1;
		return z->zstate == 1 ? 0 : -1;
	}
	return z->zstate == 1 && deflateReset(&z->zs) == Z_OK ? 0 : -1;
}

/* Deflate LEN bytes of DATA (LEN < 4 GB) onto z->out; FLUSH: Z_NO_FLUSH, or Z_FINISH to end the
 * stream.  Returns 0 or -1. */
static int
S_pump(sx_zip *z, const void *data, size_t len, int flush)
{
	int zrc;

	z->zs.next_in = (Bytef *)(uintptr_t)data;
	z->zs.avail_in = (uInt)len;
	for (;;) {
		sx_buf_grow(&z->out, 8192);
		z->zs.next_out = (Bytef *)z->out.ptr + z->out.len;
		z->zs.avail_out = (uInt)(z->out.size - z->out.len - 1);
		zrc = deflate(&z->zs, flush);
		z->out.len = z->out.size - 1 - z->zs.avail_out;
		z->out.ptr[z->out.len] = '\0';
		if (zrc != Z_OK && zrc != Z_BUF_ERROR && zrc != Z_STREAM_END)
			return -1;
		if (flush == Z_FINISH ? zrc == Z_STREAM_END : z->zs.avail_out != 0)
			return 0;
	}
}

/* P's data: what z->out holds, taken over. */
static void
S_take(sx_zip *z, struct S_part *p)
{
	p->len = z->out.len;
	p->data = sx_realloc(sx_buf_detach(&z->out), p->len ? p->len : 1);
}

void
sx_zip_add(sx_zip *z, const char *name, const void *data, size_t len, int store)
{
	struct S_part *p = S_part_new(z, name);

	p->size = len;
	if (!store && len >= SX_ZIP_STORE_BELOW && len < UINT_MAX / 2 && S_zstart(z) == 0 &&
	    S_pump(z, data, len, Z_FINISH) == 0 && z->out.len < len) {
		p->crc = crc32(p->crc, data, (uInt)len);
		p->deflated = 1;
		S_take(z, p);
		return;
	}
	/* stored: asked to, too small to gain, or deflate did not make it smaller */
	sx_buf_free(&z->out);
	p->data = sx_malloc(len ? len : 1);
	memcpy(p->data, data, len);
	p->len = len;
}

void
sx_zip_begin(sx_zip *z, const char *name)
{
	S_part_new(z, name);
	z->streaming = S_zstart(z) == 0 ? 1 : 2;
}

int
sx_zip_write(void *ctx, const char *data, size_t len)
{
	sx_zip *z = ctx;
	struct S_part *p = &z->v[z->n - 1];

	p->size += len;
	if (z->streaming != 1) {
		sx_buf_put(&z->out, data, len);
		return 0;
	}
	if (len >= UINT_MAX / 2)
		return -1;
	p->crc = crc32(p->crc, (const Bytef *)data, (uInt)len);
	return S_pump(z, data, len, Z_NO_FLUSH);
}

int
sx_zip_end(sx_zip *z)
{
	struct S_part *p = &z->v[z->n - 1];
	int rc = 0;

	if (z->streaming == 1)
		rc = S_pump(z, NULL, 0, Z_FINISH);
	p->deflated = z->streaming == 1;
	z->streaming = 0;
	S_take(z, p);
	return rc;
}

/* The libzip source of a deflated part: its raw deflate stream, stat'ed as deflated with its CRC
 * and sizes, so that libzip copies it as it is; the file attributes its own level-1 deflate gives
 * (zip_source_compress's: version needed 2.0, the "fast" flag). */
static zip_int64_t
S_deflated(void *ud, void *data, zip_uint64_t len, zip_source_cmd_t cmd)
{
	struct S_part *p = ud;

	switch (cmd) {
	case ZIP_SOURCE_OPEN:
		p->off = 0;
		return 0;
	case ZIP_SOURCE_READ:
		if (len > p->len - p->off)
			len = p->len - p->off;
		memcpy(data, p->data + p->off, (size_t)len);
		p->off += (size_t)len;
		return (zip_int64_t)len;
	case ZIP_SOURCE_CLOSE:
	case ZIP_SOURCE_FREE:
		return 0;
	case ZIP_SOURCE_STAT: {
		zip_stat_t *st = data;
		if (len < sizeof(*st))
			return -1;
		st->valid |= ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE | ZIP_STAT_COMP_METHOD | ZIP_STAT_CRC |
		    ZIP_STAT_ENCRYPTION_METHOD;
		st->size = p->size;
		st->comp_size = p->len;
		st->comp_method = ZIP_CM_DEFLATE;
		st->crc = (zip_uint32_t)p->crc;
		st->encryption_method = ZIP_EM_NONE;
		return sizeof(*st);
	}
	case ZIP_SOURCE_GET_FILE_ATTRIBUTES: {
		zip_file_attributes_t *a = data;
		if (len < sizeof(*a))
			return -1;
		a->valid |= ZIP_FILE_ATTRIBUTES_VERSION_NEEDED |
		    ZIP_FILE_ATTRIBUTES_GENERAL_PURPOSE_BIT_FLAGS;
		a->version_needed = 20;
		a->general_purpose_bit_mask = 0x0006; /* bits 1-2: the deflate option */
		a->general_purpose_bit_flags = 2 << 1;
		return sizeof(*a);
	}
	case ZIP_SOURCE_SUPPORTS:
		return ZIP_SOURCE_SUPPORTS_READABLE |
		    zip_source_make_command_bitmap(ZIP_SOURCE_GET_FILE_ATTRIBUTES, -1);
	case ZIP_SOURCE_ERROR: {
		zip_error_t ze;
		zip_int64_t n;
		zip_error_init_with_code(&ze, ZIP_ER_INTERNAL);
		n = zip_error_to_data(&ze, data, len);
		zip_error_fini(&ze);
		return n;
	}
	default:
		return -1;
	}
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
	S_zend(z);
	for (size_t i = 0; i < z->n; i++) {
		struct S_part *p = &z->v[i];
		zip_source_t *ps = p->deflated ? zip_source_function(za, S_deflated, p) :
		    zip_source_buffer(za, p->data, p->len, 0);
		zip_int64_t idx;

		if (ps == NULL || (idx = zip_file_add(za, p->name, ps, ZIP_FL_ENC_UTF_8)) < 0) {
			zip_source_free(ps);
			rc = S_fail(d, p->name, zip_get_error(za));
			goto done;
		}
		/* a deflated part keeps libzip's default method: the source's, copied as it is */
		if ((!p->deflated && zip_set_file_compression(za, (zip_uint64_t)idx, ZIP_CM_STORE, 0) != 0) ||
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

/* test_zip.c: the package writer (zippkg.c): parts stored or deflated with zlib, added whole or
 * streamed, read back by libzip (each CRC checked against zlib's), the headers libzip's own
 * deflate writes, and the same bytes for the same parts. */
#include "unit.h"
#include "../../src/lib/zippkg.h"

#include <zip.h>
#include <zlib.h>

/* Read entry NAME of package PKG into OUT; *METHOD is its compression method.  The CRC of the
 * bytes read must be the one recorded. */
static void
S_read(const sx_buf *pkg, const char *name, sx_buf *out, int *method)
{
	zip_error_t ze;
	zip_source_t *src;
	zip_t *za;
	zip_stat_t st;
	zip_file_t *f;
	char chunk[4096];
	zip_int64_t n;

	zip_error_init(&ze);
	src = zip_source_buffer_create(pkg->ptr, pkg->len, 0, &ze);
	assert_non_null(src);
	za = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &ze);
	assert_non_null(za);
	zip_stat_init(&st);
	assert_int_equal(zip_stat(za, name, 0, &st), 0);
	*method = st.comp_method;
	assert_non_null(f = zip_fopen(za, name, 0));
	while ((n = zip_fread(f, chunk, sizeof(chunk))) > 0)
		sx_buf_put(out, chunk, (size_t)n);
	assert_int_equal(n, 0);
	assert_int_equal(zip_fclose(f), 0);
	assert_int_equal(st.size, out->len);
	assert_int_equal(st.crc, crc32(crc32(0L, Z_NULL, 0), (const Bytef *)out->ptr, (uInt)out->len));
	zip_discard(za);
	zip_error_fini(&ze);
}

/* LEN bytes of text that deflate shrinks, and LEN of noise that it does not. */
static char *
S_text(size_t len)
{
	static const char pat[] = "<w:p><w:r><w:t>廠商應</w:t></w:r></w:p>\n";
	char *s = sx_malloc(len + 1);

	for (size_t i = 0; i < len; i++)
		s[i] = pat[i % (sizeof(pat) - 1)];
	s[len] = '\0';
	return s;
}

static char *
S_noise(size_t len)
{
	char *s = sx_malloc(len);
	uint32_t x = 2463534242u;

	for (size_t i = 0; i < len; i++) {
		x ^= x << 13;
		x ^= x >> 17;
		x ^= x << 5;
		s[i] = (char)(x >> 24);
	}
	return s;
}

/* The package: every kind of part. */
static void
S_package(sx_buf *out)
{
	char *text = S_text(60000), *noise = S_noise(20000);
	sx_zip *z = sx_zip_new();
	secannex_diags *d = secannex_diags_new();

	sx_zip_add(z, "mimetype", "application/vnd.oasis.opendocument.text", 39, 1);
	sx_zip_add(z, "small.xml", text, 1000, 0);
	sx_zip_add(z, "big.xml", text, 20000, 0);
	sx_zip_add(z, "noise.bin", noise, 20000, 0);
	sx_zip_begin(z, "stream.xml");
	for (size_t off = 0; off < 60000; off += 997)
		assert_int_equal(sx_zip_write(z, text + off, off + 997 > 60000 ? 60000 - off : 997), 0);
	assert_int_equal(sx_zip_end(z), 0);
	sx_zip_begin(z, "empty.xml");
	assert_int_equal(sx_zip_end(z), 0);
	assert_int_equal(sx_zip_finish(z, 1764806400, out, d), 0);
	assert_int_equal(secannex_diags_count(d), 0);
	secannex_diags_free(d);
	sx_zip_free(z);
	free(text);
	free(noise);
}

/* Stored: asked to, under 1 KB, or not made smaller; deflated: the rest, streamed or not.  Every
 * part reads back as it was written. */
static void
test_parts(void **state)
{
	static const struct {
		const char *name;
		size_t len;
		int method;
	} want[] = {
		{ "mimetype", 39, ZIP_CM_STORE }, { "small.xml", 1000, ZIP_CM_STORE },
		{ "big.xml", 20000, ZIP_CM_DEFLATE }, { "noise.bin", 20000, ZIP_CM_STORE },
		{ "stream.xml", 60000, ZIP_CM_DEFLATE }, { "empty.xml", 0, ZIP_CM_DEFLATE },
	};
	char *text = S_text(60000), *noise = S_noise(20000);
	sx_buf pkg = SX_BUF_INIT;

	(void)state;
	S_package(&pkg);
	assert_true(pkg.len < 20000 + 8000); /* the noise stored, the text deflated */
	for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		sx_buf b = SX_BUF_INIT;
		int method;

		S_read(&pkg, want[i].name, &b, &method);
		assert_int_equal(b.len, want[i].len);
		assert_int_equal(method, want[i].method);
		if (i == 0)
			assert_memory_equal(b.ptr, "application/vnd.oasis.opendocument.text", 39);
		else if (i == 3)
			assert_memory_equal(b.ptr, noise, b.len);
		else if (b.len)
			assert_memory_equal(b.ptr, text, b.len);
		sx_buf_free(&b);
	}
	/* ODF: the mimetype first, stored, its name at offset 30 */
	assert_memory_equal(pkg.ptr + 30, "mimetypeapplication/vnd.oasis.opendocument.text", 47);
	sx_buf_free(&pkg);
	free(text);
	free(noise);
}

/* A deflated part's local header: what libzip's own level-1 deflate writes (version needed 2.0,
 * general purpose bits 1-2 "fast"); the same parts give the same bytes. */
static void
test_headers(void **state)
{
	sx_buf a = SX_BUF_INIT, b = SX_BUF_INIT;
	const unsigned char *p;
	int seen = 0;

	(void)state;
	S_package(&a);
	S_package(&b);
	assert_int_equal(a.len, b.len);
	assert_memory_equal(a.ptr, b.ptr, a.len);
	for (size_t off = 0; off + 30 < a.len; off++) {
		p = (const unsigned char *)a.ptr + off;
		if (memcmp(p, "PK\3\4", 4) != 0)
			continue;
		if (p[26] == 7 && p[27] == 0 && memcmp(p + 30, "big.xml", 7) == 0) {
			assert_int_equal(p[4] | p[5] << 8, 20);         /* version needed */
			assert_int_equal((p[6] | p[7] << 8) & 0x0006, 4); /* "fast" */
			assert_int_equal(p[8] | p[9] << 8, 8);          /* deflate */
			seen++;
		}
	}
	assert_int_equal(seen, 1);
	sx_buf_free(&a);
	sx_buf_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parts),
		cmocka_unit_test(test_headers),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

/* test_mem.c: the in-memory entry points that secannex serve uses: a profile and a catalog read from
 * memory with a file's checks and limit, a document rendered into memory byte for byte as the file
 * secannex_document_write() writes (XLSX through a scratch name, then removed), a catalog diff's
 * 修正對照表 and redline into memory, and secannex_diags_get(). */
#include "unit.h"

#include <unistd.h>

#include "../../src/lib/xmlsafe.h"

#define PROFILE SECANNEX_SRCDIR "/samples/profile-dev.xml"

/* The bytes of PATH (a test input), with their length in *LEN. */
static unsigned char *
slurp(const char *path, size_t *len)
{
	unsigned char *data = NULL;
	secannex_diags *d = secannex_diags_new();

	assert_int_equal(sx_file_read(&data, len, path, 0, d), 0);
	secannex_diags_free(d);
	return data;
}

/* The development sample's resolution, its profile read from memory. */
static secannex_resolution *
resolved(const secannex_catalog *shipped)
{
	size_t len;
	unsigned char *xml = slurp(PROFILE, &len);
	secannex_profile *p = secannex_profile_new();
	secannex_resolution *r = NULL;
	secannex_diags *d = secannex_diags_new();

	assert_int_equal(secannex_profile_load_mem(p, xml, len, "profile.xml", SECANNEX_SRCDATADIR, 0, d),
	    0);
	assert_int_equal(secannex_resolve(&r, shipped, p, 0, d), 0);
	secannex_profile_free(p);
	secannex_diags_free(d);
	free(xml);
	return r;
}

static void
test_profile_mem(void **state)
{
	secannex_profile *p = secannex_profile_new();
	secannex_diags *d = secannex_diags_new();
	static const char bad[] = "<profile xmlns=\"urn:secannex:profile:1\">\n<type>dev</type>\n<grade>超</grade>\n"
	    "</profile>\n";
	const char *file, *msg;
	int line;
	secannex_level lv;
	size_t len;
	unsigned char *xml = slurp(PROFILE, &len);

	(void)state;
	/* over the limit: refused before parsing */
	assert_int_equal(secannex_profile_load_mem(p, xml, len, "big.xml", SECANNEX_SRCDATADIR, len - 1, d),
	    SECANNEX_EINVALID);
	msg = secannex_diags_get(d, 0, &file, &line, &lv);
	assert_non_null(msg);
	assert_string_equal(file, "big.xml");
	assert_int_equal(lv, SECANNEX_DIAG_ERROR);
	assert_null(secannex_diags_get(d, secannex_diags_count(d), NULL, NULL, NULL));
	secannex_diags_free(d);
	/* a bad value: the error names the body's line */
	d = secannex_diags_new();
	assert_int_not_equal(secannex_profile_load_mem(p, bad, strlen(bad), "profile.xml", SECANNEX_SRCDATADIR,
	    0, d), 0);
	assert_non_null(secannex_diags_get(d, 0, &file, &line, &lv));
	assert_string_equal(file, "profile.xml");
	assert_int_equal(line, 3);
	secannex_diags_free(d);
	secannex_profile_free(p);
	free(xml);
}

/* Document DOC in FMT of R: rendered into memory and written to a file, the same bytes. */
static void
same_as_file(const secannex_resolution *r, const char *doc, secannex_format fmt)
{
	char dir[] = "/tmp/test_mem.XXXXXX", path[64], scratch[64];
	secannex_write_opts o = { doc, fmt, SECANNEX_SRCDIR "/templates", 1, 1700000000, NULL, NULL, NULL,
		0, 0, 0 };
	secannex_diags *d = secannex_diags_new();
	char *data = NULL;
	size_t len = 0, flen;
	unsigned char *file;

	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/out%s", dir, secannex_format_get(fmt)->extension);
	snprintf(scratch, sizeof(scratch), "%s/scratch%s", dir, secannex_format_get(fmt)->extension);
	assert_int_equal(secannex_document_render(r, &o, scratch, &data, &len, d), 0);
	assert_int_equal(access(scratch, F_OK), -1); /* the scratch file is gone */
	assert_int_equal(secannex_document_write(r, &o, path, d), 0);
	file = slurp(path, &flen);
	assert_int_equal(len, flen);
	assert_memory_equal(data, file, len);
	unlink(path);
	rmdir(dir);
	free(file);
	free(data);
	secannex_diags_free(d);
}

static void
test_render_mem(void **state)
{
	secannex_catalog *shipped = unit_load_shipped();
	secannex_resolution *r = resolved(shipped);
	secannex_write_opts o = { "matrix", SECANNEX_FORMAT_XLSX, SECANNEX_SRCDIR "/templates", 0, 0, NULL,
		NULL, NULL, 0, 0, 0 };
	secannex_diags *d = secannex_diags_new();
	char *data = (char *)1;
	size_t len = 1;

	(void)state;
	same_as_file(r, "annex", SECANNEX_FORMAT_DOCX);
	same_as_file(r, "review", SECANNEX_FORMAT_ODT);
	same_as_file(r, "matrix", SECANNEX_FORMAT_CSV);
	same_as_file(r, "matrix", SECANNEX_FORMAT_XLSX);
	/* XLSX without a scratch name: refused, nothing returned */
	assert_int_equal(secannex_document_render(r, &o, NULL, &data, &len, d), SECANNEX_EINVALID);
	assert_null(data);
	assert_int_equal(len, 0);
	/* a pair that does not exist */
	o.document = "annex";
	o.format = SECANNEX_FORMAT_CSV;
	assert_int_equal(secannex_document_render(r, &o, NULL, &data, &len, d), SECANNEX_EINVALID);
	secannex_diags_free(d);
	secannex_resolution_free(r);
	secannex_catalog_free(shipped);
}

static void
test_catalog_mem(void **state)
{
	secannex_catalog *shipped = unit_load_shipped(), *oc = NULL, *nc = NULL;
	secannex_diags *d = secannex_diags_new();
	secannex_write_opts o = { "table", SECANNEX_FORMAT_DOCX, SECANNEX_SRCDIR "/templates", 0, 0, NULL,
		NULL, NULL, 0, 0, 0 };
	secannex_diff *df = NULL;
	size_t olen, nlen, len;
	unsigned char *old = slurp(SECANNEX_SRCDATADIR "/procurement.xml", &olen);
	unsigned char *new = slurp(SECANNEX_SRCDIR "/samples/catalog-tailored.xml", &nlen);
	char *data;

	(void)state;
	assert_int_equal(secannex_catalog_load_mem(&oc, old, olen, "old.xml", shipped, SECANNEX_SRCDATADIR,
	    0, d), 0);
	assert_int_equal(secannex_catalog_load_mem(&nc, new, nlen, "new.xml", shipped, SECANNEX_SRCDATADIR,
	    0, d), 0);
	assert_int_equal(secannex_diags_count(d), 0);
	assert_int_equal(secannex_diff_catalogs(&df, oc, nc), 0);
	assert_true(secannex_diff_count(df) > 0);
	assert_int_equal(secannex_diff_render(df, &o, &data, &len, d), 0);
	assert_true(len > 1000 && memcmp(data, "PK", 2) == 0);
	free(data);
	o.document = "catalog";
	assert_int_equal(secannex_diff_render(df, &o, &data, &len, d), 0);
	assert_true(len > 1000 && memcmp(data, "PK", 2) == 0);
	free(data);
	o.format = SECANNEX_FORMAT_CSV; /* no such pair */
	assert_int_not_equal(secannex_diff_render(df, &o, &data, &len, d), 0);
	secannex_diff_free(df);
	secannex_catalog_free(nc);
	/* not a catalog; over the limit */
	assert_int_equal(secannex_catalog_load_mem(&nc, "<x/>", 4, "new.xml", shipped, SECANNEX_SRCDATADIR, 0, d),
	    SECANNEX_EINVALID);
	assert_null(nc);
	assert_int_equal(secannex_catalog_load_mem(&nc, new, nlen, "new.xml", shipped, SECANNEX_SRCDATADIR, 100, d),
	    SECANNEX_EINVALID);
	assert_null(nc);
	secannex_catalog_free(oc);
	secannex_diags_free(d);
	secannex_catalog_free(shipped);
	free(old);
	free(new);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_profile_mem),
		cmocka_unit_test(test_render_mem),
		cmocka_unit_test(test_catalog_mem),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

/* test_output.c: atomic output files (modes, no umask() calls) and the safe reader's size limits. */
#include "unit.h"

#include <stdint.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../../src/lib/output.h"
#include "../../src/lib/xmlsafe.h"

/* The library must never change the process umask (a race for any threaded caller): every call
 * goes through this wrapper (linked with -Wl,--wrap=umask), which counts them. */
mode_t __real_umask(mode_t mask);
mode_t __wrap_umask(mode_t mask);
static int umask_calls;

mode_t
__wrap_umask(mode_t mask)
{
	umask_calls++;
	return __real_umask(mask);
}

static char dir[] = "/tmp/secannex-test-output-XXXXXX";

static int
setup(void **state)
{
	(void)state;
	return mkdtemp(dir) ? 0 : -1;
}

static int
teardown(void **state)
{
	char *cmd = sx_aprintf("rm -rf '%s'", dir);
	int rc = system(cmd);

	(void)state;
	free(cmd);
	return rc;
}

static mode_t
mode_of(const char *path)
{
	struct stat st;

	assert_int_equal(stat(path, &st), 0);
	return st.st_mode & 07777;
}

/* the number of entries in the test directory (a failed or finished write leaves no temporary) */
static int
entries(void)
{
	char *cmd = sx_aprintf("test $(ls -A '%s' | wc -l) -eq 1", dir);
	int rc = system(cmd);

	free(cmd);
	return rc == 0 ? 1 : 0;
}

/* A new file gets 0666 less the umask, with no umask() call; a replaced file keeps its mode. */
static void
test_modes(void **state)
{
	char *path = sx_aprintf("%s/annex.docx", dir);
	secannex_diags *d = secannex_diags_new();
	mode_t old = __real_umask(027);

	(void)state;
	umask_calls = 0;
	assert_int_equal(sx_write_atomic(path, "abc", 3, d), 0);
	assert_int_equal(mode_of(path), 0640);
	assert_int_equal(umask_calls, 0);
	assert_int_equal(entries(), 1);
	__real_umask(0);
	assert_int_equal(chmod(path, 0604), 0);
	assert_int_equal(sx_write_atomic(path, "defg", 4, d), 0);
	assert_int_equal(mode_of(path), 0604);
	assert_int_equal(chmod(path, 0600), 0);
	assert_int_equal(sx_write_atomic(path, "", 0, d), 0);
	assert_int_equal(mode_of(path), 0600);
	unlink(path);
	assert_int_equal(sx_write_atomic(path, "x", 1, d), 0);
	assert_int_equal(mode_of(path), 0666);
	assert_int_equal(umask_calls, 0);
	assert_int_equal(secannex_diags_count(d), 0);
	assert_int_equal(entries(), 1);
	__real_umask(old);
	unlink(path);
	secannex_diags_free(d);
	free(path);
}

/* What the fill callback saw of the temporary file: its mode and name. */
static mode_t tmp_mode;
static char *tmp_name;

static int
fill_probe(const char *tmp, void *ctx, secannex_diags *d)
{
	(void)ctx;
	(void)d;
	tmp_mode = mode_of(tmp);
	free(tmp_name);
	tmp_name = sx_strdup(tmp);
	return 0;
}

/* The temporary file is mkostemp()'s: private (0600) while it is written, whatever the umask and
 * the final mode, beside the target as .NAME.XXXXXX (six characters of mkostemp's set). */
static void
test_temp(void **state)
{
	char *path = sx_aprintf("%s/annex.odt", dir), *prefix = sx_aprintf("%s/.annex.odt.", dir);
	secannex_diags *d = secannex_diags_new();
	mode_t old = __real_umask(0);

	(void)state;
	assert_int_equal(sx_write_atomic_with(path, fill_probe, NULL, d), 0);
	assert_int_equal(tmp_mode, 0600);
	assert_int_equal(mode_of(path), 0666);
	assert_non_null(tmp_name);
	assert_int_equal(strncmp(tmp_name, prefix, strlen(prefix)), 0);
	assert_int_equal(strlen(tmp_name), strlen(prefix) + 6);
	assert_int_equal(strspn(tmp_name + strlen(prefix),
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"), 6);
	assert_int_equal(access(tmp_name, F_OK), -1);
	assert_int_equal(entries(), 1);
	__real_umask(old);
	unlink(path);
	free(tmp_name);
	tmp_name = NULL;
	secannex_diags_free(d);
	free(prefix);
	free(path);
}

/* The reader sizes its buffer from the file, never from the limit: any limit up to SIZE_MAX
 * works (the limit + 1 once wrapped to 0, and a huge limit was allocated and aborted). */
static void
test_limits(void **state)
{
	static const char xml[] = "<a xmlns=\"urn:x\">b</a>\n";
	const size_t len = sizeof(xml) - 1;
	const size_t limits[] = { 0, len - 1, len, len + 1, (size_t)100000000000000ULL, SIZE_MAX - 1,
		SIZE_MAX };
	char *path = sx_aprintf("%s/x.xml", dir), *want = sx_aprintf("file is %zu bytes, over the "
	    "limit of %zu bytes", len, len - 1);
	FILE *f = fopen(path, "w");

	(void)state;
	assert_non_null(f);
	fputs(xml, f);
	fclose(f);
	for (size_t i = 0; i < sizeof(limits) / sizeof(limits[0]); i++) {
		secannex_diags *d = secannex_diags_new();
		xmlDocPtr doc = NULL;
		int rc = sx_xml_read(&doc, path, limits[i], d);

		if (limits[i] == len - 1) {
			char *s = secannex_diags_format(d, "t");
			assert_int_equal(rc, SECANNEX_EINVALID);
			assert_non_null(strstr(s, want));
			free(s);
		} else {
			assert_int_equal(rc, 0);
			assert_non_null(doc);
			xmlFreeDoc(doc);
		}
		secannex_diags_free(d);
	}
	unlink(path);
	free(path);
	free(want);
}

/* Not a regular file: refused without blocking (a FIFO) or reading (a directory). */
static void
test_not_regular(void **state)
{
	char *fifo = sx_aprintf("%s/fifo.xml", dir);
	const char *paths[] = { fifo, dir };

	(void)state;
	assert_int_equal(mkfifo(fifo, 0600), 0);
	for (int i = 0; i < 2; i++) {
		secannex_diags *d = secannex_diags_new();
		xmlDocPtr doc = NULL;
		char *s;

		assert_int_equal(sx_xml_read(&doc, paths[i], 0, d), SECANNEX_EINVALID);
		s = secannex_diags_format(d, "t");
		assert_non_null(strstr(s, "not a regular file"));
		free(s);
		secannex_diags_free(d);
	}
	unlink(fifo);
	free(fifo);
}

/* Compiled schemas are kept per path (16 of them); beyond, each is parsed for its validation and
 * freed.  A missing or malformed schema is an error naming it, never kept. */
static void
test_schemas(void **state)
{
	static const char xml[] = "<profile xmlns=\"urn:secannex:profile:1\"><type>dev</type></profile>";
	secannex_diags *d = secannex_diags_new();
	xmlDocPtr doc = NULL;
	char *s;

	(void)state;
	assert_int_equal(sx_xml_parse_mem(&doc, xml, strlen(xml), "p.xml", d), 0);
	for (int round = 0; round < 2; round++)
		for (int i = 0; i < 20; i++) {
			char *rng = sx_aprintf("%s/s%d.rng", dir, i);
			char *cmd = sx_aprintf("cp '%s/profile.rng' '%s'", SECANNEX_SRCDATADIR, rng);
			if (round == 0)
				assert_int_equal(system(cmd), 0);
			assert_int_equal(sx_xml_validate(doc, "p.xml", rng, d), 0);
			if (round == 1)
				unlink(rng);
			free(cmd);
			free(rng);
		}
	assert_int_equal(secannex_diags_count(d), 0);
	s = sx_aprintf("%s/none.rng", dir);
	assert_int_equal(sx_xml_validate(doc, "p.xml", s, d), SECANNEX_EIO);
	free(s);
	s = sx_aprintf("%s/bad.rng", dir);
	{
		FILE *f = fopen(s, "w");
		assert_non_null(f);
		fputs("<grammar xmlns=\"http://relaxng.org/ns/structure/1.0\"><start><nonsense/></start></grammar>", f);
		fclose(f);
	}
	assert_int_equal(sx_xml_validate(doc, "p.xml", s, d), SECANNEX_EIO);
	unlink(s);
	free(s);
	s = secannex_diags_format(d, "t");
	assert_non_null(strstr(s, "none.rng: error: cannot load the schema"));
	assert_non_null(strstr(s, "bad.rng: error: cannot load the schema"));
	free(s);
	xmlFreeDoc(doc);
	secannex_diags_free(d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_modes),
		cmocka_unit_test(test_temp),
		cmocka_unit_test(test_limits),
		cmocka_unit_test(test_not_regular),
		cmocka_unit_test(test_schemas),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}

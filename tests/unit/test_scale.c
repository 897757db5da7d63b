/* test_scale.c: reading and resolving are linear in the input: eight times the decisions (or four
 * times the catalog's rows) cost about eight (four) times the CPU time, never the square. */
#include "unit.h"

#include <time.h>
#include <unistd.h>

#include "../../src/lib/resolve.h"

static char dir[] = "/tmp/secannex-test-scale-XXXXXX";
static int slow; /* under valgrind: smaller inputs, the same ratios */

static int
setup(void **state)
{
	(void)state;
	slow = getenv("VALGRIND") && *getenv("VALGRIND");
	cat = unit_load_shipped();
	return mkdtemp(dir) ? 0 : -1;
}

static int
teardown(void **state)
{
	char *cmd = sx_aprintf("rm -rf '%s'", dir);
	int rc = system(cmd);

	(void)state;
	free(cmd);
	secannex_catalog_free(cat);
	return rc;
}

static double
cpu_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* A dev profile of N decisions (alternately choosing two ◎ rows, and an exclusion with its reason
 * every tenth); returns its path and its size in *BYTES. */
static char *
profile_file(size_t n, size_t *bytes)
{
	char *path = sx_aprintf("%s/p%zu.xml", dir, n);
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<profile xmlns=\"urn:secannex:profile:1\">"
	    "<type>dev</type><agency-level>C</agency-level><grade>中</grade>"
	    "<blank name=\"scan-risk-level\">高</blank><decisions>\n", f);
	for (size_t i = 0; i < n; i++)
		if (i % 10 == 9)
			fputs("<exclude ref=\"dev-29\">已由機關既有 DDoS 防護服務涵蓋</exclude>\n", f);
		else
			fprintf(f, "<choose ref=\"dev-%02d\"/>\n", i % 2 ? 20 : 54);
	fputs("</decisions></profile>\n", f);
	*bytes = (size_t)ftell(f);
	fclose(f);
	return path;
}

/* The CPU time of loading and resolving PATH (the best of three runs). */
static double
resolve_cost(const char *path)
{
	double best = 1e9;

	for (int k = 0; k < 3; k++) {
		secannex_profile *p = secannex_profile_new();
		secannex_diags *d = secannex_diags_new();
		secannex_resolution *r = NULL;
		double t0 = cpu_now(), t;

		assert_int_equal(secannex_profile_load(p, path, SECANNEX_SRCDATADIR, 16u << 20, d), 0);
		assert_int_equal(secannex_resolve(&r, cat, p, 0, d), 0);
		t = cpu_now() - t0;
		if (t < best)
			best = t;
		secannex_resolution_free(r);
		secannex_profile_free(p);
		secannex_diags_free(d);
	}
	return best;
}

/* 7,500 and 60,000 decisions: the ratio of their costs stays near 8, well under 16 (it was about
 * 35: the schema's <interleave>, which libxml2 validates in quadratic time, and a search of every
 * decision for every row).  CPU time, the best of three: a generous bound, not a timing test. */
static void
test_profile_linear(void **state)
{
	size_t n = slow ? 1000 : 7500, b1, b8, bm;
	char *p1 = profile_file(n, &b1), *p8 = profile_file(8 * n, &b8), *pm;
	double t1 = resolve_cost(p1), t8 = resolve_cost(p8), tm;

	(void)state;
	/* and a profile of 1 MiB, for the record (its time is reported, not checked) */
	pm = profile_file(slow ? 8 * n : 1048576 / 28, &bm);
	tm = resolve_cost(pm);
	printf("# profile of %zu decisions (%zu bytes): %.1f ms; %zu (%zu bytes): %.1f ms, ratio %.2f; "
	    "%zu bytes: %.1f ms\n", n, b1, t1 * 1e3, 8 * n, b8, t8 * 1e3, t8 / t1, bm, tm * 1e3);
	assert_true(t8 <= 16.0 * t1 + 0.005);
	free(p1);
	free(p8);
	free(pm);
}

/* A catalog of the shipped rows and 10 or 40 copies of the development type (58 rows each). */
static char *
catalog_file(int copies)
{
	char *path = sx_aprintf("%s/c%d.xml", dir, copies);
	FILE *in = fopen(SECANNEX_SRCDATADIR "/procurement.xml", "r"), *out = fopen(path, "w");
	sx_buf src = SX_BUF_INIT;
	char chunk[8192], *a, *b, *end;
	size_t got;

	assert_non_null(in);
	assert_non_null(out);
	while ((got = fread(chunk, 1, sizeof(chunk), in)) > 0)
		sx_buf_put(&src, chunk, got);
	fclose(in);
	a = strstr(src.ptr, "<type id=\"dev\"");
	assert_non_null(a);
	b = strstr(a, "</type>") + strlen("</type>");
	end = strstr(src.ptr, "</catalog>");
	fwrite(src.ptr, 1, (size_t)(end - src.ptr), out);
	for (int c = 0; c < copies; c++) {
		/* type devXX with rows devXX-NN: the ids stay unique and of their type */
		char id[16];
		snprintf(id, sizeof(id), "dev%c%c", 'a' + c / 26, 'a' + c % 26);
		for (char *p = a; p < b; p++) {
			if (strncmp(p, "\"dev\"", 5) == 0) {
				fprintf(out, "\"%s\"", id);
				p += 4;
			} else if (strncmp(p, "\"dev-", 5) == 0) {
				fprintf(out, "\"%s-", id);
				p += 4;
			} else {
				fputc(*p, out);
			}
		}
		fputc('\n', out);
	}
	fputs(end, out);
	fclose(out);
	sx_buf_free(&src);
	return path;
}

static double
load_cost(const char *path)
{
	double best = 1e9;

	for (int k = 0; k < 3; k++) {
		secannex_load_opts o = { path, SECANNEX_SRCDATADIR "/regulation.xml", SECANNEX_SRCDATADIR,
			64u << 20, 0 };
		secannex_diags *d = secannex_diags_new();
		secannex_catalog *c = NULL;
		double t0 = cpu_now(), t;

		assert_int_equal(secannex_catalog_load(&c, &o, d), 0);
		t = cpu_now() - t0;
		if (t < best)
			best = t;
		assert_non_null(c);
		secannex_catalog_free(c);
		secannex_diags_free(d);
	}
	return best;
}

static void
test_catalog_linear(void **state)
{
	int n = slow ? 2 : 10;
	char *c1 = catalog_file(n), *c4 = catalog_file(4 * n);
	double t1 = load_cost(c1), t4 = load_cost(c4);

	(void)state;
	printf("# catalog with %d more types: %.1f ms; %d: %.1f ms, ratio %.2f\n", n, t1 * 1e3, 4 * n,
	    t4 * 1e3, t4 / t1);
	assert_true(t4 <= 6.0 * t1 + 0.005);
	free(c1);
	free(c4);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_profile_linear),
		cmocka_unit_test(test_catalog_linear),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}

/* bench_annex.c: the in-process cost of an annex through the library (what a server pays per
 * request): the catalogs are loaded once, then each round resolves one tender and writes its
 * annex.  Prints medians; built by make, never run by make check (timings are no test).
 * Usage: bench_annex [-n ROUNDS] [-d DATADIR] [-t TEMPLATEDIR] [-o OUTDIR] [-p PROFILE]
 *        [-f odt|docx] [-l] [-s]
 * -l: also time the catalog load, ROUNDS times; -s: let the load recognise the shipped files
 * (SECANNEX_LOAD_SHIPPED_*).  Built with -DSECANNEX_BENCH_OLD_API it compiles against a library
 * from before the load flags (the baseline of a before/after comparison; -s is then ignored). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../../src/secannex.h"

static double
S_clock(clockid_t id)
{
	struct timespec ts;

	clock_gettime(id, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double
S_now(void)
{
	return S_clock(CLOCK_MONOTONIC);
}

/* The CPU time of this process: on a machine shared with other work, wall time also counts the
 * time the scheduler gave to others, CPU time does not. */
static double
S_cpu(void)
{
	return S_clock(CLOCK_PROCESS_CPUTIME_ID);
}

static int
S_cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static double
S_median(double *v, int n)
{
	qsort(v, (size_t)n, sizeof(*v), S_cmp);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static void
S_fail(const char *what, secannex_diags *d)
{
	char *s = secannex_diags_format(d, "bench_annex");

	fprintf(stderr, "bench_annex: %s failed\n%s", what, s);
	free(s);
	exit(1);
}

static int
S_load(secannex_catalog **cat, const char *dir, int shipped)
{
	char proc[4096], reg[4096];
	secannex_load_opts lo = { .procurement_path = proc, .regulation_path = reg, .schema_dir = dir };
	secannex_diags *d = secannex_diags_new();

#ifndef SECANNEX_BENCH_OLD_API
	if (shipped)
		lo.flags = SECANNEX_LOAD_SHIPPED_PROCUREMENT | SECANNEX_LOAD_SHIPPED_REGULATION;
#endif
	snprintf(proc, sizeof(proc), "%s/procurement.xml", dir);
	snprintf(reg, sizeof(reg), "%s/regulation.xml", dir);
	if (secannex_catalog_load(cat, &lo, d) != 0)
		S_fail("loading the catalogs", d);
	secannex_diags_free(d);
	return 0;
}

/* One annex: resolve P under CAT and write it to PATH.  Returns the seconds it took (wall
 * clock), and the CPU seconds in *CPU. */
static double
S_annex(const secannex_catalog *cat, const secannex_profile *p, const secannex_write_opts *wo,
    const char *path, double *cpu)
{
	secannex_resolution *r = NULL;
	secannex_diags *d = secannex_diags_new();
	double c0 = S_cpu(), t0 = S_now(), t;

	if (secannex_resolve(&r, cat, p, 0, d) != 0)
		S_fail("resolve", d);
	if (secannex_document_write(r, wo, path, d) != 0)
		S_fail("write", d);
	t = S_now() - t0;
	*cpu = S_cpu() - c0;
	secannex_resolution_free(r);
	secannex_diags_free(d);
	return t;
}

/* Time N loads of the catalogs of DIR (into T and C: wall and CPU seconds). */
static void
S_loads(const char *dir, int shipped, int n, double *t, double *c)
{
	secannex_catalog *cat = NULL;

	for (int i = 0; i < n; i++) {
		double c0 = S_cpu(), t0 = S_now();
		S_load(&cat, dir, shipped);
		t[i] = S_now() - t0;
		c[i] = S_cpu() - c0;
		secannex_catalog_free(cat);
	}
	printf("load%s: wall median %.3f ms, cpu median %.3f ms over %d loads\n",
	    shipped ? " (shipped files recognised)" : " (every check)", 1e3 * S_median(t, n),
	    1e3 * S_median(c, n), n);
}

/* Time N annexes of PROFILE (after one untimed first). */
static void
S_annexes(const char *dir, int shipped, const char *profile, const secannex_write_opts *wo,
    const char *path, int n, double *t, double *c)
{
	secannex_catalog *cat = NULL;
	secannex_profile *p = secannex_profile_new();
	secannex_diags *d = secannex_diags_new();
	double first, cfirst;

	S_load(&cat, dir, shipped);
	if (secannex_profile_load(p, profile, dir, 0, d) != 0)
		S_fail("the profile", d);
	first = S_annex(cat, p, wo, path, &cfirst);
	for (int i = 0; i < n; i++)
		t[i] = S_annex(cat, p, wo, path, &c[i]);
	printf("annex %s: first %.3f ms; then wall median %.3f ms, cpu median %.3f ms over %d annexes\n",
	    secannex_format_get(wo->format)->name, 1e3 * first, 1e3 * S_median(t, n),
	    1e3 * S_median(c, n), n);
	unlink(path);
	secannex_diags_free(d);
	secannex_profile_free(p);
	secannex_catalog_free(cat);
}

int
main(int argc, char **argv)
{
	const char *dir = SECANNEX_SRCDATADIR, *outdir = "/tmp";
	const char *profile = SECANNEX_SRCDIR "/samples/profile-dev.xml", *fmt = "docx";
	int n = 200, load_too = 0, shipped = 0, c;
	secannex_write_opts wo = { NULL, SECANNEX_FORMAT_DOCX, SECANNEX_SRCDIR "/templates", 0, 0, NULL,
		NULL, NULL, 1, 0, 0 };
	char path[4096];
	double *t, *cpu;

	while ((c = getopt(argc, argv, "n:d:t:o:p:f:ls")) != -1) {
		switch (c) {
		case 'n': n = (int)strtol(optarg, NULL, 10); break;
		case 'd': dir = optarg; break;
		case 't': wo.template_dir = optarg; break;
		case 'o': outdir = optarg; break;
		case 'p': profile = optarg; break;
		case 'f': fmt = optarg; break;
		case 'l': load_too = 1; break;
		case 's': shipped = 1; break;
		default:
			fputs("usage: bench_annex [-n ROUNDS] [-d DATADIR] [-t TEMPLATEDIR] [-o OUTDIR] "
			    "[-p PROFILE] [-f odt|docx] [-l] [-s]\n", stderr);
			return 2;
		}
	}
	n = n < 1 ? 1 : n;
	if (secannex_format_parse(&wo.format, fmt) != 0 || !secannex_format_get(wo.format)->is_file)
		return 2;
	t = calloc((size_t)n, sizeof(*t));
	cpu = calloc((size_t)n, sizeof(*cpu));
	if (t == NULL || cpu == NULL)
		return 1;
	if (load_too)
		S_loads(dir, shipped, n, t, cpu);
	snprintf(path, sizeof(path), "%s/bench-annex-%ld.%s", outdir, (long)getpid(), fmt);
	S_annexes(dir, shipped, profile, &wo, path, n, t, cpu);
	free(t);
	free(cpu);
	return 0;
}

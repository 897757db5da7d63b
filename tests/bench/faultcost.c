/* faultcost.c: what a first touch of a fresh page costs on this machine (a page fault: the kernel
 * zeroes and maps it), the figure that decides how much memory a single-shot run may touch.
 * Prints the median over ROUNDS of touching PAGES fresh anonymous pages, in microseconds per
 * page.  Built by make, run by tests/bench/annex.sh; never by make check (timings are no test).
 * Usage: faultcost [PAGES [ROUNDS]]      (default 1000 pages, 15 rounds) */
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

static int
S_cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

int
main(int argc, char **argv)
{
	long pages = argc > 1 ? strtol(argv[1], NULL, 10) : 1000;
	int rounds = argc > 2 ? (int)strtol(argv[2], NULL, 10) : 15;
	size_t psz = (size_t)sysconf(_SC_PAGESIZE);
	double t[101];

	if (pages < 1 || rounds < 1 || rounds > 101)
		return 2;
	for (int r = 0; r < rounds; r++) {
		struct timespec a, b;
		volatile char *p;

		clock_gettime(CLOCK_MONOTONIC, &a);
		p = mmap(NULL, (size_t)pages * psz, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
		    -1, 0);
		if (p == MAP_FAILED)
			return 1;
		for (long i = 0; i < pages; i++)
			p[(size_t)i * psz] = 1;
		clock_gettime(CLOCK_MONOTONIC, &b);
		munmap((void *)p, (size_t)pages * psz);
		t[r] = ((double)(b.tv_sec - a.tv_sec) * 1e9 + (double)(b.tv_nsec - a.tv_nsec)) / 1e3 /
		    (double)pages;
	}
	qsort(t, (size_t)rounds, sizeof(t[0]), S_cmp);
	printf("page fault: %.1f us per fresh page (median of %d rounds of %ld pages)\n",
	    t[rounds / 2], rounds, pages);
	return 0;
}

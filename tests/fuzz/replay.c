/* replay.c: the fuzz targets' regression driver, built by make check with the ordinary compiler
 * (and its sanitizers): each file named, and each file of each directory named, goes to the same
 * entry function that libFuzzer calls.  Usage: replay TARGET PATH... */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz.h"

static const struct {
	const char *name;
	int (*fn)(const uint8_t *, size_t);
} targets[] = {
	{ "catalog", sx_fuzz_catalog },
	{ "regulation", sx_fuzz_regulation },
	{ "profile", sx_fuzz_profile },
	{ "diff", sx_fuzz_diff },
	{ "generate", sx_fuzz_generate },
	{ "response", sx_fuzz_response },
};

/* Feed the file PATH to FN.  Returns 0, or -1 when it cannot be read. */
static int
replay_file(int (*fn)(const uint8_t *, size_t), const char *path)
{
	FILE *f = fopen(path, "rb");
	sx_buf b = SX_BUF_INIT;
	char chunk[65536];
	size_t n;

	if (f == NULL) {
		perror(path);
		return -1;
	}
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		sx_buf_put(&b, chunk, n);
	fclose(f);
	/* a fresh copy of exactly its bytes: ASan sees any read past the end */
	{
		uint8_t *copy = malloc(b.len ? b.len : 1);
		if (copy == NULL)
			abort();
		if (b.len)
			memcpy(copy, b.ptr, b.len);
		fn(copy, b.len);
		free(copy);
	}
	sx_buf_free(&b);
	return 0;
}

static int
by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Feed every regular file of directory DIR (in name order) to FN.  Returns the number fed, or -1. */
static int
replay_dir(int (*fn)(const uint8_t *, size_t), const char *dir)
{
	DIR *dh = opendir(dir);
	struct dirent *e;
	char **names = NULL;
	size_t n = 0;
	int fed = 0;

	if (dh == NULL) {
		perror(dir);
		return -1;
	}
	while ((e = readdir(dh)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		names = sx_realloc(names, (n + 1) * sizeof(*names));
		names[n++] = sx_aprintf("%s/%s", dir, e->d_name);
	}
	closedir(dh);
	qsort(names, n, sizeof(*names), by_name);
	for (size_t i = 0; i < n; i++) {
		struct stat st;
		if (stat(names[i], &st) == 0 && S_ISREG(st.st_mode)) {
			if (replay_file(fn, names[i]) != 0)
				fed = -1;
			else if (fed >= 0)
				fed++;
		}
		free(names[i]);
	}
	free(names);
	return fed;
}

int
main(int argc, char **argv)
{
	int (*fn)(const uint8_t *, size_t) = NULL;
	int total = 0;

	for (size_t i = 0; argc > 1 && i < sizeof(targets) / sizeof(targets[0]); i++)
		if (strcmp(argv[1], targets[i].name) == 0)
			fn = targets[i].fn;
	if (fn == NULL) {
		fprintf(stderr, "usage: replay catalog|regulation|profile|diff|generate FILE|DIR...\n");
		return 2;
	}
	for (int i = 2; i < argc; i++) {
		struct stat st;
		int n;

		if (stat(argv[i], &st) != 0) {
			perror(argv[i]);
			return 1;
		}
		n = S_ISDIR(st.st_mode) ? replay_dir(fn, argv[i]) : replay_file(fn, argv[i]) == 0 ? 1 : -1;
		if (n < 0)
			return 1;
		total += n;
	}
	printf("replay %s: %d inputs, no crash\n", argv[1], total);
	return 0;
}

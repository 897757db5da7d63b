/* fuzz.h: what the libFuzzer targets share: the entry point (LLVMFuzzerTestOneInput in a fuzz
 * build, sx_fuzz_NAME in the replay driver that make check runs), the shipped catalog loaded once
 * per process, and the helpers that split an input and exercise the renderers. */
#ifndef SX_FUZZ_H
#define SX_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/lib/buf.h"
#include "../../src/lib/diag.h"
#include "../../src/lib/model.h"
#include "../../src/secannex.h"

/* The catalogs and schemas (the source tree's), and the document templates. */
#define FUZZ_DATADIR SECANNEX_SRCDATADIR
#define FUZZ_TEMPLATES SECANNEX_SRCDIR "/templates"
/* Inputs above this are ignored (run.sh caps them lower with -max_len). */
#define FUZZ_MAX_INPUT (1u << 20)
/* What separates two documents in one input (fuzz_diff), or a profile from its flags. */
#define FUZZ_SEP "\n----8<----\n"

int sx_fuzz_catalog(const uint8_t *data, size_t size);
int sx_fuzz_regulation(const uint8_t *data, size_t size);
int sx_fuzz_profile(const uint8_t *data, size_t size);
int sx_fuzz_diff(const uint8_t *data, size_t size);
int sx_fuzz_generate(const uint8_t *data, size_t size);
int sx_fuzz_response(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#ifdef SX_FUZZ_REPLAY
#define SX_FUZZ_TARGET(name) int sx_fuzz_##name(const uint8_t *data, size_t size)
#else
#define SX_FUZZ_TARGET(name) int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
#endif

/* The shipped catalog (both parts), loaded once; abort when it does not load. */
static inline const secannex_catalog *
fuzz_shipped(void)
{
	static secannex_catalog *cat;

	if (cat == NULL) {
		secannex_load_opts o = { FUZZ_DATADIR "/procurement.xml", FUZZ_DATADIR "/regulation.xml",
			FUZZ_DATADIR, 0, 0 };
		secannex_diags *d = secannex_diags_new();

		if (secannex_catalog_load(&cat, &o, d) != 0)
			abort();
		secannex_diags_free(d);
	}
	return cat;
}

/* Find SEP in DATA: the length before it into *HEAD, the rest after it into *TAIL, *TAILN.
 * Without SEP, all of DATA is the head and the tail is empty. */
static inline void
fuzz_split(const uint8_t *data, size_t size, size_t *head, const uint8_t **tail, size_t *tailn)
{
	size_t n = strlen(FUZZ_SEP);

	for (size_t i = 0; i + n <= size; i++)
		if (memcmp(data + i, FUZZ_SEP, n) == 0) {
			*head = i;
			*tail = data + i + n;
			*tailn = size - i - n;
			return;
		}
	*head = size;
	*tail = data + size;
	*tailn = 0;
}

/* Format and drop the diagnostics (the formatter is exercised, nothing is printed). */
static inline void
fuzz_drop_diags(secannex_diags *d)
{
	free(secannex_diags_format(d, "fuzz"));
	secannex_diags_free(d);
}

/* Render S (which may be NULL) and drop it. */
static inline void
fuzz_drop(char *s)
{
	free(s);
}

/* Apply "KEY VALUE" lines of TAIL to P (the command line's flags), until one is refused. */
static inline void
fuzz_flags(secannex_profile *p, const uint8_t *tail, size_t n, secannex_diags *d)
{
	char *s = sx_strndup((const char *)tail, n), *line = s, *next;

	for (; line && *line; line = next) {
		char *sp;
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		if ((sp = strchr(line, ' ')) == NULL)
			continue;
		*sp = '\0';
		if (secannex_profile_set(p, line, sp + 1, d) != 0)
			break;
	}
	free(s);
}

#endif

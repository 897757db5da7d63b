/* fuzz_generate.c: libFuzzer target: a tender profile from memory (and flags after FUZZ_SEP: "KEY
 * VALUE" lines; "label TEXT" and "draft no" are the writer's) resolved against the shipped catalog,
 * then one document (annex, matrix or review, picked by the input's length) written in each of its
 * formats (ODT and DOCX; the matrix as CSV too) to memory, as generate would before the rename. */
#include "fuzz.h"

#include "../../src/lib/docs.h"
#include "../../src/lib/resolve.h"

/* The writer's options among the flags: --label and --draft (the rest go to the profile). */
static void
writer_flags(const uint8_t *tail, size_t n, char **label, int *draft)
{
	char *s = sx_strndup((const char *)tail, n), *at;

	*label = NULL;
	*draft = strstr(s, "draft no") == NULL;
	if ((at = strstr(s, "label ")) != NULL) {
		at += strlen("label ");
		*label = sx_strndup(at, strcspn(at, "\n"));
	}
	free(s);
}

SX_FUZZ_TARGET(generate)
{
	static const char *const docs[] = { "annex", "matrix", "review" };
	const secannex_catalog *cat = fuzz_shipped();
	secannex_profile *p;
	secannex_resolution *r = NULL;
	secannex_diags *d;
	const uint8_t *tail;
	size_t head, tailn;
	char *label;
	int draft;

	if (size > FUZZ_MAX_INPUT)
		return 0;
	fuzz_split(data, size, &head, &tail, &tailn);
	writer_flags(tail, tailn, &label, &draft);
	p = secannex_profile_new();
	d = secannex_diags_new();
	if ((head == 0 || sx_profile_load_mem(p, data, head, "fuzz.xml", FUZZ_DATADIR, d) == 0) &&
	    (fuzz_flags(p, tail, tailn, d), secannex_resolve(&r, cat, p, 0, d) == 0)) {
		const char *doc = docs[size % 3];
		for (int f = SECANNEX_FORMAT_ODT; f <= SECANNEX_FORMAT_CSV; f++) {
			secannex_write_opts w = { doc, (secannex_format)f, FUZZ_TEMPLATES, (int)(size & 8),
				1764806400, NULL, label, NULL, draft, 0, (int)(size & 32) };
			sx_buf out = SX_BUF_INIT;

			if (f != SECANNEX_FORMAT_CSV || strcmp(doc, "matrix") == 0)
				sx_document_render(r, &w, "annex", &out, d);
			sx_buf_free(&out);
		}
	}
	free(label);
	secannex_resolution_free(r);
	secannex_profile_free(p);
	fuzz_drop_diags(d);
	return 0;
}

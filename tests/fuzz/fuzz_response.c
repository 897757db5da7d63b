/* fuzz_response.c: libFuzzer target: a vendor's filled-in matrix, its format chosen by the input's
 * first byte (CSV, XLSX, DOCX, ODT) and the rest written to a file of that extension, evaluated
 * against the sample development tender's matrix (plain and with the controls' sub-rows) and the
 * evaluation rendered in every format. */
#include "fuzz.h"

#include <stdio.h>
#include <unistd.h>

/* The sample development tender, resolved once. */
static const secannex_resolution *
S_tender(void)
{
	static secannex_resolution *r;

	if (r == NULL) {
		secannex_profile *p = secannex_profile_new();
		secannex_diags *d = secannex_diags_new();
		if (secannex_profile_load(p, SECANNEX_SRCDIR "/samples/profile-dev.xml", FUZZ_DATADIR, 0,
		    d) != 0 || secannex_resolve(&r, fuzz_shipped(), p, 0, d) != 0)
			abort();
		secannex_profile_free(p);
		secannex_diags_free(d);
	}
	return r;
}

SX_FUZZ_TARGET(response)
{
	static const char *const ext[] = { ".csv", ".xlsx", ".docx", ".odt" };
	char path[64];
	FILE *f;
	int fd;

	if (size < 1 || size > FUZZ_MAX_INPUT)
		return 0;
	snprintf(path, sizeof(path), "/tmp/sx-fuzz-XXXXXX%s", ext[data[0] & 3]);
	if ((fd = mkstemps(path, (int)strlen(ext[data[0] & 3]))) < 0 || (f = fdopen(fd, "wb")) == NULL)
		abort();
	if (fwrite(data + 1, 1, size - 1, f) != size - 1 || fclose(f) != 0)
		abort();
	for (int controls = -1; controls <= 1; controls += 2) {
		secannex_eval_opts o = { controls, 0, 0 };
		secannex_evaluation *e = NULL;
		secannex_diags *d = secannex_diags_new();
		if (secannex_evaluate(&e, S_tender(), path, &o, d) == 0) {
			secannex_evaluation_verdict(e);
			for (int fmt = 0; fmt < 3; fmt++)
				fuzz_drop(secannex_render_evaluation(e, (secannex_format)fmt));
		}
		secannex_evaluation_free(e);
		fuzz_drop_diags(d);
	}
	unlink(path);
	return 0;
}

/* fuzz_profile.c: libFuzzer target: a tender profile from memory (safe parser, schema, the rules
 * secannex checks), then the command line's flags ("KEY VALUE" lines after FUZZ_SEP), resolved
 * against the shipped catalog and rendered in every stream format, with its fingerprint. */
#include "fuzz.h"

#include "../../src/lib/resolve.h"

SX_FUZZ_TARGET(profile)
{
	const secannex_catalog *cat = fuzz_shipped();
	secannex_profile *p;
	secannex_resolution *r = NULL;
	secannex_diags *d;
	const uint8_t *tail;
	size_t head, tailn;
	char fp[65];

	if (size > FUZZ_MAX_INPUT)
		return 0;
	fuzz_split(data, size, &head, &tail, &tailn);
	p = secannex_profile_new();
	d = secannex_diags_new();
	if (head == 0 || sx_profile_load_mem(p, data, head, "fuzz.xml", FUZZ_DATADIR, d) == 0) {
		fuzz_flags(p, tail, tailn, d);
		if (secannex_resolve(&r, cat, p, (int)(size & 1), d) == 0) {
			for (int f = 0; f < 3; f++)
				fuzz_drop(secannex_render_resolution(r, (secannex_format)f));
			secannex_resolution_fingerprint(r, fp);
		}
	}
	secannex_resolution_free(r);
	secannex_profile_free(p);
	fuzz_drop_diags(d);
	return 0;
}

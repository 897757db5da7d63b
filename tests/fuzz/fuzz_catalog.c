/* fuzz_catalog.c: libFuzzer target: an agency's edited 一覽表 from memory (safe parser, schema, text
 * rules, model, checks against the shipped 分級辦法); a catalog that loads is listed, shown, exported
 * and resolved for each of its types, as the commands would. */
#include "fuzz.h"

/* What the commands do with a catalog that loads. */
static void
exercise(const secannex_catalog *cat, unsigned seed)
{
	const sx_procurement *p = cat->proc;
	secannex_format f = (secannex_format)(seed % 3);

	fuzz_drop(secannex_render_types(cat, f));
	fuzz_drop(secannex_render_export(cat));
	for (size_t i = 0; i < p->ntypes && i < 16; i++) {
		secannex_profile *pr = secannex_profile_new();
		secannex_diags *d = secannex_diags_new();
		secannex_resolution *r = NULL;
		const char *grade = (const char *[]){ "高", "中", "普" }[(seed + i) % 3];

		fuzz_drop(secannex_render_show(cat, p->types[i].id, (int)((seed + i) % 4) - 1, f));
		secannex_profile_set(pr, "type", p->types[i].id, d);
		secannex_profile_set(pr, "grade", grade, d);
		secannex_profile_set(pr, "level", (const char *[]){ "A", "C", "E" }[seed % 3], d);
		secannex_profile_set(pr, "personal-data", seed & 4 ? "yes" : "no", d);
		secannex_profile_set(pr, "scan-risk", "高", d);
		if (secannex_resolve(&r, cat, pr, (int)(seed & 8), d) == 0)
			fuzz_drop(secannex_render_resolution(r, (secannex_format)((seed + i) % 3)));
		secannex_resolution_free(r);
		secannex_profile_free(pr);
		fuzz_drop_diags(d);
	}
}

SX_FUZZ_TARGET(catalog)
{
	const secannex_catalog *shipped = fuzz_shipped();
	secannex_catalog cat = { NULL, shipped->reg, 0 };
	secannex_diags *d;
	unsigned seed = (unsigned)size;

	if (size > FUZZ_MAX_INPUT)
		return 0;
	d = secannex_diags_new();
	if (sx_catalog_part_mem(&cat, 0, data, size, "fuzz.xml", FUZZ_DATADIR, d) == 0)
		exercise(&cat, seed);
	sx_procurement_free(cat.proc);
	fuzz_drop_diags(d);
	return 0;
}

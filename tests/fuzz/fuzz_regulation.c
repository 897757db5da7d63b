/* fuzz_regulation.c: libFuzzer target: a 分級辦法 from memory (safe parser, schema, text rules,
 * model, checks); one that loads is rendered as the commands would (附表十 at each grade and area,
 * the duties of each level and kind, 附表九 grades) and, when the shipped 一覽表 checks against it,
 * a tender of each type is resolved with its 附表十 controls. */
#include "fuzz.h"

static void
exercise_regulation(const secannex_catalog *cat, unsigned seed)
{
	const sx_regulation *r = cat->reg;
	secannex_format f = (secannex_format)(seed % 3);
	secannex_grade dims[4];

	for (int g = 0; g < 3; g++) {
		fuzz_drop(secannex_render_baseline(cat, (secannex_grade)g, NULL, f));
		for (size_t a = 0; a < r->nareas && a < 8; a++)
			fuzz_drop(secannex_render_baseline(cat, (secannex_grade)g,
			    a % 2 ? r->areas[a].name : r->areas[a].id, (secannex_format)((f + a) % 3)));
	}
	fuzz_drop(secannex_render_baseline(cat, SECANNEX_GRADE_HIGH, "no such area", f));
	for (int level = 0; level < 5; level++)
		for (int k = 0; k < 2; k++)
			fuzz_drop(secannex_render_duties(cat, level, (secannex_kind)k, f));
	for (int i = 0; i < 4; i++)
		dims[i] = (secannex_grade)((seed >> (2 * i)) % 3);
	fuzz_drop(secannex_render_grade(cat, dims, f));
}

/* The shipped 一覽表 under regulation R, as the CLI loads it: only when it checks clean. */
static void
exercise_resolution(secannex_catalog *cat, unsigned seed)
{
	const secannex_catalog *shipped = fuzz_shipped();
	secannex_diags *d = secannex_diags_new();

	cat->proc = shipped->proc;
	if (sx_procurement_check(cat->proc, cat->reg, d) == 0) {
		fuzz_drop(secannex_render_export(cat));
		for (size_t t = 0; t < cat->proc->ntypes; t++) {
			secannex_profile *p = secannex_profile_new();
			secannex_resolution *res = NULL;

			secannex_profile_set(p, "type", cat->proc->types[t].id, d);
			secannex_profile_set(p, "grade", (const char *[]){ "普", "中", "高" }[(seed + t) % 3], d);
			secannex_profile_set(p, "level", "B", d);
			if (seed & 1)
				secannex_profile_set(p, "baseline", "高", d);
			if (secannex_resolve(&res, cat, p, 0, d) == 0)
				fuzz_drop(secannex_render_resolution(res, (secannex_format)((seed + t) % 3)));
			secannex_resolution_free(res);
			secannex_profile_free(p);
		}
	}
	cat->proc = NULL;
	fuzz_drop_diags(d);
}

SX_FUZZ_TARGET(regulation)
{
	secannex_catalog cat = { NULL, NULL, 0 };
	secannex_diags *d;
	unsigned seed = (unsigned)size;

	if (size > FUZZ_MAX_INPUT)
		return 0;
	fuzz_shipped();
	d = secannex_diags_new();
	if (sx_catalog_part_mem(&cat, 1, data, size, "fuzz.xml", FUZZ_DATADIR, d) == 0) {
		exercise_regulation(&cat, seed);
		exercise_resolution(&cat, seed);
	}
	sx_regulation_free(cat.reg);
	fuzz_drop_diags(d);
	return 0;
}

/* fuzz_diff.c: libFuzzer target: two edited 一覽表 catalogs in one input (OLD, FUZZ_SEP, NEW), each
 * loaded from memory; when both load, their diff is rendered in every format and the catalog
 * redline is written as DOCX or ODT to memory. */
#include "fuzz.h"

#include "../../src/lib/docs.h"

SX_FUZZ_TARGET(diff)
{
	const secannex_catalog *shipped = fuzz_shipped();
	secannex_catalog o = { NULL, shipped->reg, 0 }, n = { NULL, shipped->reg, 0 };
	secannex_diff *df = NULL;
	secannex_diags *d;
	const uint8_t *tail;
	size_t head, tailn;

	if (size > FUZZ_MAX_INPUT)
		return 0;
	fuzz_split(data, size, &head, &tail, &tailn);
	d = secannex_diags_new();
	if (sx_catalog_part_mem(&o, 0, data, head, "old.xml", FUZZ_DATADIR, d) == 0 &&
	    sx_catalog_part_mem(&n, 0, tail, tailn, "new.xml", FUZZ_DATADIR, d) == 0) {
		secannex_write_opts w = { NULL, size & 1 ? SECANNEX_FORMAT_ODT : SECANNEX_FORMAT_DOCX,
			FUZZ_TEMPLATES, (int)(size & 2), 1764806400, size & 4 ? "法制室" : NULL, NULL, NULL, 0,
			(int)(size & 16), 0 };
		sx_buf out = SX_BUF_INIT;

		secannex_diff_catalogs(&df, &o, &n);
		secannex_diff_count(df);
		for (int f = 0; f < 3; f++)
			fuzz_drop(secannex_render_diff(df, (secannex_format)f, f == 0 && (size & 8)));
		sx_redline_render_catalogs(df, &w, "redline", &out, d);
		sx_buf_free(&out);
	}
	secannex_diff_free(df);
	sx_procurement_free(o.proc);
	sx_procurement_free(n.proc);
	fuzz_drop_diags(d);
	return 0;
}

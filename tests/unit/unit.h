/* unit.h: what every cmocka unit test includes: cmocka, the library's internals, the shipped catalog. */
#ifndef SX_UNIT_H
#define SX_UNIT_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "../../src/lib/buf.h"
#include "../../src/lib/diag.h"
#include "../../src/lib/model.h"
#include "../../src/secannex.h"

/* Load the catalog shipped in the source tree; fails the test on any diagnostic. */
static inline secannex_catalog *
unit_load_shipped(void)
{
	secannex_load_opts o = {
		SECANNEX_SRCDATADIR "/procurement.xml",
		SECANNEX_SRCDATADIR "/regulation.xml",
		SECANNEX_SRCDATADIR, 0, 0
	};
	secannex_diags *d = secannex_diags_new();
	secannex_catalog *cat = NULL;
	int rc = secannex_catalog_load(&cat, &o, d);

	if (secannex_diags_count(d)) {
		char *s = secannex_diags_format(d, "unit");
		fputs(s, stderr);
		free(s);
	}
	assert_int_equal(rc, 0);
	assert_int_equal(secannex_diags_count(d), 0);
	secannex_diags_free(d);
	assert_non_null(cat);
	return cat;
}

/* The shipped catalog, loaded once for a test group (cmocka_run_group_tests(..., unit_setup,
 * unit_teardown)). */
static secannex_catalog *cat __attribute__((unused));

static int __attribute__((unused))
unit_setup(void **state)
{
	(void)state;
	cat = unit_load_shipped();
	return 0;
}

static int __attribute__((unused))
unit_teardown(void **state)
{
	(void)state;
	secannex_catalog_free(cat);
	return 0;
}

/* The three marks of a row as "●●◎" (high, medium, normal). */
static inline void
unit_marks(const sx_item *it, char *out, size_t n)
{
	snprintf(out, n, "%s%s%s", sx_mark_symbols[it->mark[SECANNEX_GRADE_HIGH]],
	    sx_mark_symbols[it->mark[SECANNEX_GRADE_MEDIUM]],
	    sx_mark_symbols[it->mark[SECANNEX_GRADE_NORMAL]]);
}

#endif

/* test_cond.c: the table of condition kinds is complete and agrees with the schema; the rule names. */
#include "unit.h"

#include "../../src/lib/cond.h"
#include "../../src/lib/resolve.h"

/* The whole of FILE (NUL-terminated; the caller frees). */
static char *
slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *s;
	long n;

	assert_non_null(f);
	assert_int_equal(fseek(f, 0, SEEK_END), 0);
	n = ftell(f);
	assert_true(n > 0);
	rewind(f);
	s = malloc((size_t)n + 1);
	assert_non_null(s);
	assert_int_equal(fread(s, 1, (size_t)n, f), (size_t)n);
	s[n] = '\0';
	fclose(f);
	return s;
}

/* Every kind has a row with a name, a phrase and words; names are unique; what a role needs is
 * there (a 必選 kind's rule is "condition-NAME"). */
static void
test_table_complete(void **state)
{
	int with_min = 0;

	(void)state;
	for (int k = 0; k < SX_COND__COUNT; k++) {
		const sx_cond_kind *c = &sx_cond_kinds[k];

		if (c->name == NULL || c->phrase == NULL || c->words == NULL)
			fail_msg("condition kind %d has no row (name, phrase, words) in sx_cond_kinds", k);
		assert_true(*c->name && *c->phrase && *c->words);
		assert_int_equal(sx_cond_find(c->name), k);
		for (int j = 0; j < k; j++)
			if (strcmp(c->name, sx_cond_kinds[j].name) == 0)
				fail_msg("condition name '%s' twice", c->name);
		assert_true(c->need_mark >= -1 && c->need_mark <= SX_MARK_NA);
		if (c->mark_needs)
			assert_true(c->need_mark >= 0);
		with_min += c->has_min;
		switch (c->role) {
		case SX_CR_REQUIRES: {
			char rule[64];
			snprintf(rule, sizeof(rule), "condition-%s", c->name);
			assert_non_null(c->holds);
			assert_true(c->rule < SX_RULE__COUNT);
			assert_string_equal(sx_rule_names[c->rule], rule);
			assert_non_null(c->must);
			assert_non_null(c->not_chosen);
			assert_non_null(strstr(sx_msg_format(c->refuse), "cannot be left out"));
			break;
		}
		case SX_CR_LIMITS:
			assert_non_null(c->holds);
			assert_non_null(strstr(sx_msg_format(c->refuse), "may be chosen only"));
			break;
		case SX_CR_QUOTES:
		case SX_CR_MARK:
			break;
		default:
			fail_msg("condition '%s' has no role", c->name);
		}
	}
	/* sx_item has one minimum level */
	assert_true(with_min <= 1);
	assert_int_equal(sx_cond_find("colour"), -1);
	assert_int_equal(sx_cond_find(NULL), -1);
}

/* The schema's <condition kind=…> values are exactly the table's names; a kind with a minimum
 * level has the min attribute there. */
static void
test_table_schema(void **state)
{
	char *rng = slurp(SECANNEX_SRCDATADIR "/procurement.rng");
	const char *start = strstr(rng, "<define name=\"condition\">"), *end, *p;
	int seen[SX_COND__COUNT] = { 0 }, nvalues = 0;

	(void)state;
	assert_non_null(start);
	end = strstr(start, "</define>");
	assert_non_null(end);
	for (p = start; (p = strstr(p, "<attribute name=\"kind\"><value>")) != NULL && p < end;) {
		const char *v = p + strlen("<attribute name=\"kind\"><value>"), *q = strchr(v, '<');
		const char *group_end = strstr(q, "</group>");
		char name[64];
		int k;

		snprintf(name, sizeof(name), "%.*s", (int)(q - v), v);
		k = sx_cond_find(name);
		if (k < 0)
			fail_msg("procurement.rng allows kind '%s', which sx_cond_kinds lacks", name);
		seen[k]++;
		nvalues++;
		assert_non_null(group_end);
		{
			const char *min = strstr(q, "<attribute name=\"min\">");
			int has_min = min != NULL && min < group_end;
			if (has_min != sx_cond_kinds[k].has_min)
				fail_msg("kind '%s': min attribute in procurement.rng %d, in the table %d", name,
				    has_min, sx_cond_kinds[k].has_min);
		}
		p = q;
	}
	for (int k = 0; k < SX_COND__COUNT; k++)
		if (seen[k] != 1)
			fail_msg("kind '%s' appears %d times in procurement.rng's <condition>",
			    sx_cond_kinds[k].name, seen[k]);
	assert_int_equal(nvalues, SX_COND__COUNT);
	free(rng);
}

/* Every rule has one name, and names are unique. */
static void
test_rule_names(void **state)
{
	(void)state;
	for (int r = 0; r < SX_RULE__COUNT; r++) {
		assert_non_null(sx_rule_names[r]);
		for (int j = 0; j < r; j++)
			assert_string_not_equal(sx_rule_names[r], sx_rule_names[j]);
	}
	assert_string_equal(sx_rule_names[SX_RULE_MARK_NA], "mark-not-applicable");
	assert_string_equal(sx_rule_names[SX_RULE_CISO_CONFIRMED], "ciso-confirmed");
}

/* Labels and words: {level} and {min}; a row's conditions compared with their minimum. */
static void
test_words(void **state)
{
	sx_item a, b;
	secannex_resolution r;
	sx_buf buf = SX_BUF_INIT;

	(void)state;
	memset(&a, 0, sizeof(a));
	memset(&r, 0, sizeof(r));
	a.conds = SX_COND_BIT(SX_CK_LEVEL) | SX_COND_BIT(SX_CK_PERSONAL_DATA);
	a.level_min = 2;
	r.level = 3;
	b = a;
	sx_cond_label(&buf, SX_CK_LEVEL, &a);
	sx_buf_puts(&buf, " ");
	sx_cond_label(&buf, SX_CK_PERSONAL_DATA, &a);
	sx_buf_puts(&buf, " ");
	sx_cond_say(&buf, sx_cond_kinds[SX_CK_LEVEL].not_chosen, &r, &a);
	sx_cond_say(&buf, "{x}{min}", NULL, &a);
	sx_cond_say(&buf, NULL, NULL, &a);
	assert_string_equal(buf.ptr,
	    "level>=C personal-data （本機關為D級，未達備註所定C級以上必選之條件。）{x}C");
	sx_buf_free(&buf);
	assert_true(sx_cond_same(&a, &b));
	b.level_min = 1;
	assert_false(sx_cond_same(&a, &b));
	a.conds = b.conds = SX_COND_BIT(SX_CK_PERSONAL_DATA);
	assert_true(sx_cond_same(&a, &b));
	b.conds |= SX_COND_BIT(SX_CK_CISO_ESCAPE);
	assert_false(sx_cond_same(&a, &b));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table_complete),
		cmocka_unit_test(test_table_schema),
		cmocka_unit_test(test_rule_names),
		cmocka_unit_test(test_words),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

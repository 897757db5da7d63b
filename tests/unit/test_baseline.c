/* test_baseline.c: 附表十 resolution: each grade's complete list, inclusions and merged cells. */
#include "unit.h"


static const sx_measure *
measure(const char *id)
{
	for (size_t i = 0; i < cat->reg->nareas; i++)
		for (size_t j = 0; j < cat->reg->areas[i].nmeasures; j++)
			if (strcmp(cat->reg->areas[i].measures[j].id, id) == 0)
				return &cat->reg->areas[i].measures[j];
	fail_msg("no measure %s", id);
	return NULL;
}

static void
test_structure(void **state)
{
	static const struct {
		const char *id, *name;
		size_t n;
	} areas[] = {
		{ "ac", "存取控制", 3 }, { "au", "稽核與可歸責性", 6 }, { "cp", "營運持續計畫", 2 },
		{ "ia", "識別與鑑別", 5 }, { "sa", "系統與服務獲得", 8 }, { "sc", "系統與通訊保護", 2 },
		{ "si", "系統與資訊完整性", 3 },
	};
	size_t total = 0;

	(void)state;
	assert_int_equal(cat->reg->nareas, 7);
	for (size_t i = 0; i < 7; i++) {
		assert_string_equal(cat->reg->areas[i].id, areas[i].id);
		assert_string_equal(cat->reg->areas[i].name, areas[i].name);
		assert_int_equal(cat->reg->areas[i].nmeasures, areas[i].n);
		total += cat->reg->areas[i].nmeasures;
	}
	assert_int_equal(total, 29);
}

/* Number of controls in each grade's complete list, read off the seed's 附表十 cell by cell. */
static const struct {
	const char *id;
	size_t high, medium, normal;
	int normal_none, medium_none;
} sizes[] = {
	{ "ac-01", 7, 4, 1, 0, 0 },  /* 高 三 + 中 三 + 普 一 */
	{ "ac-02", 1, 1, 1, 1, 0 },  /* 高中 merged; 普 無要求 */
	{ "ac-03", 4, 4, 1, 0, 0 },  /* 高中 三 + 普 */
	{ "au-03", 1, 1, 1, 0, 0 },  /* one text for all three */
	{ "au-04", 2, 1, 1, 0, 0 },  /* 高 一 + 中普 merged */
	{ "au-06", 3, 2, 1, 0, 0 },
	{ "cp-01", 5, 3, 2, 0, 0 },
	{ "cp-02", 2, 2, 1, 1, 0 },
	{ "ia-02", 8, 8, 6, 0, 0 },
	{ "sa-03", 5, 3, 3, 0, 0 },
	{ "sc-01", 5, 1, 1, 1, 1 },  /* 高 only; 中 and 普 無要求 */
	{ "si-02", 3, 2, 1, 0, 0 },  /* 高 一 + 中 一 + 普 */
	{ "si-03", 4, 3, 1, 1, 0 },
};

static void
test_sizes(void **state)
{
	sx_control ctl[64];

	(void)state;
	for (size_t i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		const sx_measure *m = measure(sizes[i].id);
		size_t n;

		n = sx_baseline_resolve(m, SECANNEX_GRADE_HIGH, ctl, 64);
		assert_int_equal(n, sizes[i].high);
		n = sx_baseline_resolve(m, SECANNEX_GRADE_MEDIUM, ctl, 64);
		assert_int_equal(n, sizes[i].medium);
		assert_int_equal(ctl[0].entry == NULL, sizes[i].medium_none);
		n = sx_baseline_resolve(m, SECANNEX_GRADE_NORMAL, ctl, 64);
		assert_int_equal(n, sizes[i].normal);
		assert_int_equal(ctl[0].entry == NULL, sizes[i].normal_none);
	}
}

/* Order and provenance: own controls first, then the included grades' cells. */
static void
test_order(void **state)
{
	sx_control ctl[64];
	size_t n = sx_baseline_resolve(measure("ac-01"), SECANNEX_GRADE_HIGH, ctl, 64);

	(void)state;
	assert_int_equal(n, 7);
	assert_string_equal(ctl[0].entry->n, "一");
	assert_string_equal(ctl[0].entry->text, "逾越機關所定預期閒置時間或可使用期限時，系統應自動將使用者登出。");
	assert_int_equal(ctl[0].cell->grades, 1u << SECANNEX_GRADE_HIGH);
	assert_string_equal(ctl[3].entry->text, "已逾期之臨時或緊急帳號應刪除或禁用。");
	assert_int_equal(ctl[3].cell->grades, 1u << SECANNEX_GRADE_MEDIUM);
	assert_string_equal(ctl[6].entry->text, "建立帳號管理機制，包含帳號之申請、開通、停用及刪除之程序。");
	assert_int_equal(ctl[6].cell->grades, 1u << SECANNEX_GRADE_NORMAL);
	for (size_t i = 0; i < n; i++)
		assert_false(ctl[i].entry->is_include);

	n = sx_baseline_resolve(measure("au-04"), SECANNEX_GRADE_HIGH, ctl, 64);
	assert_int_equal(n, 2);
	assert_string_equal(ctl[1].entry->text, "資通系統於稽核處理失效時，應採取適當之行動。");
	assert_int_equal(ctl[1].cell->grades,
	    (1u << SECANNEX_GRADE_MEDIUM) | (1u << SECANNEX_GRADE_NORMAL));

	n = sx_baseline_resolve(measure("ac-02"), SECANNEX_GRADE_NORMAL, ctl, 64);
	assert_int_equal(n, 1);
	assert_null(ctl[0].entry);
	assert_string_equal(ctl[0].cell->none_text, "無要求。");
}

/* A synthetic measure: 高 includes 中 and 普, 中 includes 普: 普's cell appears once. */
static void
test_dedupe_and_cap(void **state)
{
	sx_entry eh[2] = {
		{ 0, NULL, "h", 0 },
		{ 1, NULL, "all", (1u << 1) | (1u << 0) },
	};
	sx_entry em[2] = { { 0, NULL, "m", 0 }, { 1, NULL, "n", 1u << 0 } };
	sx_entry en[1] = { { 0, NULL, "n1", 0 } };
	sx_cell cells[3] = {
		{ 1u << 2, 0, NULL, eh, 2 },
		{ 1u << 1, 0, NULL, em, 2 },
		{ 1u << 0, 0, NULL, en, 1 },
	};
	sx_area area = { "x", "x", NULL, 1 };
	sx_measure m = { "x-01", "x", 1, &area, cells, 3 };
	sx_control ctl[8];

	(void)state;
	assert_int_equal(sx_baseline_resolve(&m, SECANNEX_GRADE_HIGH, ctl, 8), 3);
	assert_string_equal(ctl[0].entry->text, "h");
	assert_string_equal(ctl[1].entry->text, "m");
	assert_string_equal(ctl[2].entry->text, "n1");
	/* the output is capped at MAX */
	assert_int_equal(sx_baseline_resolve(&m, SECANNEX_GRADE_HIGH, ctl, 2), 2);
}

/* The rendered text lists every measure of an area for each grade, labelled with its cell's grades. */
static void
test_render(void **state)
{
	char *s = secannex_render_baseline(cat, SECANNEX_GRADE_MEDIUM, "sc", SECANNEX_FORMAT_TEXT);

	(void)state;
	assert_non_null(s);
	assert_non_null(strstr(s, "sc-01 傳輸之機密性與完整性"));
	assert_non_null(strstr(s, "[中] 無要求。"));
	assert_null(strstr(s, "帳號管理"));
	free(s);
	s = secannex_render_baseline(cat, SECANNEX_GRADE_HIGH, "存取控制", SECANNEX_FORMAT_TEXT);
	assert_non_null(strstr(s, "[高] 一、逾越機關所定預期閒置時間"));
	assert_non_null(strstr(s, "[普] 建立帳號管理機制"));
	free(s);
	assert_null(secannex_render_baseline(cat, SECANNEX_GRADE_HIGH, "zz", SECANNEX_FORMAT_TEXT));
	assert_non_null(strstr(secannex_error_last(), "unknown 附表十 area 'zz'"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_structure),
		cmocka_unit_test(test_sizes),
		cmocka_unit_test(test_order),
		cmocka_unit_test(test_dedupe_and_cap),
		cmocka_unit_test(test_render),
	};

	return cmocka_run_group_tests(tests, unit_setup, unit_teardown);
}

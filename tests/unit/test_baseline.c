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

/* Number of controls (inclusion items not counted) and of inclusion items in each grade's nested
 * list, read off the seed's 附表十 cell by cell. */
static const struct {
	const char *id;
	size_t high, medium, normal;
	int normal_none, medium_none;
	size_t inc_high, inc_medium;
} sizes[] = {
	{ "ac-01", 7, 4, 1, 0, 0, 2, 1 },  /* 高 三 + 四 (中 三 + 四 (普 一)) */
	{ "ac-02", 1, 1, 1, 1, 0, 0, 0 },  /* 高中 merged; 普 無要求 */
	{ "ac-03", 4, 4, 1, 0, 0, 1, 1 },  /* 高中 三 + 四 (普) */
	{ "au-03", 1, 1, 1, 0, 0, 0, 0 },  /* one text for all three */
	{ "au-04", 2, 1, 1, 0, 0, 1, 0 },  /* 高 一 + 二 (中普 merged) */
	{ "au-06", 3, 2, 1, 0, 0, 2, 1 },
	{ "cp-01", 5, 3, 2, 0, 0, 2, 1 },
	{ "cp-02", 2, 2, 1, 1, 0, 0, 0 },
	{ "ia-02", 8, 8, 6, 0, 0, 1, 1 },
	{ "sa-03", 5, 3, 3, 0, 0, 1, 0 },
	{ "sc-01", 5, 1, 1, 1, 1, 0, 0 },  /* 高 only; 中 and 普 無要求 */
	{ "si-02", 3, 2, 1, 0, 0, 2, 1 },  /* 高 一 + 二 (中 一 + 二 (普)) */
	{ "si-03", 4, 3, 1, 1, 0, 1, 0 },
};

static size_t
count(const sx_control *c, size_t n, int includes)
{
	size_t k = 0;

	for (size_t i = 0; i < n; i++)
		k += c[i].is_include == includes;
	return k;
}

static void
test_sizes(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		const sx_measure *m = measure(sizes[i].id);
		sx_control *ctl;
		size_t n;

		ctl = sx_baseline_resolve(m, SECANNEX_GRADE_HIGH, &n);
		assert_int_equal(count(ctl, n, 0), sizes[i].high);
		assert_int_equal(count(ctl, n, 1), sizes[i].inc_high);
		free(ctl);
		ctl = sx_baseline_resolve(m, SECANNEX_GRADE_MEDIUM, &n);
		assert_int_equal(count(ctl, n, 0), sizes[i].medium);
		assert_int_equal(count(ctl, n, 1), sizes[i].inc_medium);
		assert_int_equal(ctl[0].entry == NULL, sizes[i].medium_none);
		free(ctl);
		ctl = sx_baseline_resolve(m, SECANNEX_GRADE_NORMAL, &n);
		assert_int_equal(n, sizes[i].normal);
		assert_int_equal(count(ctl, n, 1), 0);
		assert_int_equal(ctl[0].entry == NULL, sizes[i].normal_none);
		free(ctl);
	}
}

/* Order, nesting and provenance: the inclusion item stays, the included cell follows one deeper. */
static void
test_order(void **state)
{
	size_t n;
	sx_control *ctl = sx_baseline_resolve(measure("ac-01"), SECANNEX_GRADE_HIGH, &n);

	(void)state;
	assert_int_equal(n, 9);
	assert_string_equal(ctl[0].entry->n, "一");
	assert_string_equal(ctl[0].entry->text, "逾越機關所定預期閒置時間或可使用期限時，系統應自動將使用者登出。");
	assert_int_equal(ctl[0].grades, 1u << SECANNEX_GRADE_HIGH);
	assert_int_equal(ctl[0].depth, 0);
	assert_true(ctl[3].is_include);
	assert_string_equal(ctl[3].entry->n, "四");
	assert_string_equal(ctl[3].entry->text, "等級「中」之所有控制措施。");
	assert_int_equal(ctl[3].depth, 0);
	assert_string_equal(ctl[4].entry->n, "一");
	assert_string_equal(ctl[4].entry->text, "已逾期之臨時或緊急帳號應刪除或禁用。");
	assert_int_equal(ctl[4].grades, 1u << SECANNEX_GRADE_MEDIUM);
	assert_int_equal(ctl[4].depth, 1);
	assert_ptr_equal(ctl[4].via[0].entry, ctl[3].entry);
	assert_ptr_equal(ctl[4].via[0].cell, ctl[3].cell);
	assert_true(ctl[7].is_include);
	assert_int_equal(ctl[7].depth, 1);
	assert_string_equal(ctl[8].entry->text, "建立帳號管理機制，包含帳號之申請、開通、停用及刪除之程序。");
	assert_int_equal(ctl[8].grades, 1u << SECANNEX_GRADE_NORMAL);
	assert_int_equal(ctl[8].depth, 2);
	assert_ptr_equal(ctl[8].via[0].entry, ctl[3].entry);
	assert_ptr_equal(ctl[8].via[1].entry, ctl[7].entry);
	free(ctl);

	/* 稽核事件 at 中: 一、 二、(the inclusion) and beneath it 普's 一、二、三、 */
	ctl = sx_baseline_resolve(measure("au-01"), SECANNEX_GRADE_MEDIUM, &n);
	assert_int_equal(n, 5);
	assert_string_equal(ctl[1].entry->n, "二");
	assert_true(ctl[1].is_include);
	assert_int_equal(ctl[1].entry->include_grades, 1u << SECANNEX_GRADE_NORMAL);
	for (size_t i = 2; i < 5; i++) {
		assert_int_equal(ctl[i].depth, 1);
		assert_false(ctl[i].is_include);
		assert_ptr_equal(ctl[i].via[0].entry, ctl[1].entry);
	}
	assert_string_equal(ctl[4].entry->n, "三");
	free(ctl);

	ctl = sx_baseline_resolve(measure("au-04"), SECANNEX_GRADE_HIGH, &n);
	assert_int_equal(n, 3);
	assert_true(ctl[1].is_include);
	assert_string_equal(ctl[2].entry->text, "資通系統於稽核處理失效時，應採取適當之行動。");
	assert_int_equal(ctl[2].grades, (1u << SECANNEX_GRADE_MEDIUM) | (1u << SECANNEX_GRADE_NORMAL));
	assert_int_equal(ctl[2].depth, 1);
	free(ctl);

	ctl = sx_baseline_resolve(measure("ac-02"), SECANNEX_GRADE_NORMAL, &n);
	assert_int_equal(n, 1);
	assert_null(ctl[0].entry);
	assert_false(ctl[0].is_include);
	assert_string_equal(ctl[0].cell->none_text, "無要求。");
	free(ctl);
}

/* ---- the nested list of every measure at every grade, against an expectation built from the
 * model without the function under test ---- */

typedef struct exp_item {
	const sx_cell *cell;
	const sx_entry *entry;
	unsigned depth;
	sx_via via[4];
} exp_item;

typedef struct expect {
	exp_item v[128];
	size_t n;
	const sx_cell *listed[8];
	size_t nlisted;
	sx_via chain[4];
} expect;

/* The one cell of M that serves grade G (the data has exactly one). */
static const sx_cell *
grade_cell(const sx_measure *m, int g)
{
	const sx_cell *c = NULL;

	for (size_t i = 0; i < m->ncells; i++)
		if (m->cells[i].grades & (1u << g)) {
			assert_null(c);
			c = &m->cells[i];
		}
	assert_non_null(c);
	return c;
}

static void
expect_add(expect *x, const sx_cell *c, const sx_entry *e, unsigned depth)
{
	assert_true(x->n < 128);
	x->v[x->n] = (exp_item){ c, e, depth, { { 0 } } };
	for (unsigned d = 0; d < depth; d++)
		x->v[x->n].via[d] = x->chain[d];
	x->n++;
}

/* What 附表十 says the list of a cell is: its entries in order; after an inclusion, each included
 * grade's cell (highest first, each cell once per measure, an included 「無要求」 adding nothing). */
static void
expect_cell(expect *x, const sx_measure *m, const sx_cell *c, unsigned depth)
{
	for (size_t i = 0; i < x->nlisted; i++)
		if (x->listed[i] == c)
			return;
	x->listed[x->nlisted++] = c;
	if (c->none) {
		if (depth == 0)
			expect_add(x, c, NULL, 0);
		return;
	}
	for (size_t i = 0; i < c->nentries; i++) {
		const sx_entry *e = &c->entries[i];
		expect_add(x, c, e, depth);
		if (!e->is_include)
			continue;
		assert_true(depth < 3);
		x->chain[depth] = (sx_via){ c, e };
		for (int g = SECANNEX_GRADE_HIGH; g >= SECANNEX_GRADE_NORMAL; g--)
			if (e->include_grades & (1u << g))
				expect_cell(x, m, grade_cell(m, g), depth + 1);
	}
}

/* The index of entry E in cell C. */
static size_t
entry_index(const sx_cell *c, const sx_entry *e)
{
	assert_true(e >= c->entries && e < c->entries + c->nentries);
	return (size_t)(e - c->entries);
}

/* Properties that hold whatever the expectation: depth 0 is the grade's own cell, verbatim and in
 * order; every inclusion of it is an item; under each inclusion item the next level down is one
 * source cell, complete and in source order (so numerals never restart under one parent), and that
 * cell serves a grade the item includes; no cell is listed twice. */
static void
check_shape(const sx_measure *m, int g, const sx_control *c, size_t n)
{
	const sx_cell *own = grade_cell(m, g);
	size_t k0 = 0;

	for (size_t i = 0; i < n; i++) {
		if (c[i].depth != 0)
			continue;
		assert_ptr_equal(c[i].cell, own);
		if (own->none) {
			assert_null(c[i].entry);
			continue;
		}
		assert_ptr_equal(c[i].entry, &own->entries[k0]);
		assert_int_equal(c[i].is_include, own->entries[k0].is_include);
		k0++;
	}
	assert_int_equal(k0, own->none ? 0 : own->nentries);
	for (size_t i = 0; i < n; i++) {
		size_t j = i + 1, k = 0;
		const sx_cell *child = NULL;

		assert_int_equal(c[i].is_include, c[i].entry != NULL && c[i].entry->is_include);
		assert_int_equal(c[i].grades, c[i].cell->grades);
		if (!c[i].is_include)
			continue;
		/* the children: items one deeper, up to the next item at this depth or shallower */
		for (; j < n && c[j].depth > c[i].depth; j++) {
			if (c[j].depth != c[i].depth + 1)
				continue;
			assert_ptr_equal(c[j].via[c[i].depth].entry, c[i].entry);
			assert_ptr_equal(c[j].via[c[i].depth].cell, c[i].cell);
			if (child == NULL) {
				child = c[j].cell;
				assert_true(child->grades & c[i].entry->include_grades);
				assert_false(child->none);
			}
			assert_ptr_equal(c[j].cell, child);
			assert_int_equal(entry_index(child, c[j].entry), k++);
		}
		if (child)
			assert_int_equal(k, child->nentries);
	}
	/* no cell twice: a cell's items are its entries exactly, all at one depth */
	for (size_t i = 0; i < n; i++) {
		size_t k = 0;

		for (size_t j = 0; j < n; j++)
			if (c[j].cell == c[i].cell) {
				k++;
				assert_int_equal(c[j].depth, c[i].depth);
			}
		assert_int_equal(k, c[i].cell->none ? 1 : c[i].cell->nentries);
	}
}

static void
test_nested_all(void **state)
{
	size_t measures = 0, inclusions = 0;

	(void)state;
	for (size_t a = 0; a < cat->reg->nareas; a++)
		for (size_t mi = 0; mi < cat->reg->areas[a].nmeasures; mi++) {
			const sx_measure *m = &cat->reg->areas[a].measures[mi];
			measures++;
			for (int g = SECANNEX_GRADE_NORMAL; g <= SECANNEX_GRADE_HIGH; g++) {
				expect *x = calloc(1, sizeof(*x));
				size_t n;
				sx_control *c = sx_baseline_resolve(m, (secannex_grade)g, &n);

				assert_non_null(x);
				expect_cell(x, m, grade_cell(m, g), 0);
				assert_int_equal(n, x->n);
				for (size_t i = 0; i < n; i++) {
					assert_ptr_equal(c[i].measure, m);
					assert_ptr_equal(c[i].cell, x->v[i].cell);
					assert_ptr_equal(c[i].entry, x->v[i].entry);
					assert_int_equal(c[i].depth, x->v[i].depth);
					for (unsigned d = 0; d < c[i].depth; d++) {
						assert_ptr_equal(c[i].via[d].cell, x->v[i].via[d].cell);
						assert_ptr_equal(c[i].via[d].entry, x->v[i].via[d].entry);
					}
					inclusions += c[i].is_include;
				}
				check_shape(m, g, c, n);
				free(c);
				free(x);
			}
		}
	assert_int_equal(measures, 29);
	assert_true(inclusions > 0);
}

/* A synthetic measure: 高 includes 中 and 普, 中 includes 普: 普's cell appears once, beneath 中's
 * inclusion; an inclusion of a 「無要求」 cell stays an item with nothing beneath it. */
static void
test_dedupe_and_none(void **state)
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
	sx_entry eh2[2] = { { 0, "一", "h", 0 }, { 1, "二", "mid", 1u << 1 } };
	sx_cell cells2[2] = {
		{ 1u << 2, 0, NULL, eh2, 2 },
		{ (1u << 1) | (1u << 0), 1, "無要求。", NULL, 0 },
	};
	sx_measure m2 = { "x-02", "x", 2, &area, cells2, 2 };
	sx_control *ctl;
	size_t n;

	(void)state;
	ctl = sx_baseline_resolve(&m, SECANNEX_GRADE_HIGH, &n);
	assert_int_equal(n, 5);
	assert_string_equal(ctl[0].entry->text, "h");
	assert_string_equal(ctl[1].entry->text, "all");
	assert_true(ctl[1].is_include);
	assert_string_equal(ctl[2].entry->text, "m");
	assert_int_equal(ctl[2].depth, 1);
	assert_string_equal(ctl[3].entry->text, "n");
	assert_int_equal(ctl[3].depth, 1);
	assert_string_equal(ctl[4].entry->text, "n1");
	assert_int_equal(ctl[4].depth, 2);
	assert_ptr_equal(ctl[4].via[0].entry, &eh[1]);
	assert_ptr_equal(ctl[4].via[1].entry, &em[1]);
	free(ctl);

	ctl = sx_baseline_resolve(&m2, SECANNEX_GRADE_HIGH, &n);
	assert_int_equal(n, 2);
	assert_true(ctl[1].is_include);
	assert_string_equal(ctl[1].entry->text, "mid");
	free(ctl);
	ctl = sx_baseline_resolve(&m2, SECANNEX_GRADE_MEDIUM, &n);
	assert_int_equal(n, 1);
	assert_null(ctl[0].entry);
	free(ctl);
}

/* A long cell is never cut: the result grows with the data (the old fixed array held 64). */
static void
test_no_limit(void **state)
{
	static sx_entry many[200];
	sx_cell cell = { 7u, 0, NULL, many, 200 };
	sx_area area = { "x", "x", NULL, 1 };
	sx_measure m = { "x-03", "x", 3, &area, &cell, 1 };
	sx_control *ctl;
	size_t n;

	(void)state;
	for (size_t i = 0; i < 200; i++)
		many[i] = (sx_entry){ 0, NULL, "t", 0 };
	ctl = sx_baseline_resolve(&m, SECANNEX_GRADE_NORMAL, &n);
	assert_int_equal(n, 200);
	assert_ptr_equal(ctl[199].entry, &many[199]);
	free(ctl);
}

/* The rendered text: every measure of an area, each item labelled with its cell's grades (「[高、中]」),
 * an included cell indented beneath its inclusion item. */
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
	assert_non_null(strstr(s, "\n    [高] 一、逾越機關所定預期閒置時間"));
	assert_non_null(strstr(s, "\n    [高] 四、等級「中」之所有控制措施。\n        [中] 一、已逾期之臨時"));
	assert_non_null(strstr(s, "\n            [普] 建立帳號管理機制"));
	assert_non_null(strstr(s, "\n    [高、中] 採最小權限原則"));
	assert_null(strstr(s, "[高中]"));
	free(s);
	s = secannex_render_baseline(cat, SECANNEX_GRADE_MEDIUM, "au", SECANNEX_FORMAT_TEXT);
	assert_non_null(strstr(s, "  au-01 稽核事件\n"
	    "    [高、中] 一、應定期審查稽核事件。\n"
	    "    [高、中] 二、等級「普」之所有控制措施。\n"
	    "        [普] 一、依規定時間週期及紀錄留存政策，保留稽核紀錄。\n"
	    "        [普] 二、確保資通系統有稽核特定事件之功能，並決定應稽核之特定資通系統事件。\n"
	    "        [普] 三、應稽核資通系統管理者帳號所執行之各項功能。\n"
	    "  au-02 "));
	assert_non_null(strstr(s, "[高、中、普] 依據稽核紀錄儲存需求"));
	assert_non_null(strstr(s, "[中、普] 資通系統於稽核處理失效時"));
	free(s);
	assert_null(secannex_render_baseline(cat, SECANNEX_GRADE_HIGH, "zz", SECANNEX_FORMAT_TEXT));
	assert_non_null(strstr(secannex_error_last(), "unknown 附表十 area 'zz'"));
}

/* The grade labels: 「高、中」, and 附表十's own wording 「「中」及「普」」. */
static void
test_grades_label(void **state)
{
	sx_buf b = SX_BUF_INIT;

	(void)state;
	sx_baseline_grades(&b, 7u, 0);
	sx_buf_puts(&b, "|");
	sx_baseline_grades(&b, 3u, 1);
	sx_buf_puts(&b, "|");
	sx_baseline_grades(&b, 7u, 1);
	sx_buf_puts(&b, "|");
	sx_baseline_grades(&b, 2u, 1);
	assert_string_equal(b.ptr, "高、中、普|「中」及「普」|「高」、「中」及「普」|「中」");
	sx_buf_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_structure),
		cmocka_unit_test(test_sizes),
		cmocka_unit_test(test_order),
		cmocka_unit_test(test_nested_all),
		cmocka_unit_test(test_dedupe_and_none),
		cmocka_unit_test(test_no_limit),
		cmocka_unit_test(test_render),
		cmocka_unit_test(test_grades_label),
	};

	return cmocka_run_group_tests(tests, unit_setup, unit_teardown);
}

/* test_json.c: the JSON writer: nesting and commas, escaping, UTF-8 repair, locale-free numbers. */
#include "unit.h"

#include <limits.h>
#include <locale.h>
#include <math.h>

#include "../../src/lib/json.h"

#define FFFD "\xef\xbf\xbd"

/* The text written so far, as a string owned by the buffer. */
static const char *
S_text(sx_buf *b)
{
	return b->ptr ? b->ptr : "";
}

/* S (LEN bytes) quoted by the writer; the caller frees. */
static char *
S_quoted(const char *s, size_t len)
{
	sx_buf b = SX_BUF_INIT;

	sx_json_quote(&b, s, len);
	return sx_buf_detach(&b);
}

static void
test_nesting(void **state)
{
	sx_buf b = SX_BUF_INIT;
	sx_json w;

	(void)state;
	sx_json_init(&w, &b);
	sx_json_begin_object(&w);
	sx_json_end_object(&w);
	assert_string_equal(S_text(&b), "{}");
	assert_int_equal(sx_json_depth(&w), 0);
	sx_json_free(&w);
	sx_buf_free(&b);

	sx_json_init(&w, &b);
	sx_json_begin_array(&w);
	sx_json_end_array(&w);
	assert_string_equal(S_text(&b), "[]");
	sx_json_free(&w);
	sx_buf_free(&b);

	sx_json_init(&w, &b);
	sx_json_begin_object(&w);
	sx_json_key(&w, "a");
	sx_json_begin_array(&w);
	sx_json_begin_array(&w);
	sx_json_end_array(&w);
	sx_json_begin_array(&w);
	sx_json_int(&w, 1);
	sx_json_begin_array(&w);
	sx_json_int(&w, 2);
	sx_json_str(&w, "x");
	sx_json_end_array(&w);
	sx_json_begin_object(&w);
	sx_json_end_object(&w);
	sx_json_end_array(&w);
	sx_json_end_array(&w);
	sx_json_key(&w, "b");
	sx_json_begin_object(&w);
	sx_json_kv_str(&w, "c", NULL);
	sx_json_kv_bool(&w, "d", 1);
	sx_json_kv_bool(&w, "e", 0);
	sx_json_key(&w, "f");
	sx_json_null(&w);
	sx_json_end_object(&w);
	sx_json_kv_int(&w, "g", -7);
	sx_json_end_object(&w);
	assert_int_equal(sx_json_depth(&w), 0);
	assert_string_equal(S_text(&b),
	    "{\"a\":[[],[1,[2,\"x\"],{}]],\"b\":{\"c\":null,\"d\":true,\"e\":false,\"f\":null},\"g\":-7}");
	sx_json_free(&w);
	sx_buf_free(&b);
}

/* One entry per line: ",\n" between entries, "\n" before the first, and the final newline. */
static void
test_newline(void **state)
{
	sx_buf b = SX_BUF_INIT;
	sx_json w;

	(void)state;
	sx_json_init(&w, &b);
	sx_json_begin_object(&w);
	sx_json_key(&w, "rows");
	sx_json_begin_array(&w);
	for (int i = 0; i < 3; i++) {
		sx_json_newline(&w);
		sx_json_begin_object(&w);
		sx_json_kv_int(&w, "n", i);
		sx_json_end_object(&w);
	}
	sx_json_end_array(&w);
	sx_json_newline(&w);
	sx_json_kv_str(&w, "k", "v");
	sx_json_key(&w, "after");
	sx_json_newline(&w);
	sx_json_int(&w, 1);
	sx_json_key(&w, "empty");
	sx_json_begin_array(&w);
	sx_json_end_array(&w);
	sx_json_end_object(&w);
	sx_json_newline(&w);
	assert_string_equal(S_text(&b),
	    "{\"rows\":[\n{\"n\":0},\n{\"n\":1},\n{\"n\":2}],\n\"k\":\"v\",\"after\":\n1,\"empty\":[]}\n");
	sx_json_free(&w);
	sx_buf_free(&b);
}

/* 1000 levels, objects and arrays alternating, then 100000 arrays: the stack has no limit. */
static void
test_deep(void **state)
{
	sx_buf b = SX_BUF_INIT, want = SX_BUF_INIT;
	sx_json w;
	int n = 1000;

	(void)state;
	sx_json_init(&w, &b);
	for (int i = 0; i < n; i++) {
		if (i % 2 == 0) {
			sx_json_begin_object(&w);
			sx_json_key(&w, "k");
			sx_buf_puts(&want, "{\"k\":");
		} else {
			sx_json_begin_array(&w);
			sx_json_int(&w, i);
			sx_buf_printf(&want, "[%d,", i);
		}
	}
	assert_int_equal(sx_json_depth(&w), n);
	sx_json_str(&w, "leaf");
	sx_buf_puts(&want, "\"leaf\"");
	for (int i = n - 1; i >= 0; i--) {
		if (i % 2 == 0) {
			sx_json_end_object(&w);
			sx_buf_putc(&want, '}');
		} else {
			sx_json_end_array(&w);
			sx_buf_putc(&want, ']');
		}
	}
	assert_int_equal(sx_json_depth(&w), 0);
	assert_string_equal(S_text(&b), S_text(&want));
	sx_json_free(&w);
	sx_buf_free(&b);

	sx_json_init(&w, &b);
	for (int i = 0; i < 100000; i++)
		sx_json_begin_array(&w);
	assert_int_equal(sx_json_depth(&w), 100000);
	for (int i = 0; i < 100000; i++)
		sx_json_end_array(&w);
	assert_int_equal(b.len, 200000);
	assert_int_equal(b.ptr[99999], '[');
	assert_int_equal(b.ptr[100000], ']');
	sx_json_free(&w);
	sx_buf_free(&b);
	sx_buf_free(&want);
}

/* Every C0 control, the quote and the backslash; everything else as it is. */
static void
test_escape(void **state)
{
	static const struct {
		const char *in, *out;
	} cases[] = {
		{ "plain", "\"plain\"" },
		{ "", "\"\"" },
		{ "a\"b\\c", "\"a\\\"b\\\\c\"" },
		{ "line\nnext\ttab\rret", "\"line\\nnext\\ttab\\rret\"" },
		{ "\x01\x1f", "\"\\u0001\\u001f\"" },
		{ "\b\f\v\x1b", "\"\\u0008\\u000c\\u000b\\u001b\"" },
		{ "a/b</script>", "\"a/b</script>\"" },
		{ "\x7f", "\"\x7f\"" },
		{ "機關<&>", "\"機關<&>\"" },
	};
	char *q;

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		q = S_quoted(cases[i].in, strlen(cases[i].in));
		assert_string_equal(q, cases[i].out);
		free(q);
	}
	for (int c = 1; c < 0x20; c++) {
		char in[2] = { (char)c, 0 }, want[16];
		if (c == '\n')
			snprintf(want, sizeof want, "\"\\n\"");
		else if (c == '\t')
			snprintf(want, sizeof want, "\"\\t\"");
		else if (c == '\r')
			snprintf(want, sizeof want, "\"\\r\"");
		else
			snprintf(want, sizeof want, "\"\\u%04x\"", c);
		q = S_quoted(in, 1);
		assert_string_equal(q, want);
		free(q);
	}
	q = S_quoted("a\0b", 3);
	assert_string_equal(q, "\"a\\u0000b\"");
	free(q);
	{
		sx_buf b = SX_BUF_INIT;
		sx_json w;
		sx_json_init(&w, &b);
		sx_json_begin_object(&w);
		sx_json_kv_str(&w, "k\"\n", "\xff");
		sx_json_end_object(&w);
		assert_string_equal(S_text(&b), "{\"k\\\"\\n\":\"" FFFD "\"}");
		sx_json_free(&w);
		sx_buf_free(&b);
	}
}

/* Valid sequences of every length pass unchanged (U+2028/2029, U+FFFF and U+10FFFF too). */
static void
test_utf8_valid(void **state)
{
	static const char *const ok[] = {
		"\xc2\x80", "\xc2\xa0", "\xc3\xa9", "\xdf\xbf",                     /* 2 bytes */
		"\xe0\xa0\x80", "\xe6\xa9\x9f", "\xe2\x80\xa8", "\xe2\x80\xa9",      /* 3 bytes */
		"\xed\x9f\xbf", "\xee\x80\x80", "\xef\xbf\xbd", "\xef\xbf\xbf",
		"\xf0\x90\x80\x80", "\xf0\x9f\x98\x80", "\xf3\xbf\xbf\xbf", "\xf4\x8f\xbf\xbf", /* 4 */
	};
	char want[32], *q;

	(void)state;
	for (size_t i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
		snprintf(want, sizeof want, "\"a%sb\"", ok[i]);
		q = S_quoted(want + 1, strlen(want) - 2);
		assert_string_equal(q, want);
		free(q);
	}
}

/* Each ill-formed piece (its maximal subpart) becomes one U+FFFD, written raw. */
static void
test_utf8_invalid(void **state)
{
	static const struct {
		const char *in, *out;
	} cases[] = {
		{ "\x80", FFFD },                                   /* a lone continuation byte */
		{ "a\xbf" "b", "a" FFFD "b" },
		{ "\x80\x80", FFFD FFFD },
		{ "\xc0\xaf", FFFD FFFD },                          /* overlong '/' */
		{ "\xc1\xbf", FFFD FFFD },
		{ "\xe0\x80\xaf", FFFD FFFD FFFD },                 /* overlong, 3 bytes */
		{ "\xe0\x9f\xbf", FFFD FFFD FFFD },
		{ "\xf0\x80\x80\xaf", FFFD FFFD FFFD FFFD },        /* overlong, 4 bytes */
		{ "\xf0\x8f\xbf\xbf", FFFD FFFD FFFD FFFD },
		{ "\xed\xa0\x80", FFFD FFFD FFFD },                 /* surrogates */
		{ "\xed\xbf\xbf", FFFD FFFD FFFD },
		{ "\xed\xa0\xbd\xed\xb8\x80", FFFD FFFD FFFD FFFD FFFD FFFD },
		{ "\xf4\x90\x80\x80", FFFD FFFD FFFD FFFD },        /* above U+10FFFF */
		{ "\xf5\x80\x80\x80", FFFD FFFD FFFD FFFD },
		{ "\xf8\x88\x80\x80\x80", FFFD FFFD FFFD FFFD FFFD },
		{ "\xfe", FFFD }, { "\xff", FFFD }, { "a\xff" "b", "a" FFFD "b" },
		{ "\xc3", FFFD },                                   /* cut short */
		{ "\xc3(", FFFD "(" },
		{ "\xe6\xa9", FFFD },
		{ "\xe6\xa9x", FFFD "x" },
		{ "\xe6x\xa9", FFFD "x" FFFD },
		{ "\xf0\x9f\x98", FFFD },
		{ "\xf0\x9f\x98\xe6\xa9\x9f", FFFD "\xe6\xa9\x9f" },
		{ "\xe6\"", FFFD "\\\"" },
		{ "\xe6\n", FFFD "\\n" },
		{ "\xc3\xa9\xff\xc3\xa9", "\xc3\xa9" FFFD "\xc3\xa9" },
	};
	char want[64], *q;

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		snprintf(want, sizeof want, "\"%s\"", cases[i].out);
		q = S_quoted(cases[i].in, strlen(cases[i].in));
		assert_string_equal(q, want);
		free(q);
	}
}

/*
 * A second, independent reading of UTF-8 (decode, then check the code point's range): the
 * length of the well-formed sequence at P, or 0.
 */
static size_t
S_ref_utf8(const unsigned char *p, size_t n)
{
	size_t len;
	unsigned long cp;

	if (p[0] < 0x80)
		return 1;
	if ((p[0] & 0xE0) == 0xC0)
		len = 2, cp = p[0] & 0x1Fu;
	else if ((p[0] & 0xF0) == 0xE0)
		len = 3, cp = p[0] & 0x0Fu;
	else if ((p[0] & 0xF8) == 0xF0)
		len = 4, cp = p[0] & 0x07u;
	else
		return 0;
	if (len > n)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((p[i] & 0xC0) != 0x80)
			return 0;
		cp = cp << 6 | (p[i] & 0x3Fu);
	}
	if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000))
		return 0;
	if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
		return 0;
	return len;
}

/* The escaper as it was before the writer (sx_buf_json_str): the reference for valid text. */
static void
S_ref_quote(sx_buf *b, const unsigned char *p, size_t n)
{
	sx_buf_putc(b, '"');
	for (size_t i = 0; i < n; i++) {
		if (p[i] == '"')
			sx_buf_puts(b, "\\\"");
		else if (p[i] == '\\')
			sx_buf_puts(b, "\\\\");
		else if (p[i] == '\n')
			sx_buf_puts(b, "\\n");
		else if (p[i] == '\t')
			sx_buf_puts(b, "\\t");
		else if (p[i] == '\r')
			sx_buf_puts(b, "\\r");
		else if (p[i] < 0x20)
			sx_buf_printf(b, "\\u%04x", p[i]);
		else
			sx_buf_putc(b, p[i]);
	}
	sx_buf_putc(b, '"');
}

/* Check one input: the output is well-formed; valid input is quoted as before, invalid is not. */
static void
S_check_one(const unsigned char *in, size_t n)
{
	char *q = S_quoted((const char *)in, n);
	size_t qn = strlen(q);
	int valid = 1;

	for (size_t i = 0; i < n; ) {
		size_t k = S_ref_utf8(in + i, n - i);
		if (k == 0) {
			valid = 0;
			break;
		}
		i += k;
	}
	for (size_t i = 0; i < qn; ) {
		size_t k = S_ref_utf8((const unsigned char *)q + i, qn - i);
		assert_true(k > 0);
		assert_true((unsigned char)q[i] >= 0x20);
		i += k;
	}
	if (valid) {
		sx_buf ref = SX_BUF_INIT;
		S_ref_quote(&ref, in, n);
		assert_string_equal(q, ref.ptr);
		sx_buf_free(&ref);
	} else {
		assert_non_null(strstr(q, FFFD));
	}
	free(q);
}

/* Every string of one or two bytes, and three- and four-byte strings around each boundary. */
static void
test_utf8_exhaustive(void **state)
{
	static const unsigned char lead[] = { 0x41, 0x7F, 0x80, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1, 0xED,
		0xEE, 0xEF, 0xF0, 0xF1, 0xF4, 0xF5, 0xFF };
	static const unsigned char tail[] = { 0x00, 0x0A, 0x22, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F,
		0xA0, 0xBF, 0xC0, 0xC3, 0xE6, 0xFF };
	unsigned char s[4];

	(void)state;
	for (int a = 0; a < 256; a++) {
		s[0] = (unsigned char)a;
		S_check_one(s, 1);
		for (int c = 0; c < 256; c++) {
			s[1] = (unsigned char)c;
			S_check_one(s, 2);
		}
	}
	for (size_t a = 0; a < sizeof lead; a++)
		for (size_t c = 0; c < sizeof tail; c++)
			for (size_t d = 0; d < sizeof tail; d++) {
				s[0] = lead[a];
				s[1] = tail[c];
				s[2] = tail[d];
				S_check_one(s, 3);
				for (size_t e = 0; e < sizeof tail; e++) {
					s[3] = tail[e];
					S_check_one(s, 4);
				}
			}
}

/* One number written alone. */
static char *
S_num(int kind, double v, int decimals)
{
	sx_buf b = SX_BUF_INIT;
	sx_json w;

	sx_json_init(&w, &b);
	if (kind == 'f')
		sx_json_fixed(&w, v, decimals);
	else
		sx_json_double(&w, v);
	sx_json_free(&w);
	return sx_buf_detach(&b);
}

static void
S_num_is(int kind, double v, int decimals, const char *want)
{
	char *s = S_num(kind, v, decimals);

	assert_string_equal(s, want);
	free(s);
}

static void
S_numbers(void)
{
	S_num_is('f', 1.0, 3, "1.000");
	S_num_is('f', 2.0 / 3.0, 3, "0.667");
	S_num_is('f', -2.5, 1, "-2.5");
	S_num_is('f', 0.6, 0, "1");
	S_num_is('f', 1234567.125, 2, "1234567.12");
	S_num_is('f', NAN, 3, "null");
	S_num_is('f', INFINITY, 3, "null");
	S_num_is('d', 0.1, 0, "0.1");
	S_num_is('d', 0.25, 0, "0.25");
	S_num_is('d', 3.0, 0, "3");
	S_num_is('d', -1.5e-7, 0, "-1.5e-07");
	S_num_is('d', 1e300, 0, "1e+300");
	S_num_is('d', 1.0 / 3.0, 0, "0.3333333333333333");
	S_num_is('d', -INFINITY, 0, "null");
}

static void
test_numbers(void **state)
{
	sx_buf b = SX_BUF_INIT;
	sx_json w;
	const char *de = NULL;
	char probe[16];

	(void)state;
	sx_json_init(&w, &b);
	sx_json_begin_array(&w);
	sx_json_int(&w, 0);
	sx_json_int(&w, -1);
	sx_json_int(&w, LLONG_MIN);
	sx_json_int(&w, LLONG_MAX);
	sx_json_uint(&w, ULLONG_MAX);
	sx_json_fixed(&w, 1.0, 3);
	sx_json_double(&w, 0.5);
	sx_json_end_array(&w);
	assert_string_equal(S_text(&b), "[0,-1,-9223372036854775808,9223372036854775807,"
	    "18446744073709551615,1.000,0.5]");
	sx_json_free(&w);
	sx_buf_free(&b);
	S_numbers();

	/* The same under a locale whose decimal point is a comma, when one is installed. */
	if ((de = setlocale(LC_NUMERIC, "de_DE.UTF-8")) == NULL)
		de = setlocale(LC_NUMERIC, "de_DE.utf8");
	if (de == NULL) {
		fprintf(stderr, "test_numbers: no de_DE locale installed; the comma-locale check is skipped\n");
		return;
	}
	snprintf(probe, sizeof probe, "%.1f", 1.5);
	assert_string_equal(probe, "1,5");
	S_numbers();
	setlocale(LC_NUMERIC, "C");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_nesting),
		cmocka_unit_test(test_newline),
		cmocka_unit_test(test_deep),
		cmocka_unit_test(test_escape),
		cmocka_unit_test(test_utf8_valid),
		cmocka_unit_test(test_utf8_invalid),
		cmocka_unit_test(test_utf8_exhaustive),
		cmocka_unit_test(test_numbers),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

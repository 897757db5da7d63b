/* api.c: small public helpers: grade/level/kind parsing, the last error message, the version. */
#include <stdarg.h>
#include <string.h>

#include "../secannex.h"
#include "api.h"

static _Thread_local char S_last[512];

void
sx_error_set(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(S_last, sizeof(S_last), fmt, ap);
	va_end(ap);
}

const char *
secannex_error_last(void)
{
	return S_last;
}

const char *
secannex_version(void)
{
	return PACKAGE_VERSION;
}

static const char *const S_grade_zh[3] = { "普", "中", "高" };
static const char *const S_grade_en[3] = { "normal", "medium", "high" };

int
secannex_grade_parse(secannex_grade *out, const char *s)
{
	for (int g = 0; s && g < 3; g++)
		if (strcmp(s, S_grade_zh[g]) == 0 || strcmp(s, S_grade_en[g]) == 0) {
			*out = (secannex_grade)g;
			return 0;
		}
	sx_error_set("unknown grade '%s' (expected 高|中|普 or high|medium|normal)", s ? s : "");
	return SECANNEX_EINVALID;
}

const char *
secannex_grade_name(secannex_grade g, int english)
{
	if ((int)g < 0 || (int)g > 2)
		return "?";
	return english ? S_grade_en[g] : S_grade_zh[g];
}

int
secannex_level_parse(int *out, const char *s)
{
	if (s && s[0] && !s[1] && strchr("ABCDEabcde", s[0])) {
		*out = (s[0] | 0x20) - 'a';
		return 0;
	}
	sx_error_set("unknown responsibility level '%s' (expected A, B, C, D or E)", s ? s : "");
	return SECANNEX_EINVALID;
}

int
secannex_kind_parse(secannex_kind *out, const char *s)
{
	if (s && strcmp(s, "public") == 0) {
		*out = SECANNEX_KIND_PUBLIC;
		return 0;
	}
	if (s && strcmp(s, "special") == 0) {
		*out = SECANNEX_KIND_SPECIAL;
		return 0;
	}
	sx_error_set("unknown agency kind '%s' (expected public or special)", s ? s : "");
	return SECANNEX_EINVALID;
}

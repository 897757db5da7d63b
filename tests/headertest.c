/* headertest.c: secannex.h compiles on its own under -pedantic; calling nothing, it links alone. */
#include "../src/secannex.h"

int
main(void)
{
	secannex_grade g = SECANNEX_GRADE_HIGH;
	secannex_format f = SECANNEX_FORMAT_JSON;

	return (int)g - 2 + (int)f - 2;
}

/* evaluate.h: what an evaluation of a vendor's response holds (evaluate.c makes it; the comparison
 * of several bidders, compare.c, reads it). */
#ifndef SX_EVALUATE_H
#define SX_EVALUATE_H

#include "response.h"

/* One row of the tender's matrix and what the response says of it. */
typedef struct sx_erow {
	char *idx, *id, *text;   /* the tender's 項次, 編號, 要求內容 */
	int line;                /* where the response has it; 0: missing */
	enum sx_answer answer;
	enum sx_ans_problem problem;
	char *say, *proof;       /* the vendor's 說明 and 佐證文件及頁碼 */
	char *diff;              /* 要求內容 altered: the character diff ([-tender-] {+response+}) */
} sx_erow;

typedef struct sx_extra {
	char *id;
	int line;
} sx_extra;

struct secannex_evaluation {
	char *path, *vendor, *case_no;
	int controls, big5, case_differs;
	sx_erow *rows;
	size_t n;
	sx_extra *extra;
	size_t nextra, cap_extra;
	size_t count[SX_ANS__COUNT];
	size_t missing, altered, invalid, no_id, dup;
};

/* Who answered: 廠商名稱, else the file's name. */
const char *sx_eval_vendor(const secannex_evaluation *e);

#endif

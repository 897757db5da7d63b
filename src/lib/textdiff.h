/* textdiff.h: character-level (Unicode code point) diff of two UTF-8 strings, and their similarity. */
#ifndef SX_TEXTDIFF_H
#define SX_TEXTDIFF_H

#include <stddef.h>

enum sx_op { SX_OP_SAME = 0, SX_OP_INS = 1, SX_OP_DEL = -1 };

typedef struct sx_dseg {
	enum sx_op op;
	char *text;
} sx_dseg;

/* A run of bytes: one item of a sequence to align (a token of a text, the key of a row). */
typedef struct sx_span {
	const char *p;
	size_t n;
} sx_span;

/* Align the NA items A with the NB items B by a shortest edit (Myers, linear space; of the equally
 * short, the one whose changes come latest and in fewest pieces).  Writes the merged order into OUT
 * (room for NA + NB pairs) as pairs (i, j): i < 0 for an insertion of B[j], j < 0 for a deletion
 * of A[i], a change's deletions before its insertions; returns the number of pairs. */
size_t sx_align(const sx_span *a, size_t na, const sx_span *b, size_t nb, long (*out)[2]);

typedef struct sx_dtext {
	sx_dseg *v;
	size_t n;
} sx_dtext;

/* The shortest edit from A to B as segments (deletions before insertions at a change), over code
 * points, except that a Latin word, a number or an id (a run of ASCII letters and digits, joined by
 * '-', '_' or '.': maintenance-02, V5.4, 27001) is one token, compared whole; the caller
 * frees it with sx_dtext_free().  Myers' algorithm in linear space: memory O(N+M) for texts of
 * any length, time O((N+M)·D) for D tokens changed. */
void sx_textdiff(sx_dtext *out, const char *a, const char *b);
void sx_dtext_free(sx_dtext *d);
/* Is anything changed? */
int sx_dtext_changed(const sx_dtext *d);
/* One side: OP_INS dropped gives the old text, OP_DEL dropped the new one (caller frees). */
char *sx_dtext_side(const sx_dtext *d, int new_side);
/* Similarity 0..1: 2 × |LCS| / (|A| + |B|), in code points, exact for texts of any length (the
 * length of the shortest edit, in linear space). */
double sx_similarity(const char *a, const char *b);

#endif

/* diag.c: the diagnostics list and the table of every message the library reports. */
#include "api.h"
#include "diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "i18n.h"

static const struct {
	secannex_level level;
	const char *fmt;
} msgs[SX_MSG__COUNT] = {
	[SX_MSG_OPEN] = { SECANNEX_DIAG_SYSERR, N_("cannot read file: %s") },
	[SX_MSG_NOT_REGULAR] = { SECANNEX_DIAG_ERROR, N_("not a regular file") },
	[SX_MSG_TOO_BIG] = { SECANNEX_DIAG_ERROR,
	    N_("file is %zu bytes, over the limit of %zu bytes") },
	[SX_MSG_EMPTY] = { SECANNEX_DIAG_ERROR, N_("file is empty") },
	[SX_MSG_BAD_UTF8] = { SECANNEX_DIAG_ERROR, N_("invalid UTF-8 byte sequence") },
	[SX_MSG_CONTROL] = { SECANNEX_DIAG_ERROR, N_("control character U+%04X is not allowed") },
	[SX_MSG_DOCTYPE] = { SECANNEX_DIAG_ERROR,
	    N_("a document type declaration is not allowed (DTDs and entities are never loaded)") },
	[SX_MSG_XML] = { SECANNEX_DIAG_ERROR, N_("malformed XML: %s") },
	[SX_MSG_SCHEMA] = { SECANNEX_DIAG_ERROR, N_("schema: %s") },
	[SX_MSG_SCHEMA_LOAD] = { SECANNEX_DIAG_SYSERR, N_("cannot load the schema %s") },
	[SX_MSG_ROOT] = { SECANNEX_DIAG_ERROR,
	    N_("unknown document {%s}%s: expected %s") },
	[SX_MSG_NOT_NFC] = { SECANNEX_DIAG_ERROR,
	    N_("text is not in Unicode NFC (U+%04X): write the composed form") },
	[SX_MSG_COMPAT_IDEO] = { SECANNEX_DIAG_ERROR,
	    N_("CJK compatibility ideograph U+%04X: write the unified ideograph") },
	[SX_MSG_NBSP] = { SECANNEX_DIAG_ERROR,
	    N_("no-break space U+00A0 in text: write an ordinary space") },
	[SX_MSG_SPACE_EDGE] = { SECANNEX_DIAG_ERROR,
	    N_("<%s> text starts or ends with white space") },
	[SX_MSG_DUP_ID] = { SECANNEX_DIAG_ERROR, N_("duplicate id '%s' (first defined at line %d)") },
	[SX_MSG_ID_TYPE] = { SECANNEX_DIAG_ERROR,
	    N_("row id '%s' does not belong to type '%s' (expected TYPE-NN: the type's id and the row's number in two or more digits, as dev-07 or dev-120)") },
	[SX_MSG_ID_SEQ] = { SECANNEX_DIAG_ERROR,
	    N_("row id '%s' is out of order (between '%s' and '%s'): row numbers increase in source order, gaps allowed") },
	[SX_MSG_COND_NOTE] = { SECANNEX_DIAG_ERROR,
	    N_("row '%s': condition '%s' is not stated by the row's note (it needs a note saying %s)") },
	[SX_MSG_NOTE_COND] = { SECANNEX_DIAG_ERROR,
	    N_("row '%s': the note says %s, but the row has no <condition kind=\"%s\"%s/>") },
	[SX_MSG_BLANK_NAME] = { SECANNEX_DIAG_ERROR,
	    N_("unknown blank '%s' (known: scan-risk-level, system-grade, baseline-grade)") },
	[SX_MSG_AREA_REF] = { SECANNEX_DIAG_ERROR,
	    N_("baseline area '%s' is not an area of 附表十") },
	[SX_MSG_AREA_UNCHECKED] = { SECANNEX_DIAG_WARNING,
	    N_("baseline area '%s' not checked: no regulation catalog loaded") },
	[SX_MSG_TIER_MARK] = { SECANNEX_DIAG_ERROR,
	    N_("row '%s' has a tier for a grade marked '-'") },
	[SX_MSG_MARK_COND] = { SECANNEX_DIAG_ERROR,
	    N_("row '%s': a %s mark needs <condition kind=\"%s\"/> and that condition needs a %s mark") },
	[SX_MSG_COND_MARK] = { SECANNEX_DIAG_ERROR,
	    N_("row '%s': condition '%s' needs a %s mark at some grade") },
	[SX_MSG_COND_DUP] = { SECANNEX_DIAG_ERROR, N_("row '%s' repeats a condition") },
	[SX_MSG_GRADE_COVER] = { SECANNEX_DIAG_ERROR,
	    N_("measure '%s': grade %s is covered by %d cells (exactly one needed)") },
	[SX_MSG_INCLUDE_UP] = { SECANNEX_DIAG_ERROR,
	    N_("measure '%s': a cell of grade %s can only include lower grades") },
	[SX_MSG_DUTY_DUP] = { SECANNEX_DIAG_ERROR,
	    N_("a second duties table for level %s, kind %s") },
	[SX_MSG_DUTY_MISSING] = { SECANNEX_DIAG_ERROR,
	    N_("no duties table for level %s, kind %s") },
	[SX_MSG_DUTY_KIND] = { SECANNEX_DIAG_ERROR,
	    N_("level %s mixes a kind-specific table with a table for all agencies") },
	[SX_MSG_TEXT_UTF8] = { SECANNEX_DIAG_ERROR, N_("%sinvalid UTF-8") },
	[SX_MSG_TEXT_CONTROL] = { SECANNEX_DIAG_ERROR, N_("%scontrol character U+%04X is not allowed") },
	[SX_MSG_TEXT_BLANK] = { SECANNEX_DIAG_ERROR, N_("%swhite space only") },
	[SX_MSG_TEXT_LONG] = { SECANNEX_DIAG_ERROR, N_("%slonger than %d characters") },
	[SX_MSG_BAD_VALUE] = { SECANNEX_DIAG_ERROR, N_("%s") },
	[SX_MSG_BAD_GRADE] = { SECANNEX_DIAG_ERROR,
	    N_("unknown grade '%s' (expected 高|中|普 or high|medium|normal)") },
	[SX_MSG_BAD_LEVEL] = { SECANNEX_DIAG_ERROR,
	    N_("unknown responsibility level '%s' (expected A, B, C, D or E)") },
	[SX_MSG_BAD_KIND] = { SECANNEX_DIAG_ERROR, N_("unknown agency kind '%s' (expected 公務機關 or 特定非公務機關, or public or special)") },
	[SX_MSG_BAD_YESNO] = { SECANNEX_DIAG_ERROR, N_("expected 是 or 否 (yes or no), not '%s'") },
	[SX_MSG_BAD_DATE] = { SECANNEX_DIAG_ERROR,
	    N_("'%s' is not a valid date: write 2026-11-20, 115-11-20, 115/11/20 or (中華民國)115年11月20日") },
	[SX_MSG_DATE_FIELD] = { SECANNEX_DIAG_ERROR,
	    N_("<date> '%s' is not a valid date: write 2026-11-20, 115-11-20, 115/11/20 or (中華民國)115年11月20日") },
	[SX_MSG_NEED_VALUE] = { SECANNEX_DIAG_ERROR, N_("needs a value") },
	[SX_MSG_NEED_ROW] = { SECANNEX_DIAG_ERROR, N_("needs a row id") },
	[SX_MSG_NEED_ROW_REASON] = { SECANNEX_DIAG_ERROR, N_("needs a row id and a reason (ID=REASON)") },
	[SX_MSG_UNKNOWN_FIELD] = { SECANNEX_DIAG_ERROR, N_("unknown profile field '%s'") },
	[SX_MSG_BLANK_TWICE] = { SECANNEX_DIAG_ERROR, N_("the blank %s is given twice") },
	[SX_MSG_ELEMENT_TWICE] = { SECANNEX_DIAG_ERROR, N_("<%s> is given twice (first at line %d)") },
	[SX_MSG_GRADE_DIMS] = { SECANNEX_DIAG_ERROR,
	    N_("<%s> and <%s> (line %d) exclude each other: give the grade or the four 附表九 dimensions") },
	[SX_MSG_BAD_REF] = { SECANNEX_DIAG_ERROR, N_("'%s' is not a row id (TYPE-NN, as dev-13)") },
	[SX_MSG_NO_TYPE] = { SECANNEX_DIAG_ERROR, N_("the procurement type is not given (--type or <type>)") },
	[SX_MSG_NO_GRADE] = { SECANNEX_DIAG_ERROR,
	    N_("the system grade is not given (--grade, or the four 附表九 dimensions)") },
	[SX_MSG_NO_DIMS] = { SECANNEX_DIAG_ERROR,
	    N_("the grade needs all four dimensions (--confidentiality --integrity --availability --legal)") },
	[SX_MSG_NO_LEVEL] = { SECANNEX_DIAG_ERROR,
	    N_("the agency's responsibility level is not given (--level A-E or <agency-level>)") },
	[SX_MSG_UNKNOWN_TYPE] = { SECANNEX_DIAG_ERROR,
	    N_("unknown procurement type '%s' (see 'secannex types')") },
	[SX_MSG_UNKNOWN_ROW] = { SECANNEX_DIAG_ERROR, N_("unknown row '%s'") },
	[SX_MSG_FOREIGN_ROW] = { SECANNEX_DIAG_ERROR,
	    N_("row '%s' belongs to type '%s', not to this tender's type '%s'") },
	[SX_MSG_NEED_REASON] = { SECANNEX_DIAG_ERROR,
	    N_("%s of row '%s' needs a reason (ID=REASON)") },
	[SX_MSG_CHOOSE_NA] = { SECANNEX_DIAG_ERROR,
	    N_("row '%s' is marked - (不適用) at grade %s and cannot be chosen") },
	[SX_MSG_CHOOSE_SPECIAL] = { SECANNEX_DIAG_ERROR,
	    N_("row '%s' may be chosen only for a 特殊或巨額採購 (set --special-procurement)") },
	[SX_MSG_DEC_MARK] = { SECANNEX_DIAG_ERROR,
	    N_("%s does not apply to row '%s', marked %s at grade %s") },
	[SX_MSG_EXCLUDE_PERSONAL] = { SECANNEX_DIAG_ERROR,
	    N_("row '%s' cannot be left out: its note makes it required when personal data is involved") },
	[SX_MSG_EXCLUDE_LEVEL] = { SECANNEX_DIAG_ERROR,
	    N_("row '%s' cannot be left out: its note makes it 必選 at this agency's level") },
	[SX_MSG_CONFLICT] = { SECANNEX_DIAG_ERROR,
	    N_("conflicting decisions on row '%s': %s and %s") },
	[SX_MSG_REDUNDANT] = { SECANNEX_DIAG_WARNING,
	    N_("row '%s' is already required (%s): the choice changes nothing") },
	[SX_MSG_REDUNDANT_COND] = { SECANNEX_DIAG_WARNING,
	    N_("row '%s' is already required (by its note's condition): the choice changes nothing") },
	[SX_MSG_BASELINE_LOW] = { SECANNEX_DIAG_ERROR,
	    N_("the baseline grade %s is below the system grade %s") },
	[SX_MSG_UNFILLED] = { SECANNEX_DIAG_WARNING,
	    N_("row '%s': blank '%s' has no value (set --scan-risk or <blank name=\"scan-risk-level\">); it stays visible") },
	[SX_MSG_UNFILLED_NOTE] = { SECANNEX_DIAG_WARNING,
	    N_("%s: blank '%s' has no value; it stays visible as ___") },
	[SX_MSG_BLANK_UNUSED] = { SECANNEX_DIAG_ERROR,
	    N_("blank '%s' cannot be set in a profile (it is filled from the grades)") },
	[SX_MSG_DOC_UNKNOWN] = { SECANNEX_DIAG_ERROR, N_("unknown document '%s'") },
	[SX_MSG_DOC_FORMAT] = { SECANNEX_DIAG_ERROR, N_("the %s cannot be written as %s") },
	[SX_MSG_NOTE_AUDIENCE] = { SECANNEX_DIAG_ERROR,
	    N_("row '%s': a note that states the condition '%s' is for the %s: <note audience=\"%s\">") },
	[SX_MSG_QUALIFICATION] = { SECANNEX_DIAG_ERROR,
	    N_("row '%s': the note %s 「%s」: %s") },
	[SX_MSG_PENDING] = { SECANNEX_DIAG_ERROR,
	    N_("row '%s' awaits the CISO's decision (▲): give --ciso-confirm or --ciso-decline ID=REASON "
	    "before the %s is published, or write it as a --draft") },
	[SX_MSG_OUT_SYMLINK] = { SECANNEX_DIAG_ERROR,
	    N_("the output is a symbolic link that cannot be followed: %s") },
	[SX_MSG_OUT_DIR] = { SECANNEX_DIAG_ERROR, N_("the output is a directory") },
	[SX_MSG_OUT_NOT_REGULAR] = { SECANNEX_DIAG_ERROR, N_("the output exists and is not a regular file") },
	[SX_MSG_OUT_CREATE] = { SECANNEX_DIAG_ERROR, N_("cannot create the output file: %s") },
	[SX_MSG_OUT_WRITE] = { SECANNEX_DIAG_ERROR, N_("cannot write the output file: %s") },
	[SX_MSG_OUT_REPLACE] = { SECANNEX_DIAG_ERROR, N_("cannot replace the output file: %s") },
	[SX_MSG_ZIP] = { SECANNEX_DIAG_SYSERR, N_("cannot build the package (%s): %s") },
	[SX_MSG_XML_WRITE] = { SECANNEX_DIAG_SYSERR, N_("cannot write the XML parts") },
	[SX_MSG_REF_NOT_ZIP] = { SECANNEX_DIAG_ERROR,
	    N_("not a reference document: not a ZIP package (%s); give the agency's .docx or .odt") },
	[SX_MSG_REF_ENTRIES] = { SECANNEX_DIAG_ERROR,
	    N_("the package has %lld entries, over the limit of %d") },
	[SX_MSG_REF_ENTRY_BIG] = { SECANNEX_DIAG_ERROR,
	    N_("ZIP entry %s is %llu bytes uncompressed, over the limit of %zu bytes") },
	[SX_MSG_REF_ZIP_READ] = { SECANNEX_DIAG_ERROR, N_("cannot read ZIP entry %s: %s") },
	[SX_MSG_REF_KIND] = { SECANNEX_DIAG_ERROR,
	    N_("the reference document is %s, but the output is %s: give a %s file") },
	[SX_MSG_REF_MISSING] = { SECANNEX_DIAG_ERROR, N_("not %s reference document: it has no %s") },
	[SX_MSG_REF_XML] = { SECANNEX_DIAG_ERROR, N_("%s:%d: %s") },
	[SX_MSG_REF_LINK] = { SECANNEX_DIAG_ERROR, N_("%s refers to %s, which is not in the package") },
	[SX_MSG_REF_UNSUPPORTED] = { SECANNEX_DIAG_ERROR,
	    N_("%s: %s cannot be taken over (a header or footer may hold text, fields and pictures)") },
	[SX_MSG_REF_FORMAT] = { SECANNEX_DIAG_ERROR,
	    N_("a %s file takes no reference document (only odt and docx do)") },
	[SX_MSG_EXPLAIN_UNKNOWN] = { SECANNEX_DIAG_ERROR,
	    N_("'%s' is no row of the 修正對照表: give NEW's row id, deleted:OLD-ID or metadata") },
	[SX_MSG_EXPLAIN_SAME] = { SECANNEX_DIAG_ERROR,
	    N_("'%s' did not change: it has no row in the 修正對照表 to explain") },
	[SX_MSG_EXPLAIN_DUP] = { SECANNEX_DIAG_ERROR,
	    N_("a second explanation of '%s' (the first is at line %d)") },
	[SX_MSG_MIGRATE_OLD] = { SECANNEX_DIAG_ERROR,
	    N_("%s %s: the row is not in the old catalog, so it cannot be carried to the new one") },
	[SX_MSG_MIGRATE_LOST] = { SECANNEX_DIAG_ERROR,
	    N_("%s %s: the row has no counterpart in the new catalog (deleted there); --force drops the decision") },
	[SX_MSG_MIGRATE_UNFIT] = { SECANNEX_DIAG_ERROR,
	    N_("%s %s (the new catalog's %s) no longer fits: see the error above; --force drops the decision") },
	[SX_MSG_MIGRATE_DROP] = { SECANNEX_DIAG_WARNING, N_("%s %s dropped (--force)") },
	[SX_MSG_MIGRATE_NONE] = { SECANNEX_DIAG_ERROR,
	    N_("the profile cannot be carried to the new catalog: nothing written") },
	[SX_MSG_NO_PROCUREMENT] = { SECANNEX_DIAG_ERROR, N_("no 一覽表 catalog is loaded") },
	[SX_MSG_NO_REGULATION] = { SECANNEX_DIAG_ERROR, N_("no 分級辦法 catalog is loaded") },
	[SX_MSG_NO_CATALOG] = { SECANNEX_DIAG_ERROR, N_("the catalog is not loaded") },
	[SX_MSG_UNKNOWN_AREA] = { SECANNEX_DIAG_ERROR,
	    N_("unknown 附表十 area '%s' (ids: ac au cp ia sa sc si, or the area's name)") },
	[SX_MSG_NO_DUTIES] = { SECANNEX_DIAG_ERROR, N_("no duties table for level %c") },
	[SX_MSG_ARTICLE_DUP] = { SECANNEX_DIAG_ERROR, N_("article %d appears twice") },
	[SX_MSG_DID_YOU_MEAN] = { SECANNEX_DIAG_ERROR, N_("did you mean: %s?") },
	[SX_MSG_DID_YOU_MEAN_ONE_OF] = { SECANNEX_DIAG_ERROR, N_("did you mean one of: %s?") },
	/* TRANSLATORS: the names of "did you mean one of: %s?": the list so far, the next name */
	[SX_MSG_HINT_LIST] = { SECANNEX_DIAG_ERROR, N_("%s, %s") },
	/* TRANSLATORS: an error message, then its "did you mean" hint */
	[SX_MSG_WITH_HINT] = { SECANNEX_DIAG_ERROR, N_("%s; %s") },
	[SX_MSG_PROF_UNKNOWN] = { SECANNEX_DIAG_ERROR, N_("<%s> is not allowed in <%s> (allowed: %s)") },
	[SX_MSG_PROF_NO_CHILD] = { SECANNEX_DIAG_ERROR,
	    N_("<%s> is not allowed in <%s>, which holds only a value") },
	[SX_MSG_PROF_TEXT] = { SECANNEX_DIAG_ERROR, N_("<%s> cannot hold text (found '%s')") },
	[SX_MSG_PROF_EMPTY] = { SECANNEX_DIAG_ERROR, N_("<%s> is empty: write its value") },
	[SX_MSG_PROF_VALUE] = { SECANNEX_DIAG_ERROR,
	    N_("the value '%s' of <%s> is not valid: expected one of %s") },
	[SX_MSG_PROF_MISSING] = { SECANNEX_DIAG_ERROR, N_("<%s> needs <%s>") },
	[SX_MSG_PROF_ATTR_MISSING] = { SECANNEX_DIAG_ERROR, N_("<%s> needs the attribute %s") },
	[SX_MSG_PROF_ATTR_UNKNOWN] = { SECANNEX_DIAG_ERROR,
	    N_("<%s> has no attribute %s (allowed: %s)") },
	[SX_MSG_PROF_ATTR_NONE] = { SECANNEX_DIAG_ERROR, N_("<%s> takes no attributes (found %s)") },
	[SX_MSG_PROF_ATTR_VALUE] = { SECANNEX_DIAG_ERROR,
	    N_("the value '%s' of %s on <%s> is not valid: expected %s") },
	[SX_MSG_PROF_NS] = { SECANNEX_DIAG_ERROR,
	    N_("<%s> is in the namespace '%s': a profile's elements are in %s") },
	[SX_MSG_PROF_NO_NS] = { SECANNEX_DIAG_ERROR,
	    N_("<%s> is in no namespace: a profile's elements are in %s") },
	[SX_MSG_PROF_TWICE] = { SECANNEX_DIAG_ERROR,
	    N_("<%s> may appear only once in <%s> (the first is at line %d)") },
	[SX_MSG_PROF_EXCLUDES] = { SECANNEX_DIAG_ERROR,
	    N_("<%s> cannot stand beside <%s> (line %d): give the grade or the four 附表九 dimensions") },
	[SX_MSG_PROF_ROOT] = { SECANNEX_DIAG_ERROR,
	    N_("not a tender profile: the root is <%s> in the namespace '%s', not <profile> in urn:secannex:profile:1") },
	[SX_MSG_PROF_SCHEMA] = { SECANNEX_DIAG_ERROR,
	    N_("the profile does not match its schema (the schema's message follows)") },
	[SX_MSG_LIST_SEP] = { SECANNEX_DIAG_OK, N_(", ") },
	[SX_MSG_HINT_GRADE] = { SECANNEX_DIAG_OK, N_("高, 中, 普 (or 高級, 中級, 普級, high, medium, normal)") },
	[SX_MSG_HINT_LEVEL] = { SECANNEX_DIAG_OK, N_("A, B, C, D, E (or A級 … E級)") },
	[SX_MSG_HINT_KIND] = { SECANNEX_DIAG_OK,
	    N_("公務機關, 特定非公務機關 (or public, special)") },
	[SX_MSG_HINT_YESNO] = { SECANNEX_DIAG_OK, N_("是, 否 (or yes, no)") },
	[SX_MSG_HINT_REF] = { SECANNEX_DIAG_OK, N_("a row id TYPE-NN, as dev-13") },
	/* TRANSLATORS: the second %s is libxlsxwriter's own message (English) */
	[SX_MSG_XLSX] = { SECANNEX_DIAG_ERROR, N_("cannot write the workbook (%s): %s") },
	[SX_MSG_RESP_KIND] = { SECANNEX_DIAG_ERROR,
	    N_("cannot tell the response's format: name it .xlsx, .ods, .docx, .odt or .csv") },
	[SX_MSG_RESP_NOT_ZIP] = { SECANNEX_DIAG_ERROR,
	    N_("not a workbook or document: not a ZIP package (%s); an .xlsx, .ods, .docx or .odt response is one") },
	[SX_MSG_RESP_ENCODING] = { SECANNEX_DIAG_ERROR,
	    N_("the file is neither UTF-8 nor Big5 (CP950): save it as CSV UTF-8") },
	[SX_MSG_RESP_BIG5] = { SECANNEX_DIAG_WARNING,
	    N_("the file is Big5 (CP950), not UTF-8: read it converted") },
	[SX_MSG_RESP_QUOTE] = { SECANNEX_DIAG_ERROR, N_("a quoted field is not closed") },
	[SX_MSG_RESP_PART] = { SECANNEX_DIAG_ERROR, N_("not a filled-in matrix: the package has no %s") },
	[SX_MSG_RESP_NO_SHEET] = { SECANNEX_DIAG_ERROR, N_("the workbook has no sheet to read") },
	[SX_MSG_RESP_NO_HEADER] = { SECANNEX_DIAG_ERROR,
	    N_("no table with the columns 編號, 要求內容 and 符合情形: not a secannex compliance matrix") },
	[SX_MSG_RESP_MANY] = { SECANNEX_DIAG_ERROR,
	    N_("row '%s': more than one answer in 符合情形 ('%s'): counted as 未填") },
	[SX_MSG_RESP_UNKNOWN] = { SECANNEX_DIAG_ERROR,
	    N_("row '%s': 符合情形 '%s' is not 符合, 部分符合 or 不符合 (nor one ticked box): counted as 未填") },
	[SX_MSG_RESP_ALTERED] = { SECANNEX_DIAG_ERROR,
	    N_("row '%s': 要求內容 differs from the tender's ([-tender-] {+response+}): %s") },
	[SX_MSG_RESP_EXTRA] = { SECANNEX_DIAG_ERROR, N_("row '%s' is not in this tender's matrix") },
	[SX_MSG_RESP_NO_ID] = { SECANNEX_DIAG_ERROR, N_("a row without 編號 (the row id): ignored") },
	[SX_MSG_RESP_DUP] = { SECANNEX_DIAG_ERROR,
	    N_("row '%s' appears twice (first at line %d): this one is ignored") },
	[SX_MSG_RESP_MISSING] = { SECANNEX_DIAG_ERROR,
	    N_("row '%s' (項次 %s) is missing from the response") },
	[SX_MSG_RESP_CASE] = { SECANNEX_DIAG_ERROR,
	    N_("the response's 案號 '%s' is not this tender's ('%s')") },
	[SX_MSG_RESP_ROWS] = { SECANNEX_DIAG_ERROR,
	    N_("more than %d rows: not a compliance matrix") },
};

secannex_diags *
secannex_diags_new(void)
{
	return sx_calloc(1, sizeof(secannex_diags));
}

void
secannex_diags_free(secannex_diags *d)
{
	if (d == NULL)
		return;
	for (size_t i = 0; i < d->n; i++) {
		free(d->v[i].file);
		free(d->v[i].msg);
	}
	free(d->v);
	free(d);
}

size_t
secannex_diags_count(const secannex_diags *d)
{
	return d ? d->n : 0;
}

secannex_level
secannex_diags_worst(const secannex_diags *d)
{
	secannex_level w = SECANNEX_DIAG_OK;

	for (size_t i = 0; d && i < d->n; i++)
		if (d->v[i].level > w)
			w = d->v[i].level;
	return w;
}

void
sx_diag_raw(secannex_diags *d, secannex_level level, const char *file, int line,
    const char *msg)
{
	if (d == NULL)
		return;
	if (d->n == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 8;
		d->v = sx_realloc(d->v, d->cap * sizeof(*d->v));
	}
	d->v[d->n].file = sx_strdup(file ? file : "-");
	d->v[d->n].line = line;
	d->v[d->n].level = level;
	d->v[d->n].msg = sx_strdup(msg);
	d->n++;
}

void
sx_diag(secannex_diags *d, enum sx_msg m, const char *file, int line, ...)
{
	sx_buf b = SX_BUF_INIT;
	va_list ap;

	va_start(ap, line);
	sx_buf_vprintf(&b, _(msgs[m].fmt), ap);
	va_end(ap);
	sx_diag_raw(d, msgs[m].level, file, line, b.ptr ? b.ptr : "");
	sx_buf_free(&b);
}

char *
sx_msg_text(enum sx_msg m, ...)
{
	sx_buf b = SX_BUF_INIT;
	va_list ap;

	va_start(ap, m);
	sx_buf_vprintf(&b, _(msgs[m].fmt), ap);
	va_end(ap);
	return sx_buf_detach(&b);
}

char *
sx_msg_text_c(enum sx_msg m, ...)
{
	sx_buf b = SX_BUF_INIT;
	va_list ap;

	va_start(ap, m);
	sx_buf_vprintf(&b, msgs[m].fmt, ap);
	va_end(ap);
	return sx_buf_detach(&b);
}

void
sx_error_msg(enum sx_msg m, ...)
{
	sx_buf b = SX_BUF_INIT;
	va_list ap;

	va_start(ap, m);
	sx_buf_vprintf(&b, _(msgs[m].fmt), ap);
	va_end(ap);
	sx_error_set("%s", b.ptr);
	sx_buf_free(&b);
}

size_t
sx_diags_errors_since(const secannex_diags *d, size_t before)
{
	size_t n = 0;

	for (size_t i = before; d && i < d->n; i++)
		n += d->v[i].level >= SECANNEX_DIAG_ERROR;
	return n;
}

secannex_level
sx_msg_level(enum sx_msg m)
{
	return msgs[m].level;
}

const char *
sx_msg_format(enum sx_msg m)
{
	return msgs[m].fmt;
}

char *
secannex_diags_format(const secannex_diags *d, const char *prog)
{
	static const char *const names[] = { N_("ok"), N_("warning"), N_("error"), N_("error") };
	sx_buf b = SX_BUF_INIT;

	for (size_t i = 0; d && i < d->n; i++) {
		const struct sx_diag *g = &d->v[i];
		/* one problem found twice (both sides of an annex diff read one profile) prints once;
		 * the look-back is bounded so that a file with thousands of errors stays linear */
		size_t k = i > 256 ? i - 256 : 0;
		while (k < i && !(d->v[k].line == g->line && d->v[k].level == g->level &&
		    strcmp(d->v[k].file, g->file) == 0 && strcmp(d->v[k].msg, g->msg) == 0))
			k++;
		if (k < i)
			continue;
		if (g->line > 0)
			sx_buf_printf(&b, "%s: %s:%d: %s: %s\n", prog, g->file, g->line,
			    _(names[g->level]), g->msg);
		else
			sx_buf_printf(&b, "%s: %s: %s: %s\n", prog, g->file, _(names[g->level]), g->msg);
	}
	return sx_buf_detach(&b);
}

const char *
secannex_diags_get(const secannex_diags *d, size_t i, const char **file, int *line,
    secannex_level *level)
{
	if (d == NULL || i >= d->n)
		return NULL;
	if (file)
		*file = d->v[i].file;
	if (line)
		*line = d->v[i].line;
	if (level)
		*level = d->v[i].level;
	return d->v[i].msg;
}

/* main.c: the secannex command line: one option table drives parsing and --help; exit codes. */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <locale.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "../secannex.h"
#include "../lib/i18n.h"
#ifdef SECANNEX_SERVER
#include "serve.h"
#endif

/* Exit codes (documented in --help, man/secannex.1 and README). */
enum exit_code {
	EXIT_OK = 0,
	EXIT_DATA = 1,  /* bad input file, invalid catalog, unknown type/grade/row */
	EXIT_USAGE = 2  /* bad command line */
};

enum opt_id {
	OPT_CATALOG = 1000, OPT_REGULATION, OPT_DATADIR, OPT_FORMAT, OPT_GRADE, OPT_AREA,
	OPT_LEVEL, OPT_KIND, OPT_MAX_BYTES, OPT_PROFILE, OPT_STRICT, OPT_DIM, OPT_TENDER,
	OPT_VENDOR, OPT_TEMPLATES, OPT_OLD_PROFILE, OPT_NEW_PROFILE, OPT_OLD_CATALOG, OPT_NEW_CATALOG,
	OPT_AUTHOR, OPT_COLOR, OPT_DOCUMENT, OPT_LABEL, OPT_DRAFT, OPT_REFDOC,
	OPT_EXPLAIN, OPT_CHANGED_ONLY, OPT_VERBOSE, OPT_FORCE, OPT_MATRIX_DETAIL, OPT_SYSTEM, OPT_WHY,
	OPT_LISTEN, OPT_ALLOW_HOST,
	OPT_OUTPUT = 'o', OPT_HELP = 'h', OPT_VERSION = 'V'
};

/* The commands, as bits: each option lists the commands it applies to. */
enum cmd_bit {
	C_TYPES = 1 << 0, C_SHOW = 1 << 1, C_EXPORT = 1 << 2, C_BASELINE = 1 << 3,
	C_DUTIES = 1 << 4, C_VALIDATE = 1 << 5, C_RESOLVE = 1 << 6, C_GENERATE = 1 << 7,
	C_GRADE = 1 << 8, C_DIFF = 1 << 9, C_MIGRATE = 1 << 10, C_EVALUATE = 1 << 11, C_SERVE = 1 << 12,
	C_ALL = (1 << 13) - 1,
	C_TENDER = C_RESOLVE | C_GENERATE | C_DIFF | C_EVALUATE, /* the commands that resolve a tender */
	C_AGENCY = C_DUTIES | C_BASELINE | C_GRADE,  /* the commands that write an agency document */
	C_FMT = C_ALL & ~(C_VALIDATE | C_MIGRATE | C_SERVE)
};

/* One row per option: getopt_long's table, --help, the profile keys and which commands take
 * the option all come from here.  PROFILE names the profile field that the option sets. */
static const struct opt_spec {
	const char *name;
	int has_arg;  /* no_argument, required_argument, optional_argument */
	int id;
	const char *arg;
	const char *help;
	const char *profile;
	unsigned cmds; /* enum cmd_bit: the commands that accept it */
} opts[] = {
	{ "catalog", 1, OPT_CATALOG, "FILE", N_("the 一覽表 catalog to use (default: the installed one)"), NULL,
	    C_ALL },
	{ "regulation", 1, OPT_REGULATION, "FILE", N_("the 分級辦法 catalog to use (default: the installed one)"), NULL,
	    C_ALL },
	{ "data-dir", 1, OPT_DATADIR, "DIR", N_("where the catalogs and schemas are (default: built in)"), NULL,
	    C_ALL },
	{ "format", 1, OPT_FORMAT, "FMT", N_("output format: text (default), md (resolve) or json; odt, docx or csv (generate)"), NULL,
	    C_FMT },
	{ "output", 1, OPT_OUTPUT, "FILE", N_("generate, diff, duties, baseline, grade: the file to write (its extension picks the format); migrate: the new profile; evaluate: the evaluation record"), NULL,
	    C_GENERATE | C_DIFF | C_MIGRATE | C_AGENCY | C_EVALUATE },
	{ "document", 1, OPT_DOCUMENT, "DOC", N_("generate, diff: the document to write (below; default: the format's first)"), NULL,
	    C_GENERATE | C_DIFF },
	{ "label", 1, OPT_LABEL, "TEXT", N_("generate, diff -o, duties -o, baseline -o, grade -o: the attachment label above the title (附件三)"), NULL,
	    C_GENERATE | C_DIFF | C_AGENCY },
	{ "draft", 0, OPT_DRAFT, NULL, N_("generate: write a public document while ▲ rows are pending, marked 草稿; evaluate: the matrix was issued so"), NULL,
	    C_GENERATE | C_DIFF | C_EVALUATE },
	{ "reference-doc", 1, OPT_REFDOC, "FILE", N_("generate, diff -o, duties -o, baseline -o, grade -o: take styles, page header and footer from this .docx/.odt"), NULL,
	    C_GENERATE | C_DIFF | C_AGENCY },
	{ "vendor-matrix", 0, OPT_VENDOR, NULL, N_("generate: write the vendor's compliance matrix (= --document matrix)"), NULL,
	    C_GENERATE | C_DIFF },
	{ "matrix-detail", 1, OPT_MATRIX_DETAIL, "WHAT", N_("generate: the matrix's rows: requirements (default) or controls (a sub-row per 附表十 control); evaluate: default from the response's ids"), NULL,
	    C_GENERATE | C_EVALUATE },
	{ "template-dir", 1, OPT_TEMPLATES, "DIR", N_("generate, duties -o, baseline -o, grade -o: the ODT/DOCX templates (default: beside the catalog)"), NULL,
	    C_GENERATE | C_DIFF | C_AGENCY | C_EVALUATE | C_SERVE },
	{ "profile", 1, OPT_PROFILE, "FILE", N_("the tender profile (flags below override it)"), NULL,
	    C_TENDER | C_MIGRATE },
	{ "type", 1, OPT_TENDER, "TYPE", N_("procurement type id (see 'secannex types')"), "type",
	    C_TENDER },
	{ "grade", 1, OPT_GRADE, "G", N_("system grade: 高|中|普 or high|medium|normal"), "grade",
	    C_SHOW | C_BASELINE | C_TENDER },
	{ "confidentiality", 1, OPT_DIM, "G", N_("附表九 機密性 grade (with the other three: grade = highest)"), "confidentiality",
	    C_TENDER | C_GRADE },
	{ "integrity", 1, OPT_DIM, "G", N_("附表九 完整性 grade"), "integrity",
	    C_TENDER | C_GRADE },
	{ "availability", 1, OPT_DIM, "G", N_("附表九 可用性 grade"), "availability",
	    C_TENDER | C_GRADE },
	{ "legal", 1, OPT_DIM, "G", N_("附表九 法律遵循性 grade"), "legal",
	    C_TENDER | C_GRADE },
	{ "level", 1, OPT_LEVEL, "L", N_("agency responsibility level: A, B, C, D or E"), "level",
	    C_DUTIES | C_TENDER },
	{ "kind", 1, OPT_KIND, "KIND", N_("agency kind: public (公務機關) or special (特定非公務機關)"), "kind",
	    C_DUTIES | C_TENDER },
	{ "personal-data", 2, OPT_TENDER, "[=no]", N_("the service involves personal data"), "personal-data",
	    C_TENDER },
	{ "special-procurement", 2, OPT_TENDER, "[=no]", N_("a 特殊或巨額採購 (special or large procurement)"), "special-procurement",
	    C_TENDER },
	{ "scan-risk", 1, OPT_TENDER, "TEXT", N_("the 「未含___等級風險」 blank: risk level a scan report must not contain"), "scan-risk",
	    C_TENDER },
	{ "baseline", 1, OPT_TENDER, "G", N_("附表十 baseline grade, when set above the system grade"), "baseline",
	    C_TENDER },
	{ "choose", 1, OPT_TENDER, "ID", N_("include a ◎ row (repeatable)"), "choose",
	    C_TENDER },
	{ "exclude", 1, OPT_TENDER, "ID=REASON", N_("leave out a ● row, with the reason (repeatable)"), "exclude",
	    C_TENDER },
	{ "ciso-confirm", 1, OPT_TENDER, "ID", N_("the CISO confirmed a ▲ row (repeatable)"), "ciso-confirm",
	    C_TENDER },
	{ "ciso-decline", 1, OPT_TENDER, "ID=REASON", N_("the CISO declined a ▲ row, with the reason (repeatable)"), "ciso-decline",
	    C_TENDER },
	{ "agency", 1, OPT_TENDER, "TEXT", N_("機關 (agency name)"), "agency",
	    C_TENDER | C_AGENCY },
	{ "case", 1, OPT_TENDER, "TEXT", N_("案號 (case number)"), "case",
	    C_TENDER },
	{ "title", 1, OPT_TENDER, "TEXT", N_("案名 (tender title)"), "title",
	    C_TENDER },
	{ "date", 1, OPT_TENDER, "DATE", N_("the document date: 2026-11-20, or 民國 115-11-20, 115/11/20, 115年11月20日"), "date",
	    C_TENDER | C_AGENCY },
	{ "system", 1, OPT_SYSTEM, "NAME", N_("baseline -o, grade -o: 資通系統名稱 (the system's name)"), NULL,
	    C_BASELINE | C_GRADE },
	{ "why-confidentiality", 1, OPT_WHY, "TEXT", N_("grade -o: the rationale of the 機密性 grade"), NULL,
	    C_GRADE },
	{ "why-integrity", 1, OPT_WHY, "TEXT", N_("grade -o: the rationale of the 完整性 grade"), NULL,
	    C_GRADE },
	{ "why-availability", 1, OPT_WHY, "TEXT", N_("grade -o: the rationale of the 可用性 grade"), NULL,
	    C_GRADE },
	{ "why-legal", 1, OPT_WHY, "TEXT", N_("grade -o: the rationale of the 法律遵循性 grade"), NULL,
	    C_GRADE },
	{ "strict", 0, OPT_STRICT, NULL, N_("treat warnings (unfilled blanks) as errors"), NULL,
	    C_TENDER },
	{ "old-profile", 1, OPT_OLD_PROFILE, "FILE", N_("diff: the earlier revision of the tender profile"), NULL,
	    C_DIFF },
	{ "new-profile", 1, OPT_NEW_PROFILE, "FILE", N_("diff: the later revision of the tender profile"), NULL,
	    C_DIFF },
	{ "old-catalog", 1, OPT_OLD_CATALOG, "FILE", N_("diff, migrate: the 一覽表 the old profile is resolved with"), NULL,
	    C_DIFF | C_MIGRATE },
	{ "new-catalog", 1, OPT_NEW_CATALOG, "FILE", N_("diff, migrate: the 一覽表 the new profile is resolved with"), NULL,
	    C_DIFF | C_MIGRATE },
	{ "explain", 1, OPT_EXPLAIN, "FILE", N_("diff --document table: the reviewer's own 說明 per row (catalog/explain.rng)"), NULL,
	    C_DIFF },
	{ "changed-only", 0, OPT_CHANGED_ONLY, NULL, N_("diff -o: a redline of only the changed rows (with their headings)"), NULL,
	    C_DIFF },
	{ "verbose", 0, OPT_VERBOSE, NULL, N_("diff: also list annex rows whose only change is the generated reason"), NULL,
	    C_DIFF },
	{ "force", 0, OPT_FORCE, NULL, N_("migrate: drop, with a warning, decisions that cannot be carried over"), NULL,
	    C_MIGRATE },
	{ "author", 1, OPT_AUTHOR, "NAME", N_("diff -o: the author of the tracked changes (default secannex)"), NULL,
	    C_DIFF },
	{ "color", 1, OPT_COLOR, "WHEN", N_("diff: colour the text output: auto (default, on a terminal), always, never"), NULL,
	    C_DIFF },
	{ "listen", 1, OPT_LISTEN, "ADDR:PORT", N_("serve: the address to listen on (default 127.0.0.1:8470; port 0: any free one)"), NULL,
	    C_SERVE },
	{ "allow-host", 1, OPT_ALLOW_HOST, "NAME", N_("serve: a host name the app may be reached by, besides its address and localhost (repeatable)"), NULL,
	    C_SERVE },
	{ "area", 1, OPT_AREA, "AREA", N_("附表十 area id (ac au cp ia sa sc si) or name"), NULL,
	    C_BASELINE },
	{ "max-bytes", 1, OPT_MAX_BYTES, "N", N_("refuse input files larger than N bytes (default 8388608)"), NULL,
	    C_ALL },
	{ "help", 0, OPT_HELP, NULL, N_("show this help and exit"), NULL,
	    C_ALL },
	{ "version", 0, OPT_VERSION, NULL, N_("show the version and exit"), NULL,
	    C_ALL },
};
#define NOPTS (sizeof(opts) / sizeof(opts[0]))
_Static_assert(sizeof(opts) / sizeof(opts[0]) <= 64, "struct args.used holds 64 options");

/* A profile flag as given, applied after the profile file (so that flags override it). */
struct pflag {
	const char *key, *value;
};

struct args {
	const char *catalog, *regulation, *datadir, *format, *grade, *area, *level, *kind, *profile;
	const char *output, *templates, *old_profile, *new_profile, *old_catalog, *new_catalog;
	const char *author, *color, *document, *label, *reference_doc, *explain, *matrix_detail;
	const char *system, *why[4];   /* --system, --why-confidentiality … --why-legal */
	size_t max_bytes;
	int strict, vendor_matrix, draft, changed_only, verbose, force;
	int diff;       /* the command is diff: any error exits 2 */
	struct pflag *pflags;
	size_t npflags;
	const char *listen;
	const char **allow_hosts; /* --allow-host, in order */
	size_t nallow;
	unsigned char used[64]; /* used[i]: opts[i] was given */
};

typedef int (*cmd_fn)(const struct args *a, secannex_format fmt, int argc, char **argv);
static int cmd_types(const struct args *, secannex_format, int, char **);
static int cmd_show(const struct args *, secannex_format, int, char **);
static int cmd_export(const struct args *, secannex_format, int, char **);
static int cmd_baseline(const struct args *, secannex_format, int, char **);
static int cmd_duties(const struct args *, secannex_format, int, char **);
static int cmd_validate(const struct args *, secannex_format, int, char **);
static int cmd_resolve(const struct args *, secannex_format, int, char **);
static int cmd_generate(const struct args *, secannex_format, int, char **);
static int cmd_grade(const struct args *, secannex_format, int, char **);
static int cmd_diff(const struct args *, secannex_format, int, char **);
static int cmd_migrate(const struct args *, secannex_format, int, char **);
static int cmd_evaluate(const struct args *, secannex_format, int, char **);
static int cmd_serve(const struct args *, secannex_format, int, char **);

#define FMT(x) (1u << SECANNEX_FORMAT_##x)

/* One row per command (a command with two forms has a row per form, the first one dispatching):
 * its handler, the --format values it prints to standard output (0: --format is not taken or
 * names a file format), its synopsis and its summary. */
static const struct cmd_spec {
	const char *name;
	unsigned bit;
	cmd_fn run;
	unsigned formats;
	const char *synopsis;
	const char *help;
} cmds[] = {
	{ "types", C_TYPES, cmd_types, FMT(TEXT) | FMT(JSON), "types",
	    N_("list the nine procurement types: id, row count, name") },
	{ "show", C_SHOW, cmd_show, FMT(TEXT) | FMT(JSON), "show TYPE [--grade G]",
	    N_("the rows of a type (with that grade's mark)") },
	{ "export", C_EXPORT, cmd_export, FMT(JSON), "export --format json", N_("the whole catalog as JSON") },
	{ "baseline", C_BASELINE, cmd_baseline, FMT(TEXT) | FMT(JSON), "baseline --grade G [--area AREA] [-o FILE]",
	    N_("a grade's complete 附表十 control list (-o: a system's self-check, odt, docx or xlsx)") },
	{ "duties", C_DUTIES, cmd_duties, FMT(TEXT) | FMT(JSON), "duties --level L --kind public|special [-o FILE]",
	    N_("an agency's 附表一～八 duties (-o: the checklist, odt, docx or xlsx)") },
	{ "validate", C_VALIDATE, cmd_validate, 0, "validate FILE...",
	    N_("check catalog files (schema and rules); exit 0 when clean") },
	{ "resolve", C_RESOLVE, cmd_resolve, FMT(TEXT) | FMT(MD) | FMT(JSON), "resolve [--profile FILE] [FLAGS]",
	    N_("decide every row of one tender (status, reason)") },
	{ "generate", C_GENERATE, cmd_generate, 0, "generate [--profile FILE] [FLAGS] -o FILE",
	    N_("write a tender document (--document): .odt, .docx, or .csv (vendor matrix)") },
	{ "grade", C_GRADE, cmd_grade, FMT(TEXT) | FMT(JSON), "grade --confidentiality G --integrity G ... [-o FILE]",
	    N_("the system grade from the 附表九 dimensions (-o: the worksheet, odt or docx)") },
	{ "diff", C_DIFF, cmd_diff, FMT(TEXT) | FMT(MD) | FMT(JSON), "diff OLD.xml NEW.xml [FLAGS] [-o REDLINE]",
	    N_("catalog versions: what changed (exit 0 same, 1 differ, 2 error)") },
	{ "diff", C_DIFF, cmd_diff, FMT(TEXT) | FMT(MD) | FMT(JSON), "diff --old-profile A --new-profile B [-o REDLINE]",
	    N_("two revisions of one tender's annex") },
	{ "diff", C_DIFF, cmd_diff, FMT(TEXT) | FMT(MD) | FMT(JSON), "diff OLD NEW --document table [-o FILE]",
	    N_("the 修正對照表 of either diff (md, json; odt, docx)") },
	{ "migrate", C_MIGRATE, cmd_migrate, 0, "migrate --profile P --new-catalog NEW -o P2",
	    N_("carry a tender profile to a new catalog version") },
	{ "evaluate", C_EVALUATE, cmd_evaluate, FMT(TEXT) | FMT(MD) | FMT(JSON), "evaluate --profile P [FLAGS] RESPONSE [-o REC]",
	    N_("check a vendor's filled-in matrix (.xlsx .docx .odt .csv): exit 0 all 符合, 1 not, 2 error") },
	{ "evaluate", C_EVALUATE, cmd_evaluate, FMT(TEXT) | FMT(MD) | FMT(JSON), "evaluate --profile P [FLAGS] A B ... [-o CMP]",
	    N_("several bidders' matrices side by side, with totals per bidder") },
	{ "serve", C_SERVE, cmd_serve, 0, "serve [--listen ADDR:PORT] [--allow-host NAME]...",
	    N_("the local web application and its HTTP API (until Ctrl-C)") },
};
#define NCMDS (sizeof(cmds) / sizeof(cmds[0]))

static const struct cmd_spec *
find_cmd(const char *name)
{
	for (size_t i = 0; i < NCMDS; i++)
		if (strcmp(cmds[i].name, name) == 0)
			return &cmds[i];
	return NULL;
}

/* What goes after an item of a list with LEFT more: ", ", " or " before the last, "" after it. */
static const char *
S_sep(int left)
{
	/* TRANSLATORS: between the items of a list ("odt, docx or csv"), then before the last */
	return left > 1 ? _(", ") : left == 1 ? _(" or ") : "";
}

/* "odt, docx or csv": the names of the formats in MASK. */
static const char *
format_list(unsigned mask, char *buf, size_t n)
{
	size_t len = 0, left = 0;

	for (int f = 0; f < SECANNEX_FORMAT__COUNT; f++)
		left += (mask >> f) & 1;
	buf[0] = '\0';
	for (int f = 0; f < SECANNEX_FORMAT__COUNT && len < n; f++) {
		if (!((mask >> f) & 1))
			continue;
		left--;
		len += (size_t)snprintf(buf + len, n - len, "%s%s", secannex_format_get(f)->name,
		    S_sep(left));
	}
	return buf;
}

/* The formats written to files (with -o); REDLINE: only those that track changes. */
static unsigned
file_formats(int redline)
{
	unsigned m = 0;

	for (int f = 0; f < SECANNEX_FORMAT__COUNT; f++) {
		const secannex_format_info *fi = secannex_format_get(f);
		if (fi->is_file && (!redline || fi->tracks_changes))
			m |= 1u << f;
	}
	return m;
}

static void
usage(FILE *f)
{
	fputs(_("usage: secannex COMMAND [OPTIONS] [ARGS]\n\ncommands:\n"), f);
	for (size_t i = 0; i < NCMDS; i++)
		fprintf(f, "  secannex %-40s %s\n", cmds[i].synopsis, _(cmds[i].help));
	fputs(_("\noptions:\n"), f);
	for (size_t i = 0; i < NOPTS; i++) {
		char left[64];
		snprintf(left, sizeof(left), "--%s%s%s", opts[i].name,
		    opts[i].arg && opts[i].has_arg != 2 ? " " : "", opts[i].arg ? opts[i].arg : "");
		fprintf(f, "  %-28s %s\n", left, _(opts[i].help));
	}
	fputs(_("\ndocuments (--document DOC; the formats each is written in):\n"), f);
	for (size_t i = 0; i < secannex_document_count(); i++) {
		const secannex_document_info *di = secannex_document_get(i);
		char fl[128];
		fprintf(f, "  %-10s %s (%s)\n", di->name, _(di->summary), format_list(di->formats, fl,
		    sizeof(fl)));
	}
	fputs(_("\nformats (--format FMT, or the extension of -o FILE):\n"), f);
	for (int i = 0; i < SECANNEX_FORMAT__COUNT; i++) {
		const secannex_format_info *fi = secannex_format_get(i);
		fprintf(f, "  %-10s %s%s%s\n", fi->name, _(fi->summary), fi->extension ? ", " : "",
		    fi->extension ? fi->extension : "");
	}
	fputs(_("\nan option applies only to the commands that name it or use it (FLAGS: the tender\n"
	      "options from --profile to --strict, for resolve, generate and diff); elsewhere it is a\n"
	      "usage error.\n"), f);
	fputs(_("\nexit status: 0 success; 1 bad input or data (invalid file, unknown type or row);\n"
	      "2 usage error.  Diagnostics: secannex: FILE:LINE: error: MESSAGE\n"), f);
}

static int usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static int
usage_error(const char *fmt, ...)
{
	va_list ap;

	fputs("secannex: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\n%s\n", _("Try 'secannex --help'."));
	return EXIT_USAGE;
}

/* A usage error about the unknown NAME, MSG (translated, with NAME in it), with a "did you mean"
 * among the N names NAMES, each after PREFIX. */
static int
usage_error_near(const char *msg, const char *name, const char *const *names, size_t n,
    const char *prefix)
{
	char *s = secannex_suggest(msg, name, names, n, prefix);
	int rc = usage_error("%s", s);

	free(s);
	return rc;
}

/* An unknown long option ARG ("--levl" or "--levl=A"), with the closest options. */
static int
unknown_option(const char *arg)
{
	const char *names[NOPTS];
	char msg[512], word[128];
	size_t len = strcspn(arg, "=");

	for (size_t i = 0; i < NOPTS; i++)
		names[i] = opts[i].name;
	snprintf(word, sizeof(word), "%.*s", (int)(len < sizeof(word) ? len : sizeof(word) - 1), arg);
	snprintf(msg, sizeof(msg), _("unknown option '%s'"), arg);
	return usage_error_near(msg, word + strspn(word, "-"), names, NOPTS, "--");
}

/* An unknown COMMAND, with the closest commands. */
static int
unknown_command(const char *command)
{
	const char *names[NCMDS];
	char msg[512];

	for (size_t i = 0; i < NCMDS; i++)
		names[i] = cmds[i].name;
	snprintf(msg, sizeof(msg), _("unknown command '%s'"), command);
	return usage_error_near(msg, command, names, NCMDS, NULL);
}

/* The data directory: --data-dir, $SECANNEX_DATADIR, the source tree for an uninstalled build,
 * else the installed $(pkgdatadir).  *BUILTIN (may be NULL) is 1 for the last two: the directories
 * that hold the shipped catalogs, which a run may recognise by their digests (load()). */
static const char *
data_dir_of(const struct args *a, int *builtin)
{
	static char exe[PATH_MAX];
	static const char *found; /* the built-in one, looked up once */
	const char *env = getenv("SECANNEX_DATADIR");
	ssize_t n;

	if (builtin)
		*builtin = 0;
	if (a->datadir)
		return a->datadir;
	if (env && *env)
		return env;
	if (builtin)
		*builtin = 1;
	if (found)
		return found;
	found = SECANNEX_PKGDATADIR;
	n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n > 0) {
		char *slash;
		exe[n] = '\0';
		if ((slash = strrchr(exe, '/')) != NULL)
			*slash = '\0';
		if (strcmp(exe, SECANNEX_BUILDDIR) == 0)
			found = SECANNEX_SRCDATADIR;
	}
	return found;
}

static const char *
data_dir(const struct args *a)
{
	return data_dir_of(a, NULL);
}

static int
print_diags(secannex_diags *d)
{
	char *s = secannex_diags_format(d, "secannex");

	fputs(s, stderr);
	free(s);
	return secannex_diags_worst(d) >= SECANNEX_DIAG_ERROR ? EXIT_DATA : EXIT_OK;
}

/* Load the catalog files a command needs: the 一覽表 (WANT_PROC), the 分級辦法 (WANT_REG).  A
 * command that shows only the 一覽表 reads the regulation only when the 一覽表 must be checked
 * against it (an edited copy), unless --regulation names one.  The files of the built-in data
 * directory may be recognised as the shipped ones (same size and SHA-256 as validated at build
 * time) and then skip the checks they passed there; --catalog, --regulation, --data-dir and
 * $SECANNEX_DATADIR files always get every check. */
static int
load(secannex_catalog **cat, const struct args *a, int want_proc, int want_reg)
{
	static char ppath[PATH_MAX], rpath[PATH_MAX];
	int builtin;
	const char *dir = data_dir_of(a, &builtin);
	secannex_load_opts lo = { NULL, NULL, dir, a->max_bytes, 0 };
	secannex_diags *d = secannex_diags_new();
	int rc;

	snprintf(ppath, sizeof(ppath), "%s/procurement.xml", dir);
	snprintf(rpath, sizeof(rpath), "%s/regulation.xml", dir);
	if (want_proc) {
		lo.procurement_path = a->catalog ? a->catalog : ppath;
		if (builtin && !a->catalog)
			lo.flags |= SECANNEX_LOAD_SHIPPED_PROCUREMENT;
	}
	if (want_reg || want_proc) {
		lo.regulation_path = a->regulation ? a->regulation : rpath;
		if (builtin && !a->regulation)
			lo.flags |= SECANNEX_LOAD_SHIPPED_REGULATION;
		if (!want_reg && !a->regulation)
			lo.flags |= SECANNEX_LOAD_REGULATION_FOR_CHECKS;
	}
	rc = secannex_catalog_load(cat, &lo, d);
	print_diags(d);
	secannex_diags_free(d);
	return rc == 0 ? EXIT_OK : EXIT_DATA;
}

/* Whether anything was printed on standard output, and whether a failure to write it has been
 * reported (it is reported once). */
static int out_used, out_failed;

/* Standard output could not be written (ERR: errno): say so once.  Returns EXIT_DATA. */
static int
out_error(int err)
{
	if (!out_failed) {
		fprintf(stderr, "secannex: %s: ", _("error"));
		fprintf(stderr, _("cannot write standard output: %s\n"), strerror(err));
	}
	out_failed = 1;
	return EXIT_DATA;
}

/* Print S (a rendering, freed here) on standard output, flushed and checked: a full disk, a
 * closed pipe or /dev/full is an error, never a silent loss.  NULL: the library's last error. */
static int
emit(char *s)
{
	if (s == NULL) {
		fprintf(stderr, "secannex: %s: %s\n", _("error"), secannex_error_last());
		return EXIT_DATA;
	}
	errno = 0;
	out_used = 1;
	fputs(s, stdout);
	free(s);
	if (fflush(stdout) != 0 || ferror(stdout))
		return out_error(errno ? errno : EIO);
	return EXIT_OK;
}

/* At exit, whatever the command: standard output flushed, checked and closed.  An error that
 * the command did not see turns a success into EXIT_DATA (diff: 2, any error as diff(1)). */
static int
finish_stdout(int rc, int diff)
{
	int err = 0;

	/* nothing printed, nothing to lose (generate, validate): a failing close is no error */
	if (!out_used)
		return rc;
	errno = 0;
	if (fflush(stdout) != 0)
		err = errno ? errno : EIO;
	else if (ferror(stdout))
		err = EIO;
	if (fclose(stdout) != 0 && err == 0)
		err = errno ? errno : EIO;
	if (err == 0 && !out_failed)
		return rc;
	if (err)
		out_error(err);
	if (diff)
		return EXIT_USAGE;
	return rc == EXIT_OK ? EXIT_DATA : rc;
}

/* The stream format of --format for command C (default text).  Returns EXIT_OK or a usage
 * error's exit code. */
static int
stream_format(secannex_format *out, const struct cmd_spec *c, const char *name)
{
	char fl[128];

	*out = SECANNEX_FORMAT_TEXT;
	if (name == NULL)
		return EXIT_OK;
	if (secannex_format_parse(out, name) != 0 || secannex_format_get(*out)->is_file) {
		if (c->bit == C_DIFF)
			return usage_error(_("unknown diff format '%s' (expected %s)"), name,
			    format_list(c->formats, fl, sizeof(fl)));
		return usage_error(_("unknown format '%s' (expected %s)"), name,
		    format_list(FMT(TEXT) | FMT(MD) | FMT(JSON), fl, sizeof(fl)));
	}
	if (!(c->formats & (1u << *out)))
		return usage_error(_("--format %s is not for %s (here: %s)"), name, c->name,
		    format_list(c->formats, fl, sizeof(fl)));
	return EXIT_OK;
}

static int
cmd_validate(const struct args *a, secannex_format fmt, int argc, char **argv)
{
	secannex_catalog *ref = NULL;
	secannex_diags *d = secannex_diags_new();
	char rpath[PATH_MAX];
	int rc = EXIT_OK, builtin;

	if (argc < 1) {
		secannex_diags_free(d);
		return usage_error("%s", _("validate needs at least one FILE"));
	}
	/* a procurement catalog's 附表十 references are checked against the regulation in use */
	snprintf(rpath, sizeof(rpath), "%s/regulation.xml", data_dir_of(a, &builtin));
	{
		secannex_load_opts lo = { NULL, a->regulation ? a->regulation : rpath, data_dir(a),
			a->max_bytes, builtin && !a->regulation ? SECANNEX_LOAD_SHIPPED_REGULATION : 0 };
		secannex_diags *rd = secannex_diags_new();
		if (secannex_catalog_load(&ref, &lo, rd) != 0)
			ref = NULL;
		secannex_diags_free(rd);
	}
	for (int i = 0; i < argc; i++)
		if (secannex_validate_file(argv[i], data_dir(a), a->max_bytes, ref, d) != 0)
			rc = EXIT_DATA;
	if (print_diags(d) != EXIT_OK)
		rc = EXIT_DATA;
	secannex_diags_free(d);
	secannex_catalog_free(ref);
	return rc;
}

/* The dimension (0..3: confidentiality, integrity, availability, legal) of a --why-DIM option. */
static int
why_index(const char *name)
{
	static const char *const dims[4] = { "why-confidentiality", "why-integrity", "why-availability",
		"why-legal" };

	for (int k = 0; k < 4; k++)
		if (strcmp(name, dims[k]) == 0)
			return k;
	return 0;
}

/* --allow-host NAME, which may be given more than once: NAME added to A's list. */
static void
allow_host(struct args *a, char *name)
{
	a->allow_hosts = realloc(a->allow_hosts, (a->nallow + 1) * sizeof(*a->allow_hosts));
	if (a->allow_hosts == NULL)
		abort();
	a->allow_hosts[a->nallow++] = name;
}

/* Apply one parsed option to A.  Returns -1 to go on, or an exit code to stop with. */
static int
apply_opt(int c, int idx, char **argv, struct args *a)
{
	char *end;
	unsigned long long v;

	if (idx < 0) /* a short option: its long twin */
		for (size_t i = 0; i < NOPTS; i++)
			if (opts[i].id == c)
				idx = (int)i;
	if (idx >= 0)
		a->used[idx] = 1;
	/* options that set a profile field are kept, in order, for resolve and grade */
	if (c >= OPT_CATALOG && idx >= 0 && opts[idx].profile) {
		a->pflags = realloc(a->pflags, (a->npflags + 1) * sizeof(*a->pflags));
		if (a->pflags == NULL)
			abort();
		a->pflags[a->npflags].key = opts[idx].profile;
		a->pflags[a->npflags].value = optarg ? optarg : "yes";
		a->npflags++;
	}
	switch (c) {
	case OPT_PROFILE: a->profile = optarg; break;
	case OPT_OUTPUT: a->output = optarg; break;
	case OPT_VENDOR: a->vendor_matrix = 1; break;
	case OPT_DOCUMENT: a->document = optarg; break;
	case OPT_LABEL: a->label = optarg; break;
	case OPT_DRAFT: a->draft = 1; break;
	case OPT_MATRIX_DETAIL: a->matrix_detail = optarg; break;
	case OPT_REFDOC: a->reference_doc = optarg; break;
	case OPT_EXPLAIN: a->explain = optarg; break;
	case OPT_CHANGED_ONLY: a->changed_only = 1; break;
	case OPT_VERBOSE: a->verbose = 1; break;
	case OPT_FORCE: a->force = 1; break;
	case OPT_LISTEN: a->listen = optarg; break;
	case OPT_ALLOW_HOST: allow_host(a, optarg); break;
	case OPT_TEMPLATES: a->templates = optarg; break;
	case OPT_OLD_PROFILE: a->old_profile = optarg; break;
	case OPT_NEW_PROFILE: a->new_profile = optarg; break;
	case OPT_OLD_CATALOG: a->old_catalog = optarg; break;
	case OPT_NEW_CATALOG: a->new_catalog = optarg; break;
	case OPT_AUTHOR: a->author = optarg; break;
	case OPT_COLOR: a->color = optarg; break;
	case OPT_STRICT: a->strict = 1; break;
	case OPT_DIM: case OPT_TENDER: break;
	case OPT_SYSTEM: a->system = optarg; break;
	case OPT_WHY: a->why[why_index(opts[idx].name)] = optarg; break;
	case OPT_CATALOG: a->catalog = optarg; break;
	case OPT_REGULATION: a->regulation = optarg; break;
	case OPT_DATADIR: a->datadir = optarg; break;
	case OPT_FORMAT: a->format = optarg; break;
	case OPT_GRADE: a->grade = optarg; break;
	case OPT_AREA: a->area = optarg; break;
	case OPT_LEVEL: a->level = optarg; break;
	case OPT_KIND: a->kind = optarg; break;
	case OPT_MAX_BYTES:
		errno = 0;
		v = strtoull(optarg, &end, 10);
		if (errno || *end || v == 0 || optarg[0] == '-')
			return usage_error(_("bad --max-bytes '%s'"), optarg);
		/* any value up to UINT64_MAX: beyond what size_t holds, no limit but memory */
		a->max_bytes = v > SIZE_MAX ? SIZE_MAX : (size_t)v;
		break;
	case OPT_HELP:
		out_used = 1;
		usage(stdout);
		return EXIT_OK;
	case OPT_VERSION:
		out_used = 1;
		printf("secannex %s\n", secannex_version());
		return EXIT_OK;
	case ':':
		return usage_error(_("option '%s' needs a value"), optind > 0 ? argv[optind - 1] : "?");
	default:
		if (optopt && optopt < 256)
			return usage_error(_("unknown option '-%c'"), optopt);
		return unknown_option(optind > 0 ? argv[optind - 1] : "?");
	}
	return -1;
}

/* Every option given applies to CMD, and --grade is not mixed with the 附表九 dimensions.
 * Returns -1 when so, else the usage error's exit code. */
static int
check_opts(const struct cmd_spec *c, const struct args *a)
{
	int grade = 0, dims = 0;

	for (size_t i = 0; i < NOPTS; i++) {
		if (a->used[i] && !(opts[i].cmds & c->bit))
			return usage_error(_("option --%s does not apply to '%s'"), opts[i].name, c->name);
		grade |= a->used[i] && opts[i].id == OPT_GRADE;
		dims |= a->used[i] && opts[i].id == OPT_DIM;
	}
	if (grade && dims && c->bit != C_SHOW && c->bit != C_BASELINE)
		return usage_error("%s", _("give --grade or the four 附表九 dimensions "
		    "(--confidentiality --integrity --availability --legal), not both"));
	return -1;
}

/* Build the profile: the file first, then the flags in the order given (they override it).
 * Returns EXIT_OK, EXIT_DATA (a bad file or decision) or EXIT_USAGE (a malformed flag value). */
static int
build_profile_from(secannex_profile **out, const struct args *a, const char *path)
{
	secannex_profile *p = secannex_profile_new();
	secannex_diags *d = secannex_diags_new();
	int rc = EXIT_OK;

	if (path && secannex_profile_load(p, path, data_dir(a), a->max_bytes, d) != 0)
		rc = EXIT_DATA;
	for (size_t i = 0; rc == EXIT_OK && i < a->npflags; i++)
		if (secannex_profile_set(p, a->pflags[i].key, a->pflags[i].value, d) != 0)
			rc = EXIT_USAGE;
	print_diags(d);
	secannex_diags_free(d);
	if (rc != EXIT_OK) {
		secannex_profile_free(p);
		p = NULL;
	}
	*out = p;
	return rc;
}

static int
build_profile(secannex_profile **out, const struct args *a)
{
	return build_profile_from(out, a, a->profile);
}

/* The tender of the profile and flags, resolved: *CAT and *RES for the caller to free. */
static int
resolve_tender(const struct args *a, secannex_catalog **cat, secannex_resolution **res)
{
	secannex_profile *p = NULL;
	secannex_diags *d = secannex_diags_new();
	int rc;

	*cat = NULL;
	*res = NULL;
	if ((rc = build_profile(&p, a)) == EXIT_OK && (rc = load(cat, a, 1, 1)) == EXIT_OK &&
	    secannex_resolve(res, *cat, p, a->strict, d) != 0)
		rc = EXIT_DATA;
	/* everything is loaded: the schemas' memory goes to the documents written next */
	secannex_schemas_release();
	print_diags(d);
	secannex_diags_free(d);
	secannex_profile_free(p);
	return rc;
}

static int
cmd_resolve(const struct args *a, secannex_format fmt, int argc, char **argv)
{
	secannex_catalog *cat;
	secannex_resolution *res;
	int rc;

	if (argc > 0)
		return usage_error(_("%s takes no argument: use --profile FILE"), "resolve");
	if ((rc = resolve_tender(a, &cat, &res)) == EXIT_OK)
		rc = emit(secannex_render_resolution(res, fmt));
	secannex_resolution_free(res);
	secannex_catalog_free(cat);
	return rc;
}

/* ".odt, .docx or .csv": the extensions of the formats in MASK, into BUF of N bytes. */
static const char *
ext_list(unsigned mask, char *buf, size_t n)
{
	size_t len = 0;

	buf[0] = '\0';
	for (int i = 0, left = __builtin_popcount(mask); i < SECANNEX_FORMAT__COUNT && len < n; i++)
		if (mask & (1u << i)) {
			left--;
			len += (size_t)snprintf(buf + len, n - len, "%s%s", secannex_format_get(i)->extension,
			    S_sep(left));
		}
	return buf;
}

/* The file format of OUT (WHAT: "annex" or "redline"; MASK: the formats it may be): --format
 * NAME, else OUT's extension; both must agree when both name one.  Returns EXIT_OK or a usage
 * error's exit code. */
static int
file_format(const char *out, const char *name, const char *what, unsigned mask, secannex_format *f)
{
	secannex_format by_ext;
	int have_ext = secannex_format_of_path(&by_ext, out) == 0 && (mask & (1u << by_ext));
	char fl[128], el[128];

	format_list(mask, fl, sizeof(fl));
	if (name) {
		if (secannex_format_parse(f, name) != 0 || !(mask & (1u << *f)))
			return usage_error(_("unknown %s format '%s' (expected %s)"), _(what), name, fl);
		if (have_ext && by_ext != *f)
			return usage_error(_("--format %s does not match the extension of '%s'"), name, out);
		return EXIT_OK;
	}
	if (!have_ext)
		return usage_error(_("cannot tell the %s format of '%s': use %s, or --format %s"), _(what), out,
		    ext_list(mask, el, sizeof(el)), format_list(mask, fl, sizeof(fl)));
	*f = by_ext;
	return EXIT_OK;
}

/* The document to write: --document, or --vendor-matrix's matrix, or NULL (the format's default).
 * Checks that it exists, is built FROM that source and can be written in FMT. */
static int
pick_document(const struct args *a, secannex_format fmt, int from, const char **out)
{
	const char *name = a->document;
	int i;

	if (a->vendor_matrix) {
		if (name && strcmp(name, "matrix") != 0)
			return usage_error(_("--vendor-matrix is --document matrix, not --document %s"), name);
		name = "matrix";
	}
	*out = name;
	if ((i = secannex_document_find(name, fmt, from)) < 0) {
		if (name == NULL)
			return usage_error(_("no document is written as %s here"), secannex_format_get(fmt)->name);
		return usage_error(_("unknown document '%s' (see 'secannex --help')"), name);
	}
	if (secannex_document_get(i)->from != from)
		return usage_error(_("the %s is not made from %s"), name, from == SECANNEX_FROM_RESOLUTION ?
		    _("a tender") : _("a catalog diff"));
	if (!(secannex_document_get(i)->formats & (1u << fmt)))
		return usage_error(_("the %s cannot be written as %s"), name, secannex_format_get(fmt)->name);
	return EXIT_OK;
}

/* --matrix-detail: requirements or controls, and only for the matrix (DOC, or FMT's default). */
static int
matrix_detail(const struct args *a, secannex_format fmt, const char *doc, int *controls)
{
	int i = secannex_document_find(doc, fmt, SECANNEX_FROM_RESOLUTION);

	*controls = 0;
	if (a->matrix_detail == NULL)
		return EXIT_OK;
	if (strcmp(a->matrix_detail, "controls") != 0 && strcmp(a->matrix_detail, "requirements") != 0)
		return usage_error(_("--matrix-detail is requirements or controls, not '%s'"), a->matrix_detail);
	if (i < 0 || strcmp(secannex_document_get(i)->name, "matrix") != 0)
		return usage_error(_("--matrix-detail applies to the matrix (--document matrix)%s"), "");
	*controls = strcmp(a->matrix_detail, "controls") == 0;
	return EXIT_OK;
}

/* SOURCE_DATE_EPOCH, when set.  Returns 0, or -1 (with a message) when it is not a number. */
static int
source_date_epoch(int *set, long long *epoch)
{
	const char *sde = getenv("SOURCE_DATE_EPOCH");
	char *end;

	*set = 0;
	*epoch = 0;
	if (sde == NULL || *sde == '\0')
		return 0;
	errno = 0;
	*epoch = strtoll(sde, &end, 10);
	if (errno || *end || *epoch < 315532800 || sde[0] == '-') {
		fprintf(stderr, "secannex: %s: ", _("error"));
		fprintf(stderr, _("SOURCE_DATE_EPOCH='%s' is not a time in seconds since 1970 (from 1980 on)\n"),
		    sde);
		return -1;
	}
	*set = 1;
	return 0;
}

/* Load a catalog from PROC (NULL: the default) with the default regulation. */
static int
load_catalog(secannex_catalog **cat, const struct args *a, const char *proc)
{
	struct args b = *a;

	b.catalog = proc ? proc : a->catalog;
	return load(cat, &b, 1, 1);
}

/* The templates: --template-dir, $SECANNEX_TEMPLATEDIR, else "templates" beside the catalog
 * directory (the source tree's catalog/ and templates/, or $(pkgdatadir) and its templates/). */
static const char *
template_dir(const struct args *a)
{
	static char dir[PATH_MAX];
	const char *env = getenv("SECANNEX_TEMPLATEDIR"), *d = data_dir(a);
	size_t n = strlen(d);

	if (a->templates)
		return a->templates;
	if (env && *env)
		return env;
	if (n >= 8 && strcmp(d + n - 8, "/catalog") == 0)
		snprintf(dir, sizeof(dir), "%.*s/templates", (int)(n - 8), d);
	else
		snprintf(dir, sizeof(dir), "%s/templates", d);
	return dir;
}

static int
cmd_generate(const struct args *a, secannex_format unused, int argc, char **argv)
{
	secannex_write_opts o = { NULL, SECANNEX_FORMAT_DOCX, template_dir(a), 0, 0, NULL, a->label,
		a->reference_doc, a->draft, 0, 0 };
	secannex_catalog *cat;
	secannex_resolution *res;
	secannex_diags *d;
	char fl[128];
	int rc;

	if (argc > 0)
		return usage_error(_("generate takes no argument: use --profile FILE and -o FILE%s"), "");
	if (a->output == NULL)
		return usage_error(_("generate needs -o FILE (%s)"), format_list(file_formats(0), fl,
		    sizeof(fl)));
	if ((rc = file_format(a->output, a->format, N_("annex"), file_formats(0), &o.format)) != EXIT_OK ||
	    (rc = pick_document(a, o.format, SECANNEX_FROM_RESOLUTION, &o.document)) != EXIT_OK ||
	    (rc = matrix_detail(a, o.format, o.document, &o.matrix_controls)) != EXIT_OK)
		return rc;
	if (source_date_epoch(&o.epoch_set, &o.epoch) != 0)
		return EXIT_DATA;
	if ((rc = resolve_tender(a, &cat, &res)) == EXIT_OK) {
		d = secannex_diags_new();
		if (secannex_document_write(res, &o, a->output, d) != 0)
			rc = EXIT_DATA;
		print_diags(d);
		secannex_diags_free(d);
	}
	secannex_resolution_free(res);
	secannex_catalog_free(cat);
	return rc;
}

/* What a diff run holds, freed by diff_free(). */
struct diff_run {
	secannex_catalog *oc, *nc;
	secannex_profile *op, *np;
	secannex_resolution *orr, *nrr;
	secannex_diff *df;
	secannex_diags *d;
};

static void
diff_free(struct diff_run *x)
{
	secannex_diff_free(x->df);
	secannex_resolution_free(x->orr);
	secannex_resolution_free(x->nrr);
	secannex_profile_free(x->op);
	secannex_profile_free(x->np);
	secannex_catalog_free(x->oc);
	secannex_catalog_free(x->nc);
	secannex_diags_free(x->d);
}

/* --color: auto (a terminal without NO_COLOR), always, never.  Returns -1 on a bad value. */
static int
diff_colour(const struct args *a)
{
	if (a->color == NULL || strcmp(a->color, "auto") == 0)
		return isatty(STDOUT_FILENO) && getenv("NO_COLOR") == NULL;
	if (strcmp(a->color, "always") == 0)
		return 1;
	if (strcmp(a->color, "never") == 0)
		return 0;
	usage_error(_("unknown --color '%s' (expected auto, always or never)"), a->color);
	return -1;
}

/* Load what an annex diff compares: both profiles, each with its catalog.  Returns 0 or -1. */
static int
diff_load_annexes(struct diff_run *x, const struct args *a, int argc)
{
	if (argc || !a->old_profile || !a->new_profile) {
		usage_error("%s", _("an annex diff needs --old-profile A.xml and --new-profile B.xml (and no FILE)"));
		return -1;
	}
	if (build_profile_from(&x->op, a, a->old_profile) != EXIT_OK ||
	    build_profile_from(&x->np, a, a->new_profile) != EXIT_OK ||
	    load_catalog(&x->oc, a, a->old_catalog) != EXIT_OK ||
	    load_catalog(&x->nc, a, a->new_catalog) != EXIT_OK)
		return -1;
	return 0;
}

/* Load and compare two catalogs; with a profile or tender flags, the tender under each (its annex
 * is what is then compared).  Returns 0 or -1. */
static int
diff_load_catalogs(struct diff_run *x, const struct args *a, int argc, char **argv)
{
	int tender = a->profile || a->npflags;

	if (argc != 2 || a->old_catalog || a->new_catalog) {
		usage_error("%s", _("diff needs OLD.xml NEW.xml (or --old-profile and --new-profile)"));
		return -1;
	}
	if (a->catalog) {
		usage_error("%s", _("a catalog diff compares OLD.xml and NEW.xml: --catalog has no place in it"));
		return -1;
	}
	if (load_catalog(&x->oc, a, argv[0]) != EXIT_OK || load_catalog(&x->nc, a, argv[1]) != EXIT_OK)
		return -1;
	/* with a tender, what is compared is its annex under each catalog: report, table or redline */
	if (tender && (build_profile_from(&x->op, a, a->profile) != EXIT_OK ||
	    build_profile_from(&x->np, a, a->profile) != EXIT_OK))
		return -1;
	/* the tender's decisions name NEW's rows: under OLD they mean the matched rows */
	secannex_diff_catalogs(&x->df, x->oc, x->nc);
	if (x->op)
		secannex_profile_map_to_old(x->op, x->df);
	return 0;
}

/* diff -o: the redline of the two tenders, or of the two catalogs.  Returns 0 or -1. */
static int
diff_redline(struct diff_run *x, const struct args *a, secannex_write_opts *o)
{
	int w;

	if (pick_document(a, o->format, x->orr ? SECANNEX_FROM_RESOLUTION :
	    SECANNEX_FROM_CATALOG_DIFF, &o->document) != EXIT_OK)
		return -1;
	w = x->orr ? secannex_redline_annexes(x->orr, x->nrr, o, a->output, x->d) :
	    secannex_redline_catalogs(x->df, o, a->output, x->d);
	if (w != 0) {
		print_diags(x->d);
		return -1;
	}
	return 0;
}

/* Whether --document names a document made from the differences themselves (the table). */
static int
diff_is_table(const struct args *a)
{
	int i = a->document ? secannex_document_find(a->document, SECANNEX_FORMAT_TEXT, 0) : -1;

	return i >= 0 && secannex_document_get(i)->from == SECANNEX_FROM_DIFF;
}

/* The options of a diff that go together: --explain with the table, --changed-only with a
 * redline, a table on standard output in md or json.  Returns 0 or -1 (a usage error). */
static int
diff_check(const struct args *a, int table, secannex_format fmt)
{
	if (a->explain && !table)
		return usage_error("%s", _("--explain goes with --document table")), -1;
	if (a->changed_only && (table || !a->output))
		return usage_error("%s", _("--changed-only goes with a redline (-o FILE without --document table)")), -1;
	if (table && !a->output && a->format && fmt == SECANNEX_FORMAT_TEXT)
		return usage_error("%s", _("the table is printed as md or json (or written with -o FILE.docx|.odt)")), -1;
	return 0;
}

/* diff --document table -o FILE: the 修正對照表.  Returns 0 or -1. */
static int
diff_table(struct diff_run *x, const struct args *a, secannex_write_opts *o)
{
	o->document = a->document;
	if (secannex_diff_document_write(x->df, o, a->output, x->d) != 0) {
		print_diags(x->d);
		return -1;
	}
	return 0;
}

/* What diff prints: the table (md unless --format json), or the report. */
static char *
diff_output(const struct diff_run *x, const struct args *a, int table, secannex_format fmt, int colour)
{
	if (table && !a->output)
		return secannex_diff_document(x->df, a->document, fmt == SECANNEX_FORMAT_TEXT ?
		    SECANNEX_FORMAT_MD : fmt);
	return secannex_render_diff(x->df, fmt, (colour ? SECANNEX_DIFF_COLOUR : 0) |
	    (a->verbose ? SECANNEX_DIFF_VERBOSE : 0));
}

/* diff: exit 0 when identical, 1 when they differ, 2 on any error (as diff(1)). */
static int
cmd_diff(const struct args *a, secannex_format fmt, int argc, char **argv)
{
	struct diff_run x = { NULL, NULL, NULL, NULL, NULL, NULL, NULL, secannex_diags_new() };
	secannex_write_opts o = { NULL, SECANNEX_FORMAT_DOCX, template_dir(a), 0, 0, a->author, a->label,
		a->reference_doc, a->draft, a->changed_only, 0 };
	int annex = a->old_profile || a->new_profile, table = diff_is_table(a), colour, rc = 2;

	if ((colour = diff_colour(a)) < 0 || diff_check(a, table, fmt) != 0)
		goto done;
	colour = colour && fmt == SECANNEX_FORMAT_TEXT;
	if (a->output && file_format(a->output, NULL, table ? N_("table") : N_("redline"), file_formats(!table),
	    &o.format) != EXIT_OK)
		goto done;
	if (source_date_epoch(&o.epoch_set, &o.epoch) != 0)
		goto done;
	if (annex ? diff_load_annexes(&x, a, argc) != 0 : diff_load_catalogs(&x, a, argc, argv) != 0)
		goto done;
	if (x.op && (secannex_resolve(&x.orr, x.oc, x.op, a->strict, x.d) != 0 ||
	    secannex_resolve(&x.nrr, x.nc, x.np, a->strict, x.d) != 0)) {
		print_diags(x.d);
		goto done;
	}
	if (x.orr) {
		/* a catalog diff with a tender: the catalogs' diff mapped its decisions; now the annexes */
		secannex_diff_free(x.df);
		secannex_diff_annexes(&x.df, x.orr, x.nrr);
	}
	if (a->explain && secannex_diff_explain(x.df, a->explain, data_dir(a), a->max_bytes, x.d) != 0) {
		print_diags(x.d);
		goto done;
	}
	if (a->output && (table ? diff_table(&x, a, &o) : diff_redline(&x, a, &o)) != 0)
		goto done;
	print_diags(x.d);
	if (emit(diff_output(&x, a, table, fmt, colour)) != EXIT_OK)
		goto done;
	rc = secannex_diff_count(x.df) ? 1 : 0;
done:
	diff_free(&x);
	return rc;
}

/* evaluate -o OUT: the format of document DOC (the record, the comparison) by OUT's extension
 * alone (--format is the report's).  Returns EXIT_OK or a usage error's exit code. */
static int
evaluate_output(const char *out, const char *doc, secannex_format *f)
{
	unsigned mask = secannex_document_get((size_t)secannex_document_find(doc, 0, 0))->formats;
	char el[128];

	if (secannex_format_of_path(f, out) == 0 && (mask & (1u << *f)))
		return EXIT_OK;
	return usage_error(_("cannot tell the %s format of '%s': use %s"),
	    strcmp(doc, "comparison") == 0 ? _("comparison") : _("evaluation record"), out,
	    ext_list(mask, el, sizeof(el)));
}

/* Evaluate the N responses PATHS against RES into V (each or none), diagnostics into *D.  Without
 * --matrix-detail each response's form is inferred; when several disagree, all are taken as the
 * controls' matrix (the comparison needs one form; the other's rows show as missing).  Returns 0,
 * or -1 when a response cannot be evaluated. */
static int
evaluate_all(secannex_evaluation **v, int n, char **paths, const secannex_resolution *res,
    secannex_eval_opts *o, secannex_diags **d)
{
	int controls = 0, plain = 0;

	for (int pass = 0; pass < 2; pass++) {
		for (int i = 0; i < n; i++) {
			secannex_evaluation_free(v[i]);
			v[i] = NULL;
			if (secannex_evaluate(&v[i], res, paths[i], o, *d) != 0)
				return -1;
			controls |= secannex_evaluation_controls(v[i]);
			plain |= !secannex_evaluation_controls(v[i]);
		}
		if (o->matrix_controls >= 0 || !(controls && plain))
			return 0;
		o->matrix_controls = 1;
		secannex_diags_free(*d);
		*d = secannex_diags_new();
	}
	return 0;
}

/* evaluate: a vendor's filled-in matrix against the tender's (several: side by side): exit 0 when
 * every row of every response is answered 符合 and nothing is altered, missing or added, 1
 * otherwise, 2 when a response cannot be evaluated (a bad response, tender or command line:
 * diff(1)'s convention). */
static int
cmd_evaluate(const struct args *a, secannex_format fmt, int argc, char **argv)
{
	secannex_eval_opts o = { -1, a->draft, a->max_bytes };
	secannex_write_opts w = { argc > 1 ? "comparison" : "evaluation", SECANNEX_FORMAT_DOCX,
		template_dir(a), 0, 0, NULL, NULL, NULL, a->draft, 0, 0 };
	secannex_catalog *cat = NULL;
	secannex_resolution *res = NULL;
	secannex_evaluation **v = calloc(argc > 0 ? (size_t)argc : 1, sizeof(*v));
	secannex_diags *d = secannex_diags_new();
	int rc = EXIT_USAGE;

	if (v == NULL)
		abort();
	if (argc < 1) {
		usage_error("%s", _("evaluate needs one RESPONSE file (.xlsx, .ods, .docx, .odt or .csv), or several"));
		goto done;
	}
	if (a->matrix_detail && strcmp(a->matrix_detail, "controls") != 0 &&
	    strcmp(a->matrix_detail, "requirements") != 0) {
		usage_error(_("--matrix-detail is requirements or controls, not '%s'"), a->matrix_detail);
		goto done;
	}
	if (a->matrix_detail)
		o.matrix_controls = strcmp(a->matrix_detail, "controls") == 0;
	if (a->output && (evaluate_output(a->output, w.document, &w.format) != EXIT_OK ||
	    source_date_epoch(&w.epoch_set, &w.epoch) != 0))
		goto done;
	if (resolve_tender(a, &cat, &res) != EXIT_OK)
		goto done;
	if (evaluate_all(v, argc, argv, res, &o, &d) != 0 || (a->output && (argc > 1 ?
	    secannex_comparison_write((const secannex_evaluation *const *)v, (size_t)argc, res, &w,
	    a->output, d) : secannex_evaluation_write(v[0], res, &w, a->output, d)) != 0)) {
		print_diags(d);
		goto done;
	}
	print_diags(d);
	if (emit(argc > 1 ? secannex_render_comparison((const secannex_evaluation *const *)v,
	    (size_t)argc, fmt) : secannex_render_evaluation(v[0], fmt)) != EXIT_OK)
		goto done;
	rc = 0;
	for (int i = 0; i < argc; i++)
		rc |= secannex_evaluation_verdict(v[i]);
done:
	for (int i = 0; i < argc; i++)
		secannex_evaluation_free(v[i]);
	free(v);
	secannex_resolution_free(res);
	secannex_catalog_free(cat);
	secannex_diags_free(d);
	return rc;
}

/* The comment at the top of a migrated profile (the caller frees it). */
static char *
migrate_comment(const char *profile, const char *old_catalog, const char *new_catalog)
{
#define MIGRATE_COMMENT "%s carried by secannex migrate from the catalog %s to %s: each decision " \
	    "follows its row through the row matching (a renumbered row keeps its decision under its new id)."
	size_t n = strlen(MIGRATE_COMMENT) + strlen(profile) + strlen(new_catalog) +
	    strlen(old_catalog ? old_catalog : "(installed)") + 1;
	char *s = malloc(n);

	if (s == NULL)
		abort();
	snprintf(s, n, MIGRATE_COMMENT, profile, old_catalog ? old_catalog : "(installed)", new_catalog);
	return s;
}

#ifdef SECANNEX_SERVER
/* serve: the catalogs loaded once, then the HTTP server (serve.c) until SIGINT or SIGTERM. */
static int
cmd_serve(const struct args *a, secannex_format unused, int argc, char **argv)
{
	struct serve_opts o = { a->listen, a->allow_hosts, a->nallow, NULL, data_dir(a),
		template_dir(a), 0, 0 };
	secannex_catalog *cat = NULL;
	int rc;

	if (argc > 0)
		return usage_error(_("%s takes no argument: use --listen ADDR:PORT"), "serve");
	if (source_date_epoch(&o.epoch_set, &o.epoch) != 0)
		return EXIT_DATA;
	if ((rc = load(&cat, a, 1, 1)) != EXIT_OK)
		return rc;
	o.cat = cat;
	rc = serve_run(&o);
	secannex_catalog_free(cat);
	return rc;
}
#else
/* The command line as main() received it (getopt has permuted it: options first, which parses
 * the same): what `serve` hands to the server program. */
static char **main_argv;

/* serve: the server is a program of its own, secannex-serve (Makefile.am: only it loads
 * libmicrohttpd and the TLS libraries that come with it): run with this command line, it takes
 * this process's place.  It is looked for beside this program (a build tree), then in
 * PKGLIBEXECDIR (an installed secannex).  Exit 1 when it cannot be run. */
static int
cmd_serve(const struct args *a, secannex_format unused, int argc, char **argv)
{
	char self[4096], beside[4096 + 16], *slash;
	const char *path = PKGLIBEXECDIR "/secannex-serve";
	ssize_t n;
	int err;

	if (argc > 0)
		return usage_error(_("%s takes no argument: use --listen ADDR:PORT"), "serve");
	n = readlink("/proc/self/exe", self, sizeof(self) - 1);
	if (n > 0 && (self[n] = '\0', slash = strrchr(self, '/')) != NULL) {
		slash[1] = '\0';
		snprintf(beside, sizeof(beside), "%ssecannex-serve", self);
		if (access(beside, X_OK) == 0)
			path = beside;
	}
	execv(path, main_argv);
	err = errno;
	fprintf(stderr, "secannex: %s: ", _("error"));
	fprintf(stderr, _("cannot run the server program %s: %s\n"), path, strerror(err));
	return EXIT_DATA;
}
#endif

/* migrate: the profile's decisions carried from one catalog to another; exit 0 written, 1 when a
 * decision cannot be carried over (nothing written), 2 usage. */
static int
cmd_migrate(const struct args *a, secannex_format unused, int argc, char **argv)
{
	secannex_catalog *oc = NULL, *nc = NULL;
	secannex_profile *p = secannex_profile_new();
	secannex_diff *df = NULL;
	secannex_diags *d = secannex_diags_new();
	char *report = NULL, *comment = NULL;
	int rc = EXIT_DATA;

	if (argc > 0 || !a->profile || !a->new_catalog || !a->output) {
		rc = usage_error("%s", _("migrate needs --profile OLD-PROFILE.xml, --new-catalog NEW.xml "
		    "(--old-catalog OLD.xml: default the installed one) and -o NEW-PROFILE.xml, and no FILE"));
		goto done;
	}
	if (load_catalog(&oc, a, a->old_catalog) != EXIT_OK ||
	    load_catalog(&nc, a, a->new_catalog) != EXIT_OK ||
	    secannex_profile_load(p, a->profile, data_dir(a), a->max_bytes, d) != 0)
		goto done;
	secannex_diff_catalogs(&df, oc, nc);
	if (secannex_profile_migrate(p, df, a->force, &report, d) != 0)
		goto done;
	comment = migrate_comment(a->profile, a->old_catalog, a->new_catalog);
	if (secannex_profile_write(p, comment, a->output, d) == 0)
		rc = EXIT_OK;
done:
	if (report && emit(report) != EXIT_OK && rc == EXIT_OK)
		rc = EXIT_DATA;
	report = NULL;
	print_diags(d);
	free(comment);
	secannex_diff_free(df);
	secannex_profile_free(p);
	secannex_catalog_free(oc);
	secannex_catalog_free(nc);
	secannex_diags_free(d);
	return rc;
}

/* The last value given to the profile flag KEY (--agency, --date), or NULL. */
static const char *
pflag_value(const struct args *a, const char *key)
{
	const char *v = NULL;

	for (size_t i = 0; i < a->npflags; i++)
		if (strcmp(a->pflags[i].key, key) == 0)
			v = a->pflags[i].value;
	return v;
}

/* A document option (--agency, --system, --date, --label, --reference-doc, --template-dir,
 * --why-DIM) given to CMD without -o: a usage error (they only dress the document).  Returns -1
 * when there is none. */
static int
agency_opts_need_output(const struct args *a, const char *cmd)
{
	for (size_t i = 0; a->output == NULL && i < NOPTS; i++) {
		int id = opts[i].id, doc = id == OPT_LABEL || id == OPT_REFDOC || id == OPT_TEMPLATES ||
		    id == OPT_SYSTEM || id == OPT_WHY || (opts[i].profile && (strcmp(opts[i].profile,
		    "agency") == 0 || strcmp(opts[i].profile, "date") == 0));
		if (a->used[i] && doc)
			return usage_error(_("--%s applies to '%s -o FILE' (the document) only"), opts[i].name,
			    cmd);
	}
	return -1;
}

/* Write the agency document DOC (duties, selfcheck, grading) about F to -o FILE, in the format of
 * its extension; --agency, --system, --date and the --why-DIM texts come from A. */
static int
agency_write(const struct args *a, const char *cmd, const char *doc, secannex_agency_facts *f)
{
	secannex_write_opts o = { doc, SECANNEX_FORMAT_DOCX, template_dir(a), 0, 0, NULL, a->label,
		a->reference_doc, 0, 0, 0 };
	int i = secannex_document_find(doc, SECANNEX_FORMAT_DOCX, SECANNEX_FROM_REGULATION), rc;
	char fl[128];
	secannex_catalog *cat = NULL;
	secannex_diags *d;

	if (a->format)
		return usage_error(_("%s -o FILE writes the format of FILE's extension: --format is for standard output"),
		    cmd);
	if (secannex_format_of_path(&o.format, a->output) != 0 ||
	    !(secannex_document_get(i)->formats & (1u << o.format)))
		return usage_error(_("%s -o '%s': the file's extension picks the format: %s"), cmd, a->output,
		    format_list(secannex_document_get(i)->formats, fl, sizeof(fl)));
	if (source_date_epoch(&o.epoch_set, &o.epoch) != 0)
		return EXIT_DATA;
	f->agency = pflag_value(a, "agency");
	f->date = pflag_value(a, "date");
	f->system = a->system;
	for (int k = 0; k < 4; k++)
		f->why[k] = a->why[k];
	d = secannex_diags_new();
	if (secannex_agency_facts_check(f, d) != 0) { /* what was typed: a usage error */
		print_diags(d);
		secannex_diags_free(d);
		return EXIT_USAGE;
	}
	if ((rc = load(&cat, a, 0, 1)) != EXIT_OK) {
		secannex_diags_free(d);
		return rc;
	}
	if (secannex_agency_document_write(cat, f, &o, a->output, d) != 0)
		rc = EXIT_DATA;
	print_diags(d);
	secannex_diags_free(d);
	secannex_catalog_free(cat);
	return rc;
}

static int
cmd_grade(const struct args *a, secannex_format fmt, int argc, char **argv)
{
	static const char *const dims[4] = { "confidentiality", "integrity", "availability", "legal" };
	secannex_grade g[4];
	int have[4] = { 0, 0, 0, 0 };
	secannex_catalog *cat = NULL;
	int rc;

	if (argc > 0)
		return usage_error(_("%s takes no argument: use --profile FILE"), "grade");
	for (size_t i = 0; i < a->npflags; i++)
		for (int k = 0; k < 4; k++)
			if (strcmp(a->pflags[i].key, dims[k]) == 0) {
				if (secannex_grade_parse(&g[k], a->pflags[i].value) != 0)
					return usage_error("--%s: %s", dims[k], secannex_error_last());
				have[k] = 1;
			}
	for (int k = 0; k < 4; k++)
		if (!have[k])
			return usage_error(_("grade needs --%s G (and the other three dimensions)"), dims[k]);
	if ((rc = agency_opts_need_output(a, "grade")) >= 0)
		return rc;
	if (a->output) {
		secannex_agency_facts f;
		memset(&f, 0, sizeof(f));
		memcpy(f.dims, g, sizeof(f.dims));
		return agency_write(a, "grade", "grading", &f);
	}
	if ((rc = load(&cat, a, 0, 1)) == EXIT_OK)
		rc = emit(secannex_render_grade(cat, g, fmt));
	secannex_catalog_free(cat);
	return rc;
}

/* Load the catalog parts that a listing command needs, and print what RENDER makes of it. */
static int
listing(const struct args *a, int want_proc, int want_reg, char *(*render)(const secannex_catalog *,
    const struct args *, secannex_format), secannex_format fmt)
{
	secannex_catalog *cat = NULL;
	int rc;

	if ((rc = load(&cat, a, want_proc, want_reg)) == EXIT_OK)
		rc = emit(render(cat, a, fmt));
	secannex_catalog_free(cat);
	return rc;
}

static char *
render_types(const secannex_catalog *cat, const struct args *a, secannex_format fmt)
{
	return secannex_render_types(cat, fmt);
}

static int
cmd_types(const struct args *a, secannex_format fmt, int argc, char **argv)
{
	if (argc)
		return usage_error(_("types takes no argument: '%s'"), argv[0]);
	return listing(a, 1, 0, render_types, fmt);
}

static const char *show_type; /* the TYPE operand of show */

static char *
render_show(const secannex_catalog *cat, const struct args *a, secannex_format fmt)
{
	secannex_grade grade = SECANNEX_GRADE_NORMAL;

	if (a->grade)
		secannex_grade_parse(&grade, a->grade);
	return secannex_render_show(cat, show_type, a->grade ? (int)grade : -1, fmt);
}

static int
cmd_show(const struct args *a, secannex_format fmt, int argc, char **argv)
{
	secannex_grade grade;

	if (argc != 1)
		return usage_error("%s", _("show needs exactly one TYPE"));
	if (a->grade && secannex_grade_parse(&grade, a->grade) != 0)
		return usage_error("%s", secannex_error_last());
	show_type = argv[0];
	return listing(a, 1, 0, render_show, fmt);
}

static char *
render_export(const secannex_catalog *cat, const struct args *a, secannex_format fmt)
{
	return secannex_render_export(cat);
}

static int
cmd_export(const struct args *a, secannex_format fmt, int argc, char **argv)
{
	if (argc)
		return usage_error(_("export takes no argument: '%s'"), argv[0]);
	if (a->format == NULL || fmt != SECANNEX_FORMAT_JSON)
		return usage_error("%s", _("export needs --format json"));
	return listing(a, 1, 1, render_export, fmt);
}

static char *
render_baseline(const secannex_catalog *cat, const struct args *a, secannex_format fmt)
{
	secannex_grade grade = SECANNEX_GRADE_NORMAL;

	secannex_grade_parse(&grade, a->grade);
	return secannex_render_baseline(cat, grade, a->area, fmt);
}

static int
cmd_baseline(const struct args *a, secannex_format fmt, int argc, char **argv)
{
	secannex_grade grade;
	int rc;

	if (argc)
		return usage_error(_("baseline takes no argument: '%s'"), argv[0]);
	if (a->grade == NULL)
		return usage_error("%s", _("baseline needs --grade G"));
	if (secannex_grade_parse(&grade, a->grade) != 0)
		return usage_error("%s", secannex_error_last());
	if ((rc = agency_opts_need_output(a, "baseline")) >= 0)
		return rc;
	if (a->output) {
		secannex_agency_facts f;
		memset(&f, 0, sizeof(f));
		f.grade = grade;
		f.area = a->area;
		return agency_write(a, "baseline", "selfcheck", &f);
	}
	return listing(a, 0, 1, render_baseline, fmt);
}

static char *
render_duties(const secannex_catalog *cat, const struct args *a, secannex_format fmt)
{
	int level = 0;
	secannex_kind kind = SECANNEX_KIND_PUBLIC;

	secannex_level_parse(&level, a->level);
	secannex_kind_parse(&kind, a->kind);
	return secannex_render_duties(cat, level, kind, fmt);
}

static int
cmd_duties(const struct args *a, secannex_format fmt, int argc, char **argv)
{
	int level, rc;
	secannex_kind kind;

	if (argc)
		return usage_error(_("duties takes no argument: '%s'"), argv[0]);
	if (a->level == NULL || a->kind == NULL)
		return usage_error("%s", _("duties needs --level L and --kind public|special"));
	if (secannex_level_parse(&level, a->level) != 0 || secannex_kind_parse(&kind, a->kind) != 0)
		return usage_error("%s", secannex_error_last());
	if ((rc = agency_opts_need_output(a, "duties")) >= 0)
		return rc;
	if (a->output) {
		secannex_agency_facts f;
		memset(&f, 0, sizeof(f));
		f.level = level;
		f.kind = kind;
		return agency_write(a, "duties", "duties", &f);
	}
	return listing(a, 0, 1, render_duties, fmt);
}

/* Parse the options in ARGV[OPTIND...] (a fresh scan when RESTART); LEADING: stop at the first
 * operand.  Returns -1 to go on, or an exit code to stop with. */
static int
scan_opts(int argc, char **argv, struct args *ap, const struct option *lopts, int leading)
{
	int c, idx = -1, rc;

	while ((c = getopt_long(argc, argv, leading ? "+:hVo:" : ":hVo:", lopts, &idx)) != -1) {
		if ((rc = apply_opt(c, idx, argv, ap)) >= 0)
			return rc;
		idx = -1;
	}
	return -1;
}

/* Everything of main() but the final clean-up: parse, dispatch, return the exit code. */
static int
run(int argc, char **argv, struct args *ap)
{
	struct option lopts[NOPTS + 1];
	const struct cmd_spec *cs;
	secannex_format fmt;
	int rc;

	for (size_t i = 0; i < NOPTS; i++)
		lopts[i] = (struct option){ opts[i].name, opts[i].has_arg, NULL, opts[i].id };
	memset(&lopts[NOPTS], 0, sizeof(lopts[NOPTS]));
	/* options before the command, then the command, then its options and arguments */
	opterr = 0; /* getopt's own messages are not in the secannex form */
	if ((rc = scan_opts(argc, argv, ap, lopts, 1)) >= 0)
		return rc;
	if (optind >= argc) {
		usage(stderr);
		return EXIT_USAGE;
	}
	/* the command's own arguments: a fresh getopt scan (optind = 0) that permutes options
	 * before operands, with the command standing as argv[0] */
	argc -= optind;
	argv += optind;
	optind = 0;
	if ((rc = scan_opts(argc, argv, ap, lopts, 0)) >= 0)
		return rc;
	if ((cs = find_cmd(argv[0])) == NULL)
		return unknown_command(argv[0]);
	if ((rc = check_opts(cs, ap)) >= 0)
		return rc;
	if (cs->formats && (rc = stream_format(&fmt, cs, ap->format)) != EXIT_OK)
		return rc;
	ap->diff = cs->bit == C_DIFF || cs->bit == C_EVALUATE;
	return cs->run(ap, cs->formats ? fmt : SECANNEX_FORMAT_TEXT, argc - optind, argv + optind);
}

/* The user's language for messages (LC_MESSAGES, LANG) and its character set (LC_CTYPE); the
 * other categories stay "C", so that numbers and sorting never depend on the locale.  The
 * catalogs are in LOCALEDIR, or in $SECANNEX_LOCALEDIR (the test suite's build tree). */
static void
i18n_init(void)
{
#if defined(ENABLE_NLS) && ENABLE_NLS
	const char *dir = getenv("SECANNEX_LOCALEDIR");

	setlocale(LC_CTYPE, "");
	setlocale(LC_MESSAGES, "");
	bindtextdomain(SX_TEXTDOMAIN, dir && *dir ? dir : LOCALEDIR);
	bind_textdomain_codeset(SX_TEXTDOMAIN, "UTF-8");
	textdomain(SX_TEXTDOMAIN);
#endif
}

int
main(int argc, char **argv)
{
	struct args a = { 0 };
	int rc;

#ifdef __GLIBC__
	/* a run is short: memory freed is kept for the next allocation rather than given back to the
	 * kernel (large blocks are otherwise mapped afresh each time, zlib's for each zip entry); a
	 * page touched for the first time costs more than the work done in it (tests/bench) */
	mallopt(M_MMAP_THRESHOLD, 64 << 20);
	mallopt(M_TRIM_THRESHOLD, 64 << 20);
#endif
	i18n_init();
#ifndef SECANNEX_SERVER
	main_argv = argv;
#endif
	rc = run(argc, argv, &a);

	free(a.pflags);
	free(a.allow_hosts);
	return finish_stdout(rc, a.diff);
}

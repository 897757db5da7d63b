/* main.c: the secannex command line: one option table drives parsing and --help; exit codes. */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "../secannex.h"

/* Exit codes (documented in --help, secannex.1 and README). */
enum exit_code {
	EXIT_OK = 0,
	EXIT_DATA = 1,  /* bad input file, invalid catalog, unknown type/grade/row */
	EXIT_USAGE = 2  /* bad command line */
};

enum opt_id {
	OPT_CATALOG = 1000, OPT_REGULATION, OPT_DATADIR, OPT_FORMAT, OPT_GRADE, OPT_AREA,
	OPT_LEVEL, OPT_KIND, OPT_MAX_BYTES, OPT_PROFILE, OPT_STRICT, OPT_DIM, OPT_TENDER,
	OPT_VENDOR, OPT_TEMPLATES, OPT_OLD_PROFILE, OPT_NEW_PROFILE, OPT_OLD_CATALOG, OPT_NEW_CATALOG,
	OPT_AUTHOR, OPT_COLOR, OPT_OUTPUT = 'o', OPT_HELP = 'h', OPT_VERSION = 'V'
};

/* The commands, as bits: each option lists the commands it applies to. */
enum cmd_bit {
	C_TYPES = 1 << 0, C_SHOW = 1 << 1, C_EXPORT = 1 << 2, C_BASELINE = 1 << 3,
	C_DUTIES = 1 << 4, C_VALIDATE = 1 << 5, C_RESOLVE = 1 << 6, C_GENERATE = 1 << 7,
	C_GRADE = 1 << 8, C_DIFF = 1 << 9,
	C_ALL = (1 << 10) - 1,
	C_TENDER = C_RESOLVE | C_GENERATE | C_DIFF,   /* the commands that resolve a tender */
	C_FMT = C_ALL & ~C_VALIDATE
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
	{ "catalog", 1, OPT_CATALOG, "FILE", "the 一覽表 catalog to use (default: the installed one)", NULL,
	    C_ALL },
	{ "regulation", 1, OPT_REGULATION, "FILE", "the 分級辦法 catalog to use (default: the installed one)", NULL,
	    C_ALL },
	{ "data-dir", 1, OPT_DATADIR, "DIR", "where the catalogs and schemas are (default: built in)", NULL,
	    C_ALL },
	{ "format", 1, OPT_FORMAT, "FMT", "output format: text (default), md (resolve) or json; odt, docx or csv (generate)", NULL,
	    C_FMT },
	{ "output", 1, OPT_OUTPUT, "FILE", "generate: the annex file (its extension picks the format)", NULL,
	    C_GENERATE | C_DIFF },
	{ "vendor-matrix", 0, OPT_VENDOR, NULL, "generate: add the vendor's response columns", NULL,
	    C_GENERATE | C_DIFF },
	{ "template-dir", 1, OPT_TEMPLATES, "DIR", "generate: the ODT/DOCX templates (default: beside the catalog)", NULL,
	    C_GENERATE | C_DIFF },
	{ "profile", 1, OPT_PROFILE, "FILE", "the tender profile (flags below override it)", NULL,
	    C_TENDER },
	{ "type", 1, OPT_TENDER, "TYPE", "procurement type id (see 'secannex types')", "type",
	    C_TENDER },
	{ "grade", 1, OPT_GRADE, "G", "system grade: 高|中|普 or high|medium|normal", "grade",
	    C_SHOW | C_BASELINE | C_TENDER },
	{ "confidentiality", 1, OPT_DIM, "G", "附表九 機密性 grade (with the other three: grade = highest)", "confidentiality",
	    C_TENDER | C_GRADE },
	{ "integrity", 1, OPT_DIM, "G", "附表九 完整性 grade", "integrity",
	    C_TENDER | C_GRADE },
	{ "availability", 1, OPT_DIM, "G", "附表九 可用性 grade", "availability",
	    C_TENDER | C_GRADE },
	{ "legal", 1, OPT_DIM, "G", "附表九 法律遵循性 grade", "legal",
	    C_TENDER | C_GRADE },
	{ "level", 1, OPT_LEVEL, "L", "agency responsibility level: A, B, C, D or E", "level",
	    C_DUTIES | C_TENDER },
	{ "kind", 1, OPT_KIND, "KIND", "agency kind: public (公務機關) or special (特定非公務機關)", "kind",
	    C_DUTIES | C_TENDER },
	{ "personal-data", 2, OPT_TENDER, "[=no]", "the service involves personal data", "personal-data",
	    C_TENDER },
	{ "special-procurement", 2, OPT_TENDER, "[=no]", "a 特殊或巨額採購 (special or large procurement)", "special-procurement",
	    C_TENDER },
	{ "scan-risk", 1, OPT_TENDER, "TEXT", "the 「未含___等級風險」 blank: risk level a scan report must not contain", "scan-risk",
	    C_TENDER },
	{ "baseline", 1, OPT_TENDER, "G", "附表十 baseline grade, when set above the system grade", "baseline",
	    C_TENDER },
	{ "choose", 1, OPT_TENDER, "ID", "include a ◎ row (repeatable)", "choose",
	    C_TENDER },
	{ "exclude", 1, OPT_TENDER, "ID=REASON", "leave out a ● row, with the reason (repeatable)", "exclude",
	    C_TENDER },
	{ "ciso-confirm", 1, OPT_TENDER, "ID", "the CISO confirmed a ▲ row (repeatable)", "ciso-confirm",
	    C_TENDER },
	{ "ciso-decline", 1, OPT_TENDER, "ID=REASON", "the CISO declined a ▲ row, with the reason (repeatable)", "ciso-decline",
	    C_TENDER },
	{ "agency", 1, OPT_TENDER, "TEXT", "機關 (agency name)", "agency",
	    C_TENDER },
	{ "case", 1, OPT_TENDER, "TEXT", "案號 (case number)", "case",
	    C_TENDER },
	{ "title", 1, OPT_TENDER, "TEXT", "案名 (tender title)", "title",
	    C_TENDER },
	{ "date", 1, OPT_TENDER, "YYYY-MM-DD", "the document date", "date",
	    C_TENDER },
	{ "strict", 0, OPT_STRICT, NULL, "treat warnings (unfilled blanks) as errors", NULL,
	    C_TENDER },
	{ "old-profile", 1, OPT_OLD_PROFILE, "FILE", "diff: the earlier revision of the tender profile", NULL,
	    C_DIFF },
	{ "new-profile", 1, OPT_NEW_PROFILE, "FILE", "diff: the later revision of the tender profile", NULL,
	    C_DIFF },
	{ "old-catalog", 1, OPT_OLD_CATALOG, "FILE", "diff: the 一覽表 the old profile is resolved with", NULL,
	    C_DIFF },
	{ "new-catalog", 1, OPT_NEW_CATALOG, "FILE", "diff: the 一覽表 the new profile is resolved with", NULL,
	    C_DIFF },
	{ "author", 1, OPT_AUTHOR, "NAME", "diff -o: the author of the tracked changes (default secannex)", NULL,
	    C_DIFF },
	{ "color", 1, OPT_COLOR, "WHEN", "diff: colour the text output: auto (default, on a terminal), always, never", NULL,
	    C_DIFF },
	{ "area", 1, OPT_AREA, "AREA", "附表十 area id (ac au cp ia sa sc si) or name", NULL,
	    C_BASELINE },
	{ "max-bytes", 1, OPT_MAX_BYTES, "N", "refuse input files larger than N bytes (default 8388608)", NULL,
	    C_ALL },
	{ "help", 0, OPT_HELP, NULL, "show this help and exit", NULL,
	    C_ALL },
	{ "version", 0, OPT_VERSION, NULL, "show the version and exit", NULL,
	    C_ALL },
};
#define NOPTS (sizeof(opts) / sizeof(opts[0]))
_Static_assert(sizeof(opts) / sizeof(opts[0]) <= 64, "struct args.used holds 64 options");

static const struct cmd_spec {
	const char *name;
	unsigned bit;
	const char *synopsis;
	const char *help;
} cmds[] = {
	{ "types", C_TYPES, "types", "list the nine procurement types: id, row count, name" },
	{ "show", C_SHOW, "show TYPE [--grade G]", "the rows of a type (with that grade's mark)" },
	{ "export", C_EXPORT, "export --format json", "the whole catalog as JSON" },
	{ "baseline", C_BASELINE, "baseline --grade G [--area AREA]", "a grade's complete 附表十 control list" },
	{ "duties", C_DUTIES, "duties --level L --kind public|special", "an agency's 附表一～八 duties" },
	{ "validate", C_VALIDATE, "validate FILE...", "check catalog files (schema and rules); exit 0 when clean" },
	{ "resolve", C_RESOLVE, "resolve [--profile FILE] [FLAGS]", "decide every row of one tender (status, reason)" },
	{ "generate", C_GENERATE, "generate [--profile FILE] [FLAGS] -o FILE", "write the tender annex: .odt, .docx, or .csv (vendor matrix)" },
	{ "grade", C_GRADE, "grade --confidentiality G --integrity G ...", "the system grade from the 附表九 dimensions" },
	{ "diff", C_DIFF, "diff OLD.xml NEW.xml [FLAGS] [-o REDLINE]", "catalog versions: what changed (exit 0 same, 1 differ, 2 error)" },
	{ "diff", C_DIFF, "diff --old-profile A --new-profile B [-o REDLINE]", "two revisions of one tender's annex" },
};
#define NCMDS (sizeof(cmds) / sizeof(cmds[0]))

/* A profile flag as given, applied after the profile file (so that flags override it). */
struct pflag {
	const char *key, *value;
};

struct args {
	const char *catalog, *regulation, *datadir, *format, *grade, *area, *level, *kind, *profile;
	const char *output, *templates, *old_profile, *new_profile, *old_catalog, *new_catalog;
	const char *author, *color;
	size_t max_bytes;
	int strict, vendor_matrix;
	struct pflag *pflags;
	size_t npflags;
	unsigned char used[64]; /* used[i]: opts[i] was given */
};

static void
usage(FILE *f)
{
	fputs("usage: secannex COMMAND [OPTIONS] [ARGS]\n\ncommands:\n", f);
	for (size_t i = 0; i < NCMDS; i++)
		fprintf(f, "  secannex %-40s %s\n", cmds[i].synopsis, cmds[i].help);
	fputs("\noptions:\n", f);
	for (size_t i = 0; i < NOPTS; i++) {
		char left[64];
		snprintf(left, sizeof(left), "--%s%s%s", opts[i].name,
		    opts[i].arg && opts[i].has_arg != 2 ? " " : "", opts[i].arg ? opts[i].arg : "");
		fprintf(f, "  %-28s %s\n", left, opts[i].help);
	}
	fputs("\nan option applies only to the commands that name it or use it (FLAGS: the tender\n"
	      "options from --profile to --strict, for resolve, generate and diff); elsewhere it is a\n"
	      "usage error.\n", f);
	fputs("\nexit status: 0 success; 1 bad input or data (invalid file, unknown type or row);\n"
	      "2 usage error.  Diagnostics: secannex: FILE:LINE: error: MESSAGE\n", f);
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
	fputs("\nTry 'secannex --help'.\n", stderr);
	return EXIT_USAGE;
}

/* The data directory: --data-dir, $SECANNEX_DATADIR, the source tree for an uninstalled build,
 * else the installed $(pkgdatadir). */
static const char *
data_dir(const struct args *a)
{
	static char exe[PATH_MAX];
	const char *env = getenv("SECANNEX_DATADIR");
	ssize_t n;

	if (a->datadir)
		return a->datadir;
	if (env && *env)
		return env;
	n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n > 0) {
		char *slash;
		exe[n] = '\0';
		if ((slash = strrchr(exe, '/')) != NULL)
			*slash = '\0';
		if (strcmp(exe, SECANNEX_BUILDDIR) == 0)
			return SECANNEX_SRCDATADIR;
	}
	return SECANNEX_PKGDATADIR;
}

static int
print_diags(secannex_diags *d)
{
	char *s = secannex_diags_format(d, "secannex");

	fputs(s, stderr);
	free(s);
	return secannex_diags_worst(d) >= SECANNEX_DIAG_ERROR ? EXIT_DATA : EXIT_OK;
}

static int
load(secannex_catalog **cat, const struct args *a, int want_proc, int want_reg)
{
	static char ppath[PATH_MAX], rpath[PATH_MAX];
	const char *dir = data_dir(a);
	secannex_load_opts lo = { NULL, NULL, dir, a->max_bytes };
	secannex_diags *d = secannex_diags_new();
	int rc;

	snprintf(ppath, sizeof(ppath), "%s/procurement.xml", dir);
	snprintf(rpath, sizeof(rpath), "%s/regulation.xml", dir);
	if (want_proc)
		lo.procurement_path = a->catalog ? a->catalog : ppath;
	if (want_reg)
		lo.regulation_path = a->regulation ? a->regulation : rpath;
	rc = secannex_catalog_load(cat, &lo, d);
	print_diags(d);
	secannex_diags_free(d);
	return rc == 0 ? EXIT_OK : EXIT_DATA;
}

static int
emit(char *s)
{
	if (s == NULL) {
		fprintf(stderr, "secannex: error: %s\n", secannex_error_last());
		return EXIT_DATA;
	}
	fputs(s, stdout);
	free(s);
	return EXIT_OK;
}

static int
parse_format(secannex_format *out, const char *s)
{
	if (s == NULL || strcmp(s, "text") == 0)
		*out = SECANNEX_FORMAT_TEXT;
	else if (strcmp(s, "json") == 0)
		*out = SECANNEX_FORMAT_JSON;
	else if (strcmp(s, "md") == 0)
		*out = SECANNEX_FORMAT_MD;
	else
		return usage_error("unknown format '%s' (expected text, md or json)", s);
	return EXIT_OK;
}

static int
cmd_validate(const struct args *a, int argc, char **argv)
{
	secannex_catalog *ref = NULL;
	secannex_diags *d = secannex_diags_new();
	char rpath[PATH_MAX];
	int rc = EXIT_OK;

	if (argc < 1) {
		secannex_diags_free(d);
		return usage_error("%s", "validate needs at least one FILE");
	}
	/* a procurement catalog's 附表十 references are checked against the regulation in use */
	snprintf(rpath, sizeof(rpath), "%s/regulation.xml", data_dir(a));
	{
		secannex_load_opts lo = { NULL, a->regulation ? a->regulation : rpath, data_dir(a),
			a->max_bytes };
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
	case OPT_TEMPLATES: a->templates = optarg; break;
	case OPT_OLD_PROFILE: a->old_profile = optarg; break;
	case OPT_NEW_PROFILE: a->new_profile = optarg; break;
	case OPT_OLD_CATALOG: a->old_catalog = optarg; break;
	case OPT_NEW_CATALOG: a->new_catalog = optarg; break;
	case OPT_AUTHOR: a->author = optarg; break;
	case OPT_COLOR: a->color = optarg; break;
	case OPT_STRICT: a->strict = 1; break;
	case OPT_DIM: case OPT_TENDER: break;
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
			return usage_error("bad --max-bytes '%s'", optarg);
		a->max_bytes = (size_t)v;
		break;
	case OPT_HELP:
		usage(stdout);
		return EXIT_OK;
	case OPT_VERSION:
		printf("secannex %s\n", secannex_version());
		return EXIT_OK;
	case ':':
		return usage_error("option '%s' needs a value", optind > 0 ? argv[optind - 1] : "?");
	default:
		if (optopt && optopt < 256)
			return usage_error("unknown option '-%c'", optopt);
		return usage_error("unknown option '%s'", optind > 0 ? argv[optind - 1] : "?");
	}
	return -1;
}

/* Every option given applies to CMD, and --grade is not mixed with the 附表九 dimensions.
 * Returns -1 when so, else the usage error's exit code. */
static int
check_opts(const char *cmd, const struct args *a)
{
	unsigned bit = 0;
	int grade = 0, dims = 0;

	for (size_t i = 0; i < NCMDS; i++)
		if (strcmp(cmds[i].name, cmd) == 0)
			bit = cmds[i].bit;
	if (bit == 0)
		return usage_error("unknown command '%s'", cmd);
	for (size_t i = 0; i < NOPTS; i++) {
		if (a->used[i] && !(opts[i].cmds & bit))
			return usage_error("option --%s does not apply to '%s'", opts[i].name, cmd);
		grade |= a->used[i] && opts[i].id == OPT_GRADE;
		dims |= a->used[i] && opts[i].id == OPT_DIM;
	}
	if (grade && dims && bit != C_SHOW && bit != C_BASELINE)
		return usage_error("%s", "give --grade or the four 附表九 dimensions "
		    "(--confidentiality --integrity --availability --legal), not both");
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
	print_diags(d);
	secannex_diags_free(d);
	secannex_profile_free(p);
	return rc;
}

static int
cmd_resolve(const struct args *a, secannex_format fmt)
{
	secannex_catalog *cat;
	secannex_resolution *res;
	int rc = resolve_tender(a, &cat, &res);

	if (rc == EXIT_OK)
		rc = emit(secannex_render_resolution(res, fmt));
	secannex_resolution_free(res);
	secannex_catalog_free(cat);
	return rc;
}

/* An annex format name (odt, docx, csv; any case).  Returns 0, or -1 when it is none. */
static int
annex_format_name(const char *s, secannex_annex_format *f)
{
	if (strcasecmp(s, "odt") == 0)
		*f = SECANNEX_ANNEX_ODT;
	else if (strcasecmp(s, "docx") == 0)
		*f = SECANNEX_ANNEX_DOCX;
	else if (strcasecmp(s, "csv") == 0)
		*f = SECANNEX_ANNEX_CSV;
	else
		return -1;
	return 0;
}

/* The annex format of OUT (WHAT: "annex" or "redline"): --format FMT, else OUT's extension;
 * both must agree when both name one.  Returns EXIT_OK or a usage error's exit code. */
static int
annex_format(const char *out, const char *fmt, const char *what, secannex_annex_format *f)
{
	const char *ext = strrchr(out, '.');
	secannex_annex_format by_ext;
	int have_ext;

	if (ext && strchr(ext, '/') != NULL)
		ext = NULL;
	have_ext = ext && annex_format_name(ext + 1, &by_ext) == 0;
	if (fmt) {
		if (annex_format_name(fmt, f) != 0)
			return usage_error("unknown %s format '%s' (expected odt, docx or csv)", what, fmt);
		if (have_ext && by_ext != *f)
			return usage_error("--format %s does not match the extension of '%s'", fmt, out);
		return EXIT_OK;
	}
	if (!have_ext)
		return usage_error("cannot tell the %s format of '%s': use .odt, .docx or .csv, "
		    "or --format odt|docx|csv", what, out);
	*f = by_ext;
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
		fprintf(stderr, "secannex: error: SOURCE_DATE_EPOCH='%s' is not a time in seconds "
		    "since 1970 (from 1980 on)\n", sde);
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
cmd_generate(const struct args *a)
{
	secannex_annex_opts o = { SECANNEX_ANNEX_DOCX, a->vendor_matrix, template_dir(a), 0, 0 };
	secannex_catalog *cat;
	secannex_resolution *res;
	secannex_diags *d;
	int rc;

	if (a->output == NULL)
		return usage_error("%s", "generate needs -o FILE (.odt, .docx or .csv)");
	if ((rc = annex_format(a->output, a->format, "annex", &o.format)) != EXIT_OK)
		return rc;
	if (source_date_epoch(&o.epoch_set, &o.epoch) != 0)
		return EXIT_DATA;
	if ((rc = resolve_tender(a, &cat, &res)) == EXIT_OK) {
		d = secannex_diags_new();
		if (secannex_annex_write(res, &o, a->output, d) != 0)
			rc = EXIT_DATA;
		print_diags(d);
		secannex_diags_free(d);
	}
	secannex_resolution_free(res);
	secannex_catalog_free(cat);
	return rc;
}

/* diff: exit 0 when identical, 1 when they differ, 2 on any error (as diff(1)). */
static int
cmd_diff(const struct args *a, int argc, char **argv)
{
	secannex_catalog *oc = NULL, *nc = NULL;
	secannex_profile *op = NULL, *np = NULL;
	secannex_resolution *orr = NULL, *nrr = NULL;
	secannex_diff *df = NULL;
	secannex_diags *d = secannex_diags_new();
	secannex_format fmt = SECANNEX_FORMAT_TEXT;
	secannex_redline_opts ro = { SECANNEX_ANNEX_DOCX, template_dir(a), a->author, 0, 0,
		a->vendor_matrix };
	int annex = a->old_profile || a->new_profile, tender = a->profile || a->npflags;
	int colour = 0, rc = 2;

	if (a->format && strcmp(a->format, "text") != 0 && strcmp(a->format, "md") != 0 &&
	    strcmp(a->format, "json") != 0) {
		usage_error("unknown diff format '%s' (expected text, md or json)", a->format);
		goto done;
	}
	if (a->format)
		fmt = strcmp(a->format, "json") == 0 ? SECANNEX_FORMAT_JSON :
		    strcmp(a->format, "md") == 0 ? SECANNEX_FORMAT_MD : SECANNEX_FORMAT_TEXT;
	if (a->color == NULL || strcmp(a->color, "auto") == 0)
		colour = isatty(STDOUT_FILENO) && getenv("NO_COLOR") == NULL;
	else if (strcmp(a->color, "always") == 0)
		colour = 1;
	else if (strcmp(a->color, "never") != 0) {
		usage_error("unknown --color '%s' (expected auto, always or never)", a->color);
		goto done;
	}
	colour = colour && fmt == SECANNEX_FORMAT_TEXT;
	if (a->output && annex_format(a->output, NULL, "redline", &ro.format) != EXIT_OK)
		goto done;
	if (a->output && ro.format == SECANNEX_ANNEX_CSV) {
		usage_error("a redline is .odt or .docx, not '%s'", a->output);
		goto done;
	}
	if (source_date_epoch(&ro.epoch_set, &ro.epoch) != 0)
		goto done;
	if (annex) {
		if (argc || !a->old_profile || !a->new_profile) {
			usage_error("%s", "an annex diff needs --old-profile A.xml and --new-profile B.xml (and no FILE)");
			goto done;
		}
		if (build_profile_from(&op, a, a->old_profile) != EXIT_OK ||
		    build_profile_from(&np, a, a->new_profile) != EXIT_OK ||
		    load_catalog(&oc, a, a->old_catalog) != EXIT_OK ||
		    load_catalog(&nc, a, a->new_catalog) != EXIT_OK)
			goto done;
	} else {
		if (argc != 2 || a->old_catalog || a->new_catalog) {
			usage_error("%s", "diff needs OLD.xml NEW.xml (or --old-profile and --new-profile)");
			goto done;
		}
		if (load_catalog(&oc, a, argv[0]) != EXIT_OK || load_catalog(&nc, a, argv[1]) != EXIT_OK)
			goto done;
		if (tender && a->output &&
		    (build_profile_from(&op, a, a->profile) != EXIT_OK ||
		    build_profile_from(&np, a, a->profile) != EXIT_OK))
			goto done;
		/* the tender's decisions name NEW's rows: under OLD they mean the matched rows */
		secannex_diff_catalogs(&df, oc, nc);
		if (op)
			secannex_profile_map_to_old(op, df);
	}
	if (op && (secannex_resolve(&orr, oc, op, a->strict, d) != 0 ||
	    secannex_resolve(&nrr, nc, np, a->strict, d) != 0)) {
		print_diags(d);
		goto done;
	}
	if (annex)
		secannex_diff_annexes(&df, orr, nrr);
	if (a->output) {
		int w = orr ? secannex_redline_annexes(orr, nrr, &ro, a->output, d) :
		    secannex_redline_catalogs(df, &ro, a->output, d);
		if (w != 0) {
			print_diags(d);
			goto done;
		}
	}
	print_diags(d);
	if (emit(secannex_render_diff(df, fmt, colour)) != EXIT_OK)
		goto done;
	rc = secannex_diff_count(df) ? 1 : 0;
done:
	secannex_diff_free(df);
	secannex_resolution_free(orr);
	secannex_resolution_free(nrr);
	secannex_profile_free(op);
	secannex_profile_free(np);
	secannex_catalog_free(oc);
	secannex_catalog_free(nc);
	secannex_diags_free(d);
	return rc;
}

static int
cmd_grade(const struct args *a, secannex_format fmt)
{
	static const char *const dims[4] = { "confidentiality", "integrity", "availability", "legal" };
	secannex_grade g[4];
	int have[4] = { 0, 0, 0, 0 };
	secannex_catalog *cat = NULL;
	int rc;

	for (size_t i = 0; i < a->npflags; i++)
		for (int k = 0; k < 4; k++)
			if (strcmp(a->pflags[i].key, dims[k]) == 0) {
				if (secannex_grade_parse(&g[k], a->pflags[i].value) != 0)
					return usage_error("--%s: %s", dims[k], secannex_error_last());
				have[k] = 1;
			}
	for (int k = 0; k < 4; k++)
		if (!have[k])
			return usage_error("grade needs --%s G (and the other three dimensions)", dims[k]);
	if ((rc = load(&cat, a, 0, 1)) == EXIT_OK)
		rc = emit(secannex_render_grade(cat, g, fmt));
	secannex_catalog_free(cat);
	return rc;
}

/* Everything of main() but the final clean-up: parse, dispatch, return the exit code. */
static int
run(int argc, char **argv, struct args *ap)
{
	struct option lopts[NOPTS + 1];
	secannex_catalog *cat = NULL;
	secannex_format fmt = SECANNEX_FORMAT_TEXT;
	secannex_grade grade = SECANNEX_GRADE_NORMAL;
	const char *cmd;
	int c, idx = -1, rc = EXIT_OK;

	for (size_t i = 0; i < NOPTS; i++)
		lopts[i] = (struct option){ opts[i].name, opts[i].has_arg, NULL, opts[i].id };
	memset(&lopts[NOPTS], 0, sizeof(lopts[NOPTS]));
	/* options before the command, then the command, then its options and arguments */
	opterr = 0; /* getopt's own messages are not in the secannex form */
	while ((c = getopt_long(argc, argv, "+:hVo:", lopts, &idx)) != -1) {
		if ((rc = apply_opt(c, idx, argv, ap)) >= 0)
			return rc;
		idx = -1;
	}
	if (optind >= argc) {
		usage(stderr);
		return EXIT_USAGE;
	}
	/* the command's own arguments: a fresh getopt scan (optind = 0) that permutes options
	 * before operands, with the command standing as argv[0] */
	cmd = argv[optind];
	argc -= optind;
	argv += optind;
	optind = 0;
	while ((c = getopt_long(argc, argv, ":hVo:", lopts, &idx)) != -1) {
		if ((rc = apply_opt(c, idx, argv, ap)) >= 0)
			return rc;
		idx = -1;
	}
	if ((rc = check_opts(cmd, ap)) >= 0)
		return rc;
	rc = EXIT_OK;
	argc -= optind;
	argv += optind;
	if (strcmp(cmd, "diff") == 0)
		return cmd_diff(ap, argc, argv);
	if (strcmp(cmd, "generate") == 0) {
		if (argc > 0)
			return usage_error("generate takes no argument: use --profile FILE and -o FILE%s", "");
		return cmd_generate(ap);
	}
	if ((rc = parse_format(&fmt, ap->format)) != EXIT_OK)
		return rc;

	if (strcmp(cmd, "validate") == 0)
		return cmd_validate(ap, argc, argv);
	if (fmt == SECANNEX_FORMAT_MD && strcmp(cmd, "resolve") != 0)
		return usage_error("--format md is for resolve (here: text or json)%s", "");
	if (strcmp(cmd, "resolve") == 0 || strcmp(cmd, "grade") == 0) {
		if (argc > 0)
			return usage_error("%s takes no argument: use --profile FILE", cmd);
		rc = cmd[0] == 'r' ? cmd_resolve(ap, fmt) : cmd_grade(ap, fmt);
		if (ferror(stdout) || fclose(stdout) != 0) {
			fprintf(stderr, "secannex: error writing output: %s\n", strerror(errno));
			return EXIT_DATA;
		}
		return rc;
	}
	if (strcmp(cmd, "types") == 0) {
		if (argc)
			return usage_error("types takes no argument: '%s'", argv[0]);
		if ((rc = load(&cat, ap, 1, 1)) == EXIT_OK)
			rc = emit(secannex_render_types(cat, fmt));
	} else if (strcmp(cmd, "show") == 0) {
		if (argc != 1)
			return usage_error("%s", "show needs exactly one TYPE");
		if (ap->grade && secannex_grade_parse(&grade, ap->grade) != 0)
			return usage_error("%s", secannex_error_last());
		if ((rc = load(&cat, ap, 1, 1)) == EXIT_OK)
			rc = emit(secannex_render_show(cat, argv[0], ap->grade ? (int)grade : -1, fmt));
	} else if (strcmp(cmd, "export") == 0) {
		if (argc)
			return usage_error("export takes no argument: '%s'", argv[0]);
		if (ap->format == NULL || fmt != SECANNEX_FORMAT_JSON)
			return usage_error("%s", "export needs --format json");
		if ((rc = load(&cat, ap, 1, 1)) == EXIT_OK)
			rc = emit(secannex_render_export(cat));
	} else if (strcmp(cmd, "baseline") == 0) {
		if (argc)
			return usage_error("baseline takes no argument: '%s'", argv[0]);
		if (ap->grade == NULL)
			return usage_error("%s", "baseline needs --grade G");
		if (secannex_grade_parse(&grade, ap->grade) != 0)
			return usage_error("%s", secannex_error_last());
		if ((rc = load(&cat, ap, 0, 1)) == EXIT_OK)
			rc = emit(secannex_render_baseline(cat, grade, ap->area, fmt));
	} else if (strcmp(cmd, "duties") == 0) {
		int level;
		secannex_kind kind;
		if (argc)
			return usage_error("duties takes no argument: '%s'", argv[0]);
		if (ap->level == NULL || ap->kind == NULL)
			return usage_error("%s", "duties needs --level L and --kind public|special");
		if (secannex_level_parse(&level, ap->level) != 0 ||
		    secannex_kind_parse(&kind, ap->kind) != 0)
			return usage_error("%s", secannex_error_last());
		if ((rc = load(&cat, ap, 0, 1)) == EXIT_OK)
			rc = emit(secannex_render_duties(cat, level, kind, fmt));
	} else {
		return usage_error("unknown command '%s'", cmd);
	}
	secannex_catalog_free(cat);
	if (ferror(stdout) || fclose(stdout) != 0) {
		fprintf(stderr, "secannex: error writing output: %s\n", strerror(errno));
		return EXIT_DATA;
	}
	return rc;
}

int
main(int argc, char **argv)
{
	struct args a = { 0 };
	int rc = run(argc, argv, &a);

	free(a.pflags);
	return rc;
}

/* test_load.c: the shipped-file fast path of loading: bytes identical to the catalogs validated at
 * build time skip their checks and take the model compiled from them, which is the model parsed
 * from the files; one changed byte anywhere gets every check again (and is refused when it
 * breaks a rule), and the regulation is read only when a check needs it; the compiled schemas
 * can be freed between loads. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "unit.h"
#include "../../src/lib/shipped.h"
#include "../../src/tools/modelc.h"

#define PROC SECANNEX_LOAD_SHIPPED_PROCUREMENT
#define REG SECANNEX_LOAD_SHIPPED_REGULATION
#define BOTH (PROC | REG)

/* A private copy of the catalog directory, where one file may have one byte changed. */
struct copy {
	char dir[64];
	char proc[128], reg[128];
};

static void
S_copy_file(const char *from_dir, const char *to_dir, const char *name)
{
	char from[512], to[512], buf[8192];
	FILE *in, *out;
	size_t n;

	snprintf(from, sizeof(from), "%s/%s", from_dir, name);
	snprintf(to, sizeof(to), "%s/%s", to_dir, name);
	in = fopen(from, "rb");
	out = fopen(to, "wb");
	assert_non_null(in);
	assert_non_null(out);
	while ((n = fread(buf, 1, sizeof(buf), in)) > 0)
		assert_int_equal(fwrite(buf, 1, n, out), n);
	fclose(in);
	assert_int_equal(fclose(out), 0);
}

static void
S_copy_new(struct copy *c)
{
	static const char *const files[] = { "procurement.xml", "regulation.xml", "procurement.rng",
		"regulation.rng" };

	snprintf(c->dir, sizeof(c->dir), "/tmp/secannex-load-XXXXXX");
	assert_non_null(mkdtemp(c->dir));
	for (size_t i = 0; i < 4; i++)
		S_copy_file(SECANNEX_SRCDATADIR, c->dir, files[i]);
	snprintf(c->proc, sizeof(c->proc), "%s/procurement.xml", c->dir);
	snprintf(c->reg, sizeof(c->reg), "%s/regulation.xml", c->dir);
}

static void
S_copy_free(struct copy *c)
{
	static const char *const files[] = { "procurement.xml", "regulation.xml", "procurement.rng",
		"regulation.rng" };
	char path[512];

	for (size_t i = 0; i < 4; i++) {
		snprintf(path, sizeof(path), "%s/%s", c->dir, files[i]);
		unlink(path);
	}
	rmdir(c->dir);
}

/* In PATH, the byte at offset AT of the first occurrence of MARK becomes TO (exactly one byte of
 * the file changes). */
static void
S_change_byte(const char *path, const char *mark, size_t at, char to)
{
	FILE *f = fopen(path, "rb");
	char *data = malloc(1 << 20), *p;
	size_t n;

	assert_non_null(f);
	assert_non_null(data);
	n = fread(data, 1, (1 << 20) - 1, f);
	fclose(f);
	data[n] = '\0';
	p = strstr(data, mark);
	assert_non_null(p);
	assert_true(at < strlen(mark) && p[at] != to);
	p[at] = to;
	f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, n, f), n);
	assert_int_equal(fclose(f), 0);
	free(data);
}

/* Load C's files with FLAGS; *CAT the catalog (or NULL), D the diagnostics.  Returns the rc. */
static int
S_load(const struct copy *c, unsigned flags, const char *reg, secannex_catalog **ct,
    secannex_diags *d)
{
	secannex_load_opts o = { c->proc, reg ? reg : c->reg, c->dir, 0, flags };

	return secannex_catalog_load(ct, &o, d);
}

/* The diagnostics as text (for the messages a refused file gets). */
static char *
S_diags(secannex_diags *d)
{
	return secannex_diags_format(d, "test");
}

static void
test_shipped_recognised(void **state)
{
	struct copy c;
	secannex_diags *d = secannex_diags_new();
	secannex_catalog *ct = NULL;

	S_copy_new(&c);
	assert_int_equal(S_load(&c, BOTH, NULL, &ct, d), 0);
	assert_int_equal(ct->shipped, BOTH);
	assert_int_equal(secannex_diags_count(d), 0);
	assert_non_null(ct->proc);
	assert_non_null(ct->reg);
	secannex_catalog_free(ct);
	/* without the flags, the same bytes get every check */
	assert_int_equal(S_load(&c, 0, NULL, &ct, d), 0);
	assert_int_equal(ct->shipped, 0);
	secannex_catalog_free(ct);
	/* a flag trusts only its own file */
	assert_int_equal(S_load(&c, REG, NULL, &ct, d), 0);
	assert_int_equal(ct->shipped, REG);
	secannex_catalog_free(ct);
	secannex_diags_free(d);
	S_copy_free(&c);
}

/* One byte of the procurement catalog changed so that only the check named by WANT catches it:
 * the load with the fast path allowed refuses it with that message. */
static void
S_refused(const char *mark, size_t at, char to, const char *want)
{
	struct copy c;
	secannex_diags *d = secannex_diags_new();
	secannex_catalog *ct = NULL;
	char *s;

	S_copy_new(&c);
	S_change_byte(c.proc, mark, at, to);
	assert_int_equal(S_load(&c, BOTH, NULL, &ct, d), SECANNEX_EINVALID);
	assert_null(ct);
	s = S_diags(d);
	if (strstr(s, want) == NULL)
		fail_msg("expected '%s' in:\n%s", want, s);
	free(s);
	secannex_diags_free(d);
	S_copy_free(&c);
}

/* The model as C source (modelc.c), a string to compare (caller frees). */
static char *
S_modelc(const sx_procurement *p, const sx_regulation *r)
{
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);

	assert_non_null(f);
	assert_int_equal(p ? sx_modelc_procurement(f, p, "M") : sx_modelc_regulation(f, r, "M"), 0);
	assert_int_equal(fclose(f), 0);
	return text;
}

/* The model compiled into the program (shipped.c) is, member for member, the model parsed and
 * checked from the same files: both print the same C source; a loaded shipped file takes it. */
static void
test_embedded_model(void **state)
{
	struct copy c;
	secannex_diags *d = secannex_diags_new();
	secannex_catalog *full = NULL, *fast = NULL;
	char *a, *b;

	S_copy_new(&c);
	assert_int_equal(sx_nshipped, 2);
	assert_int_equal(S_load(&c, 0, NULL, &full, d), 0);
	assert_int_equal(S_load(&c, BOTH, NULL, &fast, d), 0);
	assert_int_equal(secannex_diags_count(d), 0);
	assert_int_equal(fast->shipped, BOTH);
	assert_true(fast->proc->embedded && fast->reg->embedded);
	assert_false(full->proc->embedded || full->reg->embedded);
	assert_string_equal(fast->proc->path, c.proc);
	assert_string_equal(fast->reg->path, c.reg);
	/* the rows are the compiled ones, the headers and the index its own */
	assert_ptr_equal(fast->proc->types, sx_shipped[0].proc->types);
	assert_ptr_equal(sx_item_find(fast->proc, "dev-07"), &fast->proc->types[6].items[6]);
	a = S_modelc(full->proc, NULL);
	b = S_modelc(fast->proc, NULL);
	assert_true(strlen(a) > 40000);
	assert_string_equal(a, b);
	free(a);
	free(b);
	a = S_modelc(NULL, full->reg);
	b = S_modelc(NULL, fast->reg);
	assert_true(strlen(a) > 60000);
	assert_string_equal(a, b);
	free(a);
	free(b);
	secannex_catalog_free(full);
	secannex_catalog_free(fast);
	secannex_diags_free(d);
	S_copy_free(&c);
	(void)state;
}

static void
test_changed_byte_text_rule(void **state)
{
	/* a space in a row's text becomes a tab: only the text rules forbid it */
	S_refused("ISO 27001", 3, '\t', "control character U+0009");
	/* 「：」 (EF BC 9A) becomes U+F91A, a compatibility ideograph: only the text rules see it */
	S_refused("規定：", 7, (char)0xA4, "U+F91A");
}

static void
test_changed_byte_schema(void **state)
{
	S_refused("audience=\"vendor\"", 15, 's', "schema");
}

static void
test_changed_byte_semantic(void **state)
{
	/* dev-03 becomes a second dev-02: only the semantic checks (check.c) see it */
	S_refused("<item id=\"dev-03\">", 15, '2', "duplicate id 'dev-02'");
	/* a 附表十 reference to an area the regulation does not have */
	S_refused("<baseline-area ref=\"ac\"/>", 21, 'x', "ax");
}

static void
test_changed_byte_valid(void **state)
{
	struct copy c;
	secannex_diags *d = secannex_diags_new();
	secannex_catalog *ct = NULL;
	char *show;

	/* 善 (E5 96 84) becomes U+5585 (E5 96 85): a valid catalog, but not the shipped one */
	S_copy_new(&c);
	S_change_byte(c.proc, "具備完善之資通安全管理措施", 11, (char)0x85);
	assert_int_equal(S_load(&c, BOTH, NULL, &ct, d), 0);
	assert_int_equal(secannex_diags_count(d), 0);
	assert_int_equal(ct->shipped, REG);
	show = secannex_render_show(ct, "dev", -1, SECANNEX_FORMAT_JSON);
	assert_non_null(strstr(show, "具備完\xe5\x96\x85之資通安全管理措施"));
	free(show);
	secannex_catalog_free(ct);
	/* the same for the regulation: one changed character, loaded with every check */
	S_copy_free(&c);
	S_copy_new(&c);
	S_change_byte(c.reg, "<title>資通安全責任等級分級辦法</title>", 9, (char)0x86);
	assert_int_equal(S_load(&c, BOTH, NULL, &ct, d), 0);
	assert_int_equal(ct->shipped, PROC);
	secannex_catalog_free(ct);
	/* and one that breaks the regulation's schema is refused */
	S_copy_free(&c);
	S_copy_new(&c);
	S_change_byte(c.reg, "<cell grades=\"normal\"", 19, 'x');
	assert_int_equal(S_load(&c, BOTH, NULL, &ct, d), SECANNEX_EINVALID);
	assert_null(ct);
	secannex_diags_free(d);
	S_copy_free(&c);
}

static void
test_regulation_for_checks(void **state)
{
	struct copy c;
	secannex_diags *d = secannex_diags_new();
	secannex_catalog *ct = NULL;
	unsigned fl = BOTH | SECANNEX_LOAD_REGULATION_FOR_CHECKS;

	S_copy_new(&c);
	/* the shipped 一覽表 needs no regulation: a missing one is never read */
	assert_int_equal(S_load(&c, fl, "/nonexistent/regulation.xml", &ct, d), 0);
	assert_null(ct->reg);
	assert_int_equal(ct->shipped, PROC);
	secannex_catalog_free(ct);
	/* an edited one is checked against it, which is read then (and not kept) */
	S_change_byte(c.proc, "具備完善之資通安全管理措施", 11, (char)0x85);
	assert_int_equal(S_load(&c, fl, "/nonexistent/regulation.xml", &ct, d), SECANNEX_EIO);
	assert_null(ct);
	assert_int_equal(S_load(&c, fl, NULL, &ct, d), 0);
	assert_null(ct->reg);
	assert_int_equal(ct->shipped, 0);
	secannex_catalog_free(ct);
	/* ... and its 附表十 references really are checked against it */
	S_change_byte(c.proc, "<baseline-area ref=\"ac\"/>", 21, 'x');
	assert_int_equal(S_load(&c, fl, NULL, &ct, d), SECANNEX_EINVALID);
	secannex_diags_free(d);
	S_copy_free(&c);
}

/* The compiled schemas freed between two loads (as the command line frees them before writing):
 * the second load compiles its schema again and checks as strictly; an invalid profile is still
 * refused after a release, and a valid one loads. */
static void
test_schemas_release(void **state)
{
	secannex_diags *d = secannex_diags_new();
	secannex_profile *p;
	char bad[] = "/tmp/secannex-test-load-XXXXXX";
	int fd;

	(void)state;
	for (int i = 0; i < 2; i++) {
		p = secannex_profile_new();
		assert_int_equal(secannex_profile_load(p, SECANNEX_SRCDIR "/samples/profile-dev.xml",
		    SECANNEX_SRCDATADIR, 0, d), 0);
		secannex_profile_free(p);
		secannex_schemas_release();
	}
	secannex_schemas_release(); /* nothing kept: a no-op */
	assert_true((fd = mkstemp(bad)) >= 0);
	const char *text = "<profile xmlns=\"urn:secannex:profile:1\"><tender/>"
	    "<agency-level>Z</agency-level></profile>\n";
	assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	close(fd);
	p = secannex_profile_new();
	assert_int_not_equal(secannex_profile_load(p, bad, SECANNEX_SRCDATADIR, 0, d), 0);
	assert_true(secannex_diags_count(d) > 0);
	secannex_profile_free(p);
	unlink(bad);
	secannex_diags_free(d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_shipped_recognised),
		cmocka_unit_test(test_embedded_model),
		cmocka_unit_test(test_changed_byte_text_rule),
		cmocka_unit_test(test_changed_byte_schema),
		cmocka_unit_test(test_changed_byte_semantic),
		cmocka_unit_test(test_changed_byte_valid),
		cmocka_unit_test(test_regulation_for_checks),
		cmocka_unit_test(test_schemas_release),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

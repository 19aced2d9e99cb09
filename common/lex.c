/*
 * lex: loading the lexicon (see lex.h): its file format line by line,
 * the checks of what the code relies on (the values C names, a value a
 * rule names that no cue gives), and freeing it.  Scanning text for its
 * phrases is lex_scan.c.
 */
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "gz.h"
#include "lex.h"
#include "utf8.h"
#include "xalloc.h"

extern const unsigned char data_lexicon[];
extern const size_t data_lexicon_len;

static const char *const class_name[LEX_NCLASS] = { "what", "kind", "state",
	"topic", "role", "mark", "qual", "total", "skip" };

/* The classes whose values mean something in code: their names. */
static const char *const role_names[] = { "change", "compare", "plan",
	"proposal", "example", "attain", "tier", "own", "to", "from", "actor",
	"part", "whole", "former", "field", NULL };
static const char *const mark_names[] = { "partial", "complete", NULL };
static const char *const qual_names[] = { "approx", "min", "max", NULL };
static const char *const total_names[] = { "total", NULL };
static const char *const skip_names[] = { "skip", NULL };

struct loader {
	struct lex *x;
	const char *file;
	size_t line;
};

static char *
trim(char *s)
{
	char *e;

	while (*s == ' ' || *s == '\t')
		s++;
	e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
		*--e = '\0';
	return s;
}

static void
parse_alt(struct lex_alt *a, char *text)
{
	char *p = text, *bar;

	for (;;) {
		struct buf b = { 0 };
		char *w;

		bar = strchr(p, '|');
		if (bar != NULL)
			*bar = '\0';
		w = trim(p);
		if (*w != '\0') {
			lex_fold(&b, w, strlen(w));
			a->v = xreallocarray(a->v, a->n + 1, sizeof(*a->v));
			a->v[a->n++] = b.p;
		}
		if (bar == NULL)
			break;
		p = bar + 1;
	}
}

static int
class_of(const char *name)
{
	int k;

	for (k = 0; k < LEX_NCLASS; k++)
		if (strcmp(class_name[k], name) == 0)
			return k;
	return -1;
}

static const char *const *
fixed_names(int cls)
{
	switch (cls) {
	case LEX_ROLE:
		return role_names;
	case LEX_MARK:
		return mark_names;
	case LEX_QUAL:
		return qual_names;
	case LEX_TOTAL:
		return total_names;
	case LEX_SKIP:
		return skip_names;
	}
	return NULL;
}

/* The index of value name in class cls, -1 when unknown. */
static int
value_of(const struct lex *x, int cls, const char *name)
{
	size_t i;

	for (i = 0; i < x->nval[cls]; i++)
		if (strcmp(x->val[cls][i], name) == 0)
			return (int)i;
	return -1;
}

/* The value index of name, adding it to a facet class when new. */
static int
add_value(struct loader *ld, int cls, const char *name)
{
	struct lex *x = ld->x;
	int v = value_of(x, cls, name);

	if (v >= 0)
		return v;
	if (fixed_names(cls) != NULL)
		die_at(2, ld->file, ld->line, "cue: '%s' is not a value of %s",
		    name, class_name[cls]);
	if (x->nval[cls] == LEX_MAXVAL)
		die_at(2, ld->file, ld->line, "cue: more than %d values of %s",
		    LEX_MAXVAL, class_name[cls]);
	x->val[cls][x->nval[cls]] = xstrdup(name);
	return (int)x->nval[cls]++;
}

/* "cue CLASS [VALUE]: phrase | phrase", and the old "unit UNIT: nouns". */
static void
parse_cue(struct loader *ld, char *rest, int unit_line)
{
	struct lex *x = ld->x;
	struct lex_alt a = { 0 };
	char *colon = strchr(rest, ':'), *cls_name, *val_name;
	int cls, val;
	size_t i;

	if (colon == NULL)
		die_at(2, ld->file, ld->line, "%s: expected '%s: phrase | phrase'",
		    unit_line ? "unit" : "cue", unit_line ? "unit UNIT" :
		    "cue CLASS VALUE");
	*colon = '\0';
	cls_name = trim(rest);
	if (unit_line) {
		cls = LEX_WHAT;
		val_name = cls_name;
	} else {
		val_name = strpbrk(cls_name, " \t");
		if (val_name != NULL)
			*val_name++ = '\0';
		if ((cls = class_of(cls_name)) < 0)
			die_at(2, ld->file, ld->line, "cue: unknown class '%s'",
			    cls_name);
		val_name = val_name == NULL ? NULL : trim(val_name);
		if (val_name == NULL || *val_name == '\0') {
			if (fixed_names(cls) == NULL || fixed_names(cls)[1] != NULL)
				die_at(2, ld->file, ld->line, "cue: %s needs a value",
				    cls_name);
			val_name = (char *)fixed_names(cls)[0];
		}
	}
	if (*val_name == '\0' || strpbrk(val_name, " \t") != NULL)
		die_at(2, ld->file, ld->line, "cue: bad value '%s'", val_name);
	val = add_value(ld, cls, val_name);
	parse_alt(&a, colon + 1);
	if (a.n == 0)
		die_at(2, ld->file, ld->line, "cue: no phrase");
	x->cue = xreallocarray(x->cue, x->ncue + a.n, sizeof(*x->cue));
	for (i = 0; i < a.n; i++) {
		struct lex_cue *c = &x->cue[x->ncue++];

		c->phrase = a.v[i];
		c->n = strlen(a.v[i]);
		c->cls = cls;
		c->val = val;
		c->line = ld->line;
	}
	free(a.v);
}

/* "attribute CLASS: value | value" (or outcome): values named by cue
 * lines before, into mask[CLASS]. */
static void
parse_attribute(struct loader *ld, char *rest, uint64_t *mask,
    const char *kw)
{
	char *colon = strchr(rest, ':'), *p, *bar;
	int cls, v;

	if (colon == NULL)
		die_at(2, ld->file, ld->line, "%s: expected "
		    "'%s CLASS: value | value'", kw, kw);
	*colon = '\0';
	if ((cls = class_of(trim(rest))) < 0 || cls >= LEX_NFACET)
		die_at(2, ld->file, ld->line, "%s: '%s' is no facet", kw,
		    trim(rest));
	for (p = colon + 1;; p = bar + 1) {
		bar = strchr(p, '|');
		if (bar != NULL)
			*bar = '\0';
		if ((v = value_of(ld->x, cls, trim(p))) < 0)
			die_at(2, ld->file, ld->line, "%s: '%s' is not a "
			    "value of %s (a cue line names it)", kw, trim(p),
			    class_name[cls]);
		mask[cls] |= (uint64_t)1 << v;
		if (bar == NULL)
			break;
	}
}

/* "zero FACET VALUE: ID | ID": after the cue lines of the value and the
 * indicator lines. */
static void
parse_zero(struct loader *ld, char *rest)
{
	struct lex *x = ld->x;
	struct lex_zero *z;
	char *colon = strchr(rest, ':'), *val, *p, *bar;
	const struct lex_ind *ind;
	int cls;

	if (colon == NULL || (*colon = '\0', val = strpbrk(trim(rest), " \t")) ==
	    NULL)
		die_at(2, ld->file, ld->line, "zero: expected 'zero FACET VALUE: "
		    "ID | ID'");
	*val++ = '\0';
	if ((cls = class_of(trim(rest))) < 0 || cls >= LEX_NFACET)
		die_at(2, ld->file, ld->line, "zero: '%s' is no facet", trim(rest));
	x->zero = xreallocarray(x->zero, x->nzero + 1, sizeof(*x->zero));
	z = &x->zero[x->nzero++];
	memset(z, 0, sizeof(*z));
	z->cls = cls;
	z->line = ld->line;
	if ((z->val = value_of(x, cls, trim(val))) < 0)
		die_at(2, ld->file, ld->line, "zero: '%s' is not a value of %s "
		    "(a cue line names it)", trim(val), class_name[cls]);
	for (p = colon + 1;; p = bar + 1) {
		bar = strchr(p, '|');
		if (bar != NULL)
			*bar = '\0';
		p = trim(p);
		if ((ind = lex_find(x, p, strlen(p))) == NULL)
			die_at(2, ld->file, ld->line, "zero: no indicator '%s' "
			    "(an indicator line names it)", p);
		if (z->nind == LEX_MAXZERO)
			die_at(2, ld->file, ld->line, "zero: more than %d "
			    "indicators", LEX_MAXZERO);
		z->ind[z->nind++] = ind - x->ind;
		if (bar == NULL)
			break;
	}
}

/* The values the reading relies on (struct lex_known), each found or an
 * error naming the file. */
static void
known_values(struct lex *x, const char *file)
{
	static const struct {
		int cls;
		const char *name;
		size_t off;
	} need[] = {
		{ LEX_WHAT, "other", offsetof(struct lex_known, what_other) },
		{ LEX_WHAT, "person", offsetof(struct lex_known, what_person) },
		{ LEX_WHAT, "case", offsetof(struct lex_known, what_case) },
		{ LEX_WHAT, "m2", offsetof(struct lex_known, what_m2) },
		{ LEX_STATE, "received", offsetof(struct lex_known, state_received) },
		{ LEX_STATE, "in_scope", offsetof(struct lex_known, state_in_scope) },
		{ LEX_STATE, "carried_over",
		    offsetof(struct lex_known, state_carried_over) },
	};
	size_t k;

	for (k = 0; k < sizeof(need) / sizeof(need[0]); k++) {
		int v = value_of(x, need[k].cls, need[k].name);

		if (v < 0)
			die_at(2, file, 0, "no '%s %s' cue line: the reading "
			    "relies on that value", class_name[need[k].cls],
			    need[k].name);
		*(int *)(void *)((char *)&x->known + need[k].off) = v;
	}
}

/* A facet key's values: "petition | dossier | -". */
static void
parse_fc(struct loader *ld, struct lex_rule *r, int cls, char *val)
{
	struct lex_fc *fc;
	char *p = val, *bar;

	if (r->nfc == LEX_MAXFC)
		die_at(2, ld->file, ld->line, "rule: more than %d facet keys",
		    LEX_MAXFC);
	fc = &r->fc[r->nfc++];
	memset(fc, 0, sizeof(*fc));
	fc->cls = cls;
	for (;;) {
		char *w;
		int v;

		bar = strchr(p, '|');
		if (bar != NULL)
			*bar = '\0';
		w = trim(p);
		if (strcmp(w, "-") == 0)
			fc->none = 1;
		else if (strcmp(w, "*") == 0)
			fc->any = 1;
		else if ((v = value_of(ld->x, cls, w)) >= 0)
			fc->allow |= (uint64_t)1 << v;
		else
			die_at(2, ld->file, ld->line, "rule: '%s' is not a value of "
			    "%s (a cue line names it)", w, class_name[cls]);
		if (bar == NULL)
			break;
		p = bar + 1;
	}
}

/* The word keys, as the file documents them: noun= starts the noun
 * phrase; lead= ends the label; before= is in the label; after= in the
 * clause after; near= in the clause before or after; not= in neither the
 * label nor the clause after; col=, row= in a table's labels; section=
 * starts the heading path.  Each weighs as the facets it stands for. */
const struct lex_word_key lex_word_key[LW_N] = {
	[LW_NOUN] = { "noun", LWH_NOUN, LHOW_STARTS, LWW_NOUN },
	[LW_LEAD] = { "lead", LWH_LABEL, LHOW_ENDS, LWW_NOUN },
	[LW_BEFORE] = { "before", LWH_LABEL, LHOW_CONTAINS, LWW_LABEL },
	[LW_AFTER] = { "after", LWH_AFTER, LHOW_CONTAINS, LWW_SHARED },
	[LW_NEAR] = { "near", LWH_NEAR, LHOW_CONTAINS, LWW_CLAUSE },
	[LW_NOT] = { "not", LWH_NEAR, LHOW_NONE, LWW_NONE },
	[LW_COL] = { "col", LWH_COL, LHOW_CONTAINS, LWW_LABEL },
	[LW_ROW] = { "row", LWH_ROW, LHOW_CONTAINS, LWW_LABEL },
	[LW_SECTION] = { "section", LWH_SECTION, LHOW_STARTS, LWW_CLAUSE },
};

static struct lex_alt *
word_key(struct lex_rule *r, const char *key)
{
	size_t k;

	for (k = 0; k < LW_N; k++)
		if (strcmp(lex_word_key[k].name, key) == 0)
			return &r->word[k];
	return NULL;
}

static void
parse_key(struct loader *ld, struct lex_rule *r, char *key, char *val)
{
	struct lex_alt *a;
	int cls = class_of(key);

	if (cls >= 0 && cls < LEX_NFACET) {
		parse_fc(ld, r, cls, val);
		/* '*' says nothing about the figure: it adds no weight. */
		if (!r->fc[r->nfc - 1].any)
			r->nkeys++;
	} else if ((a = word_key(r, key)) != NULL) {
		if (a->n > 0)
			die_at(2, ld->file, ld->line, "rule: '%s' given twice", key);
		parse_alt(a, val);
		r->nkeys++;
	} else if (strcmp(key, "scope") == 0 || strcmp(key, "source") == 0) {
		char **v = key[1] == 'c' ? &r->scope : &r->source;

		if (*v != NULL)
			die_at(2, ld->file, ld->line, "rule: '%s' given twice", key);
		*v = xstrdup(trim(val));
		if (key[1] == 'o')
			r->nkeys++;
		else if (strcmp(*v, "sub") != 0 && strcmp(*v, "reporter") != 0 &&
		    strcmp(*v, "broad") != 0 && strcmp(*v, "broader") != 0 &&
		    strcmp(*v, "alone") != 0)
			die_at(2, ld->file, ld->line, "rule: scope '%s' is not sub, "
			    "reporter, broad, broader or alone", *v);
	} else
		die_at(2, ld->file, ld->line, "rule: unknown key '%s'", key);
}

static void
parse_rule(struct loader *ld, char *rest)
{
	struct lex *x = ld->x;
	struct lex_rule *r;
	char *colon = strchr(rest, ':'), *p, *semi;

	if (colon == NULL)
		die_at(2, ld->file, ld->line, "rule: expected 'rule ID: key=value; ...'");
	*colon = '\0';
	x->rule = xreallocarray(x->rule, x->nrule + 1, sizeof(*x->rule));
	r = &x->rule[x->nrule++];
	memset(r, 0, sizeof(*r));
	r->ind = xstrdup(trim(rest));
	r->line = ld->line;
	r->ind_index = -1;
	if (strcmp(r->ind, "-") != 0) {
		const struct lex_ind *d = lex_find(x, r->ind, strlen(r->ind));

		if (d == NULL)
			die_at(2, ld->file, ld->line, "rule: unknown indicator '%s'",
			    r->ind);
		r->ind_index = d - x->ind;
	}
	for (p = colon + 1;; p = semi + 1) {
		char *eq, *key;

		semi = strchr(p, ';');
		if (semi != NULL)
			*semi = '\0';
		key = trim(p);
		if (*key != '\0') {
			if ((eq = strchr(key, '=')) == NULL)
				die_at(2, ld->file, ld->line, "rule: '%s' is not "
				    "key=value", key);
			*eq = '\0';
			parse_key(ld, r, trim(key), eq + 1);
		}
		if (semi == NULL)
			break;
	}
	if (r->nkeys == 0)
		die_at(2, ld->file, ld->line, "rule: no key");
}

/* A known indicator of the kind wanted, by the id in word. */
static const struct lex_ind *
relation_ind(const struct lex *x, const char *word, const char *kind,
    const char *file, size_t line)
{
	const struct lex_ind *d = lex_find(x, word, strlen(word));

	if (d == NULL)
		die_at(2, file, line, "unknown indicator '%s'", word);
	if (strcmp(d->kind, kind) != 0)
		die_at(2, file, line, "indicator '%s' is a %s, not a %s", word,
		    d->kind, kind);
	return d;
}

/*
 * "rate ID = NUM / DEN" and "stock ID" (kw says which): how indicators
 * relate, for the city-wide figures and the period algebra.
 */
static void
parse_relation(struct lex *x, const char *kw, char *rest, const char *file,
    size_t line)
{
	char id[128], num[128], den[128], tail[2];
	size_t i;

	if (strcmp(kw, "stock") == 0) {
		if (sscanf(rest, "%127s %1s", id, tail) != 1)
			die_at(2, file, line, "stock: expected 'stock ID'");
		relation_ind(x, id, "count", file, line);
		for (i = 0; i < x->nstock; i++)
			if (strcmp(x->stock[i], id) == 0)
				die_at(2, file, line, "stock '%s' given twice", id);
		x->stock = xreallocarray(x->stock, x->nstock + 1,
		    sizeof(*x->stock));
		x->stock[x->nstock++] = xstrdup(id);
		return;
	}
	if (sscanf(rest, "%127s = %127s / %127s %1s", id, num, den, tail) != 3)
		die_at(2, file, line, "rate: expected 'rate ID = NUM / DEN'");
	relation_ind(x, id, "rate", file, line);
	if (strcmp(relation_ind(x, num, "count", file, line)->unit,
	    relation_ind(x, den, "count", file, line)->unit) != 0 ||
	    strcmp(num, den) == 0)
		die_at(2, file, line, "rate: '%s' and '%s' are not two counts "
		    "of one unit", num, den);
	for (i = 0; i < x->nrate; i++)
		if (strcmp(x->rate[i].id, id) == 0)
			die_at(2, file, line, "rate '%s' given twice", id);
	x->rate = xreallocarray(x->rate, x->nrate + 1, sizeof(*x->rate));
	x->rate[x->nrate].id = xstrdup(id);
	x->rate[x->nrate].num = xstrdup(num);
	x->rate[x->nrate++].den = xstrdup(den);
}

static void
parse_indicator(struct loader *ld, char *rest)
{
	struct lex *x = ld->x;
	char id[128], unit[64], kind[32];
	struct lex_ind *d;

	if (sscanf(rest, "%127s %63s %31s", id, unit, kind) != 3)
		die_at(2, ld->file, ld->line, "indicator: expected 'indicator ID "
		    "UNIT KIND'");
	if (strcmp(kind, "count") != 0 && strcmp(kind, "rate") != 0 &&
	    strcmp(kind, "level") != 0)
		die_at(2, ld->file, ld->line, "indicator: kind '%s' is not count, "
		    "rate or level", kind);
	if (lex_find(x, id, strlen(id)) != NULL)
		die_at(2, ld->file, ld->line, "indicator '%s' defined twice", id);
	x->ind = xreallocarray(x->ind, x->nind + 1, sizeof(*x->ind));
	d = &x->ind[x->nind++];
	d->id = xstrdup(id);
	d->unit = xstrdup(unit);
	d->kind = xstrdup(kind);
}

static void
parse_line(struct loader *ld, char *s)
{
	char *kw, *rest;

	/* Comments are whole lines: '#' inside a rule is the number wildcard. */
	s = trim(s);
	if (*s == '\0' || *s == '#')
		return;
	kw = s;
	rest = strpbrk(s, " \t");
	if (rest == NULL)
		die_at(2, ld->file, ld->line, "'%s': expected indicator, cue, "
		    "rule, attribute, outcome, zero, rate or stock", s);
	*rest++ = '\0';
	if (strcmp(kw, "indicator") == 0)
		parse_indicator(ld, rest);
	else if (strcmp(kw, "cue") == 0 || strcmp(kw, "unit") == 0)
		parse_cue(ld, rest, kw[0] == 'u');
	else if (strcmp(kw, "rule") == 0)
		parse_rule(ld, rest);
	else if (strcmp(kw, "rate") == 0 || strcmp(kw, "stock") == 0)
		parse_relation(ld->x, kw, rest, ld->file, ld->line);
	else if (strcmp(kw, "zero") == 0)
		parse_zero(ld, rest);
	else if (strcmp(kw, "attribute") == 0 || strcmp(kw, "outcome") == 0)
		parse_attribute(ld, rest, kw[0] == 'a' ? ld->x->attr :
		    ld->x->outcome, kw);
	else
		die_at(2, ld->file, ld->line, "'%s': expected indicator, cue, "
		    "rule, attribute, outcome, zero, rate or stock", kw);
}

static int
by_phrase(const void *a, const void *b)
{
	const struct lex_cue *x = a, *y = b;
	int c = strcmp(x->phrase, y->phrase);

	if (c != 0)
		return c;
	if (x->cls != y->cls)
		return x->cls - y->cls;
	return x->val - y->val;
}

static void
fixed_values(struct lex *x)
{
	int cls;

	for (cls = 0; cls < LEX_NCLASS; cls++) {
		const char *const *names = fixed_names(cls);

		for (; names != NULL && *names != NULL; names++)
			x->val[cls][x->nval[cls]++] = xstrdup(*names);
	}
}

struct lex *
lex_load(const char *path)
{
	struct lex *x = xcalloc(1, sizeof(*x));
	struct loader ld = { x, NULL, 0 };
	struct gz_in *in;
	struct buf all = { 0 }, line = { 0 };
	char tmp[8192];
	size_t n, i;

	fixed_values(x);
	in = path == NULL ? gz_open_mem("(built-in lexicon)", data_lexicon,
	    data_lexicon_len) : gz_open_in(path);
	while ((n = gz_read(in, tmp, sizeof(tmp))) > 0)
		buf_add(&all, tmp, n);
	/* Closed before parsing: an error below leaves nothing open. */
	ld.file = xstrdup(gz_name(in));
	gz_close_in(in);
	if (all.n > 0 && all.p[all.n - 1] != '\n')
		buf_addc(&all, '\n');
	for (i = 0; i < all.n; i++) {
		if (all.p[i] != '\n') {
			buf_addc(&line, all.p[i]);
			continue;
		}
		ld.line++;
		if (u8_invalid(line.p == NULL ? "" : line.p, line.n) != line.n)
			die_at(2, ld.file, ld.line, "invalid UTF-8");
		if (line.p != NULL)
			parse_line(&ld, line.p);
		buf_clear(&line);
	}
	buf_free(&line);
	buf_free(&all);
	known_values(x, ld.file);
	free((char *)ld.file);
	if (x->ncue > 0)
		qsort(x->cue, x->ncue, sizeof(*x->cue), by_phrase);
	return x;
}

static void
free_alt(struct lex_alt *a)
{
	size_t i;

	for (i = 0; i < a->n; i++)
		free(a->v[i]);
	free(a->v);
}

void
lex_free(struct lex *x)
{
	size_t i, k;

	if (x == NULL)
		return;
	for (i = 0; i < x->nind; i++) {
		free(x->ind[i].id);
		free(x->ind[i].unit);
		free(x->ind[i].kind);
	}
	for (k = 0; k < LEX_NCLASS; k++)
		for (i = 0; i < x->nval[k]; i++)
			free(x->val[k][i]);
	for (i = 0; i < x->ncue; i++)
		free(x->cue[i].phrase);
	free(x->zero);
	for (i = 0; i < x->nrule; i++) {
		struct lex_rule *r = &x->rule[i];

		free(r->ind);
		for (k = 0; k < LW_N; k++)
			free_alt(&r->word[k]);
		free(r->scope);
		free(r->source);
	}
	for (i = 0; i < x->nrate; i++) {
		free(x->rate[i].id);
		free(x->rate[i].num);
		free(x->rate[i].den);
	}
	for (i = 0; i < x->nstock; i++)
		free(x->stock[i]);
	free(x->ind);
	free(x->cue);
	free(x->rule);
	free(x->rate);
	free(x->stock);
	free(x);
}

int
lex_value(const struct lex *x, int cls, const char *name)
{
	return value_of(x, cls, name);
}

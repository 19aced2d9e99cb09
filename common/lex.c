#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "gz.h"
#include "lex.h"
#include "utf8.h"
#include "xalloc.h"

extern const unsigned char data_lexicon[];
extern const size_t data_lexicon_len;

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
			u8_fold(&b, w, strlen(w));
			a->v = xreallocarray(a->v, a->n + 1, sizeof(*a->v));
			a->v[a->n++] = b.p;
		}
		if (bar == NULL)
			break;
		p = bar + 1;
	}
}

static void
parse_rule(struct lex *x, char *rest, const char *file, size_t line)
{
	struct lex_rule *r;
	char *colon = strchr(rest, ':'), *p, *semi;

	if (colon == NULL)
		die_at(2, file, line, "rule: expected 'rule ID: key=words; ...'");
	*colon = '\0';
	x->rule = xreallocarray(x->rule, x->nrule + 1, sizeof(*x->rule));
	r = &x->rule[x->nrule++];
	memset(r, 0, sizeof(*r));
	r->ind = xstrdup(trim(rest));
	r->line = line;
	r->ind_index = -1;
	if (strcmp(r->ind, "-") != 0 && strcmp(r->ind, "*") != 0) {
		const struct lex_ind *d = lex_find(x, r->ind, strlen(r->ind));

		if (d == NULL)
			die_at(2, file, line, "rule: unknown indicator '%s'", r->ind);
		r->ind_index = d - x->ind;
	}
	for (p = colon + 1;; p = semi + 1) {
		char *eq, *key, *val;
		struct lex_alt *a = NULL;

		semi = strchr(p, ';');
		if (semi != NULL)
			*semi = '\0';
		key = trim(p);
		if (*key != '\0') {
			eq = strchr(key, '=');
			if (eq == NULL)
				die_at(2, file, line, "rule: '%s' is not key=words", key);
			*eq = '\0';
			val = eq + 1;
			key = trim(key);
			if (strcmp(key, "noun") == 0)
				a = &r->noun;
			else if (strcmp(key, "before") == 0)
				a = &r->before;
			else if (strcmp(key, "after") == 0)
				a = &r->after;
			else if (strcmp(key, "near") == 0)
				a = &r->near;
			else if (strcmp(key, "not") == 0)
				a = &r->not;
			else if (strcmp(key, "col") == 0)
				a = &r->col;
			else if (strcmp(key, "row") == 0)
				a = &r->row;
			else if (strcmp(key, "section") == 0)
				a = &r->section;
			else if (strcmp(key, "scope") == 0 ||
			    strcmp(key, "source") == 0) {
				char **v = key[1] == 'c' ? &r->scope : &r->source;

				if (*v != NULL)
					die_at(2, file, line, "rule: '%s' given twice", key);
				*v = xstrdup(trim(val));
			} else
				die_at(2, file, line, "rule: unknown key '%s'", key);
			if (a != NULL)
				parse_alt(a, val);
		}
		if (semi == NULL)
			break;
	}
	if (strcmp(r->ind, "*") == 0 && r->scope == NULL)
		die_at(2, file, line, "rule *: a scope rule needs scope=");
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
parse_line(struct lex *x, char *s, const char *file, size_t line)
{
	char *kw, *rest;

	/* Comments are whole lines: '#' inside a rule is the number wildcard. */
	s = trim(s);
	if (*s == '\0' || *s == '#')
		return;
	kw = s;
	rest = strpbrk(s, " \t");
	if (rest == NULL)
		die_at(2, file, line, "'%s': expected indicator, unit or rule", s);
	*rest++ = '\0';
	if (strcmp(kw, "indicator") == 0) {
		char id[128], unit[64], kind[32];
		struct lex_ind *d;

		if (sscanf(rest, "%127s %63s %31s", id, unit, kind) != 3)
			die_at(2, file, line, "indicator: expected 'indicator ID UNIT KIND'");
		if (strcmp(kind, "count") != 0 && strcmp(kind, "rate") != 0 &&
		    strcmp(kind, "level") != 0)
			die_at(2, file, line, "indicator: kind '%s' is not count, rate or level", kind);
		if (lex_find(x, id, strlen(id)) != NULL)
			die_at(2, file, line, "indicator '%s' defined twice", id);
		x->ind = xreallocarray(x->ind, x->nind + 1, sizeof(*x->ind));
		d = &x->ind[x->nind++];
		d->id = xstrdup(id);
		d->unit = xstrdup(unit);
		d->kind = xstrdup(kind);
	} else if (strcmp(kw, "unit") == 0) {
		char *colon = strchr(rest, ':');
		struct lex_unit *u;

		if (colon == NULL)
			die_at(2, file, line, "unit: expected 'unit ID: words | words'");
		*colon = '\0';
		x->unit = xreallocarray(x->unit, x->nunit + 1, sizeof(*x->unit));
		u = &x->unit[x->nunit++];
		memset(u, 0, sizeof(*u));
		u->unit = xstrdup(trim(rest));
		parse_alt(&u->nouns, colon + 1);
	} else if (strcmp(kw, "rule") == 0) {
		parse_rule(x, rest, file, line);
	} else if (strcmp(kw, "rate") == 0 || strcmp(kw, "stock") == 0) {
		parse_relation(x, kw, rest, file, line);
	} else {
		die_at(2, file, line, "'%s': expected indicator, unit or rule", kw);
	}
}

struct lex *
lex_load(const char *path)
{
	struct lex *x = xcalloc(1, sizeof(*x));
	struct gz_in *in;
	struct buf all = { 0 }, line = { 0 };
	char tmp[8192];
	size_t n, i, lineno = 0;
	const char *name;

	in = path == NULL ? gz_open_mem("(built-in lexicon)", data_lexicon,
	    data_lexicon_len) : gz_open_in(path);
	while ((n = gz_read(in, tmp, sizeof(tmp))) > 0)
		buf_add(&all, tmp, n);
	/* Closed before parsing: an error below leaves nothing open. */
	name = xstrdup(gz_name(in));
	gz_close_in(in);
	if (all.n > 0 && all.p[all.n - 1] != '\n')
		buf_addc(&all, '\n');
	for (i = 0; i < all.n; i++) {
		if (all.p[i] != '\n') {
			buf_addc(&line, all.p[i]);
			continue;
		}
		lineno++;
		if (u8_invalid(line.p == NULL ? "" : line.p, line.n) != line.n)
			die_at(2, name, lineno, "invalid UTF-8");
		if (line.p != NULL)
			parse_line(x, line.p, name, lineno);
		buf_clear(&line);
	}
	buf_free(&line);
	buf_free(&all);
	free((char *)name);
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
	size_t i;

	if (x == NULL)
		return;
	for (i = 0; i < x->nind; i++) {
		free(x->ind[i].id);
		free(x->ind[i].unit);
		free(x->ind[i].kind);
	}
	for (i = 0; i < x->nunit; i++) {
		free(x->unit[i].unit);
		free_alt(&x->unit[i].nouns);
	}
	for (i = 0; i < x->nrule; i++) {
		struct lex_rule *r = &x->rule[i];

		free(r->ind);
		free_alt(&r->noun);
		free_alt(&r->before);
		free_alt(&r->after);
		free_alt(&r->near);
		free_alt(&r->not);
		free_alt(&r->col);
		free_alt(&r->row);
		free_alt(&r->section);
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
	free(x->unit);
	free(x->rule);
	free(x->rate);
	free(x->stock);
	free(x);
}

const struct lex_ind *
lex_find(const struct lex *x, const char *id, size_t n)
{
	size_t i;

	for (i = 0; i < x->nind; i++)
		if (strlen(x->ind[i].id) == n && memcmp(x->ind[i].id, id, n) == 0)
			return &x->ind[i];
	return NULL;
}

/*
 * The operations of the group-by: the table of them (name -> enum op),
 * and what each does to its accumulator: fold a value in (acc_add), write
 * and read its --partial state (acc_write_state, acc_read_state), write
 * its result (acc_write_result); texts kept once each in a pool.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aggregate.h"
#include "diag.h"
#include "xalloc.h"

/* Indexed by enum op; the contracts are struct acc's (aggregate.h). */
static const struct opdef opdefs[OP_N] = {
	[OP_SUM] = { "sum", OP_SUM, 1, 1 },
	[OP_COUNT] = { "count", OP_COUNT, 0, 0 },
	[OP_COUNTUNIQUE] = { "countunique", OP_COUNTUNIQUE, 1, 0 },
	[OP_MIN] = { "min", OP_MIN, 1, 1 },
	[OP_MAX] = { "max", OP_MAX, 1, 1 },
	[OP_MEAN] = { "mean", OP_MEAN, 1, 1 },
	[OP_FIRST] = { "first", OP_FIRST, 1, 0 },
	[OP_LAST] = { "last", OP_LAST, 1, 0 },
};

static const char *intern(struct pool *, const char *, size_t);
static int read_set(struct pool *, struct acc *, struct span);

const struct opdef *
acc_opdef(const char *name)
{
	size_t k;

	for (k = 0; k < OP_N; k++)
		if (strcmp(opdefs[k].name, name) == 0)
			return &opdefs[k];
	return NULL;
}

const struct opdef *
acc_opdef_of(enum op op)
{
	return &opdefs[op];
}

void
agg_grow(void **v, size_t n, size_t *cap, size_t size)
{
	if (n < *cap)
		return;
	*cap = *cap == 0 ? 4 : *cap * 2;
	*v = xreallocarray(*v, *cap, size);
}

void
strset_add(struct strset *s, const char *p)
{
	size_t lo = 0, hi = s->n;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strcmp(s->v[mid], p);

		if (c == 0)
			return;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (s->n == s->cap) {
		s->cap = s->cap == 0 ? 4 : s->cap * 2;
		s->v = xreallocarray(s->v, s->cap, sizeof(*s->v));
	}
	memmove(s->v + lo + 1, s->v + lo, (s->n - lo) * sizeof(*s->v));
	s->v[lo] = p;
	s->n++;
}

void
strset_free(struct strset *s)
{
	free(s->v);
}

/* The one copy of the text p[0..n) (NUL-terminated), owned by the pool. */
static const char *
intern(struct pool *pl, const char *p, size_t n)
{
	uint64_t h = htab_hash(p, n);
	struct hkey *k = htab_find(&pl->tab, p, n, h);

	if (k != NULL)
		return k->key;
	k = arena_alloc(&pl->ar, sizeof(*k));
	k->key = arena_dup(&pl->ar, p, n);
	k->keylen = n;
	k->hash = h;
	htab_add(&pl->tab, k);
	return k->key;
}

void
acc_add(struct pool *pl, struct acc *a, enum op op, const struct dec *x,
    struct span text)
{
	switch (op) {
	case OP_SUM:
	case OP_MEAN:
		if (dec_add(&a->sum.d, x) != DEC_OK)
			die(2, "sum overflows %s",
			    diag_text(dec_strerror(DEC_OVERFLOW)));
		a->sum.n++;
		break;
	case OP_COUNT:
		a->count++;
		break;
	case OP_COUNTUNIQUE:
		if (text.n > 0)
			strset_add(&a->set, intern(pl, text.p, text.n));
		break;
	case OP_MIN:
	case OP_MAX:
		if (!a->ext.has || (op == OP_MIN ? dec_cmp(x, &a->ext.d) < 0 :
		    dec_cmp(x, &a->ext.d) > 0))
			a->ext.d = *x;
		a->ext.has = 1;
		break;
	case OP_FIRST:
		if (a->text.has)
			break;
		/* FALLTHROUGH */
	case OP_LAST:
		a->text.s = intern(pl, text.p, text.n);
		a->text.has = 1;
		break;
	case OP_N:
		internal_error("no such operation");
	}
}

void
acc_write_dec(struct csvout *out, const struct dec *d, struct buf *tmp)
{
	buf_clear(tmp);
	dec_format(d, tmp);
	csvout_field(out, tmp->p, tmp->n);
}

void
acc_write_state(struct csvout *out, const struct acc *a, enum op op,
    struct buf *tmp)
{
	size_t i;

	buf_clear(tmp);
	switch (op) {
	case OP_SUM:
	case OP_MEAN:
		if (a->sum.n > 0) {
			dec_format(&a->sum.d, tmp);
			buf_printf(tmp, "/%llu", (unsigned long long)a->sum.n);
		}
		break;
	case OP_COUNT:
		buf_printf(tmp, "%llu", (unsigned long long)a->count);
		break;
	case OP_COUNTUNIQUE:
		for (i = 0; i < a->set.n; i++) {
			if (i > 0)
				buf_addc(tmp, ',');
			csvout_quote(tmp, a->set.v[i], strlen(a->set.v[i]));
		}
		break;
	case OP_MIN:
	case OP_MAX:
		if (a->ext.has)
			dec_format(&a->ext.d, tmp);
		break;
	case OP_FIRST:
	case OP_LAST:
		if (a->text.has) {
			buf_addc(tmp, '=');
			buf_adds(tmp, a->text.s);
		}
		break;
	case OP_N:
		internal_error("no such operation");
	}
	csvout_field(out, tmp->p == NULL ? "" : tmp->p, tmp->n);
}

/* A countunique state: a CSV-quoted list, split with a tiny scanner. */
static int
read_set(struct pool *pl, struct acc *a, struct span s)
{
	size_t i = 0;
	struct buf item = { 0 };

	while (i < s.n) {
		buf_clear(&item);
		if (s.p[i] == '"') {
			i++;
			for (;;) {
				if (i >= s.n) {
					buf_free(&item);
					return -1;
				}
				if (s.p[i] == '"') {
					if (i + 1 < s.n && s.p[i + 1] == '"') {
						buf_addc(&item, '"');
						i += 2;
						continue;
					}
					i++;
					break;
				}
				buf_addc(&item, s.p[i++]);
			}
		} else {
			while (i < s.n && s.p[i] != ',')
				buf_addc(&item, s.p[i++]);
		}
		if (item.n > 0)
			strset_add(&a->set, intern(pl, item.p, item.n));
		if (i < s.n && s.p[i++] != ',') {
			buf_free(&item);
			return -1;
		}
	}
	buf_free(&item);
	return 0;
}

int
acc_read_state(struct pool *pl, struct acc *a, enum op op, struct span s)
{
	struct dec x;
	const char *slash;
	char *end;
	unsigned long long n;

	switch (op) {
	case OP_SUM:
	case OP_MEAN:
		if (s.n == 0)
			return 0;
		slash = memchr(s.p, '/', s.n);
		if (slash == NULL ||
		    dec_parse(&x, s.p, (size_t)(slash - s.p)) != DEC_OK)
			return -1;
		errno = 0;
		n = strtoull(slash + 1, &end, 10);
		if (end != s.p + s.n || errno != 0 || n == 0)
			return -1;
		if (dec_add(&a->sum.d, &x) != DEC_OK)
			die(2, "sum overflows %s",
			    diag_text(dec_strerror(DEC_OVERFLOW)));
		a->sum.n += n;
		return 0;
	case OP_COUNT:
		errno = 0;
		n = strtoull(s.p, &end, 10);
		if (s.n == 0 || end != s.p + s.n || errno != 0)
			return -1;
		a->count += n;
		return 0;
	case OP_COUNTUNIQUE:
		return read_set(pl, a, s);
	case OP_MIN:
	case OP_MAX:
		if (s.n == 0)
			return 0;
		if (dec_parse(&x, s.p, s.n) != 0)
			return -1;
		acc_add(pl, a, op, &x, s);
		return 0;
	case OP_FIRST:
	case OP_LAST:
		if (s.n == 0)
			return 0;
		if (s.p[0] != '=')
			return -1;
		s.p++;
		s.n--;
		acc_add(pl, a, op, NULL, s);
		return 0;
	case OP_N:
		break;
	}
	return -1;
}


void
acc_write_result(struct csvout *out, const struct acc *a, enum op op,
    int rate, struct buf *tmp)
{
	struct dec cnt, q;

	switch (op) {
	case OP_SUM:
		if (a->sum.n > 0 && !rate)
			acc_write_dec(out, &a->sum.d, tmp);
		else
			csvout_str(out, "");
		break;
	case OP_COUNT:
		csvout_ulong(out, a->count);
		break;
	case OP_COUNTUNIQUE:
		csvout_ulong(out, a->set.n);
		break;
	case OP_MIN:
	case OP_MAX:
		if (a->ext.has)
			acc_write_dec(out, &a->ext.d, tmp);
		else
			csvout_str(out, "");
		break;
	case OP_MEAN:
		if (a->sum.n == 0 || rate) {
			csvout_str(out, "");
			break;
		}
		dec_from_u64(&cnt, a->sum.n);
		if (dec_div(&q, &a->sum.d, &cnt, MEAN_PREC) != DEC_OK)
			die(2, "mean overflows");
		acc_write_dec(out, &q, tmp);
		break;
	case OP_FIRST:
	case OP_LAST:
		csvout_str(out, a->text.has ? a->text.s : "");
		break;
	case OP_N:
		internal_error("no such operation");
	}
}

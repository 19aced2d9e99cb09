/* rows: rows found by key, in the order added, with their numbers. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rows.h"
#include "unit.h"

#define N 50000

/* Row i: key "79\0<i>\0", values "v<i>\0<i*3>\0" (empty for i % 7). */
static size_t
make(char *key, char *vals, size_t *vlen, int i)
{
	size_t k = (size_t)snprintf(key, 32, "79%c%d", '\0', i) + 1;

	*vlen = i % 7 == 0 ? 0 :
	    (size_t)snprintf(vals, 64, "v%d%c%d", i, '\0', i * 3) + 1;
	return k;
}

void
test_rows(void)
{
	struct rows t = { 0 };
	struct rowref r;
	char key[32], vals[64];
	size_t klen, vlen;
	int i, ok = 1, n;

	CHECK(rows_find(&t, "x", 1, &r) == 0);
	CHECK(rows_first(&t, &r) == 0);
	for (i = 0; i < N; i++) {
		klen = make(key, vals, &vlen, i);
		ok &= rows_put(&t, key, klen, vals, vlen, (uint64_t)i + 2,
		    &r) == 0;
	}
	CHECK(ok);
	CHECK(t.count == N);
	/* the index is never more than three quarters full */
	CHECK(t.count * 4 <= t.nslot * 3);
	for (i = 0, ok = 1; i < N; i++) {
		klen = make(key, vals, &vlen, i);
		ok &= rows_find(&t, key, klen, &r) == 1 &&
		    memcmp(rows_key(&t, r), key, klen) == 0 &&
		    memcmp(rows_vals(&t, r), vals, vlen) == 0 &&
		    rows_num(&t, r) == (uint64_t)i + 2;
	}
	CHECK(ok);
	/* a key that is a prefix of one in, or longer: not found */
	CHECK(rows_find(&t, "79", 2, &r) == 0);
	CHECK(rows_find(&t, "79\0" "1\0" "x", 6, &r) == 0);
	CHECK(rows_find(&t, "79\0" "50000", 9, &r) == 0);
	/* a key in already: nothing added, the row it has */
	CHECK(rows_put(&t, "79\0" "17\0", 6, "x", 2, 1, &r) == 1);
	CHECK(rows_num(&t, r) == 19 && strcmp(rows_vals(&t, r), "v17") == 0);
	CHECK(t.count == N);
	/* numbers up to 2^40 - 1, set after the fact */
	CHECK(rows_find(&t, "79\0" "123", 7, &r) == 1);
	rows_set_num(&t, r, ROWS_NUM_MAX);
	CHECK(rows_num(&t, r) == ROWS_NUM_MAX);
	CHECK(strcmp(rows_vals(&t, r), "v123") == 0);
	/* the walk gives every row once, in the order added */
	for (n = 0, ok = rows_first(&t, &r); ok; ok = rows_next(&t, &r), n++) {
		klen = make(key, vals, &vlen, n);
		if (memcmp(rows_key(&t, r), key, klen) != 0)
			break;
	}
	CHECK(n == N);
	/* a long key and values: lengths over 127 take more bytes */
	{
		char *big = malloc(100000);

		memset(big, 'x', 100000);
		big[99999] = '\0';
		CHECK(rows_put(&t, big, 300, big + 300, 99700, 9, &r) == 0);
		CHECK(rows_find(&t, big, 300, &r) == 1);
		CHECK(rows_num(&t, r) == 9);
		CHECK(rows_vals(&t, r) == rows_key(&t, r) + 300);
		CHECK(rows_next(&t, &r) == 0);
		free(big);
	}
	/* a row longer than a block has blocks of its own; the walk goes on
	 * to the rows after it */
	{
		size_t len = 3 * ROWS_BLOCK + 5;
		char *huge = malloc(len);
		struct rowref h;

		memset(huge, 'y', len);
		huge[len - 1] = '\0';
		CHECK(rows_put(&t, "huge", 5, huge, len, 3, &h) == 0);
		CHECK(rows_put(&t, "after", 6, "z", 2, 4, &r) == 0);
		CHECK(rows_find(&t, "huge", 5, &h) == 1 &&
		    memcmp(rows_vals(&t, h), huge, len) == 0);
		CHECK(rows_next(&t, &h) == 1 && strcmp(rows_key(&t, h),
		    "after") == 0 && rows_num(&t, h) == 4);
		CHECK(rows_next(&t, &h) == 0);
		free(huge);
	}
	rows_free(&t);
	CHECK(t.block == NULL && t.count == 0);
}

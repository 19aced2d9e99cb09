/*
 * corr: an analyst's lasting corrections to normalize's reading.
 *
 * A CSV file with the columns report,line,raw (which figure: the report's
 * doc name or path, its line in the report, the figure as written) and
 * indicator,value,scope (what it is: empty keeps what was read; indicator
 * "drop" says the figure is no indicator at all); an optional occurrence
 * column picks the Nth figure written the same way on that line (default
 * 1), and any other column (a note) is ignored.  The key does not depend
 * on extract's output, so a correction survives re-running extract.
 * A correction that matches no figure is reported with its own line.
 */
#ifndef BAOCAO_CORR_H
#define BAOCAO_CORR_H

#include <stddef.h>

#include "dec.h"
#include "facts.h"
#include "lex.h"

struct corr;

/* One correction, as read. */
struct corr_fix {
	char *report, *raw;
	size_t line, occurrence, csvline;
	int drop;
	long ind;		/* into lex.ind, -1: keep */
	int has_value;
	struct dec value;
	int scope;		/* enum fact_scope, -1: keep */
	int used;
};

/* Reads path; dies naming file:line on a bad row (unknown indicator,
 * value not a decimal, unknown scope). */
struct corr *corr_load(const char *path, const struct lex *);
void corr_free(struct corr *);

/* Applies the corrections of the document known as doc or path to its
 * facts (already read); returns how many were applied. */
size_t corr_apply(struct corr *, const struct lex *, const char *doc,
	const char *path, struct facts *);

/*
 * The correction of the occurrence-th figure written raw on that line of
 * the report known as doc or path, or NULL; marks it used.
 */
const struct corr_fix *corr_find(struct corr *, const char *doc,
	const char *path, size_t line, const char *raw, size_t occurrence);
/* The corrections file's name, for messages. */
const char *corr_file(const struct corr *);

/* Warns about every correction that matched nothing. */
void corr_warn_unused(const struct corr *);

#endif

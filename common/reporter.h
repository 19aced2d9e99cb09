/*
 * reporter: the administrative unit that issued a report, resolved in the
 * gazetteer at the report's date.
 *
 * The issuer is the header's text ("HUYỆN BÌNH CHÁNH", "UBND phường Quảng
 * Minh").  Candidates are the units of that name (and type, when written)
 * in force on the document's date, or, without a date, on the last day of
 * its period.  Several candidates are settled by the places the document
 * names (the unit itself with its type, its district, its province) or by
 * the province the user names; a tie is left unresolved, never guessed, and
 * its reason lists the candidates.
 */
#ifndef BAOCAO_REPORTER_H
#define BAOCAO_REPORTER_H

#include "buf.h"
#include "gaz.h"

struct reporter_query {
	struct span issuer;	/* as the header writes it */
	struct span date;	/* "29 tháng 10 năm 2021", may be empty */
	struct span places;	/* "type Name; type Name; ..." from the report */
	const char *period;	/* canonical period, or NULL */
	const char *province;	/* only units of this province (--province), or NULL */
};

enum reporter_status {
	REPORTER_OK,		/* unit set */
	REPORTER_NO_DATE,	/* neither a date nor a period to resolve at */
	REPORTER_UNRESOLVED,	/* no unit of that name in force then */
	REPORTER_AMBIGUOUS	/* several, and nothing in the report settles it */
};

struct reporter {
	enum reporter_status status;
	const struct gaz_unit *unit;	/* REPORTER_OK: borrowed from the gazetteer */
	char day[11];			/* the date resolved at, "" when none */
	char *reason;			/* otherwise: why, without a trailing period;
					 * owned, freed by reporter_clear */
};

/* Resolves q in g into *r (which reporter_clear frees). */
void reporter_resolve(const struct gaz *g, const struct reporter_query *q,
	struct reporter *r);
void reporter_clear(struct reporter *r);

/*
 * A header's date, "29 tháng 10 năm 2021", as "YYYY-MM-DD" in out; a blank
 * day ("ngày   tháng 3 năm 2024") reads as the 1st; a date already written
 * "2021-10-29" (a signature stamp's) is taken as it is.  Returns 0, or -1
 * when s is not such a date.
 */
int reporter_doc_date(struct span s, char out[11]);

#endif

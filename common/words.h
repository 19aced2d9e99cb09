/*
 * words: small readings of Vietnamese text used by several filters, each
 * written once.  Texts are UTF-8; folding is utf8.h's.
 */
#ifndef BAOCAO_WORDS_H
#define BAOCAO_WORDS_H

#include <stddef.h>
#include <string.h>

#include "buf.h"

/* An ASCII digit. */
static inline int
wd_digit(char c)
{
	return c >= '0' && c <= '9';
}

/*
 * The vocabulary: every list of words the reading relies on outside the
 * lexicon's cues lives in common/data/words.rules (built in), by the name
 * given here.  Matching is on folded text (u8_fold or lex_fold: lower
 * case, no marks, đ as d) or on text lower-cased with its marks, as the
 * list's mode says, and by whole words.  The lists are loaded on
 * first use, into static storage (no heap: nothing to free, nothing a
 * harness could free under them); a list named here that the file lacks,
 * or a list the file names that is not here, is an error naming the file
 * and line.  A phrase may carry a number ("triệu=6"), read by the _val
 * functions.
 */
#define WORDS_LISTS(X) \
	X(NP_STOP, "np-stop", FOLD, "words that end a noun phrase") \
	X(NP_STOP2, "np-stop2", FOLD, "two-word phrases that end a noun phrase") \
	X(ASPECT, "aspect", FOLD, "words that start a verb phrase") \
	X(UNIT_TYPE, "unit-type", FOLD, "the type words of administrative units") \
	X(WARD_TYPE, "ward-type", FOLD, "the type words of ward-level units") \
	X(COMMITTEE, "committee", FOLD, "the People's Committee as issuers write it") \
	X(PLACE_NOT, "place-not", FOLD, \
	    "words after a unit type that make no place name") \
	X(MOTTO, "motto", FOLD, "the national motto of a letterhead") \
	X(DOC_KIND, "doc-kind", FOLD, "the kinds of document a title names") \
	X(REPORT_VERB, "report-verb", FOLD, "'reports', after the issuer") \
	X(PAGE_WORD, "page-word", FOLD, "the word before a page number") \
	X(BODY_START, "body-start", FOLD, "the words that start a report's body") \
	X(RESEND_WORD, "resend-word", FOLD, "words that mark a report sent again") \
	X(RESEND_COUNT, "resend-count", FOLD, \
	    "the word before how many times a report was sent") \
	X(COPY_WORD, "copy-word", FOLD, "words that mark a copy of a file") \
	X(SIGNED_WORD, "signed-word", FOLD, "words that mark a signed report") \
	X(OLD_FOLDER, "old-folder", MARKS, "names of a folder of old reports") \
	X(TOTAL_LABEL, "total-label", FOLD, "the label of a total row") \
	X(APPENDIX, "appendix", FOLD, "the mark that starts an appendix") \
	X(BODY_COMMITTEE, "body-committee", FOLD, "a People's Committee") \
	X(BODY_PARTY, "body-party", FOLD, "a Party committee") \
	X(BODY_STEERING, "body-steering", FOLD, "a steering committee") \
	X(BODY_OFFICE, "body-office", FOLD, "an office") \
	X(BODY_CENTRE, "body-centre", FOLD, "a centre") \
	X(BODY_COUNCIL, "body-council", FOLD, "a People's Council") \
	X(CODE_COMMITTEE, "code-committee", FOLD, \
	    "a People's Committee's code in a document number") \
	X(CODE_PARTY, "code-party", FOLD, \
	    "a Party committee's code in a document number") \
	X(CODE_STEERING, "code-steering", FOLD, \
	    "a steering committee's code in a document number") \
	X(CODE_OFFICE, "code-office", FOLD, \
	    "an office's code in a document number") \
	X(CODE_CENTRE, "code-centre", FOLD, \
	    "a centre's code in a document number") \
	X(CODE_COUNCIL, "code-council", FOLD, \
	    "a People's Council's code in a document number") \
	X(TOTAL_LABEL_ALONE, "total-label-alone", FOLD, \
	    "total labels that need no bracket after them") \
	X(NAME_BEFORE, "name-before", MARKS, \
	    "words after which a number names something") \
	X(SLOGAN_AFTER, "slogan-after", MARKS, \
	    "words after which a small number is a slogan") \
	X(TIME_AFTER, "time-after", MARKS, \
	    "words after which a number is a span of time") \
	X(DAY_WORD, "day-word", FOLD, "the word for a day of a date") \
	X(MONTH_WORD, "month-word", FOLD, "the word for a month") \
	X(YEAR_WORD, "year-word", FOLD, "the word for a year") \
	X(WEEK_WORD, "week-word", FOLD, "the word for a week") \
	X(QUARTER_WORD, "quarter-word", FOLD, "the word for a quarter") \
	X(ROMAN, "roman", FOLD, "roman numerals of quarters") \
	X(HALF_FIRST, "half-first", FOLD, "the first months of a year") \
	X(HALF_LAST, "half-last", FOLD, "the last months of a year") \
	X(SPAN_WORD, "span-word", FOLD, "a span of years") \
	X(ORDINAL, "ordinal", FOLD, "the word before an ordinal number") \
	X(PERIOD_FROM, "period-from", FOLD, "the start of a span of days") \
	X(PERIOD_THROUGH, "period-through", FOLD, "the last day included") \
	X(RANGE_TO, "range-to", FOLD, "the end of a range or span") \
	X(UNTIL_NOW, "until-now", FOLD, "a span that runs to the report's day") \
	X(PLURAL, "plural", MARKS, "the plural word before names") \
	X(NUMBER_WORD, "number-word", MARKS, "the word for 'number' (No.)") \
	X(NUMBERED_HEAD, "numbered-head", MARKS, \
	    "things whose number follows the number word") \
	X(RANK_BEFORE, "rank-before", MARKS, \
	    "words after which a number is a rank or an anniversary") \
	X(SCALE, "scale", MARKS, "scale words and their powers of ten") \
	X(SCALE_NOT, "scale-not", MARKS, "words a scale word starts that are none") \
	X(VERBAL_ZERO, "verbal-zero", FOLD, "a figure written as a negation") \
	X(ZERO_VERB, "zero-verb", FOLD, "the verbs of a verbal zero") \
	X(ZERO_NOUN, "zero-noun", FOLD, "what a verbal zero may count") \
	X(NUM_DIGIT, "num-digit", FOLD, "number words for the digits") \
	X(CONJ_AND, "conj-and", FOLD, "the word 'and'") \
	X(CONJ_WITH, "conj-with", FOLD, "the word 'with'") \
	X(LIST_JOIN, "list-join", FOLD, "words that join the items of a list") \
	X(RATE_LINK, "rate-link", FOLD, \
	    "words between a count and the rate that is its share") \
	X(RATE_WORD, "rate-word", FOLD, "the words that name a rate") \
	X(RATE_BASE, "rate-base", FOLD, \
	    "words between a rate and the base it is a share of") \
	X(NUM_DIGIT_AFTER_TEN, "num-digit-after-ten", FOLD, \
	    "other names of a digit after the tens") \
	X(NUM_TEN, "num-ten", FOLD, "the word for ten and for the tens") \
	X(NUM_HUNDRED, "num-hundred", FOLD, "the word for a hundred") \
	X(NUM_FILLER, "num-filler", FOLD, "the word for an empty tens place") \
	X(NUM_THOUSAND, "num-thousand", FOLD, "the word for a thousand") \
	X(COUNT_NOUN, "count-noun", FOLD, "nouns a number in words may count")

/* How a list is matched: on folded text, or on text lower-cased with
 * every mark kept (u8_lower), where the marks tell words apart ("tầng"
 * a floor, "tăng" a rise).  Word boundaries: in folded text any letter,
 * digit or byte above ASCII is a word's; with marks, letters only. */
enum words_mode { WM_FOLD, WM_MARKS };

enum words_list {
#define WORDS_ENUM(id, name, mode, what) WL_##id,
	WORDS_LISTS(WORDS_ENUM)
#undef WORDS_ENUM
	WL_N
};

/* Loads the vocabulary from path (NULL: the built-in copy) unless it is
 * loaded already.  Every function below loads the built-in copy first
 * when nothing was loaded. */
void words_load(const char *path);
/* The longest phrase of list l that s[0..n) starts with, as whole words:
 * its length, or 0.  *val gets its number (0 when it has none). */
size_t words_prefix(enum words_list l, const char *s, size_t n);
size_t words_prefix_val(enum words_list l, const char *s, size_t n, int *val);
/* words_prefix on text lower-cased with its marks (u8_lower), whatever
 * the list's mode: "quận" is a district, "quan" (cơ quan) not. */
size_t words_prefix_marks(enum words_list l, const char *s, size_t n);
/* The phrase itself (folded, NUL-ended, lives as long as the program),
 * or NULL. */
const char *words_prefix_text(enum words_list l, const char *s, size_t n);
/* The longest phrase of l that s[0..n) ends with, as whole words;
 * words_suffix_glued also when a letter comes right before it ("nhiệm
 * vụnăm", as a PDF's text layer glues words). */
size_t words_suffix(enum words_list l, const char *s, size_t n);
size_t words_suffix_glued(enum words_list l, const char *s, size_t n);
/* Is s[0..n) (all of it) a phrase of l? */
int words_exact(enum words_list l, const char *s, size_t n);
/* Is the word w[0..n) one of the words of a phrase of l? */
int words_has_word(enum words_list l, const char *w, size_t n);
/* Can a phrase of l (a FOLD list) start at the character s[0], as
 * written (any case, marks or not)?  A quick test before folding. */
int words_may_start(enum words_list l, const char *s, size_t n);
/* The first place a phrase of l occurs in s[0..n) as whole words: its
 * offset (*len its length), or -1. */
long words_find(enum words_list l, const char *s, size_t n, size_t *len);
/* Likewise the occurrence that ends last. */
long words_find_last(enum words_list l, const char *s, size_t n, size_t *len);

/*
 * A byte of a word in folded text (lex_fold): a letter or digit; every
 * byte above ASCII, since folding leaves only letters and numbers there.
 */
static inline int
wd_folded(char c)
{
	return (c >= 'a' && c <= 'z') || wd_digit(c) || (unsigned char)c >= 0x80;
}

/* Length of a string literal, from the literal (never a hand count). */
#define LIT_LEN(lit) (sizeof(lit) - 1)
/* Does p[0..n) start with the literal lit? */
#define HAS_PREFIX(p, n, lit) \
	((n) >= LIT_LEN(lit) && memcmp((p), (lit), LIT_LEN(lit)) == 0)

/*
 * Is the table cell p[0..n) the label of a total row: "Tổng cộng",
 * "Tổng", "Cộng", "Tổng số", "TỔNG CỘNG:" (not "Công an phường 1")?
 * tmp is scratch.
 */
int words_total_label(const char *p, size_t n, struct buf *tmp);

/* Does the issuer p[0..n) name a ward-level unit ("PHƯỜNG 7", "UBND xã
 * Quảng Phú", "Đặc khu Côn Đảo")? tmp is scratch. */
int words_ward_issuer(const char *p, size_t n, struct buf *tmp);


/*
 * The noun phrase after a figure, in folded text (lex_fold or u8_fold).
 * Read once here for the readers that need it: clause.c (which also keeps
 * the lexicon's cue phrases whole) and extract's unit_text.
 */
#define WORDS_NP_MAX 10		/* words of a noun phrase at most */
/* Folded bytes of a word at most: a Vietnamese syllable has seven
 * letters at most ("nghiêng"); a longer run is no word of a phrase. */
#define WORDS_SYLLABLE_MAX 24
/* Does s[0..n) start with the word w (whole)? */
int words_is(const char *s, size_t n, const char *w);
/* Does s[0..n) end with the word w (whole)? */
int words_ends_with(const char *s, size_t n, const char *w);
/* Is s[0..n) (all of it) a word that ends a noun phrase: và, với, cho,
 * của, tại, theo, để, nhằm, do, đối với, so với, hoặc, nhưng, trong,
 * trên, thuộc, từ, đến, vào, về? */
int words_np_stop_exact(const char *s, size_t n);
/* Does s[0..n) start with such a word, or with a two-word one? */
int words_np_stop(const char *s, size_t n);
int words_np_stop2(const char *s, size_t n);
/* Does s[0..n) start with a word that starts a verb phrase (đã, đang,
 * được, sẽ, vừa, có)? */
int words_aspect(const char *s, size_t n);
/* Does a count (a number not followed by '%') come later in the clause?
 * Then a verb phrase after a noun is the next figure's label ("15 phường
 * đã tiếp 723 lượt"), not part of this noun ("01 đơn đã giải quyết"). */
int words_count_follows(const char *s, size_t n);
/* Does the word at s[i] end the phrase: a number, a clause or bracket
 * mark, a stop word, a verb phrase before a count, a run of letters no
 * syllable is? */
int words_np_break(const char *s, size_t n, size_t i);
/* Steps *i over the word at s[*i], a word of the phrase: 1; 0 (and *i
 * kept) when the word ends it. */
int words_np_step(const char *s, size_t n, size_t *i);
/* The end of the noun phrase at the start of s[0..n): at most max words,
 * up to the first word that breaks it ("12 hồ sơ trễ hạn, ..." gives "hồ
 * sơ trễ hạn"). */
size_t words_np_end(const char *s, size_t n, size_t max);

#endif

/*
 * baocao-extract: the parts of the filter and what passes between them.
 *
 *	read.c       reads an input whole and picks its reader by content
 *	read_text.c  plain text (UTF-8, also gzip) -> struct doc
 *	read_docx.c  Word .docx (libzip, libxml2)  -> struct doc
 *	read_doc.c   Word 97 .doc (antiword)       -> struct doc
 *	read_pdf.c   PDF: its text layer (pdftotext), or OCR of its pages
 *	             when it is a scan             -> struct doc
 *	ocr.c        pages (pdftoppm) and images read by tesseract into
 *	             laid-out text
 *	layout.c     laid-out text (PDF, OCR) into paragraphs
 *	clean.c      the one cleaner of every reader's text, and the
 *	             repairs of a document a conversion has damaged
 *	glue.c       those repairs: glued syllables, spaced letters, glued
 *	             numbers (by the syllables of syl.h)
 *	signed.c     signature stamps kept out of the text, their signers
 *	             and times kept apart (common/stamps.h)
 *	spawn.c      running a converter with a time and size limit
 *	model.c      building and freeing a struct doc, walking its lines
 *	header.c     issuer, number, date, period and places  <- struct doc
 *	             (header_lines.c: the letterhead's lines in column
 *	             order; header_places.c: the places it names)
 *	heading.c    the section path of heading numbers       <- paragraphs
 *	figures.c    figures in prose                          <- paragraphs
 *	skip.c       what is not a figure (identifiers, dates, names...)
 *	table.c      figures in tables                         <- table blocks
 *	chars.c      character tests on UTF-8 text
 *	archive.c    archives (.zip, .7z, .rar, .tar): their files read as
 *	             reports, under limits (libarchive)
 *	walk.c       --walk: the files of the folders given; what a file
 *	             is by its name (a lock file, a folder left out)
 *	run.c        options, the loop over inputs, CSV rows out, --stats
 *	main.c       main()
 *
 * A reader turns one input into a struct doc (the document model); the
 * scanners (header, heading, figures, table) read the model only, never
 * the bytes of a file, so a reader for another format is one more file
 * behind read.c and touches no scanner.  Every text a reader puts into
 * the model has gone through clean_text first, so that a text reads the
 * same whatever format it came in; read.c then has clean_doc repair the
 * whole document when it shows a conversion's damage.
 */
#ifndef BAOCAO_EXTRACT_H
#define BAOCAO_EXTRACT_H

#include <sys/types.h>

#include <regex.h>
#include <stddef.h>

#include "arena.h"
#include "buf.h"
#include "csvout.h"
#include "stamps.h"
#include "utf8.h"
#include "vnlegacy.h"
#include "words.h"

#define DOC_MAX ((size_t)64 << 20)	/* bytes in one document */
#define CTX_MAX 200			/* bytes of context either side */
#define HEADING_TEXT_MAX 240		/* bytes of a heading's words kept */
#define ROW_MAXCELLS 256		/* cells kept of one table row (grid
					 * columns, where cells span some) */
#define TABLE_MAXROWS 50000		/* rows kept of one table */
#define DOC_MAXFIGURES 200000		/* figures written of one document */
#define DOC_MAXITEMS (DOC_MAX / 16)	/* paragraphs, rows and cells in one
					 * document: bounds the memory a
					 * hostile input can take */

/*
 * The document model.
 *
 * A document is an ordered list of blocks, each a paragraph or a table,
 * and, apart from them, its footnotes.  Every text in it is valid UTF-8
 * in NFC without NUL bytes (the scanners compare composed text), and
 * owned by the document (its arena).  Blank lines and empty paragraphs
 * are not kept.
 *
 * Line numbers are what a person finds a figure by: the text reader's are
 * the lines of the file; .docx numbers its paragraphs and table rows in
 * order; .doc uses the lines of antiword's text, .pdf those of pdftotext
 * -layout's (baocao-extract(1), FORMATS).  They grow through the
 * paragraphs and table rows in document order, but for a letterhead read
 * column by column, whose columns repeat the lines of its rows.  The
 * scanners use them as lines: the header is looked for in lines 1-60, and
 * a clause cut by a page break is joined with a neighbour at most three
 * lines away.
 *
 * Tables: a reader that knows merged cells (Word's gridSpan and vMerge)
 * sets the table's grid, and the table scanner lays the cells out on the
 * grid by their span and reads a merged cell as the one above it; in any
 * other table the cells are laid out one column each.
 */

/* A paragraph: one line of prose (a heading is a paragraph too). */
struct para {
	size_t line;		/* 1-based line number in the input */
	const char *text;	/* NUL-terminated, len bytes, len > 0 */
	size_t len;
};

/*
 * A table cell.  text is the cell's content without surrounding blanks;
 * it may point into the row's text, so it is not NUL-terminated.
 */
struct cell {
	const char *text;
	size_t len;
	unsigned span;		/* columns the cell covers: 1, or a Word
				 * gridSpan; the text reader always gives 1 */
	int merged;		/* 1: continues the cell above it (a Word
				 * vMerge continuation, text empty) */
};

struct row {
	size_t line;		/* 1-based line number in the input */
	const char *text;	/* the whole row as one line, cells separated
				 * by TAB; NUL-terminated, len bytes */
	size_t len;
	struct cell *cells;	/* at most ROW_MAXCELLS */
	size_t ncells;
};

struct table {
	struct row *rows;	/* nrows > 0; the array is the document's */
	size_t nrows, caprows;	/* caprows: model.c's */
	int grid;		/* 1: span and merged are exact (the reader
				 * knew the table's grid) */
	size_t dropped;		/* rows past TABLE_MAXROWS, not kept */
};

enum block_kind { BLOCK_PARA, BLOCK_TABLE };

struct block {
	enum block_kind kind;
	union {
		struct para para;	/* kind BLOCK_PARA */
		struct table table;	/* kind BLOCK_TABLE */
	} u;
};

/* A footnote, kept out of the body (its reference is not in the body's
 * text either); no scanner reads them. */
struct note {
	const char *mark;	/* the reference as the body writes it, "15" */
	const char *text;	/* NUL-terminated, len bytes */
	size_t len;
};

/* What the cleaner (clean.c) took out or repaired in a document. */
struct repairs {
	unsigned long long invisible;	/* invisible characters removed */
	unsigned long long markup;	/* markup marks removed ("**") */
	unsigned long long pages;	/* page numbers removed */
	unsigned long long notes;	/* footnotes taken out of the text */
	unsigned long long glued;	/* glued words cut into syllables */
	unsigned long long spaced;	/* letter-spaced runs joined */
	unsigned long long digits;	/* numbers set apart from words */
};

struct doc {
	const char *path;	/* as given: a file name, or "-" for stdin */
	const char *name;	/* the document's name (doc): run.c sets
				 * the one docs.c gives; doc_begin's is the
				 * file name without directory and
				 * extensions; "-" for stdin */
	const char *file;	/* the input's name in diagnostics */
	const char *reader;	/* which reader filled it: "text", "docx",
				 * "doc", "pdf" or "ocr" (a static string) */
	size_t lines_read;	/* lines of input, blank ones included */
	size_t cells_dropped;	/* cells of rows past ROW_MAXCELLS, not kept
				 * (the reader warns of each row) */
	size_t rows_dropped;	/* rows of tables past TABLE_MAXROWS, not
				 * kept (doc_add_row warns of each table) */
	int failed;		/* 1: the input was refused (doc_reject) */
	long long deadline;	/* when its reading must end (spawn.c's
				 * clock, milliseconds); 0: never */
	int limit;		/* its time in seconds (--limit-seconds) */
	const char *kind;	/* a refused input that is no report, what
				 * it is: "spreadsheet", "image", "other"
				 * (a static string); NULL: none said */
	struct block *blocks;	/* the body, in order */
	size_t nblocks;
	struct note *notes;	/* footnotes (an array doc_free frees); the
				 * text reader has none */
	size_t nnotes;
	struct stamp_set stamps;	/* the signature stamps kept out of the
					 * text (signed.c; doc_free frees) */
	struct repairs repairs;	/* what clean.c did to it */
	struct buf clean_tmp;	/* clean.c's scratch (doc_free frees) */
	struct arena mem;	/* every text, name and cell array above */
	size_t capblocks, capnotes, items;	/* model.c's bookkeeping */
};

/*
 * model.c: building a document.  A struct doc starts zeroed; doc_begin
 * names it, the doc_add functions append (copying the text given), and
 * doc_free releases everything and zeroes it for the next input.  More
 * than DOC_MAXITEMS paragraphs, rows and cells refuses the document
 * (doc_reject, naming the file and the line given); after a refusal the
 * doc_add functions add nothing and doc_add_row returns NULL.
 */
void doc_begin(struct doc *, const char *path, const char *file,
	const char *reader);
void doc_add_para(struct doc *, size_t line, const char *text, size_t len);
/*
 * Appends a row to the last block when it is a table and new_table is 0,
 * else to a new table.  The cells are left to the caller: doc_cells gives
 * an array of n (zeroed, owned by the document).  The row returned is the
 * document's, valid until the next doc_add call.  Both return NULL once
 * the document is refused; doc_add_row also for a row past TABLE_MAXROWS
 * of its table, which it counts in rows_dropped (naming the table's
 * first such row on stderr).
 */
struct row *doc_add_row(struct doc *, size_t line, const char *text,
	size_t len, int new_table);
struct cell *doc_cells(struct doc *, struct row *, size_t n);
/* A footnote: mark and text[0..len) are copied. */
void doc_add_note(struct doc *, const char *mark, const char *text,
	size_t len);
/*
 * Refuses the document: writes "prog: file[:line]: message" (line 0: no
 * line) the first time, marks it failed, and returns -1 for the reader to
 * return.  The run goes on with the next input.
 */
int doc_reject(struct doc *, size_t line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void doc_free(struct doc *);
/* Whether the document's text was typed in a legacy font encoding
 * (vnlegacy.h), judged on all of it; doc_recode converts every text of
 * the body and the notes from it. */
enum vn_legacy doc_legacy(const struct doc *);
void doc_recode(struct doc *, enum vn_legacy);
/*
 * The letterhead, a small table at the start holding the national motto
 * or the document number ("Số: ..."), becomes paragraphs, its columns
 * one after the other (each keeps its row's line), as the header reader
 * expects them.  Any other document is left as it is.
 */
void doc_letterhead(struct doc *);
/* Does a cell p[0..n) say a letterhead: the national motto ("CỘNG HÒA
 * ...") or the document number ("Số: ...")?  The readers that meet a
 * letterhead table ask this one test. */
int doc_letterhead_cell(const char *p, size_t n);
/* Does p[0..n) start with the national motto ("CỘNG HÒA XÃ HỘI ...",
 * "Độc lập - Tự do ..."), capitalised? */
int doc_motto(const char *p, size_t n);
/* Does it start with the number's label ("Số", "SỐ", not "số liệu" in
 * lower case)?  Its length, or 0. */
size_t doc_number_label(const char *p, size_t n);

/*
 * Walking the body line by line: each paragraph and each table row in
 * order, as one line of text.  A position is a block and a row in it
 * (row 0 for a paragraph).  doc_first, doc_next and doc_prev return 0
 * when there is no such line.
 */
struct pos {
	size_t b, r;
};

struct textline {
	size_t line;
	const char *text;	/* NUL-terminated */
	size_t len;
	int in_table;
};

int doc_first(const struct doc *, struct pos *);
int doc_next(const struct doc *, struct pos *);
int doc_prev(const struct doc *, struct pos *);
struct textline doc_line(const struct doc *, struct pos);

/* What the readers are allowed to do, from the command line, and the
 * data they read by. */
struct readopts {
	int ocr;		/* read scans through OCR */
	int limit_seconds;	/* for one document (--limit-seconds); 0:
				 * none */
	struct stamp_words *stamps;	/* the labels of signature stamps
					 * (readers only read them); NULL:
					 * none kept apart */
};

/*
 * read.c: reads the input at path ("-": stdin; gzip is undone) into d,
 * choosing the reader by the input's content.  Returns 0, or -1 when the
 * input was refused (said on stderr, naming the file and, where there is
 * one, the line): the document is then empty and the run goes on.
 */
int read_doc(struct doc *, const char *path, const struct readopts *);
/* read_doc's and read_bytes's status for an archive of files (archive.c),
 * whose files are the documents: d is left empty and nothing is said. */
#define READ_ARCHIVE 1
/*
 * read_doc's two halves, for extract --docs, which hashes what it reads.
 * read_input reads in to its end into bytes (gzip undone; at most
 * DOC_MAX bytes kept) and, when h is not NULL, every byte into h (without
 * h it stops past DOC_MAX); it returns 0, or -1 when the input held more
 * than DOC_MAX bytes.  read_bytes fills d, named by doc_begin, from bytes,
 * or refuses it when large (read_input's -1); it returns read_doc's 0 or
 * -1.
 */
struct gz_in;
struct sha256;
int read_input(struct gz_in *, struct buf *bytes, struct sha256 *h);
/* The first block of an input into bytes (and h), as read_input goes on
 * from: 1 when it is a table as text (a CSV export), whose reading can
 * stop there, else 0. */
int read_start(struct gz_in *, struct buf *bytes, struct sha256 *h);
int read_bytes(struct doc *, const struct buf *bytes, int large,
	const struct readopts *);

/*
 * read.c: reads the member of an archive at path, whose first at bytes
 * name the archive file ("reports/q4.zip/Q1.docx", at 15), into bytes;
 * *mtime gets its time (-1: unknown).  Returns 0, or -1 with why.
 */
int read_member(const char *path, size_t at, struct buf *bytes,
	long long *mtime, struct buf *why);

/*
 * archive.c (see the top there).  arch_claims: is p[0..n) an archive of
 * files (1)?  For a zip that is an Office document, *kind says which when
 * it is no Word document ("spreadsheet", "other"); NULL otherwise.
 * arch_check reads the whole archive once under its limits: 0 and the
 * number of its files, or -1 and why.  arch_open (NULL when it is no
 * archive) and arch_next hand out its files in order: arch_next returns
 * 1 with the next in *m (its data, or why it cannot be read), 0 at the
 * end, -1 with why when the archive is damaged there.  m->name is
 * borrowed until the next arch_next; arch_member_free frees m's buffers.
 * arch_member_path: is path no file, but a member of the archive file
 * path[0..*at)?
 */
struct arch;
struct arch_member {
	const char *name;	/* its path inside, UTF-8 */
	long long mtime;	/* seconds since the epoch; -1: unknown */
	struct buf data;	/* its bytes, as stored (a .gz stays one) */
	struct buf why;		/* why it cannot be read; empty when it can */
};
int arch_claims(const char *p, size_t n, const char **kind);
int arch_check(const char *p, size_t n, size_t *files, struct buf *why);
struct arch *arch_open(const char *p, size_t n);
int arch_next(struct arch *, struct arch_member *m, struct buf *why);
void arch_member_free(struct arch_member *);
void arch_close(struct arch *);
int arch_member_path(const char *path, size_t *at);

/*
 * walk.c (see the top there): walk_run writes the list of files of the
 * paths given to stdout; walk_name_kind says what a file is by its name
 * when that is no report ("lock-file", "system-file"; NULL otherwise);
 * walk_folder_kind why a folder was left out ("old-folder",
 * "hidden-folder", "subfolder").
 */
enum walk_recurse { WALK_DEFAULT, WALK_NONE, WALK_ALL };
struct walkopts {
	enum walk_recurse recurse;
	struct walk_id {
		dev_t dev;
		ino_t ino;
	} *exclude;		/* files never listed from a folder */
	size_t nexclude;
};
int walk_run(char *const *paths, int n, const struct walkopts *);
const char *walk_name_kind(const char *path);
const char *walk_folder_kind(const char *path);

/*
 * A reader fills d (named by doc_begin already) from the n bytes of an
 * input, p[0..n) (not NUL-terminated), whose name for diagnostics is
 * d->file.  It returns 0, or doc_reject's -1 on input it cannot read.
 */
/* read_text.c: plain UTF-8 text. */
int read_text(struct doc *, const char *p, size_t n,
	const struct readopts *);
/* read_docx.c: a Word 2007+ document (a zip of XML parts). */
int read_docx(struct doc *, const char *p, size_t n,
	const struct readopts *);
/* What a zip archive that is not a Word document holds ("an Excel
 * workbook (.xlsx)"), for the refusal; NULL when it is one. */
const char *zip_kind(const char *p, size_t n);
/* read_doc.c: a Word 97-2003 document, through antiword. */
int read_word97(struct doc *, const char *p, size_t n,
	const struct readopts *);
/* read_pdf.c: a PDF's text layer; a scan only with opts->ocr. */
int read_pdf(struct doc *, const char *p, size_t n,
	const struct readopts *);
/* read_pdf.c: an image (PNG, JPEG, TIFF) through OCR; only with opts->ocr. */
int read_image(struct doc *, const char *p, size_t n,
	const struct readopts *);

/*
 * spawn.c: running a converter.  spawn_run runs argv (argv[0] looked up
 * in PATH) with stdin from /dev/null, under limits (spawn.c says which),
 * keeps its stdout in o->out (more than max bytes: killed) and the start
 * of its stderr in o->err, and kills it after seconds.  It returns 0 when
 * the program exited 0 in time, else -1 (spawn_why says why); spawn_free
 * frees the buffers either way.
 */
struct spawn_out {
	struct buf out, err;
	int status;		/* exit status; -1 when it did not exit */
	int signal;		/* the signal that ended it, or 0 */
	int spawn_errno;	/* why it could not start, or 0 */
	int timed_out, too_long;
	int seconds;		/* the time it was given */
	char why[96];		/* spawn_why's */
};

int spawn_run(char *const argv[], size_t max, int seconds,
	struct spawn_out *o);
void spawn_free(struct spawn_out *);
/* "not found", "took too long (more than N seconds)", "wrote too much",
 * "crashed (signal N)", "failed (exit status N)": in o->why. */
const char *spawn_why(struct spawn_out *o);
/*
 * For the document being read: doc_deadline starts its clock (seconds 0:
 * none); doc_spawn is spawn_run with cap seconds, or what is left of the
 * document's time when that is less; when none is left it runs nothing,
 * refuses the document ("took too long") and returns -1.
 */
void doc_deadline(struct doc *, int seconds);
int doc_spawn(struct doc *, char *const argv[], size_t max, int cap,
	struct spawn_out *o);
/*
 * Refuses the document for a converter prog that failed, saying why: the
 * Debian package when it is missing, its time or size limit, its crash,
 * or the first line of its complaint, where the scratch file's name
 * (scratch, or NULL) reads as the input's.  Returns -1.
 */
int converter_failed(struct doc *, struct spawn_out *, const char *prog,
	const char *package, const char *scratch);
/* Why the converter failed, as converter_failed says it after the
 * program's name, appended to why. */
void converter_why(struct doc *, struct spawn_out *, const char *scratch,
	struct buf *why);
/* A new scratch file holding p[0..n), or a new scratch folder, in $TMPDIR
 * (or /tmp): the caller removes it with scratch_remove and frees the
 * path; NULL on failure. */
char *scratch_file(const char *p, size_t n);
char *scratch_dir(void);
/* Removes a scratch file or (empty) folder. */
void scratch_remove(const char *path);
/* A file a converter is about to write at path: removed by the signal
 * handler too, until scratch_remove. */
void scratch_expect(const char *path);
/* Installs the handler of SIGINT, SIGTERM and SIGHUP (spawn.c); with
 * --docs, spawn_reader names the child reading a document (0: none). */
void spawn_signals(void);
void spawn_reader(pid_t pid);

/*
 * ocr.c: OCR.  ocr_pdf reads pages 1..pages of the PDF at path (its
 * signature stamps painted out) into the model; ocr_image appends the
 * laid-out text of the image at img to out; ocr_layout lays out
 * tesseract's TSV tsv[0..n) (cut up in place) as pdftotext -layout would,
 * appended to out.
 */
int ocr_pdf(struct doc *, const char *path, size_t pages,
	const struct readopts *);
int ocr_image(struct doc *, const char *img, struct buf *out);
void ocr_layout(struct buf *out, char *tsv, size_t n);

/*
 * clean.c: the cleaner.  clean_text puts p[0..n), a paragraph, cell or
 * line of a reader, cleaned into out (replacing what it held), counting
 * what it removed in d->repairs:
 *   - every blank (NBSP, the spaces U+2000-200A, U+202F, U+205F, U+3000,
 *     CR, a TAB but with CLEAN_TAB, a line break but with CLEAN_NL) is a
 *     space; with CLEAN_SQUEEZE a run of them is one space (a break when
 *     it holds one and CLEAN_NL is set) and the ends have none;
 *   - invisible characters go: zero-width spaces and joiners, word
 *     joiners, byte order marks, direction marks and embeddings, control
 *     characters, and the soft hyphen (but in text typed in TCVN3, where
 *     its byte is the letter ư);
 *   - markup goes: a run of '*' at a word's edge ("**62.418**", "*Ghi
 *     chú:*", a leading "* "); one between two letters or digits ("5*3")
 *     or between two blanks ("5 * 3") stays;
 *   - the text is put in NFC.
 * flags: CLEAN_TAB keeps a TAB (the text reader's cells), CLEAN_NL a
 * line break (a .docx cell's paragraphs), CLEAN_SQUEEZE as above.
 */
#define CLEAN_TAB 1
#define CLEAN_NL 2
#define CLEAN_SQUEEZE 4
void clean_text(struct doc *, struct buf *out, const char *p, size_t n,
	unsigned flags);
/*
 * clean_lines: a text read line by line (the text reader's, made from a
 * PDF as often as not, or a .docx converted from one), whose page breaks
 * (form feeds) start the lines ff[0..nff) (in order; none: nff 0): its
 * page numbers ("12", "- 12 -",
 * "Trang 12" alone on a line, at a page break or, without them, two or
 * more that follow each other) are removed; a footnote (a line "k Text",
 * or "k" alone, at a page's foot above its page number, whose mark k is
 * glued to a word on that page: "triển khai1;") leaves the text, mark and
 * all, and becomes a note; and a sentence they cut in two is one
 * paragraph again.
 */
void clean_lines(struct doc *, const size_t *ff, size_t nff);
/*
 * clean_doc: the repairs of a conversion's damage (glue.c), made on the
 * whole document when it shows that damage, whatever its format: when two
 * of its words or more are glued syllables or letter-spaced runs (one
 * may be a name or a typo; two are a conversion's).  A sentence spaced
 * out over lines a word each ("h ồ" / "s ơ ,") is joined again to the
 * line it continues.  Counted in d->repairs.
 */
void clean_doc(struct doc *);
/* A page number alone, "12", "- 12 -" or "Trang 12", blanks around it
 * allowed: its value, or 0. */
unsigned long clean_page_number(const char *s, size_t n);

/*
 * glue.c: the repairs, each appending the repaired s[0..n) to out and
 * returning how many it made: glue_unspace joins letter-spaced runs,
 * glue_digits sets numbers apart from Vietnamese words, glue_cut cuts
 * glued words into syllables (seen, NULL or glue_seen's marks, prefers
 * the syllables the document writes alone).  glue_signs counts the
 * words glue_cut or glue_unspace would repair.
 */
size_t glue_unspace(struct buf *out, const char *s, size_t n);
size_t glue_digits(struct buf *out, const char *s, size_t n);
size_t glue_cut(struct buf *out, const char *s, size_t n,
	const unsigned char *seen);
size_t glue_signs(const char *s, size_t n);
/* Is all of s[0..n) one letter-spaced run ("h ồ", "s ơ ,")? */
int glue_spaced_line(const char *s, size_t n);
/* The bytes of glue_seen's marks (zeroed by the caller); glue_seen marks
 * the syllables written alone in s[0..n). */
size_t glue_seen_size(void);
void glue_seen(unsigned char *seen, const char *s, size_t n);
/* Is low[0..n), in lower case, a syllable of the inventory? */
int glue_syllable(const char *low, size_t n);

/*
 * layout.c: laid-out text into the model: lines as pdftotext -layout or
 * OCR writes them, pages separated by form feeds.  Each line is cleaned
 * (clean_text, a TAB a space).  Page numbers are
 * dropped, footnotes (a numbered block at a page's foot whose number is
 * glued to a word above) become notes, the letterhead's two columns
 * become paragraphs column by column, lines of three or more columns
 * become table rows, and the other lines are joined into paragraphs.  A
 * paragraph's line is the line it starts on.
 */
void layout_read(struct doc *, const char *p, size_t n);

/*
 * signed.c: signature stamps out of the text.  doc_stamps takes the
 * paragraphs that are a stamp's out of the body; strip_stamps blanks a
 * stamp's columns in laid-out text (before layout_read) and returns the
 * stamp lines it found.  Both add what the stamps say to d->stamps; w
 * NULL does nothing.
 */
void doc_stamps(struct doc *, const struct stamp_words *w);
size_t strip_stamps(struct doc *, const struct stamp_words *w,
	struct buf *text);

/* header.c: the document's own header, read from its first lines. */
struct header {
	char *issuer, *doc_no, *doc_date, *period_text;	/* never NULL once
							 * read; owned,
							 * header_clear frees */
	const char *body;	/* the kind of body that issued it (a code:
				 * committee, party, steering, office,
				 * centre, council), "" when unknown */
	char *title;		/* the title as written, its kind and its
				 * subject up to the period ("BÁO CÁO Kết quả
				 * ... quý I năm 2024"); "" when none */
	struct buf places;	/* "type Name" mentions, "; "-separated;
				 * kept for the next document */
};

/* skip.c's reading of the words before a digit token (its scratch). */
struct before {
	struct buf low, fold, tmp;
	int colon, read, folded;
};

/*
 * The state of a run, passed to every scanner: the output and the counts
 * for the whole run; doc, hdr and section for the
 * document being scanned (run.c sets doc and clears hdr between
 * documents).
 */
struct scan {
	struct csvout *out;
	const struct doc *doc;
	struct header hdr;
	char section[64];	/* heading path of the current paragraph */
	/* The words of each heading of that path (roman, arabic, letter),
	 * cut: what the paragraphs under it are about. */
	char headings[3][HEADING_TEXT_MAX + 1];
	int appendix_title;	/* an appendix began ("PHỤ LỤC"): the lines
				 * before its table are its title, its
				 * heading */
	struct buf tmp_heading;	/* scratch of emit */
	struct u8_folded line;	/* the fold of the line being scanned
				 * (figures.c) */
	struct u8_folded wrap;	/* of a unit the line's end cut, joined to
				 * the next line (figures.c) */
	struct buf tmp_fold;	/* scratch of figures.c, header.c and
				 * heading.c */
	struct before before;	/* scratch of skip.c */
	int count_only;		/* --docs: figures are counted, not written */
	unsigned long long figures, skipped;
	/* What the limits left out, in the document being scanned (run.c
	 * clears them between documents) and in the run. */
	struct drops {
		unsigned long long cells, rows, figures, context;
	} doc_drops, run_drops;
	unsigned long long doc_figures;	/* figures of the document so far */
	/* The figures of the document as written, as a multiset: the sum
	 * of a hash of each one's raw text (the same in any order, so that
	 * a .docx and the PDF made from it agree). */
	unsigned long long digest;
	struct repairs repairs;	/* what the cleaner did in the run */
};

/* Fills st->hdr from st->doc; header_clear frees the fields. */
void header_read(struct scan *);
void header_clear(struct header *);

/* heading.c: the length of a heading number at the start of a paragraph
 * (0 when it is none), updating st->section. */
size_t heading(struct scan *, const char *s, size_t n);
/* No lower-case letter in p[0..n). */
int all_caps(const char *p, size_t n);
/* An appendix's mark ("PHỤ LỤC", "Phụ lục số 02") ends the headings of
 * the body; the lines after it up to its table are its title, the
 * heading of its figures.  1 when the line st->line holds (folded) was
 * such a line. */
int appendix_line(struct scan *);

/* A figure found, as run.c writes it. */
struct mention {
	size_t line;
	const char *source;	/* "text" or "table" */
	const char *row, *col;	/* table labels; "" in prose */
	struct span before, raw, unit, after;
	int ctx_cut;		/* before or after cut at CTX_MAX bytes */
};

/* run.c: writes one CSV row (with count_only, counts it); past
 * DOC_MAXFIGURES in a document, counts it as dropped (naming the first). */
void emit(struct scan *, const struct mention *);
/* run.c: the document's drops as "cells:46;rows:12" (non-zero ones,
 * in that order: cells, rows, figures, context), appended. */
void drops_text(const struct drops *, struct buf *);
/* run.c: the header, then the figures of every block of st->doc. */
void scan_doc(struct scan *);
/* run.c: --progress, "baocao-extract: 3/12 reports" over itself on
 * stderr; the line ends after the last. */
void say_progress(int done, int total);
/* run.c: frees what a scan keeps between documents (its scratch). */
void scan_free(struct scan *);

/*
 * docs.c: the name of each document of paths[0..n): its path under root
 * (NULL: the paths' common directory) without the report extension.  Two
 * inputs of one name are an error naming both, unless clashes_ok.  The
 * caller frees the names with cli_free_split.
 */
char **doc_names(char *const *paths, int n, const char *root, int clashes_ok);
/* docs.c: the name of the file member of the archive named archive
 * ("q4.zip/Q1"); the caller frees it. */
char *doc_member_name(const char *archive, const char *member);
/* docs.c: --docs, one row per input; returns how many could not be read.
 * quiet: what is said of a document read goes to its notes only. */
unsigned long long docs_run(struct scan *, char **paths, char **names, int n,
	const struct readopts *, int progress, int quiet);
/* docs.c: says a document's diagnostics held back (said[0..len), lines
 * of "prog: ..."); said_and_die the last one through die(status). */
void pass_on(const char *said, size_t len);
_Noreturn void said_and_die(const char *said, size_t len, int status);

/*
 * figures.c: the figures of s[from..n), a line of prose at position at
 * (or a cell of a table row there); source, row and col are written with
 * each one.  scan_text folds the line into st->line first; scan_folded
 * reads the line st->line holds, folded already (u8_folded_set).
 */
void scan_text(struct scan *, struct pos at, const char *s, size_t n,
	size_t from, const char *source, const char *row, const char *col);
void scan_folded(struct scan *, struct pos at, size_t from,
	const char *source, const char *row, const char *col);

/* table.c: the figures of the table block b. */
void scan_table(struct scan *, size_t b);

/* skip.c: why the digit token s[a..b) is not a figure, or NULL; w is
 * scratch (struct scan's), before_free frees it. */
const char *skip_reason(const char *s, size_t n, size_t a, size_t b,
	int slashes, size_t *extend, struct before *w);
void before_free(struct before *w);
/* The end of a digit token [0-9]+([.,][0-9]+)* starting at i. */
size_t digit_token(const char *s, size_t n, size_t i);

/* chars.c */
/* A letter at s[i]: ASCII, or a multi-byte letter starting there. */
int isletter_at(const char *s, size_t n, size_t i);
/* An upper-case letter starting at s[i]. */
int isupper_at(const char *s, size_t n, size_t i);
/* The start of the character that ends just before i. */
size_t prev_char(const char *s, size_t i);
/* A copy of p[0..n) without surrounding blanks; the caller frees it. */
char *dupn(const char *p, size_t n);

/* run.c: the whole command; main.c calls it. */
int extract_main(int argc, char *argv[]);

#endif

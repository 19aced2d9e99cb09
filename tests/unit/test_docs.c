/* extract's docs.c: a document's name, its path under the reports' root
 * without the report extension, and two inputs of one name. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "diag.h"
#include "unit.h"
#include "xscan.h"

/* The names of paths (a comma list) under root, joined by ','. */
static const char *
names(const char *list, const char *root)
{
	static char out[512];
	char **paths, **v;
	size_t n, i, k = 0;

	paths = cli_split(list, &n);
	v = doc_names(paths, (int)n, root, 1);
	out[0] = '\0';
	for (i = 0; i < n; i++) {
		k += (size_t)snprintf(out + k, sizeof(out) - k, "%s%s",
		    i > 0 ? "," : "", v[i]);
		free(v[i]);
	}
	free(v);
	cli_free_split(paths, n);
	return out;
}

static void
clash(void *arg)
{
	char **paths, **v;
	size_t n;

	paths = cli_split(arg, &n);
	v = doc_names(paths, (int)n, NULL, 0);
	cli_free_split(v, n);
	cli_free_split(paths, n);
}

void
test_docs(void)
{
	struct unit_run r;

	/* the directory the inputs have in common is the root */
	CHECK_STR(names("reports/govap/baocao.txt,reports/phunhuan/baocao.docx",
	    NULL), "govap/baocao,phunhuan/baocao");
	CHECK_STR(names("reports/a/x.txt,reports/ab/y.txt", NULL), "a/x,ab/y");
	CHECK_STR(names("reports/govap/baocao.txt", NULL), "baocao");
	CHECK_STR(names("q1.txt,sub/q2.txt", NULL), "q1,sub/q2");
	/* "./" is no part of a name */
	CHECK_STR(names("./a/q1.txt,a/q2.pdf", NULL), "q1,q2");
	/* the report extensions, in any case, and .gz after them */
	CHECK_STR(names("d/BC.DOCX,d/x.Doc,d/y.txt.gz,d/z.PDF.GZ", NULL),
	    "BC,x,y,z");
	/* other extensions stay */
	CHECK_STR(names("d/x.tar.gz,d/notes.txt.bak,d/.txt", NULL),
	    "x.tar,notes.txt.bak,.txt");
	CHECK_STR(names("-", NULL), "-");
	/* --root */
	CHECK_STR(names("reports/govap/baocao.txt", "reports"), "govap/baocao");
	CHECK_STR(names("reports/govap/baocao.txt", "reports//"),
	    "govap/baocao");
	CHECK_STR(names("./reports/q1.txt", "."), "reports/q1");
	CHECK_STR(names("reports/q1.txt,other/q2.txt", "reports"),
	    "q1,other/q2");
	/* a root that is only a prefix of a directory's name is none */
	CHECK_STR(names("reports2/q1.txt", "reports"), "reports2/q1");

	/* two inputs of one name: an error naming both */
	unit_fork(&r, clash, "a/q1.txt,b/q2.txt,a/q1.docx");
	CHECK(r.status == 2);
	CHECK_STR(r.err, "baocao-t: 'a/q1.txt' and 'a/q1.docx' would both be "
	    "document 'a/q1'\n");
	unit_done(&r);
	unit_fork(&r, clash, "a/q1.txt,b/q1.txt");
	CHECK(r.status == 0);
	unit_done(&r);
}

#include "extract.h"
int read_word97(struct doc *d, const char *p, size_t n, const struct readopts *o)
{ (void)p; (void)n; (void)o; return doc_reject(d, 0, "doc: todo"); }

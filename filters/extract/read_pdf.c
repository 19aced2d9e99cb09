#include "extract.h"
int read_pdf(struct doc *d, const char *p, size_t n, const struct readopts *o)
{ (void)p; (void)n; (void)o; return doc_reject(d, 0, "pdf: todo"); }
int read_image(struct doc *d, const char *p, size_t n, const struct readopts *o)
{ (void)p; (void)n; (void)o; return doc_reject(d, 0, "image: todo"); }

/*
 * fname: what a report's file name says, beside its content: that it is
 * a copy of another file ("Báo cáo (1).docx", "Báo cáo - Copy.docx"),
 * that it is a report sent again ("BC năm 2024 - bổ sung.docx", "lần
 * 2"); its title may say the latter too.  The words are the lists of
 * common/data/words.rules (copy-word, resend-word, resend-count); C holds
 * none.  Text that is no valid UTF-8 says nothing.
 */
#ifndef BAOCAO_FNAME_H
#define BAOCAO_FNAME_H

#include "buf.h"

/* The file name of path without its folder and its extensions (at most
 * two of up to five letters or digits: ".docx", ".txt.gz"), appended to
 * out: "BC Quận 5 năm 2024 - bổ sung". */
void fname_stem(struct buf *out, const char *path);
/* Does the file name of path say it is a copy: "(N)" at the end of its
 * stem, or a phrase of copy-word ("- Copy", "Bản sao của")?  1 or 0. */
int fname_copy(const char *path);
/* How much text s says its report is sent again: 1 for a phrase of
 * resend-word ("bổ sung", "sửa"), plus N - 1 for "lần N" (resend-count);
 * 0 when it says nothing ("lần 1", "(1)"). */
int fname_resend_in(const char *s);
/* fname_resend_in of the title and of the file name's stem, the more. */
int fname_resend(const char *title, const char *path);
/* Does the file name of path say the report is signed: a phrase of
 * signed-word ("bản ký số", "đã ký")?  1 or 0. */
int fname_signed(const char *path);

#endif

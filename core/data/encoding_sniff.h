/* core/data/encoding_sniff.h — whether a file read as UTF-8 is UTF-8, from
 * its first part: a run reads only the columns it needs, so bytes that are
 * not UTF-8 in other columns would pass unseen; the run says it once for
 * the file instead (issue 13, items 3 and 7).
 *
 * Contract: only the first JV_SNIFF_BYTES are looked at (pread: the file
 * position is untouched; a pipe is not looked at). JV_SNIFF_1252 when that
 * part is not UTF-8, holds no valid UTF-8 sequence of two or more bytes
 * and no byte Windows-1252 leaves undefined (every high byte is then a
 * Windows-1252 letter); JV_SNIFF_MIXED for anything else that is not
 * UTF-8. The answer changes only the wording of the warning. */
#ifndef JV_DATA_ENCODING_SNIFF_H
#define JV_DATA_ENCODING_SNIFF_H

#include <glib.h>

#define JV_SNIFF_BYTES (64 * 1024)

typedef enum {
    JV_SNIFF_UTF8 = 0, /* valid UTF-8 (or plain ASCII, or not looked at) */
    JV_SNIFF_1252,     /* surely Windows-1252 */
    JV_SNIFF_MIXED     /* not UTF-8, and not safely Windows-1252 */
} jv_sniff;

jv_sniff jv_encoding_sniff(int fd);
/* The same for a buffer (tests). */
jv_sniff jv_encoding_sniff_bytes(const char *data, size_t length, gboolean cut);

#endif /* JV_DATA_ENCODING_SNIFF_H */

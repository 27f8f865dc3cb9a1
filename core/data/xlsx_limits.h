/* core/data/xlsx_limits.h — the bounds the .xlsx reader holds a workbook
 * to (xlsx.h rules 2 and 4): shared by the reader (xlsx.c) and its parts
 * (xlsx_part.c, xlsx_book.c), which check them as they inflate and read.
 */
#ifndef JV_DATA_XLSX_LIMITS_H
#define JV_DATA_XLSX_LIMITS_H

#include <glib.h>

#define JV_XLSX_MAX_SHARED_STRINGS ((guint64)128 << 20) /* 128 MiB */
#define JV_XLSX_MAX_PART ((guint64)8 << 30)             /* 8 GiB */
#define JV_XLSX_MAX_SMALL_PART ((guint64)64 << 20)      /* workbook, rels, styles */
#define JV_XLSX_MAX_RATIO 250
#define JV_XLSX_RATIO_FREE ((guint64)16 << 20)
#define JV_XLSX_MAX_COLUMNS 16384
#define JV_XLSX_MAX_ROWS 1048576
#define JV_XLSX_HEADER_SEARCH 200

#endif /* JV_DATA_XLSX_LIMITS_H */

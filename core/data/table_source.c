/* core/data/table_source.c — the error domain of reading a table (see
 * table_source.h), defined below every stage that reports in it. */
#include "data/table_source.h"

G_DEFINE_QUARK(jv - data - error - quark, jv_data_error)

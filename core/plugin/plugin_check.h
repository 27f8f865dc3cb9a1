/* core/plugin/plugin_check.h — the descriptor and schema checks of the
 * loader, kept apart so they can be tested and read on their own. */
#ifndef JV_PLUGIN_CHECK_H
#define JV_PLUGIN_CHECK_H

#include <glib.h>
#include <jamvikt/plugin.h>

/* Version fields first (nothing else is read before they pass), then the
 * struct size and the required fields. On success copies the descriptor
 * into *copy (fields past its struct_size zeroed). *why is owned by caller. */
gboolean jv_plugin_check_descriptor(const jv_plugin *desc, jv_plugin *copy, char **why);
/* Names, tables, roles, codes and the parameter schema well formed. */
gboolean jv_plugin_check_schema(const jv_plugin *desc, char **why);
/* The canonical values of a role's `codes` string, or NULL (+ *why) when
 * it is malformed. g_strfreev() the result. aliases, when not NULL, gets a
 * parallel array of NULL-terminated alias lists (free each with g_strfreev
 * and the array with g_free). */
char **jv_plugin_parse_codes(const char *codes, char ****aliases, char **why);

#endif /* JV_PLUGIN_CHECK_H */

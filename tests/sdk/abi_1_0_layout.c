/* tests/sdk/abi_1_0_layout.c — compile-time checks that today's headers
 * (include/jamvikt) keep the SDK 1.0 layout of the API structs, field for
 * field. Built into the ABI 1.0 test plugin, so that `make` fails when a
 * change would break plugins built for 1.0:
 *
 *  - jv_host (the host table) and jv_plugin (abi_1_0_plugin.c) only grow
 *    at their end: every 1.0 field keeps its offset, size and type.
 *  - Structs that plugins or the core index in arrays never change size
 *    within a major (plugin.h, "Arrays of API structs"): jv_column
 *    (batch->columns), jv_string (dict->values, ids), jv_role
 *    (table->roles), jv_table_spec (plugin->tables), jv_param_spec
 *    (plugin->params); neither does jv_headline, which a plugin fills in.
 *
 * The 1.0 copies (struct host_1_0 ...) and their field lists come from the
 * frozen 1.0 headers in tests/sdk/abi-1.0 themselves: frozen_layout_1_0.h
 * is generated from them by frozen_layout.awk at build time.
 */
#include <jamvikt/jamvikt.h>

#include "frozen.h"
#include "frozen_layout_1_0.h"

HOST_1_0_FIELDS(FROZEN, "1.0", jv_host, host_1_0)
_Static_assert(sizeof(jv_host) >= sizeof(struct host_1_0), "jv_host only grows");

/* Sizes kept: plugins index batch->columns (jv_column) and dict->values
 * and ids (jv_string); the core indexes a plugin's roles (jv_role),
 * tables (jv_table_spec) and params (jv_param_spec); a plugin fills in a
 * jv_headline. */
FROZEN_STRUCT("1.0", COLUMN_1_0_FIELDS, jv_column, column_1_0);
FROZEN_STRUCT("1.0", ROLE_1_0_FIELDS, jv_role, role_1_0);
FROZEN_STRUCT("1.0", STRING_1_0_FIELDS, jv_string, string_1_0);
FROZEN_STRUCT("1.0", TABLE_SPEC_1_0_FIELDS, jv_table_spec, table_spec_1_0);
FROZEN_STRUCT("1.0", PARAM_SPEC_1_0_FIELDS, jv_param_spec, param_spec_1_0);
FROZEN_STRUCT("1.0", HEADLINE_1_0_FIELDS, jv_headline, headline_1_0);

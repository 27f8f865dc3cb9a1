/* tests/sdk/abi_1_0_plugin.c — a plugin exactly as a binary built against
 * the ABI 1.0 headers looks, whatever the headers say today: its descriptor
 * has the 1.0 layout (struct plugin_1_0, from the frozen headers), it says
 * abi_minor 0, and struct_size is 1.0's minimum, offsetof(jv_plugin, load) +
 * sizeof(void *). The core must load and run it for every 1.x.
 *
 * Today the core is at 1.0, so this is "the same minor"; from 1.1 on it is
 * the older-minor plugin the compatibility promise is about, with no change
 * to this file (docs/plugin-guide.md, "Compatibility"). The static
 * assertions check that the current header still starts with the 1.0
 * layout: if one fails, a field of 1.0 moved, which needs a major bump.
 *
 * Variants (-D), for the rejection messages:
 *   ABI_NEWER_MINOR  says 1.(core's minor + 1): rejected, a newer minor
 *   ABI_OTHER_MAJOR  says (core's major + 1).0: rejected, another major
 *
 * What it computes (table `projects`, role `leader_gender`): rows per
 * gender and the women's share of rows as the headline, with the
 * fixtures' tests/fixtures/rows_share.c (1.0 host functions only).
 */
#include <jamvikt/jamvikt.h>

#include "../fixtures/rows_share.h"
#include "frozen.h"
#include "frozen_layout_1_0.h"

/* The jv_plugin of ABI 1.0 is struct plugin_1_0, generated from the frozen
 * 1.0 headers (frozen_layout_1_0.h); each of its fields keeps its offset,
 * size and type in today's jv_plugin. */
PLUGIN_1_0_FIELDS(FROZEN, "1.0", jv_plugin, plugin_1_0)
_Static_assert(sizeof(struct plugin_1_0) == offsetof(jv_plugin, load) + sizeof(void *),
               "the 1.0 descriptor ends with load");

static const jv_role roles[] = {
    {"leader_gender", JV_TYPE_GENDER, JV_ROLE_REQUIRED, NULL, "gender of the project leader"},
};
static const jv_table_spec tables[] = {{"projects", 1, roles, 1}};

#if defined(ABI_NEWER_MINOR)
#define MAJOR JV_ABI_MAJOR
#define MINOR (JV_ABI_MINOR + 1)
#define NAME "abi_newer_minor"
#elif defined(ABI_OTHER_MAJOR)
#define MAJOR (JV_ABI_MAJOR + 1)
#define MINOR 0
#define NAME "abi_other_major"
#else
#define MAJOR 1
#define MINOR 0
#define NAME "abi_1_0"
#endif

static const struct plugin_1_0 descriptor = {
    .abi_major = MAJOR,
    .abi_minor = MINOR,
    .struct_size = sizeof(struct plugin_1_0),
    .name = NAME,
    .version = "1.0.0",
    .summary = "a plugin built for ABI 1.0: women's share of rows",
    ROWS_SHARE_PLUGIN(tables, rows_share_consume, rows_share_finish),
};

const jv_plugin *jamvikt_plugin_entry(const jv_host *h);

const jv_plugin *jamvikt_plugin_entry(const jv_host *h)
{
    rows_share_bind(h);
    return (const jv_plugin *)&descriptor;
}

/* tests/sdk/abi_1_1_layout.c — the structs SDK 1.1 added that the core
 * indexes in a plugin's arrays (plugin.h, "Arrays of API structs"):
 * jv_translation, jv_label and jv_key_unit, frozen as 1.1 defined them, so
 * that none of them changes size or layout within major 1 (a plugin built
 * for 1.1 hands the core arrays of them). Built into the ABI 1.0 test
 * plugin beside abi_1_0_layout.c. Never edit the copies below.
 */
#include <jamvikt/jamvikt.h>

#include <stddef.h>

#if JV_ABI_MINOR >= 1
struct label_1_1 {
    const char *key;
    const char *text;
};

struct translation_1_1 {
    const char *lang;
    const char *title;
    const jv_label *labels;
};

struct key_unit_1_1 {
    const char *key;
    jv_unit unit;
};

#define FROZEN_1_1(new, old, field)                                                         \
    _Static_assert(offsetof(new, field) == offsetof(struct old, field) &&                   \
                       sizeof(((new *)0)->field) == sizeof(((struct old *)0)->field),       \
                   #new "." #field " changed since ABI 1.1: that needs a major bump")

FROZEN_1_1(jv_label, label_1_1, key);
FROZEN_1_1(jv_label, label_1_1, text);
_Static_assert(sizeof(jv_label) == sizeof(struct label_1_1), "jv_label keeps its 1.1 size");
FROZEN_1_1(jv_translation, translation_1_1, lang);
FROZEN_1_1(jv_translation, translation_1_1, title);
FROZEN_1_1(jv_translation, translation_1_1, labels);
_Static_assert(sizeof(jv_translation) == sizeof(struct translation_1_1),
               "jv_translation keeps its 1.1 size");
FROZEN_1_1(jv_key_unit, key_unit_1_1, key);
FROZEN_1_1(jv_key_unit, key_unit_1_1, unit);
_Static_assert(sizeof(jv_key_unit) == sizeof(struct key_unit_1_1),
               "jv_key_unit keeps its 1.1 size");
#else
typedef int abi_1_1_layout_not_applicable; /* headers older than 1.1 */
#endif

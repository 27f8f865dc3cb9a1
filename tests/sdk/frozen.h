/* tests/sdk/frozen.h — the static check the ABI layout tests
 * (abi_1_0_layout.c, abi_1_1_layout.c, abi_1_0_plugin.c) make of each
 * field of an API struct against its frozen copy: FROZEN("1.0", jv_host,
 * host_1_0, alloc0); says that today's jv_host.alloc0 has the offset and
 * size it had in SDK 1.0, and with GCC and Clang the same type;
 * FROZEN_STRUCT the same for every field and the size. A failing
 * assertion means the change needs a major bump (or a field appended at
 * the end instead). */
#ifndef JV_TESTS_SDK_FROZEN_H
#define JV_TESTS_SDK_FROZEN_H

#include <stddef.h>

#if defined(__GNUC__)
#define FROZEN_TYPE(version, new, old, field)                                                      \
    _Static_assert(__builtin_types_compatible_p(__typeof__(((new *)0)->field),                     \
                                                __typeof__(((struct old *)0)->field)),             \
                   #new "." #field " changed its type since ABI " version)
#else
#define FROZEN_TYPE(version, new, old, field) _Static_assert(1, "")
#endif
#define FROZEN(version, new, old, field)                                                           \
    _Static_assert(offsetof(new, field) == offsetof(struct old, field),                            \
                   #new "." #field " moved since ABI " version ": that needs a major bump");       \
    _Static_assert(sizeof(((new *)0)->field) == sizeof(((struct old *)0)->field),                  \
                   #new "." #field " changed size since ABI " version);                            \
    FROZEN_TYPE(version, new, old, field)

/* Each field of an X-list (FIELDS(F, ...) says F(..., field); per field)
 * FROZEN, and `new` of the size of `old`: for the structs that are indexed
 * in arrays, which never change size within a major. */
#define FROZEN_STRUCT(version, FIELDS, new, old)                                                   \
    FIELDS(FROZEN, version, new, old)                                                              \
    _Static_assert(sizeof(new) == sizeof(struct old),                                              \
                   #new " changed size since ABI " version ": arrays of it are indexed")

#endif /* JV_TESTS_SDK_FROZEN_H */

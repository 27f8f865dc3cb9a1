/* core/util/text.h — small text checks the core shares. (The did-you-mean
 * for unknown names is util/did_you_mean.h.) */
#ifndef JV_UTIL_TEXT_H
#define JV_UTIL_TEXT_H

#include <stddef.h>
#include <sys/types.h>

/* TRUE when s matches [a-z][a-z0-9_]* (plugin, table, role, param names). */
int jv_text_is_identifier(const char *s);

/* Text from a file or a plugin made safe to print on a terminal: every
 * byte that is not part of valid UTF-8 and every C0 control (including
 * TAB, CR and LF) and DEL as "\xNN" ("\x1b", "\xff"); C1 controls and the
 * bidirectional overrides (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F)
 * as "\u{NNNN}"; anything else as it is. `length` < 0: up to the NUL.
 * With max_chars > 0, at most that many characters of the result are kept
 * (an escape is never cut) and "…" marks the cut. Returns new text
 * (g_free). Engineers' renderers and error paths share this one helper. */
char *jv_text_escape_terminal(const char *text, ssize_t length, size_t max_chars);
/* The same for a whole message of ours: LF and TAB stay (messages may have
 * several lines), everything else as jv_text_escape_terminal. */
char *jv_text_escape_message(const char *text);

#endif /* JV_UTIL_TEXT_H */

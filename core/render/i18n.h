/* core/render/i18n.h — the language of rendered reports: the catalogue and
 * its lookup live in core/util/i18n.h (terminal messages use them too);
 * renderers pass every user-facing text through jv_tr(lang, msgid). */
#ifndef JV_RENDER_I18N_H
#define JV_RENDER_I18N_H

#include "util/i18n.h"

#endif /* JV_RENDER_I18N_H */

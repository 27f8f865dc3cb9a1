/* jamvikt/jamvikt.h — the whole plugin SDK in one include.
 *
 * A plugin includes this header and nothing else of jamvikt:
 *   batch.h   the typed, columnar batches a plugin consumes
 *   plugin.h  the descriptor and callbacks a plugin returns
 *   host.h    the functions the core offers a plugin
 *   tally.h   SDK 1.1: gender tallies, string maps, value lists (via host)
 *
 * "indicators.md §N" in these headers is the definition of every figure,
 * installed with jamvikt's documentation (PREFIX/share/doc/jamvikt/), beside
 * plugin-guide.md, the author's guide.
 */
#ifndef JAMVIKT_JAMVIKT_H
#define JAMVIKT_JAMVIKT_H

#include <jamvikt/batch.h>
#include <jamvikt/host.h>
#include <jamvikt/plugin.h>
#include <jamvikt/tally.h>

#endif /* JAMVIKT_JAMVIKT_H */

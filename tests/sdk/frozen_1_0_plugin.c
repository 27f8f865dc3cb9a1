/* tests/sdk/frozen_1_0_plugin.c — a plugin as an outside author wrote it
 * from the 1.0 guide, compiled against the frozen 1.0 headers in
 * tests/sdk/abi-1.0/ (never against include/), so that a jamvikt with a
 * newer minor is tested with exactly the binary layout 1.0 plugins have:
 * its descriptor is 1.0's sizeof(jv_plugin), and it calls host functions
 * at 1.0's offsets across the table — memory, parameters, statistics,
 * disclosure control, the writer and the reader.
 *
 * What it computes (table `projects`: leader_gender, funded): projects and
 * funded projects per gender, the women's share of funded projects as the
 * headline with its Wilson interval, projects as the protected count, and
 * save/load so that `jamvikt merge` pools its states.
 */
#include <jamvikt/jamvikt.h>

#include <math.h>

#if JV_ABI_MAJOR != 1 || JV_ABI_MINOR != 0
#error "build this file against tests/sdk/abi-1.0, the frozen 1.0 headers"
#endif

static const jv_host *host;

typedef struct counts {
    int64_t projects[JV_GENDERS];
    int64_t funded[JV_GENDERS];
} counts;

static void *frozen_init(jv_ctx *ctx)
{
    (void)ctx;
    return host->alloc0(sizeof(counts));
}

static int frozen_consume(jv_ctx *ctx, void *state, const jv_batch *batch)
{
    (void)ctx;
    counts *c = state;
    const jv_column *gender = &batch->columns[0];
    const jv_column *funded = &batch->columns[1];
    for (size_t i = 0; i < batch->n_rows; i++) {
        c->projects[gender->codes[i]]++;
        c->funded[gender->codes[i]] += funded->booleans[i];
    }
    return 0;
}

static int frozen_merge(jv_ctx *ctx, void *into, const void *from)
{
    (void)ctx;
    counts *a = into;
    const counts *b = from;
    for (int g = 0; g < JV_GENDERS; g++) {
        a->projects[g] += b->projects[g];
        a->funded[g] += b->funded[g];
    }
    return 0;
}

static int frozen_cells(jv_ctx *ctx, const void *state, jv_cells *cells)
{
    (void)ctx;
    host->add_group(cells, JV_MAIN_GROUP, 1, ((const counts *)state)->projects);
    return 0;
}

static int frozen_finish(jv_ctx *ctx, const void *state, const void *total, jv_writer *out)
{
    (void)total;
    const counts *c = state;
    host->begin_object(out, "by_gender");
    for (int g = 0; g < JV_GENDERS; g++) {
        int hidden = host->suppressed(ctx, JV_MAIN_GROUP, g);
        host->begin_object(out, host->gender_name(g));
        if (hidden) {
            host->put_null(out, "projects");
            host->put_null(out, "funded");
        } else {
            host->put_integer(out, "projects", c->projects[g]);
            host->put_integer(out, "funded", c->funded[g]);
        }
        host->put_bool(out, "suppressed", hidden);
        host->end_object(out);
    }
    host->end_object(out);
    int64_t women = c->funded[JV_WOMAN], men = c->funded[JV_MAN];
    int hidden = host->suppressed(ctx, JV_MAIN_GROUP, JV_WOMAN) ||
                 host->suppressed(ctx, JV_MAIN_GROUP, JV_MAN);
    double share = hidden ? NAN : host->women_share((double)women, (double)men);
    jv_headline h = {
        .metric = "women_share_funded",
        .label = "Women's share of funded projects",
        .unit = "share",
        .value = share,
        .balance = host->balance(ctx, share),
        .balance_certain =
            hidden ? -1 : host->balance_certain(ctx, host->balance(ctx, share), women, women + men),
        .ci = {NAN, NAN},
    };
    if (!hidden)
        host->wilson(ctx, women, women + men, h.ci);
    host->put_headline(out, &h);
    return 0;
}

static void frozen_destroy(jv_ctx *ctx, void *state)
{
    (void)ctx;
    host->free(state);
}

static int frozen_save(jv_ctx *ctx, const void *state, jv_writer *out)
{
    (void)ctx;
    const counts *c = state;
    host->begin_array(out, "cells");
    for (int g = 0; g < JV_GENDERS; g++) {
        host->begin_array(out, NULL);
        host->put_integer(out, NULL, c->projects[g]);
        host->put_integer(out, NULL, c->funded[g]);
        host->end_array(out);
    }
    host->end_array(out);
    return 0;
}

static void *frozen_load(jv_ctx *ctx, const jv_node *in)
{
    const jv_node *cells = host->node_get(in, "cells");
    if (cells == NULL || host->node_size(cells) != JV_GENDERS) {
        host->error(ctx, "'cells' must be a list of %d [projects, funded]", JV_GENDERS);
        return NULL;
    }
    counts *c = host->alloc0(sizeof *c);
    for (size_t g = 0; g < JV_GENDERS; g++) {
        const jv_node *cell = host->node_at(cells, g);
        if (host->node_size(cell) != 2 ||
            host->node_integer(host->node_at(cell, 0), &c->projects[g]) != 0 ||
            host->node_integer(host->node_at(cell, 1), &c->funded[g]) != 0 || c->funded[g] < 0 ||
            c->funded[g] > c->projects[g]) {
            host->error(ctx, "cells[%zu] must be [projects, funded] with 0 <= funded <= projects",
                        g);
            host->free(c);
            return NULL;
        }
    }
    return c;
}

static const jv_role frozen_roles[] = {
    {.name = "leader_gender",
     .type = JV_TYPE_GENDER,
     .flags = JV_ROLE_REQUIRED,
     .help = "gender of the project leader"},
    {.name = "funded",
     .type = JV_TYPE_BOOLEAN,
     .flags = JV_ROLE_REQUIRED,
     .help = "whether the project was funded"},
};

static const jv_table_spec frozen_tables[] = {
    {.name = "projects", .required = 1, .roles = frozen_roles, .n_roles = 2},
};

static const jv_plugin descriptor = {
    .abi_major = JV_ABI_MAJOR,
    .abi_minor = JV_ABI_MINOR,
    .struct_size = sizeof(jv_plugin),
    .name = "frozen_1_0",
    .version = "1.0.0",
    .summary = "built against the frozen 1.0 headers: women's share of funded projects",
    .tables = frozen_tables,
    .n_tables = 1,
    .init = frozen_init,
    .consume = frozen_consume,
    .merge = frozen_merge,
    .pool = frozen_merge,
    .cells = frozen_cells,
    .finish = frozen_finish,
    .destroy = frozen_destroy,
    .save = frozen_save,
    .load = frozen_load,
};

const jv_plugin *jamvikt_plugin_entry(const jv_host *h)
{
    host = h;
    return &descriptor;
}

/* core/render/report_model.h — the report model's types (what report.h
 * builds and the renderers draw): captioned tables of display-ready cells
 * with the bars and stacks of their charts, one indicator's section, the
 * scopes and the report itself; and the building blocks every builder of
 * the model shares (report_model.c): new tables, rows and cells, bars,
 * and the note markers of indicators a scope did not compute.
 */
#ifndef JV_RENDER_REPORT_MODEL_H
#define JV_RENDER_REPORT_MODEL_H

#include <cjson/cJSON.h>
#include <glib.h>

#include "render/i18n.h"

typedef enum jv_tone {
    JV_TONE_NONE = 0,
    JV_TONE_BALANCED,
    JV_TONE_MEN,           /* men-dominated */
    JV_TONE_WOMEN,         /* women-dominated */
    JV_TONE_MISSING,       /* ".." no data */
    JV_TONE_SUPPRESSED,    /* "×" suppressed to protect individuals */
    JV_TONE_NOT_APPLICABLE /* "." cannot occur */
} jv_tone;

typedef struct jv_cell {
    char *text;
    gboolean numeric; /* right-aligned */
    jv_tone tone;
} jv_cell;

/* One bar of a chart of women's shares. */
typedef struct jv_bar {
    char *label;
    char *text;          /* the share as displayed ("39,7 %" or "..") */
    double share;        /* NaN: no value */
    double lower, upper; /* NaN: no interval */
    gboolean suppressed; /* no value because a cell is suppressed */
    jv_tone tone;
} jv_bar;

/* One bar of a stacked chart: parts of a whole, in stack_names order. */
typedef struct jv_stack {
    char *label;
    GArray *parts; /* double */
} jv_stack;

typedef struct jv_table {
    char *caption;
    char *note;             /* a line under the table, or NULL */
    char *chart_note;       /* why a chart was left out (formats with charts), or NULL */
    gboolean no_row_names;  /* the first column holds values, not row names */
    GPtrArray *header;      /* char*, one per column */
    GPtrArray *rows;        /* GArray of jv_cell, one per column */
    GPtrArray *bars;        /* jv_bar*: empty when there is no chart */
    GPtrArray *stack_names; /* char*: parts of stacked bars */
    GPtrArray *stacks;      /* jv_stack*: empty when there is no stacked chart */
} jv_table;

/* One indicator in one scope. */
typedef struct jv_section {
    char *indicator; /* its name in the document (an id, not for headings) */
    char *title;     /* its title in the report's language (words.h) */
    char *headline;  /* the headline figure as a line, or NULL */
    char *sentence;  /* the result in words (sentences.h), or NULL */
    char *status;    /* why there is no result (with its note marker), or NULL */
    GPtrArray *tables;
} jv_section;

typedef struct jv_report_scope {
    char *name; /* translated for the total */
    gboolean total;
    GPtrArray *sections; /* jv_section* */
} jv_report_scope;

typedef struct jv_report {
    jv_lang lang;
    gboolean publish; /* for readers: no ids, paths or warnings (render.h) */
    int min_cell;
    char *title;
    char *facts;             /* version and options in one line */
    char *legend;            /* what the symbols mean (symbols.h) */
    GPtrArray *overview;     /* char*: the total's result in words, per indicator */
    GPtrArray *notes;        /* char*: numbered notes ("¹ Syd, Måluppfyllelse: …") */
    char *method;            /* publish: the method note instead of the facts */
    char *quality;           /* publish: one line on data quality instead of warnings */
    jv_table *indicators;    /* not publish: title, name, plugin and version */
    GHashTable *markers;     /* "scope\x1findicator" → note marker */
    jv_table *summary;       /* a row per region and the total */
    GPtrArray *summary_keys; /* char*: `<indicator>.<metric>` per column after the first */
    GPtrArray *comparisons;  /* jv_table*: an indicator's women's share by region */
    GPtrArray *goals;        /* jv_table*: goal fulfilment by region */
    GPtrArray *scopes;       /* jv_report_scope* */
    GPtrArray *warnings;     /* char* */
    jv_table *inputs;        /* input files, or NULL */
    GPtrArray *trends;       /* jv_table*: headline per period (report_trend.c) */
    GPtrArray *trend_names;  /* char*: the indicator of each trend table */
} jv_report;

/* Building blocks, shared by the report's builders (report_model.c). */
jv_table *jv_table_new(const char *caption);
void jv_table_column(jv_table *table, const char *name);
GArray *jv_table_row(jv_table *table);
/* Appends a cell, taking `text`; tone MISSING is set for "..". */
void jv_row_take(GArray *row, char *text, gboolean numeric, jv_tone tone);
void jv_row_text(GArray *row, const char *text);
void jv_table_bar(jv_table *table, const char *label, const char *text, double share,
                  const cJSON *interval, gboolean suppressed, jv_tone tone);
jv_tone jv_tone_for_balance(const char *balance);
void jv_table_free(jv_table *table);

/* The note marker of an indicator not computed in scope `scope` (its
 * index, jv_doc_scope), or NULL. */
const char *jv_report_marker(const jv_report *report, guint scope, const char *indicator);
/* Sets that marker (taking `marker`); report->markers must exist. */
void jv_report_set_marker(jv_report *report, guint scope, const char *indicator, char *marker);

#endif /* JV_RENDER_REPORT_MODEL_H */

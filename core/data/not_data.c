/* core/data/not_data.c — rows that are not data (contract in not_data.h).
 * The words are the ones Swedish and English exports write in total rows;
 * a word counts when it is the whole cell or starts it followed by a space
 * or a colon ("Summa Örebro", "Total:"), ASCII case-insensitive. */
#include "data/not_data.h"

#include <string.h>

#include <jamvikt/plugin.h>

#include "data/convert.h"

static const char *const total_words[] = {
    "summa",     "totalt",     "total",     "totals",   "sum",       "delsumma",    "delsummor",
    "summering", "totalsumma", "slutsumma", "subtotal", "sub-total", "grand total", "samtliga",
};

const guint8 jv_total_start[256] = {
    ['s'] = 1, ['S'] = 1, ['t'] = 1,  ['T'] = 1,  ['d'] = 1,  ['D'] = 1, ['g'] = 1,
    ['G'] = 1, [' '] = 1, ['\t'] = 1, [0xC2] = 1, [0xE2] = 1, /* blanks: also U+00A0, U+202F */
};

void jv_row_shape_init(jv_row_shape *shape, const GPtrArray *header, const jv_role_column *roles,
                       size_t n_roles)
{
    memset(shape, 0, sizeof *shape);
    shape->header = header;
    shape->keys = g_new(int, n_roles ? n_roles : 1);
    shape->before = header->len;
    for (size_t i = 0; i < n_roles; i++) {
        const jv_role_column *c = &roles[i];
        if (c->field < 0)
            continue;
        gboolean number = c->kind == JV_CELL_NUMBER || c->kind == JV_CELL_INTEGER;
        if (number && (size_t)c->field < shape->before)
            shape->before = (size_t)c->field;
        if (!number && (c->request.flags & JV_ROLE_REQUIRED)) {
            shape->keys[shape->n_keys++] = c->field;
            shape->empty_keys =
                shape->empty_keys ||
                (c->kind != JV_CELL_GENDER && (c->request.flags & JV_ROLE_EMPTY_IS_VALUE) != 0);
        }
    }
}

void jv_row_shape_clear(jv_row_shape *shape)
{
    g_free(shape->keys);
    shape->keys = NULL;
}

static void cell(const jv_string *cells, size_t n, size_t i, const char **text, size_t *length)
{
    *text = i < n ? cells[i].data : "";
    *length = i < n ? cells[i].length : 0;
    jv_trim(text, length);
}

/* Does the cell read a total word? */
static gboolean is_total_word(const char *text, size_t length)
{
    char c = g_ascii_tolower(text[0]);
    if (c != 's' && c != 't' && c != 'd' && c != 'g')
        return FALSE;
    for (size_t w = 0; w < G_N_ELEMENTS(total_words); w++) {
        size_t n = strlen(total_words[w]);
        if (length < n || g_ascii_strncasecmp(text, total_words[w], n) != 0)
            continue;
        if (length == n || text[n] == ' ' || text[n] == ':' || text[n] == '.')
            return TRUE;
    }
    return FALSE;
}

/* Every required non-number cell but `except` is empty. */
static gboolean keys_empty(const jv_row_shape *shape, const jv_string *cells, size_t n,
                           size_t except)
{
    for (size_t k = 0; k < shape->n_keys; k++) {
        const char *t;
        size_t len;
        if ((size_t)shape->keys[k] == except)
            continue;
        cell(cells, n, (size_t)shape->keys[k], &t, &len);
        if (len > 0)
            return FALSE;
    }
    return TRUE;
}

static char *total_message(const jv_row_shape *shape, size_t field, const char *text, size_t length)
{
    char *shown = jv_text_for_message(text, length);
    const char *column = field < shape->header->len ? g_ptr_array_index(shape->header, field) : "?";
    char *m = g_strdup_printf("this row is not data: '%s' in column '%s' with the required "
                              "cells empty is a total or subtotal row, and counting it would "
                              "count its amounts twice; " JV_NOT_DATA_HINT,
                              shown, column);
    g_free(shown);
    return m;
}

/* The total row test without the cheap precondition. */
static char *find_total(const jv_row_shape *shape, const jv_string *cells, size_t n)
{
    size_t before = MIN(shape->before, n);
    for (size_t i = 0; i < before; i++) {
        const char *t;
        size_t len;
        cell(cells, n, i, &t, &len);
        if (len >= 3 && is_total_word(t, len) && keys_empty(shape, cells, n, i))
            return total_message(shape, i, t, len);
    }
    return NULL;
}

/* The one filled cell of a row, or -1 (none, or more than one). */
static int only_filled(const jv_string *cells, size_t n)
{
    int found = -1;
    for (size_t i = 0; i < n; i++) {
        const char *t;
        size_t len;
        cell(cells, n, i, &t, &len);
        if (len == 0)
            continue;
        if (found >= 0)
            return -1;
        found = (int)i;
    }
    return found;
}

/* A note's text: words with a letter. `strict` (a row that converted, so
 * a lone cell may be a name): it must also hold a ':' or four words. */
static gboolean is_note(const char *t, size_t len, gboolean strict)
{
    gboolean letter = FALSE, colon = FALSE;
    size_t words = len > 0;
    for (size_t i = 0; i < len; i++) {
        letter = letter || g_ascii_isalpha(t[i]) || (unsigned char)t[i] >= 0x80;
        colon = colon || t[i] == ':';
        words += t[i] == ' ' && i + 1 < len && t[i + 1] != ' ';
    }
    return letter && words >= 2 && (!strict || colon || words >= 4);
}

static char *note_message(const char *t, size_t len)
{
    char *shown = jv_text_for_message(t, len);
    char *m = g_strdup_printf("this row is not data: it has only the text '%s', like a note "
                              "or a title under or above the table; " JV_NOT_DATA_HINT,
                              shown);
    g_free(shown);
    return m;
}

char *jv_row_converted_not_data_message(const jv_row_shape *shape, const jv_string *cells,
                                        size_t n_cells)
{
    gboolean keys_possible = TRUE; /* every filled key could be the word's cell */
    for (size_t k = 0; k < shape->n_keys && keys_possible; k++) {
        size_t f = (size_t)shape->keys[k];
        if (f < n_cells && cells[f].length > 0) {
            const char *t = cells[f].data;
            size_t len = cells[f].length;
            jv_trim(&t, &len);
            keys_possible = len == 0 || (f < shape->before && is_total_word(t, len));
        }
    }
    char *total = keys_possible ? find_total(shape, cells, n_cells) : NULL;
    if (total != NULL || shape->header->len < 2)
        return total;
    /* a note that converts: its text in a required cell, the others empty */
    int only = only_filled(cells, n_cells);
    if (only < 0)
        return NULL;
    const char *t;
    size_t len;
    cell(cells, n_cells, (size_t)only, &t, &len);
    return is_note(t, len, TRUE) ? note_message(t, len) : NULL;
}

char *jv_row_not_data_message(const jv_row_shape *shape, const jv_string *cells, size_t n_cells)
{
    char *total = find_total(shape, cells, n_cells);
    if (total != NULL)
        return total;
    size_t filled = 0, same = 0, first = 0;
    for (size_t i = 0; i < n_cells; i++) {
        const char *t;
        size_t len;
        cell(cells, n_cells, i, &t, &len);
        if (len == 0)
            continue;
        if (filled++ == 0)
            first = i;
        const char *name = i < shape->header->len ? g_ptr_array_index(shape->header, i) : NULL;
        if (name != NULL && strlen(name) == len && g_ascii_strncasecmp(name, t, len) == 0)
            same++;
    }
    if (filled > 0 && same == filled && (filled >= 2 || shape->header->len == 1))
        return g_strdup(
            "this row is not data: it repeats the header (the column names); " JV_NOT_DATA_HINT);
    if (filled == 1 && shape->header->len > 1) {
        const char *t;
        size_t len;
        cell(cells, n_cells, first, &t, &len);
        if (is_note(t, len, FALSE))
            return note_message(t, len);
    }
    return NULL;
}

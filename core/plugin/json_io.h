/* core/plugin/json_io.h — the JSON writer and reader behind the host API
 * (jv_writer / jv_node), built on cJSON so no cJSON type crosses the plugin
 * boundary. The writer appends into a cJSON container the core owns. */
#ifndef JV_PLUGIN_JSON_IO_H
#define JV_PLUGIN_JSON_IO_H

#include <cjson/cJSON.h>
#include <jamvikt/host.h>

#define JV_WRITER_DEPTH 64

struct jv_writer {
    cJSON *stack[JV_WRITER_DEPTH]; /* borrowed; stack[0] is the root */
    int depth;                     /* index of the open container */
    int overflow;                  /* nesting deeper than the stack */
    /* The first key (1) or string (2) that was not valid UTF-8 or held a
     * control character; such an item is left out, and the plugin's
     * finish()/save() fails (plugin/guard.h). bad_key: that key, escaped. */
    int bad_text;
    char bad_key[64];
};

/* Start writing into `root` (an object or array, owned by the caller). */
void jv_writer_init(jv_writer *w, cJSON *root);

void jv_json_begin_object(jv_writer *w, const char *key);
void jv_json_end_object(jv_writer *w);
void jv_json_begin_array(jv_writer *w, const char *key);
void jv_json_end_array(jv_writer *w);
void jv_json_put_number(jv_writer *w, const char *key, double value);
void jv_json_put_integer(jv_writer *w, const char *key, int64_t value);
void jv_json_put_fixed(jv_writer *w, const char *key, int64_t value);
void jv_json_put_string(jv_writer *w, const char *key, const char *value);
void jv_json_put_bool(jv_writer *w, const char *key, int value);
void jv_json_put_null(jv_writer *w, const char *key);
void jv_json_put_interval(jv_writer *w, const char *key, const double ci[2]);
void jv_json_put_balance(jv_writer *w, const char *key, jv_balance cls);
void jv_json_put_tristate(jv_writer *w, const char *key, int value);
void jv_json_put_gap(jv_writer *w, const char *key, double value, const double ci[2]);
void jv_json_put_headline(jv_writer *w, const jv_headline *headline);

const jv_node *jv_json_node_get(const jv_node *node, const char *key);
size_t jv_json_node_size(const jv_node *node);
const jv_node *jv_json_node_at(const jv_node *node, size_t i);
double jv_json_node_number(const jv_node *node);
int jv_json_node_integer(const jv_node *node, int64_t *out);
const char *jv_json_node_string(const jv_node *node);
int jv_json_node_bool(const jv_node *node);
int jv_json_node_is_null(const jv_node *node);

#endif /* JV_PLUGIN_JSON_IO_H */

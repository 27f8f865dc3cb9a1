/* core/data/encoding_sniff.c — is a file Windows-1252? (encoding_sniff.h) */
#include "data/encoding_sniff.h"

#include <unistd.h>

jv_sniff jv_encoding_sniff_bytes(const char *data, size_t length, gboolean cut)
{
    const unsigned char *s = (const unsigned char *)data;
    size_t invalid = 0, multibyte = 0, undefined = 0;
    for (size_t i = 0; i < length;) {
        if (s[i] < 0x80) {
            i++;
            continue;
        }
        gunichar c = g_utf8_get_char_validated(data + i, (gssize)(length - i));
        if (c == (gunichar)-2 && cut) /* a sequence cut at the end of the part */
            break;
        if (c != (gunichar)-1 && c != (gunichar)-2) {
            multibyte++;
            i += (size_t)g_unichar_to_utf8(c, NULL);
            continue;
        }
        invalid++;
        undefined += s[i] == 0x81 || s[i] == 0x8D || s[i] == 0x8F || s[i] == 0x90 || s[i] == 0x9D;
        i++;
    }
    if (invalid == 0)
        return JV_SNIFF_UTF8;
    return multibyte == 0 && undefined == 0 ? JV_SNIFF_1252 : JV_SNIFF_MIXED;
}

jv_sniff jv_encoding_sniff(int fd)
{
    char *buffer = g_malloc(JV_SNIFF_BYTES);
    ssize_t got = pread(fd, buffer, JV_SNIFF_BYTES, 0);
    jv_sniff answer = got > 0 ? jv_encoding_sniff_bytes(buffer, (size_t)got, got == JV_SNIFF_BYTES)
                              : JV_SNIFF_UTF8;
    g_free(buffer);
    return answer;
}

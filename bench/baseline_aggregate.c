/* bench/baseline_aggregate.c — the yardstick of bench/run: a minimal,
 * hand-written, single-threaded, single-pass aggregator over a funding CSV.
 *
 * It is what "as fast as plain C can simply go" means in issue 9: jamvikt
 * -j 1 is compared with it. Contract:
 *   1. Reads one funding table in the plain dialect (',' separator, '\n' or
 *      "\r\n" line ends, optional UTF-8 byte-order mark, RFC 4180 quotes),
 *      with read() in large blocks; no stdio per character, no strtod.
 *   2. Finds the columns region, recipient_gender (or gender), decision,
 *      amount_applied and amount_granted by name in the header.
 *   3. Per region x gender cell (the raw cell texts, not recoded) it counts
 *      rows, granted rows (decision == "granted") and sums amount_applied
 *      and amount_granted exactly as fixed-point integers (x 10^4, at most
 *      4 decimals; an empty cell is 0).
 *   4. Prints "region,gender,rows,granted,amount_applied,amount_granted"
 *      then one line per cell, sorted by region then gender (bytes), sums
 *      in the file's unit with the decimals that are not zero.
 *   5. Bad input (a non-number in a money column, a missing column, a
 *      short row) is reported with its line on stderr and exit status 1.
 *
 * Build: cc -O2 -o baseline_aggregate baseline_aggregate.c (bench/run does).
 * Not part of jamvikt and not built by make.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define BLOCK (4u << 20) /* bytes read per read() */
#define MAX_KEY 256      /* longest region or gender text kept */
#define MAX_CELLS 4096   /* region x gender cells */
#define HASH_SLOTS 8192  /* open addressing, power of two, > 2 x MAX_CELLS */
#define MAX_FIELDS 256

typedef struct {
    uint32_t region_len, gender_len;
    char key[2 * MAX_KEY]; /* region bytes then gender bytes */
    int64_t rows, granted, applied, amount;
} cell;

static cell cells[MAX_CELLS];
static int ncells;
static int slots[HASH_SLOTS]; /* cell index + 1; 0 = empty */
static int64_t line_no;

enum { C_REGION, C_GENDER, C_DECISION, C_APPLIED, C_GRANTED, C_N };
static int want[C_N];           /* field index of each needed column */
static int role_of[MAX_FIELDS]; /* field index -> role or -1 */
static int last_field;          /* highest needed field index */

static void die(const char *msg)
{
    fprintf(stderr, "baseline_aggregate: line %" PRId64 ": %s\n", line_no, msg);
    exit(1);
}

/* Fixed-point x 10^4 from a plain decimal number: digits, optional '.' and
 * at most 4 decimals, optional leading '-'. Empty is 0. */
static int64_t parse_money(const char *p, const char *end)
{
    int64_t v = 0;
    int neg = 0, decimals = -1;
    if (p < end && *p == '-') {
        neg = 1;
        p++;
    }
    if (p == end)
        return 0;
    for (; p < end; p++) {
        unsigned d = (unsigned)(*p - '0');
        if (d < 10) {
            if (v > (INT64_MAX - 9) / 10)
                die("amount out of range");
            v = v * 10 + d;
            if (decimals >= 0 && ++decimals > 4)
                die("more than 4 decimals");
        } else if (*p == '.' && decimals < 0) {
            decimals = 0;
        } else {
            die("not a number in an amount column");
        }
    }
    for (int k = decimals < 0 ? 0 : decimals; k < 4; k++)
        v *= 10;
    return neg ? -v : v;
}

static uint64_t hash_bytes(const char *s, size_t n, uint64_t h)
{
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
    return h;
}

static cell *cell_find(const char *r, size_t rn, const char *g, size_t gn)
{
    static cell *last;
    if (last && last->region_len == rn && last->gender_len == gn && memcmp(last->key, r, rn) == 0 &&
        memcmp(last->key + rn, g, gn) == 0)
        return last;
    if (rn > MAX_KEY || gn > MAX_KEY)
        die("region or gender text too long");
    uint64_t h = hash_bytes(g, gn, hash_bytes(r, rn, 14695981039346656037ull) ^ 0xff);
    for (size_t s = h & (HASH_SLOTS - 1);; s = (s + 1) & (HASH_SLOTS - 1)) {
        if (slots[s] == 0) {
            if (ncells == MAX_CELLS)
                die("too many region x gender cells");
            cell *c = &cells[ncells++];
            c->region_len = (uint32_t)rn;
            c->gender_len = (uint32_t)gn;
            memcpy(c->key, r, rn);
            memcpy(c->key + rn, g, gn);
            slots[s] = ncells;
            return last = c;
        }
        cell *c = &cells[slots[s] - 1];
        if (c->region_len == rn && c->gender_len == gn && memcmp(c->key, r, rn) == 0 &&
            memcmp(c->key + rn, g, gn) == 0)
            return last = c;
    }
}

/* The fields of one record, unquoted where needed (quoted fields are copied
 * into 'scratch'). */
typedef struct {
    const char *p[C_N];
    size_t n[C_N];
} record;

static void add_record(const record *r)
{
    cell *c = cell_find(r->p[C_REGION], r->n[C_REGION], r->p[C_GENDER], r->n[C_GENDER]);
    c->rows++;
    if (r->n[C_DECISION] == 7 && memcmp(r->p[C_DECISION], "granted", 7) == 0)
        c->granted++;
    c->applied += parse_money(r->p[C_APPLIED], r->p[C_APPLIED] + r->n[C_APPLIED]);
    c->amount += parse_money(r->p[C_GRANTED], r->p[C_GRANTED] + r->n[C_GRANTED]);
}

/* Fast path for a stretch without any '"': records end at '\n', fields at
 * ','. Returns bytes consumed (complete records only). */
static size_t scan_plain(const char *buf, size_t len)
{
    const char *p = buf, *end = buf + len;
    record r;
    for (;;) {
        const char *eol = memchr(p, '\n', (size_t)(end - p));
        if (!eol)
            return (size_t)(p - buf);
        line_no++;
        const char *rec_end = eol > p && eol[-1] == '\r' ? eol - 1 : eol;
        const char *f = p;
        for (int i = 0; i <= last_field; i++) {
            const char *comma = memchr(f, ',', (size_t)(rec_end - f));
            const char *fe = comma ? comma : rec_end;
            int role = role_of[i];
            if (role >= 0) {
                r.p[role] = f;
                r.n[role] = (size_t)(fe - f);
            }
            if (!comma && i < last_field) {
                if (rec_end == p)
                    goto next; /* a blank line */
                die("too few fields");
            }
            f = fe + 1;
        }
        add_record(&r);
    next:
        p = eol + 1;
    }
}

/* General path (RFC 4180 quotes, quoted separators and newlines). Returns
 * bytes consumed; an unfinished record is left for the next call unless
 * 'at_eof'. */
static size_t scan_quoted(const char *buf, size_t len, int at_eof)
{
    static char scratch[C_N][MAX_KEY * 4];
    const char *p = buf, *end = buf + len;
    while (p < end) {
        const char *start = p;
        record r;
        size_t fill[C_N] = {0};
        int field = 0, quoted = 0, done = 0, seen[C_N] = {0};
        const char *fs = p;
        int fq = 0; /* this field had quotes: take it from scratch */
        int role = role_of[0];
        while (!done) {
            if (p == end) {
                if (!at_eof)
                    return (size_t)(start - buf);
                if (quoted)
                    die("unterminated quote at end of file");
                done = 2;
                break;
            }
            char ch = *p++;
            if (quoted) {
                if (ch == '"') {
                    if (p < end && *p == '"') {
                        p++;
                    } else if (p == end && !at_eof) {
                        return (size_t)(start - buf);
                    } else {
                        quoted = 0;
                        continue;
                    }
                }
                if (role >= 0) {
                    if (fill[role] >= sizeof scratch[0])
                        die("quoted field too long");
                    scratch[role][fill[role]++] = ch;
                }
                continue;
            }
            if (ch == '"') {
                quoted = 1;
                fq = 1;
                continue;
            }
            if (ch == ',' || ch == '\n') {
                const char *fe = p - 1;
                if (ch == '\n' && fe > fs && fe[-1] == '\r')
                    fe--;
                if (role >= 0) {
                    if (fq) {
                        if (ch == '\n' && fill[role] > 0 && scratch[role][fill[role] - 1] == '\r')
                            fill[role]--; /* the '\r' of "\r\n" after a closing quote */
                        r.p[role] = scratch[role];
                        r.n[role] = fill[role];
                    } else {
                        r.p[role] = fs;
                        r.n[role] = (size_t)(fe - fs);
                    }
                    seen[role] = 1;
                }
                if (ch == '\n') {
                    done = 1;
                    break;
                }
                field++;
                fs = p;
                fq = 0;
                role = field < MAX_FIELDS ? role_of[field] : -1;
                continue;
            }
            if (role >= 0 && fq) {
                if (fill[role] >= sizeof scratch[0])
                    die("quoted field too long");
                scratch[role][fill[role]++] = ch;
            }
        }
        if (done == 2 && role >= 0) { /* last record without '\n' */
            r.p[role] = fq ? scratch[role] : fs;
            r.n[role] = fq ? fill[role] : (size_t)(p - fs);
            seen[role] = 1;
        }
        line_no++;
        if (p - start == 1 || (p - start == 2 && start[0] == '\r'))
            continue; /* a blank line */
        for (int k = 0; k < C_N; k++)
            if (!seen[k])
                die("too few fields");
        add_record(&r);
    }
    return (size_t)(p - buf);
}

static void read_header(const char *line, size_t n)
{
    static const char *names[C_N] = {"region", "recipient_gender", "decision", "amount_applied",
                                     "amount_granted"};
    for (int k = 0; k < C_N; k++)
        want[k] = -1;
    for (int i = 0; i < MAX_FIELDS; i++)
        role_of[i] = -1;
    const char *p = line, *end = line + n;
    for (int i = 0; p <= end && i < MAX_FIELDS; i++) {
        const char *comma = memchr(p, ',', (size_t)(end - p));
        const char *fe = comma ? comma : end;
        size_t len = (size_t)(fe - p);
        if (len >= 2 && p[0] == '"' && fe[-1] == '"') {
            p++;
            len -= 2;
        }
        for (int k = 0; k < C_N; k++)
            if (want[k] < 0 && strlen(names[k]) == len && memcmp(p, names[k], len) == 0)
                want[k] = i;
        if (want[C_GENDER] < 0 && len == 6 && memcmp(p, "gender", 6) == 0)
            want[C_GENDER] = i;
        if (!comma)
            break;
        p = comma + 1;
    }
    last_field = 0;
    for (int k = 0; k < C_N; k++) {
        if (want[k] < 0) {
            fprintf(stderr, "baseline_aggregate: no column '%s' in the header\n", names[k]);
            exit(1);
        }
        role_of[want[k]] = k;
        if (want[k] > last_field)
            last_field = want[k];
    }
}

static void print_money(int64_t v)
{
    const char *sign = v < 0 ? "-" : "";
    uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    uint64_t whole = u / 10000, frac = u % 10000;
    if (frac == 0) {
        printf("%s%" PRIu64, sign, whole);
        return;
    }
    char digits[8];
    snprintf(digits, sizeof digits, "%04" PRIu64, frac);
    for (int i = 3; i > 0 && digits[i] == '0'; i--)
        digits[i] = '\0';
    printf("%s%" PRIu64 ".%s", sign, whole, digits);
}

static int cell_cmp(const void *a, const void *b)
{
    const cell *x = a, *y = b;
    size_t n = x->region_len < y->region_len ? x->region_len : y->region_len;
    int c = memcmp(x->key, y->key, n);
    if (c || x->region_len != y->region_len)
        return c ? c : (x->region_len < y->region_len ? -1 : 1);
    n = x->gender_len < y->gender_len ? x->gender_len : y->gender_len;
    c = memcmp(x->key + x->region_len, y->key + y->region_len, n);
    if (c || x->gender_len != y->gender_len)
        return c ? c : (x->gender_len < y->gender_len ? -1 : 1);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: baseline_aggregate FUNDING.csv\n");
        return 2;
    }
    int fd = open(argv[1], O_RDONLY);
    if (fd < 0) {
        perror(argv[1]);
        return 1;
    }
    char *buf = malloc(2 * (size_t)BLOCK + 1);
    if (!buf)
        return 1;
    size_t have = 0, pos = 0;
    int header_done = 0, eof = 0;
    while (!eof || have > pos) {
        if (!eof) {
            /* keep the unfinished tail, then fill up the rest of a block */
            memmove(buf, buf + pos, have - pos);
            have -= pos;
            pos = 0;
            if (have >= BLOCK) /* a record longer than a block: grow once */
                die("record longer than the read block");
            ssize_t got = read(fd, buf + have, BLOCK);
            if (got < 0) {
                perror(argv[1]);
                return 1;
            }
            if (got == 0)
                eof = 1;
            have += (size_t)got;
        }
        if (!header_done) {
            char *nl = memchr(buf + pos, '\n', have - pos);
            if (!nl && !eof)
                continue;
            size_t start = have - pos >= 3 && memcmp(buf + pos, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
            size_t n = (nl ? (size_t)(nl - buf) : have) - pos - start;
            if (n > 0 && buf[pos + start + n - 1] == '\r')
                n--;
            read_header(buf + pos + start, n);
            line_no = 1;
            pos = nl ? (size_t)(nl - buf) + 1 : have;
            header_done = 1;
        }
        size_t len = have - pos;
        if (eof && len > 0 && buf[have - 1] != '\n') {
            buf[have++] = '\n'; /* close a last line without a newline */
            len++;
        }
        if (memchr(buf + pos, '"', len))
            pos += scan_quoted(buf + pos, len, eof);
        else
            pos += scan_plain(buf + pos, len);
        if (eof && pos < have)
            die("unfinished record at end of file");
    }
    close(fd);
    free(buf);

    qsort(cells, (size_t)ncells, sizeof cells[0], cell_cmp);
    printf("region,gender,rows,granted,amount_applied,amount_granted\n");
    for (int i = 0; i < ncells; i++) {
        const cell *c = &cells[i];
        printf("%.*s,%.*s,%" PRId64 ",%" PRId64 ",", (int)c->region_len, c->key, (int)c->gender_len,
               c->key + c->region_len, c->rows, c->granted);
        print_money(c->applied);
        putchar(',');
        print_money(c->amount);
        putchar('\n');
    }
    return 0;
}

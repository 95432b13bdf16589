/* check_badinput.c — every kind of bad input gets its own clear message with FILE:LINE:COL,
 * never a crash and never a silently wrong series. Table-driven: each row is a file, the
 * options it is read with, and the exact message expected (the temporary folder prefix is
 * added by the test). */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "disrupt/ingest/ingest.h"
#include "testutil.h"

typedef struct {
    const char *text;          /* file contents; NULL = built by make */
    char *(*make)(size_t *len);
    const char *format, *time_column, *signal, *country, *entity, *time_format, *tz;
    long long step;
    int skip_bad_rows;
    int code;
    const char *message;       /* exact, after "<dir>/"; "%F" stands for the file name */
} bad_case;

#define H "time,traffic\n"
#define R1 "2020-09-27T00:00:00Z,1\n"

static char *one_mb_line(size_t *len)
{
    size_t n = 1 << 20;
    char *s = malloc(n + 64);
    int k = snprintf(s, 64, "time,traffic\n2020-09-27T00:00:00Z,");
    memset(s + k, '7', n);
    memcpy(s + k + n, "\n", 2);
    *len = (size_t)k + n + 1;
    return s;
}

static char *binary_garbage(size_t *len)
{
    size_t n = 4096;
    unsigned char *s = malloc(n);
    uint32_t x = 12345;
    for (size_t i = 0; i < n; i++) {
        x = x * 1103515245u + 12345u;
        s[i] = (unsigned char)(x >> 16);
    }
    memcpy(s, "time,v\n1601164800,1\n", 20); /* garbage after a good start */
    s[40] = '\0';
    *len = n;
    return (char *)s;
}

static char *nul_in_header(size_t *len)
{
    static const char t[] = "ti\0me,v\n1601164800,1\n";
    char *s = malloc(sizeof t);
    memcpy(s, t, sizeof t);
    *len = sizeof t - 1;
    return s;
}

static char *nul_in_value(size_t *len)
{
    static const char t[] = "time,a,b\n1601164800,1,2\0\n";
    char *s = malloc(sizeof t);
    memcpy(s, t, sizeof t);
    *len = sizeof t - 1;
    return s;
}

/* 60 000 distinct column names (about 0.4 MB on one line), then the same name repeated:
 * header checks must stay O(n log n). */
static char *wide_header(size_t *len)
{
    size_t ncols = 60000;
    char *s = malloc(ncols * 9 + 64);
    size_t k = (size_t)sprintf(s, "time");
    for (size_t i = 1; i < ncols; i++)
        k += (size_t)sprintf(s + k, ",c%zu", i);
    k += (size_t)sprintf(s + k, ",c17,c5\n");
    *len = k;
    return s;
}

/* 100 000 columns on one line: past the cap on fields in a row. */
static char *too_wide_header(size_t *len)
{
    size_t ncols = 100000;
    char *s = malloc(ncols * 9 + 64);
    size_t k = (size_t)sprintf(s, "time");
    for (size_t i = 1; i < ncols; i++)
        k += (size_t)sprintf(s + k, ",c%zu", i);
    s[k++] = '\n';
    *len = k;
    return s;
}

/* A second line of 8 MB with no line end: libcsv would buffer it whole; the reader stops as
 * the field passes the cap. */
static char *long_tail(size_t *len, const char *head, char fill)
{
    size_t n = (size_t)8 << 20, h = strlen(head);
    char *s = malloc(h + n + 1);
    memcpy(s, head, h);
    memset(s + h, fill, n);
    *len = h + n;
    return s;
}

static char *unending_field(size_t *len)
{
    return long_tail(len, "time,v\n2020-09-27T00:00:00Z,", 'a');
}

static char *unclosed_quote(size_t *len)
{
    return long_tail(len, "time,v\n2020-09-27T00:00:00Z,\"", 'b');
}

static const bad_case cases[] = {
    /* whole-file problems */
    {"", NULL, .code = DISRUPT_EDATA, .message = "bad.csv: expected a header line, found an empty file"},
    {"# synthetic\n# nothing else\n", NULL, .code = DISRUPT_EDATA,
     .message = "bad.csv: expected a header line, found only comments"},
    {"\n\r\n\n", NULL, .code = DISRUPT_EDATA, .message = "bad.csv: expected a header line, found only blank lines"},
    {H, NULL, .code = DISRUPT_EDATA, .message = "bad.csv:1: expected data rows after the header, found none"},
    {H R1, NULL, .code = DISRUPT_EDATA,
     .message = "bad.csv: expected at least two distinct time stamps to infer the step, found one; give --step"},
    {H "2020-09-27T00:00:00Z,\n2020-09-27T01:00:00Z,\n", NULL, .code = DISRUPT_EDATA,
     .message = "bad.csv:1: expected at least one value, found every value cell empty"},
    {"time\n2020-09-27\n2020-09-28\n", NULL, .code = DISRUPT_EDATA,
     .message = "bad.csv:1: expected at least one value column beside the time column 'time', found none"},
    {NULL, one_mb_line, .code = DISRUPT_EDATA,
     .message = "bad.csv:2:2: expected a field of at most 65536 bytes, found more than 65536 bytes starting '777777777777777777777777…'"},
    {NULL, binary_garbage, .code = DISRUPT_EDATA,
     .message = "bad.csv:3:1: expected text, found binary data (a NUL byte)"},
    {NULL, nul_in_value, .code = DISRUPT_EDATA,
     .message = "bad.csv:2:3: expected text, found binary data (a NUL byte)"},
    {NULL, nul_in_header, .code = DISRUPT_EDATA,
     .message = "bad.csv:1:1: expected text, found binary data (a NUL byte)"},
    /* value cells */
    {H R1 "2020-09-27T01:00:00Z,12ms\n", NULL, .code = DISRUPT_EDATA,
     .message = "bad.csv:3:2: expected a number, found '12ms'"},
    /* '#' starts a comment only before the header; below it, it is a value to check. */
    {"traffic,time\n1,2020-01-01T00:00:00Z\n#REF!,2020-01-01T01:00:00Z\n", NULL,
     .code = DISRUPT_EDATA, .message = "bad.csv:3:1: expected a number, found '#REF!'"},
    {H "2020-09-27T00:00:00Z,NAN1\n", NULL, .code = DISRUPT_EDATA,
     .message = "bad.csv:2:2: expected a finite number (leave the cell empty for a missing sample), found 'NAN1'"},
    {H "2020-09-27T00:00:00Z,inf\n", NULL, .code = DISRUPT_EDATA,
     .message = "bad.csv:2:2: expected a finite number (leave the cell empty for a missing sample), found 'inf'"},
    {H "2020-09-27T00:00:00Z,-Infinity\n", NULL, .code = DISRUPT_EDATA,
     .message = "bad.csv:2:2: expected a finite number (leave the cell empty for a missing sample), found '-Infinity'"},
    {H "2020-09-27T00:00:00Z,1e999\n", NULL, .code = DISRUPT_EDATA,
     .message = "bad.csv:2:2: expected a number within the range of a double, found '1e999'"},
    {H "2020-09-27T00:00:00Z,0x1F\n", NULL, .code = DISRUPT_EDATA, .message = "bad.csv:2:2: expected a number, found '0x1F'"},
    {H "2020-09-27T00:00:00Z,12abc\n", NULL, .code = DISRUPT_EDATA, .message = "bad.csv:2:2: expected a number, found '12abc'"},
    {H "2020-09-27T00:00:00Z,1.2.3\n", NULL, .code = DISRUPT_EDATA, .message = "bad.csv:2:2: expected a number, found '1.2.3'"},
    {H "2020-09-27T00:00:00Z,1 000\n", NULL, .code = DISRUPT_EDATA, .message = "bad.csv:2:2: expected a number, found '1 000'"},
    {"time;traffic\n2020-09-27T00:00:00Z;\"1,5\"\n", NULL, .code = DISRUPT_EDATA,
     .message = "bad.csv:2:2: expected a number with '.' as the decimal mark (--decimal-comma reads 1,5), found '1,5'"},
    {H "2020-09-27T00:00:00Z,\"multi\nline\"\n", NULL, .code = DISRUPT_EDATA,
     .message = "bad.csv:2:2: expected a number, found 'multi?line'"},
    /* time cells */
    {H "0000-01-01T00:00:00Z,1\n", NULL, .code = DISRUPT_EDATA,
     .message = "bad.csv:2:1: expected a time in the years 0001 to 9999, found '0000-01-01T00:00:00Z'"},
    {H "2020-13-01,1\n", NULL, .code = DISRUPT_EDATA,
     .message = "bad.csv:2:1: expected an ISO 8601 date-time or Unix seconds, found '2020-13-01'"},
    {H "2021-02-29,1\n", NULL, .code = DISRUPT_EDATA,
     .message = "bad.csv:2:1: expected an ISO 8601 date-time or Unix seconds, found '2021-02-29'"},
    {H "yesterday,1\n", NULL, .code = DISRUPT_EDATA,
     .message = "bad.csv:2:1: expected an ISO 8601 date-time or Unix seconds, found 'yesterday'"},
    {H ",1\n", NULL, .code = DISRUPT_EDATA,
     .message = "bad.csv:2:1: expected an ISO 8601 date-time or Unix seconds, found ''"},
    {H "27/09/2020,1\n", NULL, .code = DISRUPT_EDATA,
     .message = "bad.csv:2:1: expected an ISO 8601 date-time or Unix seconds (for this order give --time-format '%d/%m/%Y'), found '27/09/2020'"},
    {H "2020-09-27T00:00:00+25:00,1\n", NULL, .code = DISRUPT_EDATA,
     .message = "bad.csv:2:1: expected an ISO 8601 date-time or Unix seconds, found '2020-09-27T00:00:00+25:00'"},
    {H "44101,1\n", NULL, .code = DISRUPT_EDATA,
     .message = "bad.csv:2:1: expected Unix seconds (9 digits or more) or an ISO 8601 date-time; give --time-format for other numbers, found '44101'"},
    {H "99999999999999999,1\n", NULL, .code = DISRUPT_EDATA,
     .message = "bad.csv:2:1: expected a time in the years 0001 to 9999, found '99999999999999999'"},
    {H "2020-09-27 00:00,1\n", NULL, .time_format = "%d/%m/%Y %H:%M", .code = DISRUPT_EDATA,
     .message = "bad.csv:2:1: expected a time in the given --time-format, found '2020-09-27 00:00'"},
    {H "2020-03-29 02:30,1\n", NULL, .tz = "Europe/Berlin", .code = DISRUPT_EDATA,
     .message = "bad.csv:2:1: expected a local time that exists in the time zone, found '2020-03-29 02:30'"},
    {H "1970-01-01T00:00:00Z,1\n2099-12-31T00:00:00Z,2\n", NULL, .step = 1, .code = DISRUPT_EDATA,
     .message = "bad.csv: expected a step that fits the data, found 2 rows from 1970-01-01T00:00:00Z to 2099-12-31T00:00:00Z that would need 4102358401 samples of 1 s; check the time column or give --step"},
    /* The floor is for the whole file: two rows and twenty columns cannot ask for 2·10⁷. */
    {"time,a,b,c,d,e,f,g,h,i,j,k,l,m,n,o,p,q,r,s,t\n"
     "1970-01-01T00:00:00Z,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1\n"
     "1970-01-12T13:46:40Z,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1\n", NULL, .step = 1,
     .code = DISRUPT_EDATA,
     .message = "bad.csv: expected a step that fits the data, found 2 rows from 1970-01-01T00:00:00Z to 1970-01-12T13:46:40Z that would need 1000001 samples of 1 s in each column; check the time column or give --step"},
    /* rows and quoting */
    {H "2020-09-27T00:00:00Z\n", NULL, .code = DISRUPT_EDATA,
     .message = "bad.csv:2:2: expected 2 fields as in the header (line 1), found 1"},
    {H "2020-09-27T00:00:00Z,1,2\n", NULL, .code = DISRUPT_EDATA,
     .message = "bad.csv:2:3: expected 2 fields as in the header (line 1), found 3"},
    {H R1 "2020-09-27T01:00:00Z,\"2\n", NULL, .code = DISRUPT_EDATA,
     .message = "bad.csv:3:2: expected a closing quote for the field that starts here, found the end of the file"},
    {H "2020-09-27T00:00:00Z,1\"2\n", NULL, .code = DISRUPT_EDATA,
     .message = "bad.csv:2:2: expected a delimiter or line end after a quoted field, and no quote inside an unquoted field"},
    {H "2020-09-27T00:00:00Z,\"1\"x\n", NULL, .code = DISRUPT_EDATA,
     .message = "bad.csv:2:2: expected a delimiter or line end after a quoted field, and no quote inside an unquoted field"},
    {NULL, wide_header, .code = DISRUPT_EDATA,
     .message = "bad.csv:1:60001: expected unique column names, found 'c17' again (first in column 18)"},
    {NULL, too_wide_header, .code = DISRUPT_EDATA,
     .message = "bad.csv:1:65537: expected at most 65536 fields in a row, found more"},
    {NULL, unending_field, .code = DISRUPT_EDATA,
     .message = "bad.csv:2:2: expected a field of at most 65536 bytes, found more than 65536 bytes starting 'aaaaaaaaaaaaaaaaaaaaaaaa…'"},
    {NULL, unclosed_quote, .code = DISRUPT_EDATA,
     .message = "bad.csv:2:2: expected a field of at most 65536 bytes, found more than 65536 bytes starting 'bbbbbbbbbbbbbbbbbbbbbbbb…'"},
    {"time,b,a,b,a,a\n" R1, NULL, .code = DISRUPT_EDATA,
     .message = "bad.csv:1:4: expected unique column names, found 'b' again (first in column 2)"},
    {"time,traffic,traffic\n" R1, NULL, .code = DISRUPT_EDATA,
     .message = "bad.csv:1:3: expected unique column names, found 'traffic' again (first in column 2)"},
    /* options against the header */
    {H R1, NULL, .time_column = "when", .code = DISRUPT_EDATA,
     .message = "bad.csv:1: expected a time column named 'when' (--time), found none"},
    {H R1, NULL, .signal = "bgp", .code = DISRUPT_EDATA,
     .message = "bad.csv:1: expected a value column named 'bgp' (--signal), found none; the columns are: traffic"},
    {H R1, NULL, .format = "ooni", .code = DISRUPT_EDATA,
     .message = "bad.csv:1: expected a 'anomaly_count' column in a ooni header, found none"},
    {"anomaly_count,confirmed_count,failure_count,measurement_count,ok_count\n0,0,0,1,1\n", NULL,
     .code = DISRUPT_EDATA,
     .message = "bad.csv:1: expected a measurement_start_day (or time, date, day) column (query OONI with axis_x=measurement_start_day), found none"},
    {H R1, NULL, .format = "long", .code = DISRUPT_EDATA,
     .message = "bad.csv:1: expected the time column of a long header, found none; give --time"},
    {"timestamp,entity,value\n" R1, NULL, .format = "long", .code = DISRUPT_EDATA,
     .message = "bad.csv:1: expected a 'signal' column in a long header, found none"},
    {"date,country,lower\n2020-09-27,az,1\n", NULL, .format = "tor", .code = DISRUPT_EDATA,
     .message = "bad.csv:1: expected a 'users' column in a tor header, found none; name the columns to read with --signal"},
    {"date,country,transport,low,high,frac\n2020-09-27,az,obfs4,10,20,90\n", NULL, .code = DISRUPT_EDATA,
     .message = "bad.csv:1: expected a 'users' column in a tor header, found none; name the columns to read with --signal"},
    {"date,country,users\n2020-09-27,az,1\n2020-09-28,az,2\n", NULL, .country = "ir", .code = DISRUPT_EDATA,
     .message = "bad.csv: expected rows for country 'ir' (--country), found none"},
    {"date and time,AD,AE\n2020-09-27T00:00:00Z,1,2\n", NULL, .country = "AZ", .code = DISRUPT_EDATA,
     .message = "bad.csv:1: expected a column for country 'AZ' (--country), found none"},
    {"timestamp,entity,signal,value\n1601164800,AZ,bgp,1\n", NULL, .entity = "AM", .code = DISRUPT_EDATA,
     .message = "bad.csv: expected rows for the chosen entity or signals, found none"},
    {H R1, NULL, .tz = "Mars/Olympus_Mons", .code = DISRUPT_EINVAL,
     .message = "expected an IANA time zone such as Asia/Baku, found 'Mars/Olympus_Mons'"},
    {H R1, NULL, .format = "excel", .code = DISRUPT_EINVAL,
     .message = "expected a format among plain, long, ioda, ooni, tor, google, found 'excel'"},
    /* OONI counts */
    {"anomaly_count,confirmed_count,failure_count,measurement_count,measurement_start_day\n-1,0,0,5,2020-09-27\n",
     NULL, .code = DISRUPT_EDATA, .message = "bad.csv:2:1: expected a count (a whole number >= 0), found '-1'"},
    {"anomaly_count,confirmed_count,failure_count,measurement_count,measurement_start_day\n1,0.5,0,5,2020-09-27\n",
     NULL, .code = DISRUPT_EDATA, .message = "bad.csv:2:2: expected a count (a whole number >= 0), found '0.5'"},
    {"anomaly_count,confirmed_count,failure_count,measurement_count,measurement_start_day\n1,0,,5,2020-09-27\n",
     NULL, .code = DISRUPT_EDATA, .message = "bad.csv:2:3: expected a count (a whole number >= 0), found ''"},
    {"anomaly_count,confirmed_count,failure_count,measurement_count,measurement_start_day\n4,1,2,6,2020-09-27\n",
     NULL, .code = DISRUPT_EDATA,
     .message = "bad.csv:2:4: expected measurement_count >= failure_count + anomaly_count + confirmed_count, found '6'"},
    {"anomaly_count,confirmed_count,domain,failure_count,measurement_count,measurement_start_day,probe_cc\n",
     NULL, .code = DISRUPT_EDATA,
     .message = "bad.csv:1:7: expected at most one axis besides measurement_start_day, found 'domain' and 'probe_cc'"},
    /* skipping still refuses a file with nothing good in it */
    {H "2020-09-27T00:00:00Z,x\n2020-09-27T01:00:00Z,y\n", NULL, .skip_bad_rows = 1, .code = DISRUPT_EDATA,
     .message = "bad.csv: expected at least one good row, found all 2 rows rejected"},
    /* a skipped row of an unshowable name leaves no series for the next row of that name */
    {"timestamp,entity,signal,value\n2020-09-27T00:00:00Z,AZ,b\xff,1\n"
     "2020-09-27T01:00:00Z,AZ,b\xff,2\n", NULL, .skip_bad_rows = 1, .code = DISRUPT_EDATA,
     .message = "bad.csv: expected at least one good row, found all 2 rows rejected"},
};

START_TEST(test_bad_input)
{
    const bad_case *c = &cases[_i];
    char *dir = tu_tempdir();
    ck_assert_ptr_nonnull(dir);
    size_t len = 0;
    char *text = c->make ? c->make(&len) : NULL;
    if (!text) {
        len = strlen(c->text);
        text = malloc(len + 1);
        memcpy(text, c->text, len + 1);
    }
    char path[512];
    snprintf(path, sizeof path, "%s/bad.csv", dir);
    FILE *f = fopen(path, "wb");
    ck_assert_ptr_nonnull(f);
    ck_assert_uint_eq(fwrite(text, 1, len, f), len);
    fclose(f);
    free(text);

    disrupt_ingest_options opt;
    disrupt_ingest_options_init(&opt);
    opt.format = c->format;
    opt.time_column = c->time_column;
    const char *sig[1] = {c->signal};
    if (c->signal) {
        opt.signal_columns = sig;
        opt.nsignal_columns = 1;
    }
    opt.country = c->country;
    opt.entity = c->entity;
    opt.time_format = c->time_format;
    opt.tz = c->tz;
    opt.step = c->step;
    opt.skip_bad_rows = c->skip_bad_rows;
    disrupt_dataset ds;
    disrupt_dataset_init(&ds);
    disrupt_error err = {0};
    int rc = disrupt_ingest_file(path, &opt, &ds, &err);
    char expected[2048];
    if (c->code == DISRUPT_EINVAL)
        snprintf(expected, sizeof expected, "%s", c->message);
    else
        snprintf(expected, sizeof expected, "%s/%s", dir, c->message);
    ck_assert_msg(rc == c->code, "case %d: code %d, expected %d (%s)", _i, rc, c->code,
                  err.message);
    ck_assert_msg(strcmp(err.message, expected) == 0, "case %d:\n got      %s\n expected %s", _i,
                  err.message, expected);
    ck_assert_uint_eq(ds.count, 0); /* nothing half-read is handed over */
    disrupt_dataset_fini(&ds);
    tu_rmrf(dir);
    free(dir);
}
END_TEST

START_TEST(test_missing_file)
{
    disrupt_ingest_options opt;
    disrupt_ingest_options_init(&opt);
    disrupt_dataset ds;
    disrupt_dataset_init(&ds);
    disrupt_error err = {0};
    ck_assert_int_eq(disrupt_ingest_file("/nonexistent/traffic.csv", &opt, &ds, &err),
                     DISRUPT_EIO);
    ck_assert_str_eq(err.message,
                     "/nonexistent/traffic.csv: cannot open the file: No such file or directory");
}
END_TEST

/* Seeded random damage to every fixture (bytes replaced, inserted, lines cut): each result
 * is either read into sane series or rejected with a message naming the file — never a crash
 * (ASan/UBSan watch the run), never an unnamed error. */
static const char *const fixtures[] = {
    "plain-synthetic.csv", "long-synthetic.csv",
    "ioda-azerbaijan-synthetic-20-09-27-00-00-raw.csv", "ooni-synthetic-facebook.csv",
    "tor-userstats-synthetic.csv", "google-synthetic-wide.csv",
};

START_TEST(test_damaged_fixtures)
{
    static const char alphabet[] = ",;\t\n\r\"#. -+eE0123456789:TZnaN\x00\xff";
    char src[256];
    snprintf(src, sizeof src, "tests/data/%s", fixtures[_i]);
    size_t len = 0;
    char *orig = tu_read_file(tu_source(src), &len);
    ck_assert_ptr_nonnull(orig);
    char *dir = tu_tempdir();
    char path[512];
    snprintf(path, sizeof path, "%s/damaged.csv", dir);
    uint32_t x = 2463534242u + (uint32_t)_i;
    char *buf = malloc(len + 16);
    for (int round = 0; round < 150; round++) {
        memcpy(buf, orig, len);
        size_t n = len;
        int edits = 1 + round % 4;
        for (int k = 0; k < edits && n > 0; k++) {
            x ^= x << 13; x ^= x >> 17; x ^= x << 5;
            size_t at = x % n;
            char c = alphabet[(x >> 8) % (sizeof alphabet - 1)];
            switch ((x >> 16) % 3) {
            case 0: buf[at] = c; break;
            case 1: memmove(buf + at + 1, buf + at, n - at); buf[at] = c; n++; break;
            default: n = at; break; /* cut the file here */
            }
        }
        FILE *f = fopen(path, "wb");
        ck_assert_ptr_nonnull(f);
        fwrite(buf, 1, n, f);
        fclose(f);
        disrupt_ingest_options opt;
        disrupt_ingest_options_init(&opt);
        disrupt_dataset ds;
        disrupt_dataset_init(&ds);
        disrupt_error err = {0};
        int rc = disrupt_ingest_file(path, &opt, &ds, &err);
        if (rc == 0) {
            ck_assert_uint_gt(ds.count, 0);
            for (size_t i = 0; i < ds.count; i++) {
                ck_assert_int_gt(ds.series[i]->step, 0);
                ck_assert_uint_gt(ds.series[i]->n, 0);
                ck_assert_uint_lt(disrupt_series_missing(ds.series[i]), ds.series[i]->n);
            }
        } else {
            ck_assert_int_eq(rc, DISRUPT_EDATA);
            ck_assert_msg(strncmp(err.message, path, strlen(path)) == 0,
                          "%s round %d: message without the file: %s", fixtures[_i], round,
                          err.message);
            ck_assert_uint_eq(ds.count, 0);
        }
        disrupt_dataset_fini(&ds);
    }
    free(buf);
    free(orig);
    tu_rmrf(dir);
    free(dir);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("badinput");
    TCase *tc = tcase_create("messages");
    tcase_add_loop_test(tc, test_bad_input, 0, (int)(sizeof cases / sizeof cases[0]));
    tcase_add_test(tc, test_missing_file);
    tcase_add_loop_test(tc, test_damaged_fixtures, 0,
                        (int)(sizeof fixtures / sizeof fixtures[0]));
    suite_add_tcase(s, tc);
    return tu_run_suite(s);
}

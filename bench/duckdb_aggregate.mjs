// bench/duckdb_aggregate.mjs — the DuckDB side of bench/run: the same
// region x gender aggregation as bench/baseline_aggregate.c, done by DuckDB.
//
// Contract:
//   node duckdb_aggregate.mjs FUNDING.csv [THREADS]
//   1. Opens an in-memory DuckDB, SET threads=THREADS (default 2), and runs
//      SELECT region, recipient_gender, count(*),
//             count(*) FILTER (WHERE decision='granted'),
//             sum(amount_applied), sum(amount_granted)
//      FROM read_csv(FILE) GROUP BY ALL
//   2. Prints the same CSV as baseline_aggregate (header, then one line per
//      region x gender, sorted by region then gender as UTF-8 bytes).
//   3. Prints "query_seconds=S" on stderr: the time of the query alone
//      (connect, read, aggregate, fetch), measured inside the process.
//      bench/run also times the whole node process from outside.
// Needs `npm install` in bench/ (package.json: @duckdb/node-api).
import { DuckDBInstance } from '@duckdb/node-api';

const file = process.argv[2];
const threads = Number(process.argv[3] ?? 2);
if (!file || !Number.isInteger(threads) || threads < 1) {
  console.error('usage: node duckdb_aggregate.mjs FUNDING.csv [THREADS]');
  process.exit(2);
}

const t0 = process.hrtime.bigint();
const instance = await DuckDBInstance.create(':memory:');
const conn = await instance.connect();
await conn.run(`SET threads=${threads}`);
const literal = `'${file.replaceAll("'", "''")}'`;
const reader = await conn.runAndReadAll(
  `SELECT region, recipient_gender, count(*), ` +
  `count(*) FILTER (WHERE decision='granted'), ` +
  `sum(amount_applied), sum(amount_granted) ` +
  `FROM read_csv(${literal}) GROUP BY ALL`);
const rows = reader.getRows();
const t1 = process.hrtime.bigint();

// Sums come back as BIGINT/HUGEINT (bigint) or DOUBLE/DECIMAL for amounts
// with decimals; print integers without a fraction, others as DuckDB shows.
const show = (v) => (v === null || v === undefined ? '' : String(v));
const bytes = (s) => Buffer.from(s ?? '', 'utf8');
rows.sort((a, b) => Buffer.compare(bytes(a[0]), bytes(b[0])) ||
                    Buffer.compare(bytes(a[1]), bytes(b[1])));
let out = 'region,gender,rows,granted,amount_applied,amount_granted\n';
for (const r of rows) out += r.map(show).join(',') + '\n';
process.stdout.write(out);
process.stderr.write(`query_seconds=${Number(t1 - t0) / 1e9}\n`);

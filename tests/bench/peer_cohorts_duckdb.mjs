// The DuckDB peer of `retain cohorts` ("on" mode, counts): a first-period
// CTE, the period difference, COUNT DISTINCT per cell.
// Usage: node peer_cohorts_duckdb.mjs INPUT.csv OUTPUT.csv [month|day]
// Writes cohort,offset,active sorted, one row for every cell of the triangle
// up to the last period of the data, 0 for a cell nobody came back in.
// The date is the first 10 characters of the column, so a time after it
// is ignored, as the calendar date as written is what counts.
import { DuckDBInstance } from '@duckdb/node-api';
const [input, output, period = 'month'] = process.argv.slice(2);
const index = period === 'day'
  ? `(d - DATE '1970-01-01')`
  : `(year(d) * 12 + month(d) - 1)`;
const label = period === 'day'
  ? `strftime(DATE '1970-01-01' + c::INTEGER, '%Y-%m-%d')`
  : `printf('%04d-%02d', c // 12, c % 12 + 1)`;
const instance = await DuckDBInstance.create(':memory:');
const con = await instance.connect();
await con.run(`COPY (
  WITH events AS (
    SELECT customer_id AS id, ${index} AS p
    FROM (SELECT customer_id, CAST(left(date, 10) AS DATE) AS d
          FROM read_csv('${input}', header = true,
                        columns = {'customer_id': 'VARCHAR', 'date': 'VARCHAR'}))
  ),
  first AS (SELECT id, min(p) AS c FROM events GROUP BY id),
  cells AS (
    SELECT c, p - c AS k, count(DISTINCT id) AS active
    FROM events JOIN first USING (id) GROUP BY c, p - c
  ),
  last AS (SELECT max(p) AS p FROM events),
  grid AS (
    SELECT c, range AS k
    FROM (SELECT DISTINCT c FROM first), range(0, (SELECT p FROM last) + 1 - (SELECT min(c) FROM first))
    WHERE c + range <= (SELECT p FROM last)
  )
  SELECT ${label} AS cohort, k AS offset, coalesce(active, 0) AS active
  FROM grid LEFT JOIN cells USING (c, k)
  ORDER BY c, k
) TO '${output}' (FORMAT csv, HEADER true)`);

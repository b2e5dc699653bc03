// The DuckDB peer of `retain periods` (monthly), one SQL query per kind of
// input, written from the definitions in the README's "Semantics stated".
// Usage: node peer_periods_duckdb.mjs log|spans INPUT.csv OUTPUT.csv
// Writes period,start,end,new,retained,lost,first_time,returning (and
// joined_and_left for spans), one row per finished month in time order.
//
// A log (customer_id,date): a customer is active in a month when it has an
// event in it.  The cut-off is the latest date; a month is finished when
// its last day is on or before it.  Rows run from the month after the
// first active one to the last finished one.  LAG over a customer's active
// months gives each month's kept customers (the month before was active)
// and first-timers (no month before).
//
// A subscription table (customer_id,start_date,end_date; an empty end is
// still running): a row is active on the days [start, end).  A row is
// active on the first day of month q for q from month(start - 1) + 1 to
// month(end - 1), and touches the months month(start) to month(end - 1);
// an open row runs past the last finished month.  The distinct (customer,
// month) pairs are the union of a customer's rows, so overlapping and
// touching rows count once.  S(P) = active on P's first day, E(P) = on the
// next month's; first_time = new in P with the earliest start in P or
// later; joined_and_left = touched P, active at neither end.  Rows run
// from the month of the earliest start to the last finished one.  The
// cut-off is the latest start (an end may lie ahead: retain's default).
//
// The date is the first 10 characters of its column, so a time after it
// is ignored, as the calendar date as written is what counts.
import { DuckDBInstance } from '@duckdb/node-api';
const [kind, input, output] = process.argv.slice(2);
const month = (d) => `(year(${d}) * 12 + month(${d}) - 1)`;
const label = `printf('%04d-%02d', p // 12, p % 12 + 1)`;

const logQuery = `
  WITH events AS (
    SELECT customer_id AS id, CAST(left(date, 10) AS DATE) AS d
    FROM read_csv('${input}', header = true,
                  columns = {'customer_id': 'VARCHAR', 'date': 'VARCHAR'})
  ),
  last AS (SELECT ${month('(max(d) + 1)')} - 1 AS l FROM events),
  active AS (SELECT DISTINCT id, ${month('d')} AS p FROM events),
  marked AS (
    SELECT p, lag(p) OVER (PARTITION BY id ORDER BY p) AS prev FROM active
  ),
  per AS (
    SELECT p, count(*) AS e,
           count(*) FILTER (WHERE prev = p - 1) AS kept,
           count(*) FILTER (WHERE prev IS NULL) AS first_time
    FROM marked GROUP BY p
  ),
  periods AS (
    SELECT range AS p
    FROM range((SELECT min(p) FROM active) + 1, (SELECT l FROM last) + 1)
  ),
  counts AS (
    SELECT periods.p, coalesce(b.e, 0) AS s, coalesce(a.e, 0) AS e,
           coalesce(a.kept, 0) AS kept, coalesce(a.first_time, 0) AS first_time
    FROM periods LEFT JOIN per a ON a.p = periods.p
                 LEFT JOIN per b ON b.p = periods.p - 1
  )
  SELECT ${label} AS period, s AS start, e AS "end", e - kept AS new,
         kept AS retained, s - kept AS lost, first_time,
         e - kept - first_time AS returning
  FROM counts ORDER BY p`;

const spansQuery = `
  WITH rows AS (
    SELECT customer_id AS id, CAST(start_date AS DATE) AS s,
           CAST(nullif(end_date, '') AS DATE) AS e
    FROM read_csv('${input}', header = true,
                  columns = {'customer_id': 'VARCHAR', 'start_date': 'VARCHAR',
                             'end_date': 'VARCHAR'})
  ),
  last AS (
    SELECT ${month('(max(s) + 1)')} - 1 AS l
    FROM rows
  ),
  firsts AS (SELECT id, ${month('min(s)')} AS f FROM rows GROUP BY id),
  at_first_day AS (
    SELECT DISTINCT id, unnest(range(${month('(s - 1)')} + 1,
        coalesce(${month('(e - 1)')}, (SELECT l FROM last) + 1) + 1)) AS q
    FROM rows
  ),
  touched AS (
    SELECT DISTINCT id, unnest(range(${month('s')},
        coalesce(${month('(e - 1)')}, (SELECT l FROM last)) + 1)) AS p
    FROM rows
  ),
  marked AS (
    SELECT q, lag(q) OVER (PARTITION BY id ORDER BY q) AS prev, f
    FROM at_first_day JOIN firsts USING (id)
  ),
  per AS (
    SELECT q, count(*) AS e,
           count(*) FILTER (WHERE prev = q - 1) AS kept,
           count(*) FILTER (WHERE (prev IS NULL OR prev < q - 1) AND f >= q - 1)
             AS first_time
    FROM marked GROUP BY q
  ),
  left_within AS (
    SELECT p, count(*) AS n
    FROM touched t ANTI JOIN at_first_day a ON a.id = t.id AND a.q = t.p
                   ANTI JOIN at_first_day b ON b.id = t.id AND b.q = t.p + 1
    GROUP BY p
  ),
  periods AS (
    SELECT range AS p
    FROM range((SELECT min(f) FROM firsts), (SELECT l FROM last) + 1)
  ),
  counts AS (
    SELECT periods.p, coalesce(b.e, 0) AS s, coalesce(a.e, 0) AS e,
           coalesce(a.kept, 0) AS kept, coalesce(a.first_time, 0) AS first_time,
           coalesce(j.n, 0) AS joined_and_left
    FROM periods LEFT JOIN per a ON a.q = periods.p + 1
                 LEFT JOIN per b ON b.q = periods.p
                 LEFT JOIN left_within j ON j.p = periods.p
  )
  SELECT ${label} AS period, s AS start, e AS "end", e - kept AS new,
         kept AS retained, s - kept AS lost, first_time,
         e - kept - first_time AS returning, joined_and_left
  FROM counts ORDER BY p`;

const instance = await DuckDBInstance.create(':memory:');
const con = await instance.connect();
const query = kind === 'spans' ? spansQuery : logQuery;
await con.run(`COPY (${query}) TO '${output}' (FORMAT csv, HEADER true)`);

// The DuckDB peer of `retain ids`: DISTINCT and a join.
// Usage: node peer_ids_duckdb.mjs START END; prints "S E N".
import { DuckDBInstance } from '@duckdb/node-api';
const [start, end] = process.argv.slice(2);
const instance = await DuckDBInstance.create(':memory:');
const con = await instance.connect();
const list = (path) => `SELECT DISTINCT id FROM read_csv('${path}',
  header = false, columns = {'id': 'VARCHAR'}, delim = '\t', quote = '',
  escape = '')`;
const reader = await con.runAndReadAll(`
  WITH s AS (${list(start)}), e AS (${list(end)})
  SELECT (SELECT count(*) FROM s), (SELECT count(*) FROM e),
         (SELECT count(*) FROM e LEFT JOIN s USING (id) WHERE s.id IS NULL)`);
console.log(reader.getRows()[0].map(String).join(' '));

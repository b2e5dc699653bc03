// The DuckDB peer of `retain batch`: the same computed columns, COPY ... TO.
// Usage: node peer_duckdb.mjs INPUT.csv OUTPUT.csv
import { DuckDBInstance } from '@duckdb/node-api';
const [input, output] = process.argv.slice(2);
const instance = await DuckDBInstance.create(':memory:');
const con = await instance.connect();
await con.run(`COPY (
  SELECT *, "end" - new AS retained, start - ("end" - new) AS lost,
    round(("end" - new)::DECIMAL(38,4) * 100 / start, 2) AS retention_rate,
    round((start - ("end" - new))::DECIMAL(38,4) * 100 / start, 2) AS churn_rate,
    round("end"::DECIMAL(38,4) * 100 / start, 2) AS simple_retention_rate,
    round((start - "end")::DECIMAL(38,4) * 100 / start, 2) AS simple_churn_rate,
    '' AS warnings
  FROM read_csv('${input}', header = true, all_varchar = false)
) TO '${output}' (FORMAT csv, HEADER true)`);

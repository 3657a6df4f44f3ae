import { sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';

/**
 * Column values of a CSV export, as SQL that yields text: the database formats every cell, so the
 * same column definitions serve PostgreSQL's COPY and the batched path alike.
 */
type Expr = PgColumn | SQL;

const formulaStart = sql.raw('(61, 43, 45, 64, 9, 13)');

/**
 * Free text. A cell a spreadsheet would run as a formula (starting with = + - @ tab or CR) gets a
 * leading `'` (OWASP's advice against CSV injection). The value is evaluated twice: give a column
 * or a cheap expression (put the guard inside an aggregate instead, see listCell).
 */
export function textCell(value: Expr): SQL {
  // ascii() reads the first character's code without building a substring: = + - @ tab CR.
  return sql`case when ascii(${value}) in ${formulaStart} then '''' || ${value} else ${value}::text end`;
}

/** A number, as PostgreSQL writes it. */
export function numberCell(value: Expr): SQL {
  return sql`(${value})::text`;
}

/** A timestamp as ISO 8601 in UTC with milliseconds, like JavaScript's toISOString(). */
export function timeCell(value: Expr): SQL {
  return sql`to_char(${value} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}

/** An array, its items joined by "; "; only the first item can start the cell, so only it is guarded. */
export function listCell(value: Expr): SQL {
  return sql`(case when ascii((${value})[1]) in ${formulaStart} then '''' else '' end || array_to_string(${value}, '; '))`;
}

/**
 * A code of a closed set (an enum column) shown by its label, e.g. `credits_granted` → "Créditos
 * concedidos"; unknown codes as they are. Codes and labels are ours, so no formula guard is needed.
 */
export function labelCell(value: Expr, labels: Record<string, string>): SQL {
  const entries = Object.entries(labels);
  if (entries.length === 0) return textCell(value);
  const cases = sql.join(entries.map(([code, label]) => sql`when ${code} then ${label}`), sql` `);
  return sql`(case ${value} ${cases} else ${value}::text end)`;
}

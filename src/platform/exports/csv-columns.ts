import { sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';

/**
 * Column values of a CSV export, as SQL that yields text: the database formats every cell, so the
 * same column definitions serve PostgreSQL's COPY and the batched path alike.
 */
type Expr = PgColumn | SQL;

/**
 * Free text. A cell a spreadsheet would run as a formula (starting with = + - @ tab or CR) gets a
 * leading `'` (OWASP's advice against CSV injection).
 */
export function textCell(value: Expr): SQL {
  // ascii() reads the first character's code without building a substring: = + - @ tab CR.
  return sql`case when ascii(${value}) in (61, 43, 45, 64, 9, 13) then '''' || ${value} else ${value}::text end`;
}

/** A number, as PostgreSQL writes it. */
export function numberCell(value: Expr): SQL {
  return sql`(${value})::text`;
}

/** A timestamp as ISO 8601 in UTC with milliseconds, like JavaScript's toISOString(). */
export function timeCell(value: Expr): SQL {
  return sql`to_char(${value} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}

/** An array, its items joined by "; ". */
export function listCell(value: Expr): SQL {
  return textCell(sql`array_to_string(${value}, '; ')`);
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

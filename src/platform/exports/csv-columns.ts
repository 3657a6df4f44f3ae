import { sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';

/**
 * Column values of a CSV export, as SQL whose text form is the cell: the database formats every cell, so the
 * same column definitions serve PostgreSQL's COPY and the batched path alike.
 */
type Expr = PgColumn | SQL;

const formulaStart = sql.raw('(61, 43, 45, 64, 9, 13)');

/**
 * Every formula start is below 'A' (65), so a cell starting with a letter is decided by one
 * comparison instead of six (measured: a few percent of a million-row export's database time).
 */
const formulaGuard = (first: SQL) => sql`ascii(${first}) < 65 and ascii(${first}) in ${formulaStart}`;

/**
 * Free text. A cell a spreadsheet would run as a formula (starting with = + - @ tab or CR) gets a
 * leading `'` (OWASP's advice against CSV injection). The value is evaluated more than once: give a
 * column or a cheap expression (put the guard inside an aggregate instead).
 */
export function textCell(value: Expr): SQL {
  // ascii() reads the first character's code without building a substring.
  return sql`case when ${formulaGuard(sql`${value}`)} then '''' || ${value} else ${value}::text end`;
}

/** A number, as PostgreSQL writes it. */
export function numberCell(value: Expr): SQL {
  return sql`(${value})::text`;
}

/**
 * A timestamp in UTC to the second, `2026-01-31 14:05:09` (name the zone in the header): the form
 * spreadsheet programs read as a date and time, which `2026-01-31T14:05:09.123Z` is not. It is the
 * database's own output of a timestamp (DateStyle ISO, which csvExport sets), so it costs a
 * fraction of to_char, which was a fifth of a million-row export's database time.
 */
export function timeCell(value: Expr): SQL {
  return sql`date_trunc('second', ${value} at time zone 'UTC')`;
}

/**
 * An array of free text, its items joined by "; "; only the first item can start the cell, so only
 * it is guarded (the join is written twice so that it runs once, in the branch taken).
 */
export function listCell(value: Expr): SQL {
  const first = sql`(${value})[1]`;
  return sql`(case when ${formulaGuard(first)} then '''' || array_to_string(${value}, '; ') else array_to_string(${value}, '; ') end)`;
}

/** An array of codes of a closed set (permission names...), joined by "; ": ours, so unguarded. */
export function codeListCell(value: Expr): SQL {
  return sql`array_to_string(${value}, '; ')`;
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

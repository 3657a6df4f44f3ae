// What a SQL run answers: the shared verdict status plus the result sets. Read by the preview
// route and by the assessments scorer (status, passed/total like a coding run with one test).
import { Type, type Static } from 'typebox';
import { verdictStatusSchema } from '../verdict.js';

const Row = Type.Union([Type.Array(Type.Unknown()), Type.Record(Type.String(), Type.Unknown())]);

export const sqlResultSetSchema = Type.Object(
  {
    columns: Type.Array(Type.String()),
    /** Arrays in mode `default`; objects keyed by column name in mode `json`. */
    rows: Type.Array(Row),
    row_count: Type.Integer({ minimum: 0 }),
    /** More rows (or more bytes) than the limit: only the first ones are here. */
    truncated: Type.Boolean(),
  },
  { title: 'SqlResultSet' },
);
export type SqlResultSet = Static<typeof sqlResultSetSchema>;

export const sqlVerdictSchema = Type.Object(
  {
    status: verdictStatusSchema,
    /** 1 when the result matched, 0 otherwise; total is 0 when there was nothing to compare with. */
    passed: Type.Integer({ minimum: 0, maximum: 1 }),
    total: Type.Integer({ minimum: 0, maximum: 1 }),
    /** SQL error, mismatch reason or limit hit; null when accepted. */
    message: Type.Union([Type.String(), Type.Null()]),
    /** Wall-clock time of the candidate query, in milliseconds. */
    time_ms: Type.Number({ minimum: 0 }),
    output: Type.Union([sqlResultSetSchema, Type.Null()]),
    /** The solution's result (or the given expected output); null when there is none. */
    expected_output: Type.Union([sqlResultSetSchema, Type.Null()]),
  },
  { title: 'SqlVerdict' },
);
export type SqlVerdict = Static<typeof sqlVerdictSchema>;

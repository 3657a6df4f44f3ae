// Messages between the SQL runner pool (main thread) and its worker threads.

/** One query of a job, run in its own transaction that is always rolled back. */
export interface QueryJob {
  sql: string;
  /** Allow several statements (simple protocol); otherwise one SELECT read through a cursor. */
  multipleStatements: boolean;
  /** Rows kept; one more is fetched to know the result was cut. */
  rowLimit: number;
  /** Rows stop once their JSON passes this size (a single huge value must not flood the API). */
  maxBytes: number;
  /** Wall-clock limit of this query; the worker is terminated when it passes. */
  timeoutMs: number;
}

/** A throwaway database built from `setup`, then the queries in order against the same data. */
export interface SqlJob {
  setup: string;
  setupTimeoutMs: number;
  /** Answer the tables the setup created (dataset validation); runs skip the catalog query. */
  listTables?: boolean;
  queries: QueryJob[];
}

export interface ResultSet {
  columns: string[];
  /** PostgreSQL type oids, parallel to columns (numbers are compared with a tolerance). */
  types: number[];
  rows: unknown[][];
  truncated: boolean;
}

export type QueryOutcome =
  | ({ kind: 'rows'; timeMs: number } & ResultSet)
  | { kind: 'error'; message: string; timeMs: number }
  | { kind: 'timeout'; timeMs: number };

export type SetupOutcome =
  | { kind: 'loaded'; timeMs: number; tables: string[] }
  | { kind: 'error'; message: string; timeMs: number }
  | { kind: 'timeout'; timeMs: number };

export interface JobOutcome {
  setup: SetupOutcome;
  /** One per query that ran (fewer when the setup failed). */
  queries: QueryOutcome[];
}

export type ToWorker = { type: 'run'; job: SqlJob };

export type FromWorker =
  | { type: 'template'; dataDir: Uint8Array }
  | { type: 'ready' }
  | { type: 'phase'; phase: 'setup' }
  | { type: 'phase'; phase: 'query'; index: number }
  | { type: 'setup'; outcome: SetupOutcome }
  | { type: 'query'; index: number; outcome: QueryOutcome }
  | { type: 'done' }
  | { type: 'failed'; message: string };

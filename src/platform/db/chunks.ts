/**
 * Rows per multi-row statement. At a dozen columns a row, 1000 rows stay far below PostgreSQL's
 * 65535 bound parameters while a bulk write still costs one round trip per thousand rows.
 */
export const ROWS_PER_STATEMENT = 1000;

/** `items` in consecutive slices of at most `size`, for multi-row INSERTs and `IN` lists. */
export function* inChunks<T>(items: readonly T[], size = ROWS_PER_STATEMENT): Generator<T[]> {
  for (let from = 0; from < items.length; from += size) yield items.slice(from, from + size);
}

/**
 * True when a query failed on a unique constraint (SQLSTATE 23505). Drizzle wraps driver errors,
 * so the code may sit on the error or on its cause; both drivers report the same SQLSTATE.
 */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 4; e = (e as { cause?: unknown }).cause, depth += 1) {
    const { code, constraint: name } = e as { code?: unknown; constraint?: unknown };
    if (code === '23505') return constraint === undefined || name === undefined || name === constraint;
  }
  return false;
}

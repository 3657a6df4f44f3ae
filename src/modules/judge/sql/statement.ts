/** Skips blanks, comments and opening parentheses to find a statement's first word (lower case). */
export function firstKeyword(sql: string): string {
  let rest = sql;
  for (;;) {
    const trimmed = rest.replace(/^[\s(]+/, '');
    if (trimmed.startsWith('--')) {
      const end = trimmed.indexOf('\n');
      rest = end === -1 ? '' : trimmed.slice(end);
    } else if (trimmed.startsWith('/*')) {
      const end = trimmed.indexOf('*/');
      rest = end === -1 ? '' : trimmed.slice(end + 2);
    } else {
      return (/^[a-z]+/i.exec(trimmed)?.[0] ?? '').toLowerCase();
    }
  }
}

import type { FieldProblem } from '../errors.js';

/** An Ajv error as Fastify hands it to the error handler. */
export interface ValidationIssue {
  instancePath: string;
  schemaPath?: string;
  keyword?: string;
  message?: string;
  params: Record<string, unknown>;
}

function fieldOf(context: string | undefined, issue: ValidationIssue): string {
  const path = issue.instancePath.replace(/^\//, '');
  const leaf = (issue.params.missingProperty ?? issue.params.additionalProperty) as string | undefined;
  // `query` as clients know it (Fastify calls the part `querystring`).
  const part = context === 'querystring' ? 'query' : (context ?? 'body');
  return [part, path, leaf].filter(Boolean).join('/');
}

const shown = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

function messageOf(issue: ValidationIssue): string {
  if (issue.keyword === 'required') return 'is required';
  if (issue.keyword === 'enum') return `must be one of: ${(issue.params.allowedValues as unknown[]).map(shown).join(', ')}`;
  if (issue.keyword === 'const') return `must be ${shown(issue.params.allowedValue)}`;
  return issue.message ?? 'is invalid';
}

/**
 * What one failed anyOf/oneOf says, from the first error of each alternative: the rule broken
 * inside an alternative the value's type matched; otherwise every value and type it could be.
 */
function summarize(alternative: ValidationIssue, branches: ValidationIssue[]): ValidationIssue[] {
  const typeMismatch = (b: ValidationIssue) => b.keyword === 'type' && b.instancePath === alternative.instancePath;
  const fixed = (b: ValidationIssue) => (b.keyword === 'const' || b.keyword === 'enum') && b.instancePath === alternative.instancePath;
  const rules = branches.filter((b) => !typeMismatch(b) && !fixed(b));
  if (rules.length > 0) return rules;
  const values = branches.flatMap((b) => (b.keyword === 'const' ? [b.params.allowedValue] : b.keyword === 'enum' ? (b.params.allowedValues as unknown[]) : []));
  const types = [...new Set(branches.filter(typeMismatch).map((b) => String(b.params.type)))];
  if (values.length > 0) {
    const all = [...new Set([...values, ...types.map((t) => (t === 'null' ? null : `any ${t}`))])];
    return [{ ...alternative, keyword: 'enum', params: { allowedValues: all } }];
  }
  return [{ ...alternative, keyword: 'type', message: `must be ${types.join(' or ')}` }];
}

/** Replaces each failed anyOf/oneOf and its alternatives' errors with what it means (innermost first). */
function collapseAlternatives(issues: ValidationIssue[]): ValidationIssue[] {
  let list = issues;
  const alternatives = issues
    .filter((i) => (i.keyword === 'anyOf' || i.keyword === 'oneOf') && i.schemaPath)
    .sort((a, b) => b.schemaPath!.length - a.schemaPath!.length);
  for (const alternative of alternatives) {
    const inside = (i: ValidationIssue) => i.schemaPath?.startsWith(`${alternative.schemaPath}/`) === true;
    if (!list.includes(alternative)) continue;
    const branches = list.filter(inside);
    const replacement = summarize(alternative, branches);
    list = list.flatMap((i) => (i === alternative ? replacement : inside(i) ? [] : [i]));
  }
  return list;
}

/** Ajv's errors as `{field, message}` problems, each message naming its field once. */
export function validationProblems(context: string | undefined, issues: ValidationIssue[]): FieldProblem[] {
  return collapseAlternatives(issues).map((issue) => {
    const field = fieldOf(context, issue);
    return { field, message: `${field} ${messageOf(issue)}` };
  });
}

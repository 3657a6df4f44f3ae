import { parse } from 'csv-parse/sync';
import { Value } from 'typebox/value';
import { AppError, badRequest, type FieldProblem } from '../../platform/errors.js';
import { unstorablePath } from '../../platform/http/validation.js';
import { BulkImportQuestionItemSchema, maxImportRows, type ImportRow } from './import-rows.js';

/** CSV uploads are at most this large (1000 rows of text questions fit easily). */
export const maxCsvBytes = 5 * 1024 * 1024;

const integerColumns = new Set(['duration', 'time_ms', 'memory_kb']);
const numberColumns = new Set(['weight']);
const booleanColumns = new Set(['multiple', 'shuffle_choices', 'ordered', 'multiple_statements', 'repository_required']);
const knownColumns = new Set(Object.keys(BulkImportQuestionItemSchema.properties));

/** `Duration Unit` → `duration_unit`. */
const columnName = (header: string) => header.trim().toLowerCase().replace(/[\s-]+/g, '_');

function cell(column: string, text: string): unknown {
  if (integerColumns.has(column) || numberColumns.has(column)) {
    const value = Number(text.replace(',', '.'));
    return Number.isFinite(value) && text.trim() !== '' ? value : text;
  }
  if (booleanColumns.has(column)) {
    const word = text.trim().toLowerCase();
    if (['true', 'yes', 'sim', 'sí', 'si', '1', 'x'].includes(word)) return true;
    if (['false', 'no', 'não', 'nao', '0'].includes(word)) return false;
    return text;
  }
  return text;
}

/** The first problem at each field of a row, in the words a spreadsheet author understands. */
function rowProblems(record: Record<string, unknown>, at: (field: string) => string): FieldProblem[] {
  const byField = new Map<string, { message: string; allowed: unknown[] }>();
  for (const error of Value.Errors(BulkImportQuestionItemSchema, record)) {
    if (error.keyword === 'required') {
      for (const name of error.params.requiredProperties) byField.set(name, { message: 'required', allowed: [] });
      continue;
    }
    const field = error.instancePath.split('/')[1] ?? '';
    const entry = byField.get(field) ?? { message: error.message, allowed: [] };
    if (error.keyword === 'const') entry.allowed.push(error.params.allowedValue);
    if (error.keyword === 'enum') entry.allowed.push(...error.params.allowedValues);
    byField.set(field, entry);
  }
  return [...byField].map(([field, { message, allowed }]) => ({ field: at(field), message: allowed.length > 0 ? `must be one of ${allowed.join(', ')}` : message }));
}

/**
 * The rows of a CSV file (header row first, columns as in import-rows.ts, comma or semicolon
 * separated, UTF-8 with or without BOM), typed and checked like JSON rows. Problems name
 * `file/questions/<row>/<column>` (row 0 is the first line after the header); unknown columns are ignored.
 */
export function parseQuestionsCsv(content: Buffer): ImportRow[] {
  const text = content.toString('utf8');
  const firstLine = text.slice(0, text.indexOf('\n') >>> 0);
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  let records: Array<Record<string, string>>;
  try {
    records = parse(text, { bom: true, delimiter, columns: (headers: string[]) => headers.map(columnName), skip_empty_lines: true, trim: false, relax_quotes: false });
  } catch (error) {
    throw badRequest('csv_invalid', `The CSV could not be read: ${(error as Error).message}`, 'file');
  }
  if (records.length === 0) throw badRequest('import_empty', 'The CSV has no question rows under its header', 'file');
  if (records.length > maxImportRows) throw badRequest('import_too_many_rows', `At most ${maxImportRows} questions per import; the CSV has ${records.length}`, 'file');
  const problems: FieldProblem[] = [];
  const rows = records.map((record, index) => {
    const at = (field: string) => `file/questions/${index}/${field}`;
    const row: Record<string, unknown> = {};
    for (const [column, value] of Object.entries(record)) {
      if (!knownColumns.has(column) || value.trim() === '') continue;
      row[column] = cell(column, value);
    }
    const unstorable = unstorablePath(row);
    if (unstorable !== undefined) problems.push({ field: at(unstorable.slice(1)), message: 'contains a character that cannot be stored (NUL or a lone surrogate)' });
    else problems.push(...rowProblems(row, at));
    return row as ImportRow;
  });
  if (problems.length > 0) {
    throw new AppError(400, 'import_invalid', `No question was imported: ${problems.length} problem(s) in the CSV. First: ${problems[0].field}: ${problems[0].message}`, problems.slice(0, 100));
  }
  return rows;
}

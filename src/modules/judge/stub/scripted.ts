import { IO_CONVENTION, type StubSignature, type StubType, type StubWriter } from './types.js';

// Stubs of the dynamically typed (or gradually typed) languages: JavaScript, TypeScript, Python, Ruby, PHP.

const jsType: Record<StubType, string> = {
  int: 'number', float: 'number', string: 'string', bool: 'boolean', 'int[]': 'number[]', 'float[]': 'number[]', 'string[]': 'string[]',
};
const jsDefault: Record<StubType, string> = {
  int: '0', float: '0', string: "''", bool: 'false', 'int[]': '[]', 'float[]': '[]', 'string[]': '[]',
};
const jsParse = (type: StubType, line: string): string =>
  ({
    int: `Number(${line})`,
    float: `Number(${line})`,
    string: line,
    bool: `${line}.trim() === 'true'`,
    'int[]': `${line}.split(' ').filter(Boolean).map(Number)`,
    'float[]': `${line}.split(' ').filter(Boolean).map(Number)`,
    'string[]': `${line}.split(' ').filter(Boolean)`,
  })[type];

function script(signature: StubSignature, typed: boolean): string {
  const { functionName, parameters, returnType } = signature;
  const params = parameters.map((p) => (typed ? `${p.name}: ${jsType[p.type]}` : p.name)).join(', ');
  const ret = typed ? `: ${jsType[returnType]}` : '';
  const lines = typed ? `const lines: string[] = require('fs').readFileSync(0, 'utf8').split(/\\r?\\n/);` : `const lines = require('fs').readFileSync(0, 'utf8').split(/\\r?\\n/);`;
  const args = parameters.map((p, i) => `const arg${i} = ${jsParse(p.type, `(lines[${i}] ?? '')`)};`);
  return [
    `// ${IO_CONVENTION}`,
    `function ${functionName}(${params})${ret} {`,
    '  // your code here',
    `  return ${jsDefault[returnType]};`,
    '}',
    '',
    lines,
    ...args,
    `const result = ${functionName}(${parameters.map((_, i) => `arg${i}`).join(', ')});`,
    "console.log(Array.isArray(result) ? result.join(' ') : String(result));",
    '',
  ].join('\n');
}

export const javascriptStub: StubWriter = (signature) => script(signature, false);
export const typescriptStub: StubWriter = (signature) => script(signature, true);

const pyType: Record<StubType, string> = {
  int: 'int', float: 'float', string: 'str', bool: 'bool', 'int[]': 'list[int]', 'float[]': 'list[float]', 'string[]': 'list[str]',
};
const pyDefault: Record<StubType, string> = {
  int: '0', float: '0.0', string: "''", bool: 'False', 'int[]': '[]', 'float[]': '[]', 'string[]': '[]',
};
const pyParse: Record<StubType, (line: string) => string> = {
  int: (l) => `int(${l})`,
  float: (l) => `float(${l})`,
  string: (l) => `${l}.rstrip('\\r')`,
  bool: (l) => `${l}.strip() == 'true'`,
  'int[]': (l) => `list(map(int, ${l}.split()))`,
  'float[]': (l) => `list(map(float, ${l}.split()))`,
  'string[]': (l) => `${l}.split()`,
};

export const pythonStub: StubWriter = ({ functionName, parameters, returnType }) =>
  [
    `# ${IO_CONVENTION}`,
    'import sys',
    '',
    '',
    `def ${functionName}(${parameters.map((p) => `${p.name}: ${pyType[p.type]}`).join(', ')}) -> ${pyType[returnType]}:`,
    '    # your code here',
    `    return ${pyDefault[returnType]}`,
    '',
    '',
    'def _format(value):',
    '    if isinstance(value, bool):',
    "        return 'true' if value else 'false'",
    '    if isinstance(value, list):',
    "        return ' '.join(_format(v) for v in value)",
    '    return str(value)',
    '',
    '',
    `lines = sys.stdin.read().split('\\n') + [''] * ${parameters.length}`,
    ...parameters.map((p, i) => `arg${i} = ${pyParse[p.type](`lines[${i}]`)}`),
    `print(_format(${functionName}(${parameters.map((_, i) => `arg${i}`).join(', ')})))`,
    '',
  ].join('\n');

const rbDefault: Record<StubType, string> = {
  int: '0', float: '0.0', string: "''", bool: 'false', 'int[]': '[]', 'float[]': '[]', 'string[]': '[]',
};
const rbParse: Record<StubType, (line: string) => string> = {
  int: (l) => `${l}.to_i`,
  float: (l) => `${l}.to_f`,
  string: (l) => `${l}.chomp("\\r")`,
  bool: (l) => `${l}.strip == 'true'`,
  'int[]': (l) => `${l}.split.map(&:to_i)`,
  'float[]': (l) => `${l}.split.map(&:to_f)`,
  'string[]': (l) => `${l}.split`,
};

export const rubyStub: StubWriter = ({ functionName, parameters, returnType }) =>
  [
    `# ${IO_CONVENTION}`,
    `def ${functionName}(${parameters.map((p) => p.name).join(', ')})`,
    '  # your code here',
    `  ${rbDefault[returnType]}`,
    'end',
    '',
    'lines = $stdin.read.split("\\n", -1)',
    ...parameters.map((p, i) => `arg${i} = ${rbParse[p.type](`(lines[${i}] || '')`)}`),
    `result = ${functionName}(${parameters.map((_, i) => `arg${i}`).join(', ')})`,
    "puts result.is_a?(Array) ? result.join(' ') : result.to_s",
    '',
  ].join('\n');

const phpType: Record<StubType, string> = {
  int: 'int', float: 'float', string: 'string', bool: 'bool', 'int[]': 'array', 'float[]': 'array', 'string[]': 'array',
};
const phpDefault: Record<StubType, string> = {
  int: '0', float: '0.0', string: "''", bool: 'false', 'int[]': '[]', 'float[]': '[]', 'string[]': '[]',
};
const phpWords = (l: string) => `preg_split('/\\s+/', trim(${l}), -1, PREG_SPLIT_NO_EMPTY)`;
const phpParse: Record<StubType, (line: string) => string> = {
  int: (l) => `(int) trim(${l})`,
  float: (l) => `(float) trim(${l})`,
  string: (l) => `rtrim(${l}, "\\r")`,
  bool: (l) => `trim(${l}) === 'true'`,
  'int[]': (l) => `array_map('intval', ${phpWords(l)})`,
  'float[]': (l) => `array_map('floatval', ${phpWords(l)})`,
  'string[]': (l) => phpWords(l),
};

export const phpStub: StubWriter = ({ functionName, parameters, returnType }) =>
  [
    '<?php',
    `// ${IO_CONVENTION}`,
    `function ${functionName}(${parameters.map((p) => `${phpType[p.type]} $${p.name}`).join(', ')}): ${phpType[returnType]}`,
    '{',
    '    // your code here',
    `    return ${phpDefault[returnType]};`,
    '}',
    '',
    'function format_value($value): string',
    '{',
    "    return is_bool($value) ? ($value ? 'true' : 'false') : (string) $value;",
    '}',
    '',
    '$lines = explode("\\n", stream_get_contents(STDIN));',
    ...parameters.map((p, i) => `$arg${i} = ${phpParse[p.type](`($lines[${i}] ?? '')`)};`),
    `$result = ${functionName}(${parameters.map((_, i) => `$arg${i}`).join(', ')});`,
    "echo is_array($result) ? implode(' ', array_map('format_value', $result)) : format_value($result), \"\\n\";",
    '',
  ].join('\n');

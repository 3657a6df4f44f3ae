import { AppError } from '../../../platform/errors.js';
import { cppStub, cStub, goStub, javaStub, rustStub } from './compiled.js';
import { javascriptStub, phpStub, pythonStub, rubyStub, typescriptStub } from './scripted.js';
import type { StubSignature, StubWriter } from './types.js';

/** Stub writers by primary judge language id (see languages.ts). */
const WRITERS: Record<number, StubWriter> = {
  63: javascriptStub,
  74: typescriptStub,
  71: pythonStub,
  62: javaStub,
  50: cStub,
  54: cppStub,
  73: rustStub,
  60: goStub,
  72: rubyStub,
  68: phpStub,
};

// Keywords and builtin type names of the ten languages, plus the harness's own helpers: a function or
// parameter named like one of these would not compile somewhere.
const RESERVED = new Set(
  (
    'abstract and as assert async await auto bool boolean break byte case catch chan char class const constexpr continue crate ' +
    'def default defer del delete do double dyn elif else elsif end ensure enum echo except extends extern false final finally ' +
    'float for fn from func function global go goto if impl implements import in include instanceof int interface is lambda let ' +
    'long loop map match mod module move mut namespace native new next nil none nonlocal not null object or package pass print ' +
    'private protected pub public raise range redo ref register rescue retry return select self short signed sizeof static ' +
    'string struct super switch synchronized template then this throw throws trait true try type typedef typeof union unless ' +
    'unsafe unsigned until use using var void volatile when where while with yield ' +
    'main line lines words ints floats values format format_value join result input reader args arg tofloat toint ' +
    'printf scanf strlen list str vec fmt os sys strconv strings bufio'
  ).split(/\s+/),
);
const IDENTIFIER = /^[A-Za-z][A-Za-z0-9_]{0,39}$/;

/** Why a name cannot be used in a stub, or undefined when it can. */
export function invalidStubName(name: string): string | undefined {
  if (!IDENTIFIER.test(name)) return 'must start with a letter and hold only letters, digits and _ (at most 40)';
  if (RESERVED.has(name.toLowerCase()) || /^arg\d+$/.test(name)) return 'is a keyword or a name the stub uses itself';
  return undefined;
}

/** The editor's starting code for a language: the function to complete and a main doing the I/O. */
export function generateStub(languageId: number, signature: StubSignature): string {
  const writer = WRITERS[languageId];
  if (!writer) throw new AppError(404, 'language_not_found', `no stub for language ${languageId}`);
  const problems = [
    ['body/function_name', signature.functionName] as const,
    ...signature.parameters.map((p, i) => [`body/parameters/${i}/name`, p.name] as const),
  ].flatMap(([field, name]) => {
    const why = invalidStubName(name);
    return why ? [{ field, message: `${name} ${why}` }] : [];
  });
  const names = signature.parameters.map((p) => p.name.toLowerCase());
  const duplicate = names.findIndex((name, i) => names.indexOf(name) !== i || name === signature.functionName.toLowerCase());
  if (duplicate >= 0) problems.push({ field: `body/parameters/${duplicate}/name`, message: 'names must differ from each other and from the function' });
  if (problems.length) throw new AppError(400, 'invalid_stub_signature', problems[0].message, problems);
  return writer(signature);
}

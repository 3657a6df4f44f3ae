/** The value types a coding question's function may take and return. */
export const STUB_TYPES = ['int', 'float', 'string', 'bool', 'int[]', 'float[]', 'string[]'] as const;
export type StubType = (typeof STUB_TYPES)[number];

export interface StubParameter {
  name: string;
  type: StubType;
}

export interface StubSignature {
  functionName: string;
  parameters: StubParameter[];
  returnType: StubType;
}

/** One stub per language: the function to complete plus a main that reads stdin and prints the result. */
export type StubWriter = (signature: StubSignature) => string;

export const isArray = (type: StubType): boolean => type.endsWith('[]');
export const elementOf = (type: StubType): StubType => type.replace('[]', '') as StubType;

/** The input/output convention every stub follows, so test cases are written once for all languages. */
export const IO_CONVENTION =
  'Input: one parameter per line (arrays: values separated by spaces). Output: the result on one line (arrays: space-separated; booleans: true/false).';

import { elementOf, IO_CONVENTION, isArray, type StubSignature, type StubType, type StubWriter } from './types.js';

// Stubs of the statically typed languages: Java, C, C++, Rust, Go.

const args = (signature: StubSignature) => signature.parameters.map((_, i) => `arg${i}`).join(', ');

const javaType: Record<StubType, string> = {
  int: 'long', float: 'double', string: 'String', bool: 'boolean', 'int[]': 'long[]', 'float[]': 'double[]', 'string[]': 'String[]',
};
const javaDefault: Record<StubType, string> = {
  int: '0', float: '0.0', string: '""', bool: 'false', 'int[]': 'new long[0]', 'float[]': 'new double[0]', 'string[]': 'new String[0]',
};
const javaParse: Record<StubType, string> = {
  int: 'Long.parseLong(line(in).trim())',
  float: 'Double.parseDouble(line(in).trim())',
  string: 'line(in)',
  bool: 'line(in).trim().equals("true")',
  'int[]': 'words(line(in)).mapToLong(Long::parseLong).toArray()',
  'float[]': 'words(line(in)).mapToDouble(Double::parseDouble).toArray()',
  'string[]': 'words(line(in)).toArray(String[]::new)',
};
const javaFormat: Record<StubType, string> = {
  int: 'String.valueOf(result)',
  float: 'String.valueOf(result)',
  string: 'result',
  bool: 'String.valueOf(result)',
  'int[]': 'Arrays.stream(result).mapToObj(String::valueOf).collect(Collectors.joining(" "))',
  'float[]': 'Arrays.stream(result).mapToObj(String::valueOf).collect(Collectors.joining(" "))',
  'string[]': 'String.join(" ", result)',
};

export const javaStub: StubWriter = (signature) => {
  const { functionName, parameters, returnType } = signature;
  return [
    `// ${IO_CONVENTION}`,
    'import java.io.*;',
    'import java.util.*;',
    'import java.util.stream.*;',
    '',
    'public class Main {',
    `    static ${javaType[returnType]} ${functionName}(${parameters.map((p) => `${javaType[p.type]} ${p.name}`).join(', ')}) {`,
    '        // your code here',
    `        return ${javaDefault[returnType]};`,
    '    }',
    '',
    '    public static void main(String[] args) throws IOException {',
    '        BufferedReader in = new BufferedReader(new InputStreamReader(System.in));',
    ...parameters.map((p, i) => `        ${javaType[p.type]} arg${i} = ${javaParse[p.type]};`),
    `        ${javaType[returnType]} result = ${functionName}(${args(signature)});`,
    `        System.out.println(${javaFormat[returnType]});`,
    '    }',
    '',
    '    static String line(BufferedReader in) throws IOException {',
    '        String s = in.readLine();',
    '        return s == null ? "" : s;',
    '    }',
    '',
    '    static Stream<String> words(String s) {',
    '        return Arrays.stream(s.trim().split("\\\\s+")).filter(w -> !w.isEmpty());',
    '    }',
    '}',
    '',
  ].join('\n');
};

const cppType: Record<StubType, string> = {
  int: 'long long', float: 'double', string: 'string', bool: 'bool',
  'int[]': 'vector<long long>', 'float[]': 'vector<double>', 'string[]': 'vector<string>',
};
const cppDefault: Record<StubType, string> = { int: '0', float: '0.0', string: '""', bool: 'false', 'int[]': '{}', 'float[]': '{}', 'string[]': '{}' };
const cppParse: Record<StubType, string> = {
  int: 'stoll(line())', float: 'stod(line())', string: 'line()', bool: 'line() == "true"',
  'int[]': 'values<long long>(line())', 'float[]': 'values<double>(line())', 'string[]': 'values<string>(line())',
};

export const cppStub: StubWriter = (signature) => {
  const { functionName, parameters, returnType } = signature;
  return [
    `// ${IO_CONVENTION}`,
    '#include <bits/stdc++.h>',
    'using namespace std;',
    '',
    `${cppType[returnType]} ${functionName}(${parameters.map((p) => `${cppType[p.type]} ${p.name}`).join(', ')}) {`,
    '    // your code here',
    `    return ${cppDefault[returnType]};`,
    '}',
    '',
    'static string line() {',
    '    string s;',
    '    getline(cin, s);',
    "    if (!s.empty() && s.back() == '\\r') s.pop_back();",
    '    return s;',
    '}',
    'template <class T> static vector<T> values(const string& s) {',
    '    istringstream in(s);',
    '    vector<T> v;',
    '    T x;',
    '    while (in >> x) v.push_back(x);',
    '    return v;',
    '}',
    'template <class T> static void print(const T& x) { cout << x; }',
    'template <class T> static void print(const vector<T>& v) {',
    "    for (size_t i = 0; i < v.size(); ++i) cout << (i ? \" \" : \"\") << v[i];",
    '}',
    '',
    'int main() {',
    ...parameters.map((p, i) => `    ${cppType[p.type]} arg${i} = ${cppParse[p.type]};`),
    '    cout << boolalpha << setprecision(15);',
    `    print(${functionName}(${args(signature)}));`,
    "    cout << '\\n';",
    '}',
    '',
  ].join('\n');
};

const cScalar: Record<string, string> = { int: 'long long', float: 'double', string: 'char*', bool: 'bool' };
const cParam = (name: string, type: StubType) => (isArray(type) ? `${cScalar[elementOf(type)]}* ${name}, int ${name}_len` : `${cScalar[type]} ${name}`);
const cParse: Record<StubType, (i: number) => string> = {
  int: (i) => `long long arg${i} = strtoll(line(), NULL, 10);`,
  float: (i) => `double arg${i} = strtod(line(), NULL);`,
  string: (i) => `char* arg${i} = line();`,
  bool: (i) => `bool arg${i} = strcmp(line(), "true") == 0;`,
  'int[]': (i) => `int arg${i}_len; long long* arg${i} = ints(line(), &arg${i}_len);`,
  'float[]': (i) => `int arg${i}_len; double* arg${i} = floats(line(), &arg${i}_len);`,
  'string[]': (i) => `int arg${i}_len; char** arg${i} = words(line(), &arg${i}_len);`,
};
const cDefault: Record<string, string> = { int: '0', float: '0.0', string: '""', bool: 'false' };
const cPrint: Record<string, string> = {
  int: 'printf("%lld", VALUE)', float: 'printf("%.15g", VALUE)', string: 'printf("%s", VALUE)', bool: 'printf("%s", VALUE ? "true" : "false")',
};

export const cStub: StubWriter = (signature) => {
  const { functionName, parameters, returnType } = signature;
  const returnsArray = isArray(returnType);
  const scalar = returnsArray ? elementOf(returnType) : returnType;
  const params = [...parameters.map((p) => cParam(p.name, p.type)), ...(returnsArray ? ['int* result_len'] : [])];
  const callArgs = [...parameters.flatMap((p, i) => (isArray(p.type) ? [`arg${i}`, `arg${i}_len`] : [`arg${i}`])), ...(returnsArray ? ['&result_len'] : [])];
  const defaultValue = returnsArray ? 'NULL' : cDefault[scalar];
  return [
    `/* ${IO_CONVENTION} Arrays come with their length; an array result sets *result_len. */`,
    '#include <stdbool.h>',
    '#include <stdio.h>',
    '#include <stdlib.h>',
    '#include <string.h>',
    '',
    `${cScalar[scalar]}${returnsArray ? '*' : ''} ${functionName}(${params.join(', ') || 'void'}) {`,
    '    /* your code here */',
    ...(returnsArray ? ['    *result_len = 0;'] : []),
    `    return ${defaultValue};`,
    '}',
    '',
    'static char* line(void) {',
    '    char* s = NULL;',
    '    size_t cap = 0;',
    '    ssize_t n = getline(&s, &cap, stdin);',
    '    if (n < 0) return calloc(1, 1);',
    "    while (n > 0 && (s[n - 1] == '\\n' || s[n - 1] == '\\r')) s[--n] = '\\0';",
    '    return s;',
    '}',
    'static char** words(char* s, int* len) {',
    '    char** out = malloc(sizeof(char*) * (strlen(s) / 2 + 1));',
    '    *len = 0;',
    '    for (char* w = strtok(s, " \\t"); w; w = strtok(NULL, " \\t")) out[(*len)++] = w;',
    '    return out;',
    '}',
    'static long long* ints(char* s, int* len) {',
    '    char** w = words(s, len);',
    '    long long* out = malloc(sizeof(long long) * (*len + 1));',
    '    for (int i = 0; i < *len; i++) out[i] = strtoll(w[i], NULL, 10);',
    '    return out;',
    '}',
    'static double* floats(char* s, int* len) {',
    '    char** w = words(s, len);',
    '    double* out = malloc(sizeof(double) * (*len + 1));',
    '    for (int i = 0; i < *len; i++) out[i] = strtod(w[i], NULL);',
    '    return out;',
    '}',
    '',
    'int main(void) {',
    ...parameters.map((p, i) => `    ${cParse[p.type](i)}`),
    ...(returnsArray
      ? [
          '    int result_len = 0;',
          `    ${cScalar[scalar]}* result = ${functionName}(${callArgs.join(', ')});`,
          '    for (int i = 0; i < result_len; i++) {',
          '        if (i) printf(" ");',
          `        ${cPrint[scalar].replace('VALUE', 'result[i]').replace('VALUE', 'result[i]')};`,
          '    }',
        ]
      : [`    ${cScalar[scalar]} result = ${functionName}(${callArgs.join(', ')});`, `    ${cPrint[scalar].replace('VALUE', 'result')};`]),
    '    printf("\\n");',
    '    return 0;',
    '}',
    '',
  ].join('\n');
};

const rustType: Record<StubType, string> = {
  int: 'i64', float: 'f64', string: 'String', bool: 'bool', 'int[]': 'Vec<i64>', 'float[]': 'Vec<f64>', 'string[]': 'Vec<String>',
};
const rustDefault: Record<StubType, string> = {
  int: '0', float: '0.0', string: 'String::new()', bool: 'false', 'int[]': 'Vec::new()', 'float[]': 'Vec::new()', 'string[]': 'Vec::new()',
};
const rustParse: Record<StubType, string> = {
  int: 'next().trim().parse().unwrap()',
  float: 'next().trim().parse().unwrap()',
  string: 'next()',
  bool: 'next().trim() == "true"',
  'int[]': 'next().split_whitespace().map(|x| x.parse().unwrap()).collect()',
  'float[]': 'next().split_whitespace().map(|x| x.parse().unwrap()).collect()',
  'string[]': 'next().split_whitespace().map(String::from).collect()',
};

export const rustStub: StubWriter = (signature) => {
  const { functionName, parameters, returnType } = signature;
  const print = isArray(returnType)
    ? '    println!("{}", result.iter().map(|x| x.to_string()).collect::<Vec<_>>().join(" "));'
    : '    println!("{}", result);';
  return [
    `// ${IO_CONVENTION}`,
    'use std::io::{self, Read};',
    '',
    `fn ${functionName}(${parameters.map((p) => `${p.name}: ${rustType[p.type]}`).join(', ')}) -> ${rustType[returnType]} {`,
    '    // your code here',
    `    ${rustDefault[returnType]}`,
    '}',
    '',
    'fn main() {',
    '    let mut input = String::new();',
    '    io::stdin().read_to_string(&mut input).unwrap();',
    "    let mut lines = input.split('\\n').map(|l| l.trim_end_matches('\\r').to_string());",
    '    #[allow(unused_mut)]',
    '    let mut next = move || lines.next().unwrap_or_default();',
    ...parameters.map((p, i) => `    let arg${i}: ${rustType[p.type]} = ${rustParse[p.type]};`),
    `    let result = ${functionName}(${args(signature)});`,
    print,
    '}',
    '',
  ].join('\n');
};

const goType: Record<StubType, string> = {
  int: 'int64', float: 'float64', string: 'string', bool: 'bool', 'int[]': '[]int64', 'float[]': '[]float64', 'string[]': '[]string',
};
const goDefault: Record<StubType, string> = { int: '0', float: '0', string: '""', bool: 'false', 'int[]': 'nil', 'float[]': 'nil', 'string[]': 'nil' };
const goParse: Record<StubType, string> = {
  int: 'toInt(line())', float: 'toFloat(line())', string: 'line()', bool: 'strings.TrimSpace(line()) == "true"',
  'int[]': 'ints(line())', 'float[]': 'floats(line())', 'string[]': 'strings.Fields(line())',
};

export const goStub: StubWriter = (signature) => {
  const { functionName, parameters, returnType } = signature;
  return [
    `// ${IO_CONVENTION}`,
    'package main',
    '',
    'import (',
    '\t"bufio"',
    '\t"fmt"',
    '\t"os"',
    '\t"strconv"',
    '\t"strings"',
    ')',
    '',
    `func ${functionName}(${parameters.map((p) => `${p.name} ${goType[p.type]}`).join(', ')}) ${goType[returnType]} {`,
    '\t// your code here',
    `\treturn ${goDefault[returnType]}`,
    '}',
    '',
    'var reader = bufio.NewReader(os.Stdin)',
    '',
    'func line() string {',
    "\ts, _ := reader.ReadString('\\n')",
    '\treturn strings.TrimRight(s, "\\r\\n")',
    '}',
    'func toInt(s string) int64 { v, _ := strconv.ParseInt(strings.TrimSpace(s), 10, 64); return v }',
    'func toFloat(s string) float64 { v, _ := strconv.ParseFloat(strings.TrimSpace(s), 64); return v }',
    'func ints(s string) []int64 {',
    '\tvar out []int64',
    '\tfor _, w := range strings.Fields(s) {',
    '\t\tout = append(out, toInt(w))',
    '\t}',
    '\treturn out',
    '}',
    'func floats(s string) []float64 {',
    '\tvar out []float64',
    '\tfor _, w := range strings.Fields(s) {',
    '\t\tout = append(out, toFloat(w))',
    '\t}',
    '\treturn out',
    '}',
    'func join[T any](values []T) string {',
    '\tparts := make([]string, len(values))',
    '\tfor i, v := range values {',
    '\t\tparts[i] = fmt.Sprint(v)',
    '\t}',
    '\treturn strings.Join(parts, " ")',
    '}',
    '',
    'func main() {',
    ...parameters.map((p, i) => `\targ${i} := ${goParse[p.type]}`),
    `\tresult := ${functionName}(${args(signature)})`,
    isArray(returnType) ? '\tfmt.Println(join(result))' : '\tfmt.Println(result)',
    '}',
    '',
  ].join('\n');
};

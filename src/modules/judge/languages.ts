import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { BOX } from './sandbox/bwrap-args.js';
import { worldReadablePackages } from './sandbox/world-readable.js';

/** A command run inside the sandbox. Paths are absolute: the sandbox has no PATH lookup to trust. */
export interface SandboxStep {
  argv: string[];
  env?: Record<string, string>;
  /** Host paths the step needs read-only besides the system (e.g. the TypeScript compiler). */
  readOnly?: string[];
}

/**
 * A judge language. `id` keeps Judge0 CE's numbering so clients that know it keep working;
 * `aliases` are Judge0's other ids of the same language (newer versions, and Clang for C/C++): they
 * run on the toolchain installed here.
 */
export interface Language {
  id: number;
  aliases: number[];
  name: string;
  /** Monaco editor language id. */
  editor: string;
  sourceFile: string;
  /** The executable whose presence makes the language available. */
  toolchain: string;
  /** Host-side command printing the version (trusted binary, no sandbox). */
  version: string[];
  compile?: SandboxStep;
  run(memoryKb: number): SandboxStep;
  /** RLIMIT_AS for a run with this memory limit; runtimes reserving large virtual ranges get room. */
  addressSpaceKb(memoryKb: number): number;
  /** Processes + threads the runtime needs on its own (JVM and Go start many threads). */
  processes: number;
}

const MB = 1024;
const mb = (kb: number) => Math.max(16, Math.floor(kb / MB));

// The TypeScript compiler comes from this project's node_modules, bound read-only into the sandbox.
function typescriptPaths(): { tsc: string; typeRoots: string; readOnly: string[] } | undefined {
  const require = createRequire(import.meta.url);
  const resolve = (name: string) => {
    try {
      return dirname(require.resolve(`${name}/package.json`));
    } catch {
      return undefined;
    }
  };
  const found = resolve('typescript');
  if (!found) return undefined;
  const foundTypes = resolve('@types/node');
  const foundUndici = foundTypes ? resolve('undici-types') : undefined;
  const packages = [
    { name: 'typescript', dir: found },
    ...(foundTypes ? [{ name: '@types/node', dir: foundTypes }] : []),
    ...(foundUndici ? [{ name: 'undici-types', dir: foundUndici }] : []),
  ];
  const versionOf = (dir: string) => (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
  const key = packages.map((p) => `${p.name.replace('/', '-')}-${versionOf(p.dir)}`).join('_');
  const [typescript, types, undici] = worldReadablePackages(packages, key);
  return {
    tsc: `${typescript}/lib/tsc.js`,
    typeRoots: types ? dirname(types) : '',
    readOnly: [typescript, ...(types ? [types] : []), ...(undici ? [undici] : [])],
  };
}
const ts = typescriptPaths();

const javaRun = (memoryKb: number): SandboxStep => ({
  argv: [
    '/usr/bin/java',
    `-Xmx${mb(memoryKb)}m`,
    '-Xss64m',
    '-XX:+UseSerialGC',
    '-XX:TieredStopAtLevel=1',
    '-XX:ReservedCodeCacheSize=32m',
    '-XX:CompressedClassSpaceSize=64m',
    '-cp',
    BOX,
    'Main',
  ],
});

const native = (memoryKb: number) => memoryKb + 32 * MB;

export const LANGUAGES: Language[] = [
  {
    id: 63,
    aliases: [93, 97, 102],
    name: 'JavaScript (Node.js)',
    editor: 'javascript',
    sourceFile: 'main.js',
    toolchain: '/usr/bin/node',
    version: ['/usr/bin/node', '--version'],
    run: (memoryKb) => ({ argv: ['/usr/bin/node', `--max-old-space-size=${mb(memoryKb)}`, `${BOX}/main.js`] }),
    // V8 reserves ~700 MB of address space (code range, cages) before running a line.
    addressSpaceKb: (memoryKb) => memoryKb + 1024 * MB,
    processes: 32,
  },
  {
    id: 74,
    aliases: [94, 101],
    name: 'TypeScript',
    editor: 'typescript',
    sourceFile: 'main.ts',
    toolchain: ts ? ts.tsc : '/nonexistent/typescript',
    version: ['/usr/bin/node', ts?.tsc ?? '', '--version'],
    compile: ts && {
      argv: [
        '/usr/bin/node',
        '--max-old-space-size=768',
        ts.tsc,
        '--outDir', BOX,
        '--target', 'es2022',
        '--module', 'commonjs',
        '--skipLibCheck',
        '--pretty', 'false',
        ...(ts.typeRoots ? ['--typeRoots', ts.typeRoots, '--types', 'node'] : []),
        `${BOX}/main.ts`,
      ],
      readOnly: ts.readOnly,
    },
    run: (memoryKb) => ({ argv: ['/usr/bin/node', `--max-old-space-size=${mb(memoryKb)}`, `${BOX}/main.js`] }),
    addressSpaceKb: (memoryKb) => memoryKb + 1024 * MB,
    processes: 32,
  },
  {
    id: 71,
    aliases: [92, 100],
    name: 'Python 3',
    editor: 'python',
    sourceFile: 'main.py',
    // The Debian interpreter: a `python3` found on PATH may be a slower wrapper (pyenv shim).
    toolchain: '/usr/bin/python3',
    version: ['/usr/bin/python3', '--version'],
    run: () => ({ argv: ['/usr/bin/python3', '-I', `${BOX}/main.py`] }),
    addressSpaceKb: native,
    processes: 8,
  },
  {
    id: 62,
    aliases: [91],
    name: 'Java (OpenJDK)',
    editor: 'java',
    sourceFile: 'Main.java',
    toolchain: '/usr/bin/javac',
    version: ['/usr/bin/javac', '-version'],
    compile: { argv: ['/usr/bin/javac', '-J-Xmx512m', '-J-XX:+UseSerialGC', '-J-XX:TieredStopAtLevel=1', '-encoding', 'UTF-8', '-d', BOX, `${BOX}/Main.java`] },
    run: javaRun,
    // The JVM reserves class space, code cache and 64 MB thread stacks up front; the heap is bounded by -Xmx.
    addressSpaceKb: (memoryKb) => memoryKb + 2048 * MB,
    processes: 64,
  },
  {
    id: 50,
    aliases: [48, 49, 75, 103, 104],
    name: 'C (GCC)',
    editor: 'c',
    sourceFile: 'main.c',
    toolchain: '/usr/bin/gcc',
    version: ['/usr/bin/gcc', '--version'],
    compile: { argv: ['/usr/bin/gcc', '-O2', '-std=gnu17', '-pipe', '-o', `${BOX}/main`, `${BOX}/main.c`, '-lm'] },
    run: () => ({ argv: [`${BOX}/main`] }),
    addressSpaceKb: native,
    processes: 8,
  },
  {
    id: 54,
    aliases: [52, 53, 76, 105],
    name: 'C++ (GCC)',
    editor: 'cpp',
    sourceFile: 'main.cpp',
    toolchain: '/usr/bin/g++',
    version: ['/usr/bin/g++', '--version'],
    compile: { argv: ['/usr/bin/g++', '-O2', '-std=gnu++17', '-pipe', '-o', `${BOX}/main`, `${BOX}/main.cpp`] },
    run: () => ({ argv: [`${BOX}/main`] }),
    addressSpaceKb: native,
    processes: 8,
  },
  {
    id: 73,
    aliases: [],
    name: 'Rust',
    editor: 'rust',
    sourceFile: 'main.rs',
    toolchain: '/usr/bin/rustc',
    version: ['/usr/bin/rustc', '--version'],
    compile: { argv: ['/usr/bin/rustc', '-O', '--edition', '2021', '-o', `${BOX}/main`, `${BOX}/main.rs`] },
    run: () => ({ argv: [`${BOX}/main`] }),
    addressSpaceKb: native,
    processes: 8,
  },
  {
    id: 60,
    aliases: [95],
    name: 'Go',
    editor: 'go',
    sourceFile: 'main.go',
    toolchain: '/usr/bin/go',
    version: ['/usr/bin/go', 'version'],
    compile: {
      argv: ['/usr/bin/go', 'build', '-o', `${BOX}/main`, `${BOX}/main.go`],
      env: { GOCACHE: '/tmp/go-cache', GOPATH: '/tmp/go', GO111MODULE: 'off', CGO_ENABLED: '0', GOFLAGS: '-buildvcs=false' },
    },
    run: (memoryKb) => ({ argv: [`${BOX}/main`], env: { GOMEMLIMIT: `${mb(memoryKb)}MiB`, GOMAXPROCS: '2' } }),
    // The Go runtime reserves its heap arenas' page summaries (~600 MB of address space) at start.
    addressSpaceKb: (memoryKb) => memoryKb + 1024 * MB,
    processes: 32,
  },
  {
    id: 72,
    aliases: [],
    name: 'Ruby',
    editor: 'ruby',
    sourceFile: 'main.rb',
    toolchain: '/usr/bin/ruby',
    version: ['/usr/bin/ruby', '--version'],
    run: () => ({ argv: ['/usr/bin/ruby', '--disable-gems', `${BOX}/main.rb`] }),
    addressSpaceKb: (memoryKb) => memoryKb + 64 * MB,
    processes: 8,
  },
  {
    id: 68,
    aliases: [98],
    name: 'PHP',
    editor: 'php',
    sourceFile: 'main.php',
    toolchain: '/usr/bin/php',
    version: ['/usr/bin/php', '--version'],
    run: (memoryKb) => ({ argv: ['/usr/bin/php', '-d', `memory_limit=${mb(memoryKb)}M`, `${BOX}/main.php`] }),
    addressSpaceKb: (memoryKb) => memoryKb + 64 * MB,
    processes: 8,
  },
];

const byId = new Map<number, Language>();
for (const language of LANGUAGES) for (const id of [language.id, ...language.aliases]) byId.set(id, language);

/** The language of a Judge0-style id (primary or alias), or undefined. */
export function languageById(id: number): Language | undefined {
  return byId.get(id);
}

/** Whether the language's toolchain is installed here (checked on the file system, no sandbox). */
export function toolchainInstalled(language: Language): boolean {
  return existsSync(language.toolchain) && [...(language.compile?.readOnly ?? [])].every((path) => existsSync(path));
}

const NAMES: Record<string, number> = {
  javascript: 63, js: 63, node: 63, nodejs: 63,
  typescript: 74, ts: 74,
  python: 71, python3: 71, py: 71,
  java: 62,
  c: 50,
  cpp: 54, 'c++': 54,
  rust: 73, rs: 73,
  go: 60, golang: 60,
  ruby: 72, rb: 72,
  php: 68,
};

/**
 * A language given as a Judge0 id (number or numeric text) or by name ("python", "cpp", "go"...),
 * as the Coodesh sample sends it. Undefined when unknown.
 */
export function resolveLanguage(value: number | string): Language | undefined {
  const text = String(value).trim().toLowerCase();
  if (/^\d+$/.test(text)) return languageById(Number(text));
  const id = NAMES[text];
  return id === undefined ? undefined : languageById(id);
}

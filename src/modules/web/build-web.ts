import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { assetPrefix, sourceHashFile, webDist, webRoot } from './web-paths.js';
import { webSourceHash } from './web-source-hash.js';

const compressible = /\.(js|mjs|css|html|svg|json|txt|map|wasm)$/;

/** Whether web/dist was built from the current sources. */
export function isWebBuildCurrent(hash = webSourceHash()): boolean {
  try {
    return readFileSync(join(webDist, sourceHashFile), 'utf8') === hash;
  } catch {
    return false;
  }
}

/** Brotli and gzip copies beside each text file, served to clients that accept them. */
function compressAll(dir: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.name.startsWith('.')) continue;
    if (entry.isDirectory()) compressAll(path);
    else if (compressible.test(entry.name)) {
      const bytes = readFileSync(path);
      writeFileSync(`${path}.br`, brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
      writeFileSync(`${path}.gz`, gzipSync(bytes, { level: 9 }));
    }
  }
}

/**
 * Builds web/ with Vite into a fresh folder, then swaps it in for web/dist, so a server reading the
 * old build never sees half of the new one. Vite is imported here only, so a process that finds its
 * build current never loads it.
 */
export async function buildWeb(hash = webSourceHash()): Promise<void> {
  const { build } = await import('vite');
  const { default: react } = await import('@vitejs/plugin-react');
  const outDir = join(webRoot, `dist.${process.pid}.${Date.now()}`);
  try {
    await build({
      configFile: false,
      root: webRoot,
      base: '/',
      publicDir: false,
      logLevel: 'warn',
      plugins: [react()],
      // The manifest (.vite/manifest.json, never served) tells which chunks a first load needs: `npm run bench web` reads it.
      build: { outDir, assetsDir: assetPrefix, emptyOutDir: true, target: 'es2022', sourcemap: false, reportCompressedSize: false, manifest: true },
    });
    compressAll(outDir);
    writeFileSync(join(outDir, sourceHashFile), hash);
    const old = `${webDist.replace(/\/$/, '')}.old.${process.pid}`;
    if (existsSync(webDist)) renameSync(webDist, old);
    try {
      renameSync(outDir, webDist);
    } catch (error) {
      // Another process's build of the same sources landed first: keep that one.
      if (!existsSync(webDist)) throw error;
    }
    rmSync(old, { recursive: true, force: true });
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

/** Builds web/ when web/dist is missing or was built from other sources; answers whether it built. */
export async function ensureWebBuild(): Promise<boolean> {
  const hash = webSourceHash();
  if (isWebBuildCurrent(hash)) return false;
  await buildWeb(hash);
  return true;
}

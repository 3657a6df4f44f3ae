import { fileURLToPath } from 'node:url';

/** The web app's sources (web/ at the repository root) and its build (web/dist, never committed). */
export const webRoot = fileURLToPath(new URL('../../../web/', import.meta.url));
export const webDist = fileURLToPath(new URL('../../../web/dist/', import.meta.url));

/** Built files are served under this one prefix, which no API route uses (a test checks it). */
export const assetPrefix = '_app';

/** Written into the build: the hash of the sources it was built from. */
export const sourceHashFile = '.source-hash';

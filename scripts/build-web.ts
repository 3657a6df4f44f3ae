import { buildWeb, ensureWebBuild } from '../src/modules/web/build-web.js';

/** `npm run web:build` (and `npm ci`'s prepare): builds web/ into web/dist when its sources changed; `--force` always. */
const started = Date.now();
if (process.argv.includes('--force')) {
  await buildWeb();
  console.log(`web app built in ${Date.now() - started} ms`);
} else {
  console.log((await ensureWebBuild()) ? `web app built in ${Date.now() - started} ms` : 'web app build is current');
}

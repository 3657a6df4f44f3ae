import { benchGetById } from './get-by-id.js';
import { benchExports } from './exports.js';
import { benchJudge } from './judge.js';
import { benchJobs } from './jobs.js';
import { benchRecalculate } from './recalculate.js';
import { benchHiringEvent } from './hiring-event.js';
import { benchIdleRss } from './idle-rss.js';
import { benchWeb } from './web.js';

/** `npm run bench [name]`: every benchmark, each printing ratios against its own baseline in the same run. */
const benches: Array<[string, () => Promise<void>]> = [
  ['get-by-id', benchGetById],
  ['exports', benchExports],
  ['judge', benchJudge],
  ['jobs', benchJobs],
  ['recalculate', benchRecalculate],
  ['hiring-event', benchHiringEvent],
  ['idle-rss', benchIdleRss],
  ['web', benchWeb],
];

const only = process.argv[2];
for (const [name, run] of benches) {
  if (only && only !== name) continue;
  await run();
}

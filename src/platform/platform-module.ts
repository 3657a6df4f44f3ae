import { defineModule } from './contract/define-module.js';
import { deliverMailJob } from './mail/deliver-mail.js';
import { sweepMailJob } from './mail/sweep-mail.js';
import { deliverWebhookJob } from './webhooks/deliver-webhook.js';
import { sweepWebhooksJob } from './webhooks/sweep-webhooks.js';
import { exportCsvJob } from './exports/run-export.js';
import { sweepExportsJob } from './exports/sweep-exports.js';
import { exportRoutes } from './exports/routes.js';
import { sweepRateLimitsJob } from './http/sweep-rate-limits.js';

/** The platform's own routes and jobs (e-mail, webhooks, exports, sweeps): part of every runtime, ahead of the modules. */
export const platformModule = defineModule({
  name: 'platform',
  routes: [exportRoutes],
  jobs: [deliverMailJob, sweepMailJob, deliverWebhookJob, sweepWebhooksJob, exportCsvJob, sweepExportsJob, sweepRateLimitsJob],
});

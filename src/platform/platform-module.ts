import { defineModule } from './contract/define-module.js';
import { deliverMailJob } from './mail/deliver-mail.js';
import { sweepMailJob } from './mail/sweep-mail.js';
import { deliverWebhookJob } from './webhooks/deliver-webhook.js';
import { sweepWebhooksJob } from './webhooks/sweep-webhooks.js';
import { exportCsvJob } from './exports/run-export.js';
import { sweepExportsJob } from './exports/sweep-exports.js';
import { exportRoutes } from './exports/routes.js';
import { sweepRateLimitsJob } from './http/sweep-rate-limits.js';
import { operationRoutes } from './operations/routes.js';
import { sweepOperationsJob } from './operations/sweep-operations.js';

/** The platform's own routes and jobs (e-mail, webhooks, exports, operation progress, sweeps): part of every runtime, ahead of the modules. */
export const platformModule = defineModule({
  name: 'platform',
  routes: [exportRoutes, operationRoutes],
  jobs: [deliverMailJob, sweepMailJob, deliverWebhookJob, sweepWebhooksJob, exportCsvJob, sweepExportsJob, sweepRateLimitsJob, sweepOperationsJob],
});

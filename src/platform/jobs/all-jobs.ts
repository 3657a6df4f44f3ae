import type { JobDefinition } from './define-job.js';
import { deliverMailJob } from '../mail/deliver-mail.js';
import { sweepMailJob } from '../mail/sweep-mail.js';
import { deliverWebhookJob } from '../webhooks/deliver-webhook.js';
import { sweepWebhooksJob } from '../webhooks/sweep-webhooks.js';
import { exportCsvJob } from '../exports/run-export.js';
import { sweepExportsJob } from '../exports/sweep-exports.js';
import { sweepRateLimitsJob } from '../http/sweep-rate-limits.js';

/**
 * Every background job, known to every process: API processes send them, worker processes work
 * them. One line per job; a module adds its own here.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const allJobs: Array<JobDefinition<any>> = [deliverMailJob, sweepMailJob, deliverWebhookJob, sweepWebhooksJob, exportCsvJob, sweepExportsJob, sweepRateLimitsJob];

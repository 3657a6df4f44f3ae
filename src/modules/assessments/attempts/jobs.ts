import { closeExpiredJob } from './close-expired.js';
import { judgeAttemptJob } from './judge-attempt.js';
import { sendInvitationsJob } from './send-invitations.js';

/** The attempts' background jobs (module.ts lists them). */
export const attemptJobs = [judgeAttemptJob, closeExpiredJob, sendInvitationsJob];

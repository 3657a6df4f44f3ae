/**
 * Seconds to wait before attempt n + 1 after n attempts, as in the Standard Webhooks example:
 * immediately, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 14 h, 20 h, 24 h (ten attempts, about 3 days).
 */
export const webhookRetrySchedule = [0, 5, 300, 1800, 7200, 18000, 36000, 50400, 72000, 86400];

const DAY = 86_400;

/**
 * The wait before the next attempt, or null when the attempts are used up. A receiver's
 * Retry-After replaces the scheduled wait (at least 1 s, at most a day); it never adds attempts.
 */
export function nextAttemptDelay(attemptsMade: number, retryAfterSeconds?: number): number | null {
  if (attemptsMade >= webhookRetrySchedule.length) return null;
  if (retryAfterSeconds !== undefined) return Math.min(DAY, Math.max(1, retryAfterSeconds));
  return webhookRetrySchedule[attemptsMade];
}

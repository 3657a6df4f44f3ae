import { conflict } from '../../../platform/errors.js';
import type { AttemptRow } from '../schema.js';

/** 409 when the attempt takes nothing more from the candidate: not started, or its time is over on the server's clock. */
export function timeRefusal(attempt: Pick<AttemptRow, 'status' | 'endsAt'>, now: Date) {
  if (attempt.status !== 'started') return conflict('attempt_not_started', `The attempt is ${attempt.status}, not started: nothing is saved`);
  if (!attempt.endsAt || attempt.endsAt <= now) return conflict('attempt_time_over', 'The time of the attempt is over: nothing is saved');
  return undefined;
}

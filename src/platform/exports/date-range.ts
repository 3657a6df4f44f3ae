import { badRequest } from '../errors.js';

/** A half-open interval [from, to): either end may be open. */
export interface DateRange {
  from?: Date;
  to?: Date;
}

const dayOnly = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

function parseBound(value: string, field: string): { at: Date; day: boolean } {
  const day = dayOnly.test(value);
  const at = new Date(day ? `${value}T00:00:00.000Z` : value);
  if (Number.isNaN(at.getTime()) || (!day && !/^\d{4}-\d{2}-\d{2}T/.test(value))) {
    throw badRequest('invalid_date', `${field} must be a date (YYYY-MM-DD) or a date-time (ISO 8601)`, field);
  }
  return { at, day };
}

/**
 * The `startDate`/`endDate` pair of the export bodies. A day-only end date includes that whole day
 * (UTC), so `2026-01-01`..`2026-01-31` is all of January.
 */
export function dateRange(startDate: string | undefined, endDate: string | undefined, fields = { start: 'body/startDate', end: 'body/endDate' }): DateRange {
  const range: DateRange = {};
  if (startDate) range.from = parseBound(startDate, fields.start).at;
  if (endDate) {
    const end = parseBound(endDate, fields.end);
    range.to = new Date(end.at.getTime() + (end.day ? DAY_MS : 1));
  }
  if (range.from && range.to && range.from >= range.to) throw badRequest('invalid_date_range', 'startDate must be before endDate', fields.end);
  return range;
}

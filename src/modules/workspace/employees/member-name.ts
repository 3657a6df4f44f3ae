import { sql } from 'drizzle-orm';
import { users } from '../../identity/schema.js';
import { memberships } from '../../identity/workspaces/schema.js';

/**
 * How a workspace names one of its people, for queries over memberships joined to users: the name
 * this workspace entered (memberships.display_name, first_name, last_name), else the account's own.
 * The account's name is the person's, or a neutral one (the address's local part) on an account a
 * workspace created: never the words another workspace wrote.
 */
export const memberDisplayName = sql<string>`coalesce(${memberships.displayName}, ${users.displayName})`;

/** First and last name go with the display name they came with, never one from each source. */
export const memberFirstName = sql<string | null>`case when ${memberships.displayName} is null then ${users.firstName} else ${memberships.firstName} end`;
export const memberLastName = sql<string | null>`case when ${memberships.displayName} is null then ${users.lastName} else ${memberships.lastName} end`;

/** The name fields a workspace writes on a membership: null when it gave no name. */
export function memberNameOf(input: { displayName?: string; firstName?: string; lastName?: string }): {
  displayName: string | null;
  firstName: string | null;
  lastName: string | null;
} {
  const firstName = input.firstName?.trim() || null;
  const lastName = input.lastName?.trim() || null;
  const displayName = input.displayName?.trim() || [firstName, lastName].filter(Boolean).join(' ') || null;
  return displayName ? { displayName, firstName, lastName } : { displayName: null, firstName: null, lastName: null };
}

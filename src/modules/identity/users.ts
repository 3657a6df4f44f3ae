import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
import { hashPassword } from '../../platform/auth/password.js';
import { newId } from '../../platform/ids.js';
import { users } from './schema.js';

export type User = typeof users.$inferSelect;

export interface NewUser {
  email: string;
  displayName?: string;
  firstName?: string;
  lastName?: string;
  /** Plain password; hashed here. Omit for accounts that sign in through a provider only. */
  password?: string;
  /** An argon2 hash computed by the caller, so hashing can happen outside a transaction. */
  passwordHash?: string;
  provider?: string;
  confirmed?: boolean;
  address?: unknown;
  privacy?: unknown;
  utm?: Record<string, string>;
}

/**
 * For an update's SET: the next session version. Every session issued before it answers 401
 * (authenticate.ts compares the JWT's `sv`); use it when the password is reset or dropped, or the
 * e-mail changes.
 */
export const nextSessionVersion = () => sql`${users.sessionVersion} + 1`;

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function findUserByEmail(db: DbOrTx, email: string): Promise<User | undefined> {
  const [user] = await db.select().from(users).where(sql`lower(${users.email}) = ${normalizeEmail(email)}`);
  return user;
}

export async function findUserById(db: DbOrTx, id: string): Promise<User | undefined> {
  const [user] = await db.select().from(users).where(eq(users.id, id));
  return user;
}

export function displayNameOf(input: Pick<NewUser, 'email' | 'displayName' | 'firstName' | 'lastName'>): string {
  const full = input.displayName?.trim() || [input.firstName, input.lastName].filter(Boolean).join(' ').trim();
  return full || normalizeEmail(input.email).split('@')[0];
}

export async function createUser(db: DbOrTx, input: NewUser): Promise<User> {
  const [user] = await db
    .insert(users)
    .values({
      id: newId(),
      email: normalizeEmail(input.email),
      displayName: displayNameOf(input),
      firstName: input.firstName ?? null,
      lastName: input.lastName ?? null,
      passwordHash: input.passwordHash ?? (input.password ? await hashPassword(input.password) : null),
      provider: input.provider ?? 'local',
      confirmedAt: input.confirmed ? new Date() : null,
      address: input.address ?? null,
      privacy: input.privacy ?? null,
      utm: input.utm ?? null,
    })
    .returning();
  return user;
}

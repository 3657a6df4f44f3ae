import type { Language } from './language';

/** A catalog of one area's messages: English is the reference, and pt/es must have every key. */
export type Catalog<Keys extends string> = { en: Record<Keys, string> } & Record<Exclude<Language, 'en'>, Record<Keys, string>>;

/**
 * Each area of the app (common, candidate, recruiter) keeps its own catalog beside its pages.
 * `{name}` in a message is replaced by the value of `name`.
 */
export function defineMessages<const En extends Record<string, string>>(catalog: { en: En } & Record<Exclude<Language, 'en'>, Record<keyof En, string>>): Catalog<Extract<keyof En, string>> {
  return catalog;
}

export function interpolate(message: string, values: Record<string, string | number> = {}): string {
  return message.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

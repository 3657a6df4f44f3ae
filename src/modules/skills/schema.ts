import { pgTable, varchar, text, timestamp, jsonb, index, primaryKey, uniqueIndex } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

/** Names of a skill or a level in the three locales Assay speaks; `en` is always present. */
export type Translations = { en: string; pt?: string; es?: string };

/**
 * The global skill taxonomy (JavaScript, SQL, Communication, ...): a reference table every
 * workspace reads. Questions and assessments name skills by these ids or by a workspace variant's id.
 */
export const skills = pgTable(
  'skills',
  {
    id: varchar('id', { length: 24 }).notNull(),
    slug: text('slug').notNull(),
    name: jsonb('name').$type<Translations>().notNull(),
    /** hard (technical) or soft; decides which credits an unlock consumes. */
    kind: text('kind', { enum: ['hard', 'soft'] }).notNull().default('hard'),
    created: timestamp('created', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.id] }), uniqueIndex('skills_slug_idx').on(t.slug)],
);

/** One proficiency level of a variant, in order (1 = lowest). */
export interface SkillLevel {
  _id: string;
  level: number;
  name: string;
  description?: string;
  examples?: string[];
}

const variantColumns = () => ({
  id: varchar('id', { length: 24 }).notNull(),
  name: text('name').notNull(),
  description: text('description'),
  /** The taxonomy skill this variant refines, when there is one. */
  skillId: varchar('skill_id', { length: 24 }),
  levels: jsonb('levels').$type<SkillLevel[]>().notNull().default(sql`'[]'::jsonb`),
  defaultLocale: text('default_locale', { enum: ['pt', 'en', 'es'] }).notNull().default('en'),
  /** Per locale: { name, description, levels: { <level _id>: { name, description, examples } } }. */
  translatedContent: jsonb('translated_content').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
  created: timestamp('created', { withTimezone: true }).notNull().defaultNow(),
  updated: timestamp('updated', { withTimezone: true }).notNull().defaultNow(),
});

/** A workspace's skill variants: its own names, levels and examples for a skill. */
export const skillVariants = pgTable(
  'skill_variants',
  {
    workspaceId: varchar('workspace_id', { length: 24 }).notNull(),
    ...variantColumns(),
    subaccountIds: varchar('subaccount_ids', { length: 24 }).array().notNull().default(sql`'{}'::varchar[]`),
    authorId: varchar('author_id', { length: 24 }),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] }), index('skill_variants_created_idx').on(t.workspaceId, t.created)],
);

/** Variants shipped for every workspace to start from (the seed's "template", company-less variants). */
export const templateSkillVariants = pgTable('template_skill_variants', variantColumns(), (t) => [primaryKey({ columns: [t.id] })]);

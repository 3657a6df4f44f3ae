// Every table, for Drizzle's relational queries and for drizzle-kit. One line per schema file.
export * from './schema.js';
export * from '../../modules/identity/schema.js';
export * from '../../modules/workspace/schema.js';
export * from '../../modules/workspace/credits/schema.js';
export * from '../mail/schema.js';
export * from '../jobs/schema.js';
export * from '../webhooks/schema.js';
export * from '../../modules/judge/schema.js';
export * from '../../modules/judge/datasets/schema.js';
export * from '../exports/schema.js';
export * from '../http/schema.js';

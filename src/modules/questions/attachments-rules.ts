import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
import { AppError, notFound } from '../../platform/errors.js';
import type { FileKind } from '../../platform/storage/upload-guard.js';
import { publicQuestions, questions, type QuestionRow } from './schema.js';

/** Attachments a question may hold. */
export const maxAttachments = 15;

const MB = 1024 * 1024;

/** What a question's media may be, and how large each kind may be. */
export const attachmentLimits: Partial<Record<FileKind, { label: string; maxBytes: number }>> = {
  png: { label: 'image', maxBytes: 5 * MB },
  jpeg: { label: 'image', maxBytes: 5 * MB },
  pdf: { label: 'document', maxBytes: 10 * MB },
  mp4: { label: 'audio/video', maxBytes: 100 * MB },
  webm: { label: 'audio/video', maxBytes: 100 * MB },
};
export const attachmentKinds = Object.keys(attachmentLimits) as FileKind[];
export const attachmentRulesText =
  `At most ${maxAttachments} attachments per question. Accepted (recognised by their bytes, not their name): images PNG/JPEG up to 5 MB, ` +
  'PDF documents up to 10 MB, audio and video MP4 (m4a) or WebM up to 100 MB. One request may carry several files (parts named `files` or `file`), all or nothing.';

/** The bootstrap (starter) file: a gzip/tar.gz archive or a text file (source, CSV, JSON, markdown). */
export const bootstrapKinds: FileKind[] = ['gzip', 'text', 'csv'];
export const maxBootstrapBytes = 10 * MB;

/**
 * The workspace's own question, to change. A public question is read-only here (409
 * `public_question_read_only`: duplicate it first, the copy is the workspace's); anything else is a 404.
 */
export async function writableQuestion(db: DbOrTx, workspaceId: string, id: string): Promise<QuestionRow> {
  const [own] = await db.select().from(questions).where(and(eq(questions.workspaceId, workspaceId), eq(questions.id, id)));
  if (own) return own;
  const [shared] = await db.select({ id: publicQuestions.id }).from(publicQuestions).where(eq(publicQuestions.id, id));
  if (shared) throw new AppError(409, 'public_question_read_only', 'This is a public question: duplicate it (POST /assessments/questions/:id/duplicate) and change the copy');
  throw notFound('Question');
}

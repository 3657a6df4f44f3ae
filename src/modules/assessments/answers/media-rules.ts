import type { FileKind } from '../../../platform/storage/upload-guard.js';
import type { QuestionType } from '../../questions/schema.js';

const MiB = 1024 * 1024;

/** Limits of answer media uploads (stated in the route descriptions). */
export const mediaLimits = {
  /** One part (or a single-part upload). */
  maxPartBytes: 5 * MiB,
  /** The assembled file. */
  maxTotalBytes: 100 * MiB,
  /** Parts of one upload, numbered 1..maxParts. */
  maxParts: 200,
};

const audioVideo: FileKind[] = ['webm', 'mp4'];
const image: FileKind[] = ['png', 'jpeg'];

/**
 * What each question type takes, recognised from the file's first bytes: audio and video
 * recordings as WebM or MP4 (M4A), a whiteboard as PNG or JPEG, a file answer as PDF, PNG or
 * JPEG. Other question types take no media.
 */
export const mediaKinds: Partial<Record<QuestionType, FileKind[]>> = {
  audio: audioVideo,
  video: audioVideo,
  whiteboard: image,
  file: ['pdf', ...image],
};

/** Whole files per request (parts named `files`), per question type: several for a file answer, one recording or drawing otherwise. */
export function maxFilesOf(type: QuestionType): number {
  return type === 'file' ? 10 : 1;
}

/** The size limit of one whole file, by type; their sum is held to maxTotalBytes too. */
export function wholeFileLimitOf(kind: FileKind): number {
  if (kind === 'png' || kind === 'jpeg') return 5 * MiB;
  if (kind === 'pdf') return 10 * MiB;
  return mediaLimits.maxTotalBytes;
}

/** The most bytes any one whole file may have. */
export const maxWholeFileBytes = mediaLimits.maxTotalBytes;

export const wholeFilesRulesText =
  `Whole files instead: one or more parts named \`files\` and no part fields (a file answer takes up to ${maxFilesOf('file')}, other types one), ` +
  `images up to 5 MiB, PDF up to 10 MiB, recordings up to ${mediaLimits.maxTotalBytes / MiB} MiB, ${mediaLimits.maxTotalBytes / MiB} MiB in all; ` +
  'all or nothing, a refused part named in `details` (`body/files/<i>`, counting file parts from 0).';

export const mediaRulesText =
  `Limits: each part at most ${mediaLimits.maxPartBytes / MiB} MiB, the whole file at most ${mediaLimits.maxTotalBytes / MiB} MiB, at most ` +
  `${mediaLimits.maxParts} parts numbered from 1. Types, from the file's first bytes (the first part's), per question type: audio and video ` +
  'WebM or MP4/M4A; whiteboard PNG or JPEG; file PDF, PNG or JPEG; other question types take no media (409 `media_not_accepted`).';

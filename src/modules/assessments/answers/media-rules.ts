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

export const mediaRulesText =
  `Limits: each part at most ${mediaLimits.maxPartBytes / MiB} MiB, the whole file at most ${mediaLimits.maxTotalBytes / MiB} MiB, at most ` +
  `${mediaLimits.maxParts} parts numbered from 1. Types, from the file's first bytes (the first part's), per question type: audio and video ` +
  'WebM or MP4/M4A; whiteboard PNG or JPEG; file PDF, PNG or JPEG; other question types take no media (409 `media_not_accepted`).';

import type { FileKind } from '../../../platform/storage/upload-guard.js';
import type { AnswerMedia } from '../types.js';

/** An assessment's attachment (the `media` column): where it is stored and what it is. */
export type AssessmentMedia = AnswerMedia;

/** At most this many attachments per assessment. */
export const maxAssessmentMedia = 15;

const MB = 1024 * 1024;

/** The allow-list: what an assessment may carry, and the size limit of each type. */
export const mediaLimits: Array<{ kinds: FileKind[]; maxBytes: number; label: string }> = [
  { kinds: ['png', 'jpeg'], maxBytes: 5 * MB, label: 'images (PNG, JPEG) up to 5 MB' },
  { kinds: ['pdf'], maxBytes: 10 * MB, label: 'PDF documents up to 10 MB' },
  { kinds: ['text', 'csv'], maxBytes: 2 * MB, label: 'text files (txt, md, json, csv) up to 2 MB' },
  { kinds: ['mp4', 'webm'], maxBytes: 100 * MB, label: 'videos (MP4, WebM) up to 100 MB' },
];

export const mediaKinds: FileKind[] = mediaLimits.flatMap((rule) => rule.kinds);
export const maxMediaBytes = Math.max(...mediaLimits.map((rule) => rule.maxBytes));

export function mediaLimitOf(kind: FileKind): number {
  return mediaLimits.find((rule) => rule.kinds.includes(kind))?.maxBytes ?? 0;
}

export const mediaRulesText = mediaLimits.map((rule) => rule.label).join('; ');

import type { Language } from '../../../platform/http/request-context.js';
import { answerStatuses } from '../schema.js';
import { answerStatusLabel } from '../scoring/labels.js';

/** Why a reviewer scored an answer as they did (the `feedback` of a review). */
export const feedbackReasons = ['correct', 'partially_correct', 'incorrect', 'incomplete', 'off_topic', 'not_original', 'other'] as const;
export type FeedbackReason = (typeof feedbackReasons)[number];

const feedbackLabels: Record<Language, Record<FeedbackReason, string>> = {
  en: { correct: 'Correct', partially_correct: 'Partially correct', incorrect: 'Incorrect', incomplete: 'Incomplete', off_topic: 'Off topic', not_original: 'Not original work', other: 'Other' },
  pt: { correct: 'Correta', partially_correct: 'Parcialmente correta', incorrect: 'Incorreta', incomplete: 'Incompleta', off_topic: 'Fora do tema', not_original: 'Trabalho não original', other: 'Outro' },
  es: { correct: 'Correcta', partially_correct: 'Parcialmente correcta', incorrect: 'Incorrecta', incomplete: 'Incompleta', off_topic: 'Fuera de tema', not_original: 'Trabajo no original', other: 'Otro' },
};

/** GET /assessments/answers/fields: the feedback reasons and answer statuses with their labels. */
export function answerFields(language: Language) {
  return {
    feedback: feedbackReasons.map((value) => ({ value, label: feedbackLabels[language][value] })),
    statuses: answerStatuses.map((value) => ({ value, label: answerStatusLabel(value, language) })),
  };
}

import type { Language } from '../i18n/language';
import type { AnswerResponse, Question } from './types';

/** The question's title, statement and choice texts in the page's language when the question has them. */
export function localized(question: Question, language: Language) {
  const entry = question.locale.find((locale) => locale.language.toLowerCase().slice(0, 2) === language);
  return {
    title: entry?.title || question.title,
    description: entry?.description || question.description,
    choice: (id: string, fallback: string) => entry?.choices?.[id] || fallback,
  };
}

const filled = (value: unknown) => typeof value === 'string' && value.trim() !== '';

/** Whether a response counts as an answer (the finish dialog lists the others). */
export function isAnswered(question: Question, response: AnswerResponse | null, hasMedia: boolean): boolean {
  if (hasMedia) return true;
  if (!response) return false;
  switch (question.type) {
    case 'question':
    case 'softskill':
      return Array.isArray(response.choices) && response.choices.length > 0;
    case 'fast':
      return Object.values((response.subanswers as Record<string, string[]> | undefined) ?? {}).some((ids) => ids.length > 0);
    case 'coding':
    case 'freecoding':
    case 'sql':
      return filled(response.code);
    case 'project':
      return filled(response.repository_url) || filled(response.text);
    case 'whiteboard':
      return Array.isArray((response.drawing as { strokes?: unknown[] } | undefined)?.strokes) && ((response.drawing as { strokes: unknown[] }).strokes.length > 0);
    default:
      return filled(response.text);
  }
}

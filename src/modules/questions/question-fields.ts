import type { Language } from '../../platform/http/request-context.js';
import { contentKeyOf, reviewedTypes } from './content.js';
import { durationUnitLabel, levelLabel, statusLabel, typeLabel } from './labels.js';
import { challengeTypes } from './list-questions.js';
import { durationUnits, questionLevels, questionStatuses, questionTypes } from './schema.js';

/** What a question form offers: every type (with the content key it fills and how it is scored), level, status and duration unit, labelled in the x-language. */
export function questionFields(language: Language) {
  return {
    types: questionTypes.map((value) => ({
      value,
      label: typeLabel(value, language),
      content_key: contentKeyOf[value],
      challenge: challengeTypes.includes(value),
      reviewed: (reviewedTypes as readonly string[]).includes(value),
    })),
    levels: questionLevels.map((value) => ({ value, label: levelLabel(value, language) })),
    statuses: questionStatuses.map((value) => ({ value, label: statusLabel(value, language) })),
    duration_units: durationUnits.map((value) => ({ value, label: durationUnitLabel(value, language) })),
    scopes: [
      { value: 'private', label: { en: 'This workspace', pt: 'Este workspace', es: 'Este workspace' }[language] },
      { value: 'public', label: { en: 'Public', pt: 'Pública', es: 'Pública' }[language] },
    ],
  };
}

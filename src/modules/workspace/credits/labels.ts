import type { Language } from '../../../platform/http/request-context.js';
import { creditActions, creditTypes, type CreditAction, type CreditType } from './schema.js';

const actionLabels: Record<Language, Record<CreditAction, string>> = {
  en: { credits_granted: 'Credits granted', credits_consumed: 'Credits consumed', credits_expired: 'Credits expired', credits_refunded: 'Credits refunded' },
  pt: { credits_granted: 'Créditos concedidos', credits_consumed: 'Créditos consumidos', credits_expired: 'Créditos expirados', credits_refunded: 'Créditos reembolsados' },
  es: { credits_granted: 'Créditos otorgados', credits_consumed: 'Créditos consumidos', credits_expired: 'Créditos vencidos', credits_refunded: 'Créditos reembolsados' },
};

const typeLabels: Record<Language, Record<CreditType, string>> = {
  en: { hard_skills: 'Hard skills', soft_skills: 'Soft skills' },
  pt: { hard_skills: 'Hard skills', soft_skills: 'Soft skills' },
  es: { hard_skills: 'Habilidades técnicas', soft_skills: 'Habilidades blandas' },
};

export const creditActionLabels = (language: Language) => actionLabels[language];
export const creditTypeLabels = (language: Language) => typeLabels[language];
export const creditActionLabel = (action: CreditAction, language: Language) => actionLabels[language][action];
export const creditTypeLabel = (type: CreditType, language: Language) => typeLabels[language][type];

export function creditFields(language: Language) {
  return {
    action: creditActions.map((value) => ({ value, label: actionLabels[language][value] })),
    type: creditTypes.map((value) => ({ value, label: typeLabels[language][value] })),
  };
}

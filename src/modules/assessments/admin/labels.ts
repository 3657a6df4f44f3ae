import type { Language } from '../../../platform/http/request-context.js';
import type { AttemptStage } from '../schema.js';
import { attemptStatusLabel } from '../attempts/labels.js';

const stageTexts: Record<Language, Record<AttemptStage, string>> = {
  en: {
    none: 'None', evaluating: 'Evaluating', completed: 'Completed', reviewed: 'Reviewed', invited: 'Invited', interviewed: 'Interviewed',
    offer_sent: 'Offer sent', offer_declined: 'Offer declined', dropout: 'Dropout', disqualified: 'Disqualified', hired: 'Hired',
  },
  pt: {
    none: 'Nenhuma', evaluating: 'Em avaliação', completed: 'Concluído', reviewed: 'Revisado', invited: 'Convidado', interviewed: 'Entrevistado',
    offer_sent: 'Proposta enviada', offer_declined: 'Proposta recusada', dropout: 'Desistência', disqualified: 'Desclassificado', hired: 'Contratado',
  },
  es: {
    none: 'Ninguna', evaluating: 'En evaluación', completed: 'Completado', reviewed: 'Revisado', invited: 'Invitado', interviewed: 'Entrevistado',
    offer_sent: 'Oferta enviada', offer_declined: 'Oferta rechazada', dropout: 'Abandono', disqualified: 'Descalificado', hired: 'Contratado',
  },
};

export type Proficiency = 'beginner' | 'intermediate' | 'advanced';

const proficiencyTexts: Record<Language, Record<Proficiency, string>> = {
  en: { beginner: 'Beginner', intermediate: 'Intermediate', advanced: 'Advanced' },
  pt: { beginner: 'Iniciante', intermediate: 'Intermediário', advanced: 'Avançado' },
  es: { beginner: 'Principiante', intermediate: 'Intermedio', advanced: 'Avanzado' },
};

export type Grade = 'approved' | 'reproved';

const gradeTexts: Record<Language, Record<Grade, string>> = {
  en: { approved: 'Approved', reproved: 'Not approved' },
  pt: { approved: 'Aprovado', reproved: 'Reprovado' },
  es: { approved: 'Aprobado', reproved: 'No aprobado' },
};

/** Severity categories of integrity events (participant field definitions). */
export const severities = ['low', 'medium', 'high'] as const;
export type Severity = (typeof severities)[number];

const severityTexts: Record<Language, Record<Severity, string>> = {
  en: { low: 'Low', medium: 'Medium', high: 'High' },
  pt: { low: 'Baixa', medium: 'Média', high: 'Alta' },
  es: { low: 'Baja', medium: 'Media', high: 'Alta' },
};

/** The attempt statuses' labels are the attempts module's own. */
export const statusLabel = attemptStatusLabel;
export const stageLabel = (stage: AttemptStage, language: Language) => stageTexts[language][stage];
export const proficiencyLabel = (level: Proficiency, language: Language) => proficiencyTexts[language][level];
export const gradeLabel = (grade: Grade, language: Language) => gradeTexts[language][grade];
export const severityLabel = (severity: Severity, language: Language) => severityTexts[language][severity];

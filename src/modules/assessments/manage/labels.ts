import type { Language } from '../../../platform/http/request-context.js';
import { durationUnits, type DurationUnit, type QuestionLevel, type QuestionType } from '../../questions/schema.js';
import { assessmentStatuses, attemptStages, attemptStatuses, type AssessmentStatus, type AttemptStage, type AttemptStatus } from '../schema.js';

export const contentLanguages = ['pt', 'en', 'es'] as const;
export type ContentLanguage = (typeof contentLanguages)[number];

type Labels<K extends string> = Record<Language, Record<K, string>>;

const statusTexts: Labels<AssessmentStatus> = {
  en: { draft: 'Draft', published: 'Published', archived: 'Archived' },
  pt: { draft: 'Rascunho', published: 'Publicado', archived: 'Arquivado' },
  es: { draft: 'Borrador', published: 'Publicado', archived: 'Archivado' },
};

const unitTexts: Labels<DurationUnit> = {
  en: { minute: 'Minutes', hour: 'Hours', day: 'Days' },
  pt: { minute: 'Minutos', hour: 'Horas', day: 'Dias' },
  es: { minute: 'Minutos', hour: 'Horas', day: 'Días' },
};

const languageTexts: Labels<ContentLanguage> = {
  en: { pt: 'Portuguese', en: 'English', es: 'Spanish' },
  pt: { pt: 'Português', en: 'Inglês', es: 'Espanhol' },
  es: { pt: 'Portugués', en: 'Inglés', es: 'Español' },
};

const attemptStatusTexts: Labels<AttemptStatus> = {
  en: { draft: 'Draft', invited: 'Invited', scheduled: 'Scheduled', started: 'Started', pending: 'Pending', pending_review: 'Pending review', finished: 'Finished', expired: 'Expired', blocked: 'Blocked' },
  pt: { draft: 'Rascunho', invited: 'Convidado', scheduled: 'Agendado', started: 'Iniciado', pending: 'Pendente', pending_review: 'Aguardando revisão', finished: 'Finalizado', expired: 'Expirado', blocked: 'Bloqueado' },
  es: { draft: 'Borrador', invited: 'Invitado', scheduled: 'Programado', started: 'Iniciado', pending: 'Pendiente', pending_review: 'Pendiente de revisión', finished: 'Finalizado', expired: 'Expirado', blocked: 'Bloqueado' },
};

const stageTexts: Labels<AttemptStage> = {
  en: { none: 'None', evaluating: 'Evaluating', completed: 'Completed', reviewed: 'Reviewed', invited: 'Invited', interviewed: 'Interviewed', offer_sent: 'Offer sent', offer_declined: 'Offer declined', dropout: 'Dropout', disqualified: 'Disqualified', hired: 'Hired' },
  pt: { none: 'Nenhuma', evaluating: 'Em avaliação', completed: 'Concluído', reviewed: 'Revisado', invited: 'Convidado', interviewed: 'Entrevistado', offer_sent: 'Proposta enviada', offer_declined: 'Proposta recusada', dropout: 'Desistência', disqualified: 'Desclassificado', hired: 'Contratado' },
  es: { none: 'Ninguna', evaluating: 'Evaluando', completed: 'Completado', reviewed: 'Revisado', invited: 'Invitado', interviewed: 'Entrevistado', offer_sent: 'Oferta enviada', offer_declined: 'Oferta rechazada', dropout: 'Abandono', disqualified: 'Descalificado', hired: 'Contratado' },
};

export const statusLabel = (status: AssessmentStatus, language: Language) => statusTexts[language][status];
export const statusLabels = (language: Language) => statusTexts[language];
export const unitLabel = (unit: DurationUnit, language: Language) => unitTexts[language][unit];
export const languageLabel = (value: ContentLanguage, language: Language) => languageTexts[language][value];
export const attemptStatusLabels = (language: Language) => attemptStatusTexts[language];
export const attemptStatusLabel = (status: AttemptStatus, language: Language) => attemptStatusTexts[language][status];
export const stageLabels = (language: Language) => stageTexts[language];

const option = <K extends string>(values: readonly K[], texts: Record<K, string>) => values.map((value) => ({ value, label: texts[value] }));

/** GET /assessments/fields: the enums of an assessment with labels in the x-language, and the defaults. */
export function assessmentFields(language: Language) {
  return {
    status: option(assessmentStatuses, statusTexts[language]),
    duration_unit: option(durationUnits, unitTexts[language]),
    language: option(contentLanguages, languageTexts[language]),
    attempt_status: option(attemptStatuses, attemptStatusTexts[language]),
    stage: option(attemptStages, stageTexts[language]),
    defaults: {
      status: 'draft' as const,
      language: 'en' as const,
      duration: 60,
      duration_unit: 'minute' as const,
      weight: 1,
      settings: { randomize_questions: false, randomize_choices: false, hidden_results: false, invitation_expire_days: 7, notify_candidate: true, notify_author: true },
    },
  };
}

const questionTypeTexts: Labels<QuestionType> = {
  en: { fast: 'Quick questions', coding: 'Coding', sql: 'SQL', project: 'Project', question: 'Multiple choice', softskill: 'Soft skill', video: 'Video', essay: 'Essay', audio: 'Audio', file: 'File', whiteboard: 'Whiteboard', freecoding: 'Free coding', conversational: 'Conversational' },
  pt: { fast: 'Perguntas rápidas', coding: 'Programação', sql: 'SQL', project: 'Projeto', question: 'Múltipla escolha', softskill: 'Soft skill', video: 'Vídeo', essay: 'Dissertativa', audio: 'Áudio', file: 'Arquivo', whiteboard: 'Quadro branco', freecoding: 'Programação livre', conversational: 'Conversacional' },
  es: { fast: 'Preguntas rápidas', coding: 'Programación', sql: 'SQL', project: 'Proyecto', question: 'Opción múltiple', softskill: 'Habilidad blanda', video: 'Video', essay: 'Ensayo', audio: 'Audio', file: 'Archivo', whiteboard: 'Pizarra', freecoding: 'Programación libre', conversational: 'Conversacional' },
};

const levelTexts: Labels<QuestionLevel> = {
  en: { beginner: 'Beginner', intermediate: 'Intermediate', advanced: 'Advanced' },
  pt: { beginner: 'Iniciante', intermediate: 'Intermediário', advanced: 'Avançado' },
  es: { beginner: 'Principiante', intermediate: 'Intermedio', advanced: 'Avanzado' },
};

export const questionTypeLabel = (type: QuestionType, language: Language) => questionTypeTexts[language][type];
export const levelLabel = (level: QuestionLevel, language: Language) => levelTexts[language][level];

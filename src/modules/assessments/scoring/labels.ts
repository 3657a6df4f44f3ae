import type { Language } from '../../../platform/http/request-context.js';
import type { AnswerStatus, AttemptStatus } from '../schema.js';

type Labels<K extends string> = Record<Language, Record<K, string>>;

const attemptStatusLabels: Labels<AttemptStatus> = {
  en: { draft: 'Draft', invited: 'Invited', scheduled: 'Scheduled', started: 'Started', pending: 'Pending', pending_review: 'Pending review', finished: 'Finished', expired: 'Expired', blocked: 'Blocked' },
  pt: { draft: 'Rascunho', invited: 'Convidado', scheduled: 'Agendado', started: 'Iniciado', pending: 'Pendente', pending_review: 'Aguardando revisão', finished: 'Finalizado', expired: 'Expirado', blocked: 'Bloqueado' },
  es: { draft: 'Borrador', invited: 'Invitado', scheduled: 'Programado', started: 'Iniciado', pending: 'Pendiente', pending_review: 'Pendiente de revisión', finished: 'Finalizado', expired: 'Expirado', blocked: 'Bloqueado' },
};

const answerStatusLabels: Labels<AnswerStatus> = {
  en: { unanswered: 'Unanswered', answered: 'Answered', pending: 'Pending', pending_review: 'Pending review', finished: 'Finished' },
  pt: { unanswered: 'Sem resposta', answered: 'Respondida', pending: 'Pendente', pending_review: 'Aguardando revisão', finished: 'Finalizada' },
  es: { unanswered: 'Sin respuesta', answered: 'Respondida', pending: 'Pendiente', pending_review: 'Pendiente de revisión', finished: 'Finalizada' },
};

export const attemptStatusLabel = (status: AttemptStatus, language: Language) => attemptStatusLabels[language][status];
export const answerStatusLabel = (status: AnswerStatus, language: Language) => answerStatusLabels[language][status];

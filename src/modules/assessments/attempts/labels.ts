import type { Language } from '../../../platform/http/request-context.js';
import type { AttemptStatus } from '../schema.js';

const statusTexts: Record<Language, Record<AttemptStatus, string>> = {
  en: { draft: 'Draft', invited: 'Invited', scheduled: 'Scheduled', started: 'Started', pending: 'Pending', pending_review: 'Pending review', finished: 'Finished', expired: 'Expired', blocked: 'Blocked' },
  pt: { draft: 'Rascunho', invited: 'Convidado', scheduled: 'Agendado', started: 'Iniciado', pending: 'Pendente', pending_review: 'Aguardando revisão', finished: 'Finalizado', expired: 'Expirado', blocked: 'Bloqueado' },
  es: { draft: 'Borrador', invited: 'Invitado', scheduled: 'Programado', started: 'Iniciado', pending: 'Pendiente', pending_review: 'Pendiente de revisión', finished: 'Finalizado', expired: 'Expirado', blocked: 'Bloqueado' },
};

export const attemptStatusLabel = (status: AttemptStatus, language: Language) => statusTexts[language][status];

import type { Language } from '../../platform/http/request-context.js';
import type { DurationUnit, QuestionLevel, QuestionStatus, QuestionType } from './schema.js';

const typeTexts: Record<Language, Record<QuestionType, string>> = {
  en: {
    fast: 'Quick quiz', coding: 'Coding', sql: 'SQL', project: 'Project', question: 'Multiple choice', softskill: 'Soft skill', video: 'Video',
    essay: 'Essay', audio: 'Audio', file: 'File upload', whiteboard: 'Whiteboard', freecoding: 'Free coding', conversational: 'Conversational',
  },
  pt: {
    fast: 'Quiz rápido', coding: 'Programação', sql: 'SQL', project: 'Projeto', question: 'Múltipla escolha', softskill: 'Soft skill', video: 'Vídeo',
    essay: 'Dissertativa', audio: 'Áudio', file: 'Envio de arquivo', whiteboard: 'Quadro branco', freecoding: 'Programação livre', conversational: 'Conversacional',
  },
  es: {
    fast: 'Quiz rápido', coding: 'Programación', sql: 'SQL', project: 'Proyecto', question: 'Opción múltiple', softskill: 'Habilidad blanda', video: 'Video',
    essay: 'Ensayo', audio: 'Audio', file: 'Subida de archivo', whiteboard: 'Pizarra', freecoding: 'Programación libre', conversational: 'Conversacional',
  },
};

const levelTexts: Record<Language, Record<QuestionLevel, string>> = {
  en: { beginner: 'Beginner', intermediate: 'Intermediate', advanced: 'Advanced' },
  pt: { beginner: 'Iniciante', intermediate: 'Intermediário', advanced: 'Avançado' },
  es: { beginner: 'Principiante', intermediate: 'Intermedio', advanced: 'Avanzado' },
};

const statusTexts: Record<Language, Record<QuestionStatus, string>> = {
  en: { created: 'Created', published: 'Published', archived: 'Archived' },
  pt: { created: 'Criada', published: 'Publicada', archived: 'Arquivada' },
  es: { created: 'Creada', published: 'Publicada', archived: 'Archivada' },
};

const unitTexts: Record<Language, Record<DurationUnit, string>> = {
  en: { minute: 'Minutes', hour: 'Hours', day: 'Days' },
  pt: { minute: 'Minutos', hour: 'Horas', day: 'Dias' },
  es: { minute: 'Minutos', hour: 'Horas', day: 'Días' },
};

export const typeLabel = (type: QuestionType, language: Language) => typeTexts[language][type];
export const levelLabel = (level: QuestionLevel, language: Language) => levelTexts[language][level];
export const statusLabel = (status: QuestionStatus, language: Language) => statusTexts[language][status];
export const durationUnitLabel = (unit: DurationUnit, language: Language) => unitTexts[language][unit];

import { defineMessages } from '../i18n/messages';

export const candidateMessages = defineMessages({
  en: {
    attemptNotFound: 'This link does not open any assessment. Check the address in your invitation.',
    questions: '{count} questions',
    duration: 'Duration: {duration}',
  },
  pt: {
    attemptNotFound: 'Este link não abre nenhuma avaliação. Confira o endereço do seu convite.',
    questions: '{count} questões',
    duration: 'Duração: {duration}',
  },
  es: {
    attemptNotFound: 'Este enlace no abre ninguna evaluación. Revisa la dirección de tu invitación.',
    questions: '{count} preguntas',
    duration: 'Duración: {duration}',
  },
});

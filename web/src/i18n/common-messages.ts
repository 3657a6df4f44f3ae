import { defineMessages } from './messages';

export const commonMessages = defineMessages({
  en: {
    appName: 'Assay',
    skipToContent: 'Skip to content',
    language: 'Language',
    loading: 'Loading…',
    notFoundTitle: 'Page not found',
    notFoundText: 'There is nothing at this address.',
    errorTitle: 'Something went wrong',
    retry: 'Try again',
    offline: 'You are offline. Your answers are kept on this device and sent when the connection returns.',
  },
  pt: {
    appName: 'Assay',
    skipToContent: 'Pular para o conteúdo',
    language: 'Idioma',
    loading: 'Carregando…',
    notFoundTitle: 'Página não encontrada',
    notFoundText: 'Não há nada neste endereço.',
    errorTitle: 'Algo deu errado',
    retry: 'Tentar novamente',
    offline: 'Você está offline. Suas respostas ficam guardadas neste dispositivo e são enviadas quando a conexão voltar.',
  },
  es: {
    appName: 'Assay',
    skipToContent: 'Saltar al contenido',
    language: 'Idioma',
    loading: 'Cargando…',
    notFoundTitle: 'Página no encontrada',
    notFoundText: 'No hay nada en esta dirección.',
    errorTitle: 'Algo salió mal',
    retry: 'Reintentar',
    offline: 'Estás sin conexión. Tus respuestas se guardan en este dispositivo y se envían cuando vuelva la conexión.',
  },
});

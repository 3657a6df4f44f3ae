import { apiClient } from '../api/client';
import { detectLanguage } from '../i18n/language';

/** The candidate's client: public routes, the attempt token in the path, labels in the page's language. */
export const candidateApi = apiClient({ language: () => document.documentElement.lang || detectLanguage() });

export const languages = ['en', 'pt', 'es'] as const;
export type Language = (typeof languages)[number];

const storageKey = 'assay.language';

function asLanguage(tag: string | null | undefined): Language | undefined {
  const base = tag?.toLowerCase().slice(0, 2);
  return languages.find((language) => language === base);
}

/** The language chosen before (kept in this browser), else the first of the browser's languages we speak, else English. */
export function detectLanguage(): Language {
  let stored: string | null = null;
  try {
    stored = localStorage.getItem(storageKey);
  } catch {
    // Storage may be off (private mode): the browser's languages decide.
  }
  return asLanguage(stored) ?? navigator.languages.map(asLanguage).find(Boolean) ?? asLanguage(navigator.language) ?? 'en';
}

export function rememberLanguage(language: Language): void {
  try {
    localStorage.setItem(storageKey, language);
  } catch {
    // Not kept: the choice lasts for this page.
  }
}

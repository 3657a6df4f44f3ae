import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { detectLanguage, rememberLanguage, type Language } from './language';
import { interpolate, type Catalog } from './messages';

interface LanguageState {
  language: Language;
  setLanguage: (language: Language) => void;
}

const LanguageContext = createContext<LanguageState>({ language: 'en', setLanguage: () => undefined });

/** The page's language: detected once, switchable, kept in this browser, and set on `<html lang>`. */
export function LanguageProvider({ children }: { children: ReactNode }) {
  const [language, setState] = useState<Language>(detectLanguage);
  const setLanguage = useCallback((next: Language) => {
    rememberLanguage(next);
    setState(next);
  }, []);
  useEffect(() => {
    document.documentElement.lang = language === 'pt' ? 'pt-BR' : language;
  }, [language]);
  const value = useMemo(() => ({ language, setLanguage }), [language, setLanguage]);
  return <LanguageContext.Provider value={value}>{children}</LanguageContext.Provider>;
}

export function useLanguage(): LanguageState {
  return useContext(LanguageContext);
}

/** `t(key, values)` over one catalog, in the page's language. */
export function useMessages<Keys extends string>(catalog: Catalog<Keys>): (key: Keys, values?: Record<string, string | number>) => string {
  const { language } = useLanguage();
  return useCallback((key, values) => interpolate(catalog[language][key], values), [catalog, language]);
}

/** Dates and numbers in the page's language and the browser's time zone. */
export function useFormat() {
  const { language } = useLanguage();
  return useMemo(() => {
    const locale = language === 'pt' ? 'pt-BR' : language;
    const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    const number = new Intl.NumberFormat(locale);
    return {
      locale,
      dateTime: (value: string | Date) => dateTime.format(typeof value === 'string' ? new Date(value) : value),
      number: (value: number) => number.format(value),
      /** A duration as `1 h 05 min` or `12 min`: readable in every language. */
      minutes: (seconds: number) => {
        const total = Math.round(seconds / 60);
        const hours = Math.floor(total / 60);
        return hours > 0 ? `${hours} h ${String(total % 60).padStart(2, '0')} min` : `${total} min`;
      },
    };
  }, [language]);
}

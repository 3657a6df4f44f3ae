import type { ReactNode } from 'react';
import { commonMessages } from '../i18n/common-messages';
import { useLanguage, useMessages } from '../i18n/i18n';
import { languages, type Language } from '../i18n/language';

const languageNames: Record<Language, string> = { en: 'English', pt: 'Português', es: 'Español' };

export function LanguagePicker() {
  const { language, setLanguage } = useLanguage();
  const t = useMessages(commonMessages);
  return (
    <label className="language-picker">
      <span>{t('language')}</span>
      <select value={language} onChange={(event) => setLanguage(event.target.value as Language)}>
        {languages.map((code) => (
          <option key={code} value={code} lang={code}>
            {languageNames[code]}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Every page's frame: a skip link, a banner (title, extra controls, language) and one main landmark. */
export function Layout({ title, actions, children }: { title?: ReactNode; actions?: ReactNode; children: ReactNode }) {
  const t = useMessages(commonMessages);
  return (
    <>
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <header className="banner">
        <span className="brand">{title ?? t('appName')}</span>
        <div className="banner-actions">
          {actions}
          <LanguagePicker />
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}

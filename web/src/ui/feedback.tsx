import type { ReactNode } from 'react';
import { commonMessages } from '../i18n/common-messages';
import { useMessages } from '../i18n/i18n';

export function Loading() {
  const t = useMessages(commonMessages);
  return (
    <p className="loading" role="status">
      {t('loading')}
    </p>
  );
}

/** A message the user must notice: errors are announced at once (role=alert), notices politely. */
export function Notice({ tone = 'info', children }: { tone?: 'info' | 'error' | 'success' | 'warning'; children: ReactNode }) {
  return (
    <div className={`notice notice-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}

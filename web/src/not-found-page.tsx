import { commonMessages } from './i18n/common-messages';
import { useMessages } from './i18n/i18n';
import { Layout } from './ui/layout';

export function NotFoundPage() {
  const t = useMessages(commonMessages);
  return (
    <Layout>
      <h1>{t('notFoundTitle')}</h1>
      <p>{t('notFoundText')}</p>
    </Layout>
  );
}

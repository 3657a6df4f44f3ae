import { useFormat, useMessages } from '../i18n/i18n';
import { Loading } from '../ui/feedback';
import { recruiterMessages } from './messages';
import { useApi } from './session';
import { Shell } from './shell';
import { useLoad } from './use-load';

function CreditsContent() {
  const t = useMessages(recruiterMessages);
  const format = useFormat();
  const api = useApi();
  const history = useLoad(() => api.GET('/workspace/credits', { params: { query: { limit: 50 } } }), [api]);
  if (!history.data) return <Loading />;
  if (history.data.docs.length === 0) return <p>{t('noCredits')}</p>;
  return (
    <table>
      <caption className="visually-hidden">{t('navCredits')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('date')}</th>
          <th scope="col">{t('action')}</th>
          <th scope="col">{t('kind')}</th>
          <th scope="col">{t('amount')}</th>
        </tr>
      </thead>
      <tbody>
        {history.data.docs.map((row) => (
          <tr key={row._id}>
            <td>{format.dateTime(row.created)}</td>
            <td>{row.action_formatted}</td>
            <td>{row.type_formatted}</td>
            <td>{format.number(row.amount)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export default function CreditsPage() {
  const t = useMessages(recruiterMessages);
  return (
    <Shell title={t('navCredits')}>
      <CreditsContent />
    </Shell>
  );
}

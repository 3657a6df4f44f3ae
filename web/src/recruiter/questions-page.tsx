import { useState } from 'react';
import { useMessages } from '../i18n/i18n';
import { Link } from '../router';
import { Loading } from '../ui/feedback';
import { recruiterMessages } from './messages';
import { useApi } from './session';
import { Shell } from './shell';
import { useLoad } from './use-load';

export const questionTypes = ['question', 'essay', 'coding', 'sql'] as const;
export const levels = ['beginner', 'intermediate', 'advanced'] as const;

function QuestionsContent() {
  const t = useMessages(recruiterMessages);
  const api = useApi();
  const [search, setSearch] = useState('');
  const [type, setType] = useState('');
  const [level, setLevel] = useState('');
  const list = useLoad(
    () =>
      api.GET('/assessments/questions/library', {
        params: { query: { grouping: 'company', limit: 50, search: search || undefined, type: (type || undefined) as never, level: (level || undefined) as never } },
      }),
    [api, search, type, level],
  );
  return (
    <>
      <p>
        <Link className="button button-primary" href="/app/questions/new">
          {t('newQuestion')}
        </Link>
      </p>
      <form role="search" className="filters" onSubmit={(event) => event.preventDefault()}>
        <label className="field">
          <span>{t('search')}</span>
          <input type="search" value={search} onChange={(event) => setSearch(event.target.value)} />
        </label>
        <label className="field">
          <span>{t('type')}</span>
          <select value={type} onChange={(event) => setType(event.target.value)}>
            <option value="">{t('any')}</option>
            {questionTypes.map((value) => (
              <option key={value} value={value}>
                {t(`type_${value}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('level')}</span>
          <select value={level} onChange={(event) => setLevel(event.target.value)}>
            <option value="">{t('any')}</option>
            {levels.map((value) => (
              <option key={value} value={value}>
                {t(`level_${value}`)}
              </option>
            ))}
          </select>
        </label>
      </form>
      {!list.data ? (
        <Loading />
      ) : list.data.docs.length === 0 ? (
        <p>{t('noQuestions')}</p>
      ) : (
        <table>
          <caption className="visually-hidden">{t('navQuestions')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('title')}</th>
              <th scope="col">{t('type')}</th>
              <th scope="col">{t('level')}</th>
              <th scope="col">{t('skills')}</th>
            </tr>
          </thead>
          <tbody>
            {list.data.docs.map((question) => (
              <tr key={question._id}>
                <td>{question.title}</td>
                <td>{question.type_formatted}</td>
                <td>{question.level_formatted}</td>
                <td>{question.skills.map((skill) => skill.name).join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

export default function QuestionsPage() {
  const t = useMessages(recruiterMessages);
  return (
    <Shell title={t('navQuestions')}>
      <QuestionsContent />
    </Shell>
  );
}

import { useState, type FormEvent } from 'react';
import { useMessages } from '../i18n/i18n';
import { navigate } from '../router';
import { Button } from '../ui/button';
import { Loading, Notice } from '../ui/feedback';
import { recruiterMessages } from './messages';
import { errorText, useApi } from './session';
import { Shell } from './shell';
import { useLoad } from './use-load';

interface Picked {
  _id: string;
  title: string;
  weight: number;
}

function Builder() {
  const t = useMessages(recruiterMessages);
  const api = useApi();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [minutes, setMinutes] = useState(60);
  const [randomize, setRandomize] = useState(false);
  const [hiddenResults, setHiddenResults] = useState(false);
  const [picked, setPicked] = useState<Picked[]>([]);
  const [error, setError] = useState<string>();
  const catalog = useLoad(() => api.GET('/assessments/questions/library', { params: { query: { grouping: 'company', limit: 100 } } }), [api]);

  const toggle = (question: { _id: string; title: string }, on: boolean) =>
    setPicked((list) => (on ? [...list, { _id: question._id, title: question.title, weight: 1 }] : list.filter((item) => item._id !== question._id)));
  const move = (index: number, by: number) =>
    setPicked((list) => {
      const next = [...list];
      const [item] = next.splice(index, 1);
      next.splice(index + by, 0, item);
      return next;
    });

  const save = async (status: 'draft' | 'published') => {
    setError(undefined);
    const { data, error: failed } = await api.POST('/assessments', {
      body: {
        name,
        description,
        duration: minutes,
        duration_unit: 'minute',
        status,
        questions: picked.map((item) => ({ _id: item._id, weight: item.weight })),
        settings: { randomize_questions: randomize, hidden_results: hiddenResults },
      },
    });
    if (data) navigate(`/app/assessments/${data._id}`);
    else setError(errorText(failed, t('saveFailed')));
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save('published');
  };

  return (
    <form className="stack" onSubmit={submit}>
      {error && <Notice tone="error">{error}</Notice>}
      <label className="field">
        <span>{t('name')}</span>
        <input required value={name} onChange={(event) => setName(event.target.value)} />
      </label>
      <label className="field">
        <span>{t('description')}</span>
        <textarea value={description} onChange={(event) => setDescription(event.target.value)} />
      </label>
      <label className="field">
        <span>{t('durationMinutes')}</span>
        <input type="number" min={1} required value={minutes} onChange={(event) => setMinutes(Number(event.target.value))} />
      </label>
      <fieldset>
        <legend>{t('settings')}</legend>
        <label className="inline">
          <input type="checkbox" checked={randomize} onChange={(event) => setRandomize(event.target.checked)} /> {t('randomizeQuestions')}
        </label>
        <label className="inline">
          <input type="checkbox" checked={hiddenResults} onChange={(event) => setHiddenResults(event.target.checked)} /> {t('hiddenResults')}
        </label>
      </fieldset>
      <fieldset>
        <legend>{t('pickQuestions')}</legend>
        {!catalog.data ? (
          <Loading />
        ) : catalog.data.docs.length === 0 ? (
          <p>{t('noQuestions')}</p>
        ) : (
          catalog.data.docs.map((question) => (
            <label key={question._id} className="inline">
              <input type="checkbox" checked={picked.some((item) => item._id === question._id)} onChange={(event) => toggle(question, event.target.checked)} /> {question.title}{' '}
              <span className="muted">({question.type_formatted})</span>
            </label>
          ))
        )}
      </fieldset>
      {picked.length > 0 && (
        <section aria-labelledby="order-heading">
          <h2 id="order-heading">{t('orderAndWeights')}</h2>
          <ol className="list">
            {picked.map((item, index) => (
              <li key={item._id} className="picked-row">
                <span>{item.title}</span>
                <label className="inline">
                  {t('weight')}
                  <input
                    type="number"
                    min={0}
                    step="any"
                    className="short"
                    value={item.weight}
                    onChange={(event) => setPicked((list) => list.map((other) => (other._id === item._id ? { ...other, weight: Number(event.target.value) } : other)))}
                  />
                </label>
                <Button variant="link" disabled={index === 0} onClick={() => move(index, -1)} aria-label={t('moveUp', { title: item.title })}>
                  ↑
                </Button>
                <Button variant="link" disabled={index === picked.length - 1} onClick={() => move(index, 1)} aria-label={t('moveDown', { title: item.title })}>
                  ↓
                </Button>
              </li>
            ))}
          </ol>
        </section>
      )}
      <div className="actions">
        <Button type="submit">{t('publish')}</Button>
        <Button variant="secondary" onClick={() => void save('draft')}>
          {t('saveDraft')}
        </Button>
      </div>
    </form>
  );
}

export default function AssessmentBuilderPage() {
  const t = useMessages(recruiterMessages);
  return (
    <Shell title={t('newAssessment')}>
      <Builder />
    </Shell>
  );
}

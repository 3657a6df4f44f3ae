import { useState, type FormEvent } from 'react';
import type { BodyOf } from '../api/client';
import { useMessages } from '../i18n/i18n';
import { navigate } from '../router';
import { Button } from '../ui/button';
import { Notice } from '../ui/feedback';
import { recruiterMessages } from './messages';
import { levels } from './questions-page';
import { errorText, useApi } from './session';
import { Shell } from './shell';

type Kind = 'question' | 'essay';
interface Choice {
  _id: string;
  text: string;
  correct: boolean;
}

let nextChoice = 0;
const newChoice = (): Choice => ({ _id: `c${Date.now().toString(36)}${(nextChoice += 1)}`, text: '', correct: false });

function QuestionForm() {
  const t = useMessages(recruiterMessages);
  const api = useApi();
  const [kind, setKind] = useState<Kind>('question');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [level, setLevel] = useState<(typeof levels)[number]>('intermediate');
  const [multiple, setMultiple] = useState(false);
  const [choices, setChoices] = useState<Choice[]>(() => [newChoice(), newChoice()]);
  const [error, setError] = useState<string>();

  const edit = (index: number, change: Partial<Choice>) =>
    setChoices((list) => list.map((choice, i) => (i === index ? { ...choice, ...change } : !multiple && change.correct ? { ...choice, correct: false } : choice)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    const body: BodyOf<'createQuestion'> = { type: kind, title, description, level, status: 'published' };
    if (kind === 'question') body.question = { multiple, choices: choices.map((choice) => ({ _id: choice._id, text: choice.text, correct: choice.correct })) };
    const { data, error: failed } = await api.POST('/assessments/questions', { body });
    if (data) navigate('/app/questions');
    else setError(errorText(failed, t('saveFailed')));
  };

  return (
    <form className="stack" onSubmit={(event) => void submit(event)}>
      {error && <Notice tone="error">{error}</Notice>}
      <label className="field">
        <span>{t('type')}</span>
        <select value={kind} onChange={(event) => setKind(event.target.value as Kind)}>
          <option value="question">{t('type_question')}</option>
          <option value="essay">{t('type_essay')}</option>
        </select>
      </label>
      <label className="field">
        <span>{t('title')}</span>
        <input required value={title} onChange={(event) => setTitle(event.target.value)} />
      </label>
      <label className="field">
        <span>{t('statement')}</span>
        <textarea value={description} onChange={(event) => setDescription(event.target.value)} />
      </label>
      <label className="field">
        <span>{t('level')}</span>
        <select value={level} onChange={(event) => setLevel(event.target.value as (typeof levels)[number])}>
          {levels.map((value) => (
            <option key={value} value={value}>
              {t(`level_${value}`)}
            </option>
          ))}
        </select>
      </label>
      {kind === 'question' && (
        <fieldset>
          <legend>{t('choices')}</legend>
          <label className="inline">
            <input type="checkbox" checked={multiple} onChange={(event) => setMultiple(event.target.checked)} /> {t('multipleAnswers')}
          </label>
          {choices.map((choice, index) => (
            <div key={choice._id} className="choice-row">
              <label className="field">
                <span>{t('choiceText', { n: index + 1 })}</span>
                <input required value={choice.text} onChange={(event) => edit(index, { text: event.target.value })} />
              </label>
              <label className="inline">
                <input type="checkbox" checked={choice.correct} onChange={(event) => edit(index, { correct: event.target.checked })} /> {t('correctChoice', { n: index + 1 })}
              </label>
              {choices.length > 2 && (
                <Button variant="link" onClick={() => setChoices((list) => list.filter((_, i) => i !== index))}>
                  {t('removeChoice', { n: index + 1 })}
                </Button>
              )}
            </div>
          ))}
          <Button variant="secondary" onClick={() => setChoices((list) => [...list, newChoice()])}>
            {t('addChoice')}
          </Button>
        </fieldset>
      )}
      <Button type="submit">{t('saveQuestion')}</Button>
    </form>
  );
}

export default function QuestionFormPage() {
  const t = useMessages(recruiterMessages);
  return (
    <Shell title={t('newQuestion')}>
      <QuestionForm />
    </Shell>
  );
}

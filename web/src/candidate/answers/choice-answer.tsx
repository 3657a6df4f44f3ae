import { useLanguage, useMessages } from '../../i18n/i18n';
import { candidateMessages } from '../messages';
import { localized } from '../question-text';
import type { AnswerProps } from '../types';

interface ChoiceListProps {
  name: string;
  legend: string;
  hint: string;
  choices: Array<{ _id: string; text: string }>;
  multiple: boolean;
  selected: string[];
  onSelect: (ids: string[]) => void;
  readOnly: boolean;
  text: (id: string, fallback: string) => string;
}

export function ChoiceList({ name, legend, hint, choices, multiple, selected, onSelect, readOnly, text }: ChoiceListProps) {
  const toggle = (id: string, checked: boolean) => {
    if (!multiple) return onSelect([id]);
    onSelect(checked ? [...selected.filter((s) => s !== id), id] : selected.filter((s) => s !== id));
  };
  return (
    <fieldset className="choices" disabled={readOnly}>
      <legend>
        {legend} <span className="muted">({hint})</span>
      </legend>
      {choices.map((choice) => (
        <label key={choice._id} className="choice">
          <input
            type={multiple ? 'checkbox' : 'radio'}
            name={name}
            value={choice._id}
            checked={selected.includes(choice._id)}
            onChange={(event) => toggle(choice._id, event.target.checked)}
          />
          <span>{text(choice._id, choice.text)}</span>
        </label>
      ))}
    </fieldset>
  );
}

/** Single or multiple choice (and DISC soft-skill scenarios, which take several). */
export function ChoiceAnswer({ question, response, onChange, onCommit, readOnly }: AnswerProps) {
  const t = useMessages(candidateMessages);
  const { language } = useLanguage();
  const text = localized(question, language);
  const multiple = question.type === 'softskill' || (question.question?.multiple ?? false);
  const selected = Array.isArray(response?.choices) ? (response.choices as string[]) : [];
  return (
    <ChoiceList
      name={`q-${question._id}`}
      legend={t('yourAnswer')}
      hint={multiple ? t('chooseMany') : t('chooseOne')}
      choices={question.question?.choices ?? []}
      multiple={multiple}
      selected={selected}
      onSelect={(choices) => {
        onChange({ choices });
        onCommit();
      }}
      readOnly={readOnly}
      text={text.choice}
    />
  );
}

/** FAST: several short choice questions in one. */
export function FastAnswer({ question, response, onChange, onCommit, readOnly }: AnswerProps) {
  const t = useMessages(candidateMessages);
  const subanswers = (response?.subanswers as Record<string, string[]> | undefined) ?? {};
  return (
    <>
      {(question.fast?.subquestions ?? []).map((sub) => (
        <ChoiceList
          key={sub._id}
          name={`q-${question._id}-${sub._id}`}
          legend={sub.title}
          hint={sub.multiple ? t('chooseMany') : t('chooseOne')}
          choices={sub.choices}
          multiple={sub.multiple}
          selected={subanswers[sub._id] ?? []}
          onSelect={(ids) => {
            onChange({ subanswers: { ...subanswers, [sub._id]: ids } });
            onCommit();
          }}
          readOnly={readOnly}
          text={(_id, fallback) => fallback}
        />
      ))}
    </>
  );
}

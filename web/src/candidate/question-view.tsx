import { useId } from 'react';
import { useLanguage, useMessages } from '../i18n/i18n';
import { ChoiceAnswer, FastAnswer } from './answers/choice-answer';
import { CodingAnswer } from './answers/coding-answer';
import { EssayAnswer, ProjectAnswer } from './answers/essay-answer';
import { MediaAnswer } from './answers/media-answer';
import { SqlAnswer } from './answers/sql-answer';
import { WhiteboardAnswer } from './answers/whiteboard-answer';
import { candidateMessages } from './messages';
import { localized } from './question-text';
import type { AnswerProps } from './types';

type QuestionViewProps = Omit<AnswerProps, 'labelId' | 'label'> & { position: number; count: number; onUploaded: () => void };

/** One question: its number, title and statement, and the answer field of its type. */
export function QuestionView({ position, count, onUploaded, ...props }: QuestionViewProps) {
  const t = useMessages(candidateMessages);
  const { language } = useLanguage();
  const titleId = useId();
  const text = localized(props.question, language);
  const answer: AnswerProps = { ...props, labelId: titleId, label: text.title };
  return (
    <section className="question" aria-labelledby={titleId}>
      <p className="muted question-position">{t('questionOf', { n: position, count })}</p>
      <h2 id={titleId}>{text.title}</h2>
      {text.description && <div className="statement">{text.description}</div>}
      <AnswerField {...answer} onUploaded={onUploaded} />
    </section>
  );
}

function AnswerField(props: AnswerProps & { onUploaded: () => void }) {
  switch (props.question.type) {
    case 'question':
    case 'softskill':
      return <ChoiceAnswer {...props} />;
    case 'fast':
      return <FastAnswer {...props} />;
    case 'coding':
    case 'freecoding':
      return props.question.coding ? <CodingAnswer {...props} /> : <EssayAnswer {...props} />;
    case 'sql':
      return <SqlAnswer {...props} />;
    case 'project':
      return <ProjectAnswer {...props} />;
    case 'whiteboard':
      return <WhiteboardAnswer {...props} />;
    case 'file':
    case 'audio':
    case 'video':
      return <MediaAnswer {...props} />;
    default:
      return <EssayAnswer {...props} />;
  }
}

import type { ResponseOf } from '../api/client';

export type Attempt = ResponseOf<'getCandidateAttempt'>;
export type AttemptQuestions = ResponseOf<'listCandidateQuestions'>;
export type Question = AttemptQuestions['questions'][number];
export type StoredAnswer = AttemptQuestions['answers'][number];
export type SampleRun = ResponseOf<'runCandidateAnswer'>;
export type AnswerResponse = Record<string, unknown>;

/** What an answer component gets: its question, the current response, and where edits go. */
export interface AnswerProps {
  question: Question;
  response: AnswerResponse | null;
  /** An edit (kept locally at once, sent debounced). */
  onChange: (response: AnswerResponse) => void;
  /** Leaving the field: send now. */
  onCommit: () => void;
  readOnly: boolean;
  token: string;
  stored: StoredAnswer | undefined;
  /** The element naming the answer field (the question's title), and its text. */
  labelId: string;
  label: string;
}

import type { AnswerResponse, AnswerReview, FrozenQuestion, RevisionContent, ScoreBreakdown } from '../types.js';

/** What scoring reads of one answer: the response and what the machine and a reviewer said of it. */
export interface ScorableAnswer {
  questionId: string;
  response: AnswerResponse | null;
  /** For coding and SQL: the judge's verdicts on the frozen tests (`{ tests: [{ _id, passed }] }` shape, see score-question.ts). */
  autoResult: Record<string, unknown> | null;
  review: AnswerReview | null;
  /** Files uploaded with the answer (video, audio, file, whiteboard): any counts as an answer. */
  mediaCount?: number;
  /** Moved back to pending_review (bulk): waits for a reviewer's score whatever its type. */
  reviewRequested?: boolean;
}

export interface ScoredAnswer {
  questionId: string;
  /** Points earned, null while a reviewer or the judge has still to speak. */
  score: number | null;
  maxScore: number;
  status: 'scored' | 'pending_review' | 'pending';
  /** Whether the candidate gave anything (score-question.ts isAnswered); an empty answer is scored 0. */
  answered?: boolean;
}

export interface AttemptScore {
  /** Percentage 0..100 of the points earned over the points of scored questions (null when none is scored). */
  score: number | null;
  totalScore: number;
  maxScore: number;
  /** pending: the judge has answers to run; pending_review: a reviewer has answers to score; finished otherwise. */
  status: 'finished' | 'pending' | 'pending_review';
  answers: ScoredAnswer[];
  breakdown: AttemptBreakdown;
}

/** The stored breakdown plus the DISC profile of the softskill answers (null when the revision has no softskill question). */
export type AttemptBreakdown = ScoreBreakdown & { disc: Record<'D' | 'I' | 'S' | 'C', number> | null };

/** The pure scoring function's contract (score-attempt.ts implements it): same inputs, same result. */
export type ScoreAttempt = (revision: RevisionContent, answers: readonly ScorableAnswer[]) => AttemptScore;
export type ScoreQuestion = (question: FrozenQuestion, answer: ScorableAnswer | undefined) => ScoredAnswer;

/** answers.auto_result of a coding answer once the judge has run it on the frozen tests (sample and hidden). */
export interface CodingAutoResult {
  kind: 'coding';
  run_id: string;
  language: number;
  tests: Array<{ _id: string; hidden: boolean; passed: boolean; status: string }>;
  compile_output?: string | null;
}

/** answers.auto_result of an SQL answer once the SQL judge has compared it with the solution's result. */
export interface SqlAutoResult {
  kind: 'sql';
  passed: boolean;
  status: string;
}

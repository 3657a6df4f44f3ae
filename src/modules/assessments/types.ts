import type { QuestionType, QuestionLevel } from '../questions/schema.js';
import type { QuestionContent, QuestionLocale } from '../questions/content.js';

/** One question of an assessment, in order. */
export interface AssessmentQuestionEntry {
  /** The question's id: a workspace question or a public one. */
  _id: string;
  /** Multiplies the question's points (default 1). */
  weight: number;
  section?: string | null;
  /** Per-question overrides, e.g. { duration, languages }. */
  settings?: Record<string, unknown>;
}

export interface AssessmentSection {
  _id: string;
  name: string;
  description?: string;
}

export interface AssessmentSettings {
  randomize_questions?: boolean;
  randomize_choices?: boolean;
  /** Results stay hidden from the candidate until sent (bulk send-results). */
  hidden_results?: boolean;
  /** Percentage at or above which the attempt passes (certificate issued). */
  passing_score?: number;
  terms?: string;
  /** Days an invitation stays valid (default 7). */
  invitation_expire_days?: number;
  /** Send the candidate and the author the result e-mail when an attempt finishes. */
  notify_candidate?: boolean;
  notify_author?: boolean;
  /** More recipients of the finished-attempt e-mail. */
  notify_emails?: string[];
  [key: string]: unknown;
}

/** A question as frozen in a revision: everything scoring needs, solutions included. */
export interface FrozenQuestion {
  _id: string;
  type: QuestionType;
  level: QuestionLevel;
  title: string;
  description: string;
  locale: QuestionLocale[];
  skill_ids: string[];
  duration: number;
  duration_unit: string;
  /** The question's own weight times the assessment's weight for it. */
  weight: number;
  section: string | null;
  content: QuestionContent;
  settings: Record<string, unknown>;
}

export interface RevisionContent {
  name: string;
  description: string;
  language: string;
  duration_seconds: number;
  settings: AssessmentSettings;
  sections: AssessmentSection[];
  questions: FrozenQuestion[];
}

/** What a candidate saves, by question type (the candidate API validates it against the type). */
export type AnswerResponse =
  | { choices: string[] } // question, softskill
  | { subanswers: Record<string, string[]> } // fast: subquestion _id -> choice _ids
  | { language: number; code: string } // coding, freecoding
  | { code: string } // sql
  | { text: string } // essay, conversational
  | { repository_url?: string; text?: string } // project
  | { drawing: unknown } // whiteboard
  | Record<string, unknown>;

export interface AnswerReview {
  review_notes?: string;
  comment?: string;
  score?: number;
  repository_url?: string;
  reviewer_id: string;
  reviewed_at: string;
}

export interface AnswerMedia {
  path: string;
  name: string;
  content_type: string;
  size: number;
  created: string;
}

/** Stored with a scored attempt: per question and per skill. */
export interface ScoreBreakdown {
  questions: Array<{ question_id: string; type: QuestionType; score: number | null; max_score: number; status: 'scored' | 'pending_review' | 'pending' }>;
  skills: Array<{ skill_id: string; score: number; max_score: number; percentage: number }>;
}

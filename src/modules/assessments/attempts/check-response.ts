import { badRequest } from '../../../platform/errors.js';
import type { Choice } from '../../questions/content.js';
import type { AnswerResponse, FrozenQuestion } from '../types.js';

const MAX_TEXT = 100_000;

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

function refuse(field: string, message: string): never {
  throw badRequest('invalid_response', `${field} ${message}`, field);
}

function onlyKeys(value: Json, allowed: string[], at: string): void {
  for (const key of Object.keys(value)) if (!allowed.includes(key)) refuse(`${at}/${key}`, `is not part of this question type's answer (allowed: ${allowed.join(', ')})`);
}

function text(value: unknown, field: string, required: boolean): string | undefined {
  if (value === undefined && !required) return undefined;
  if (typeof value !== 'string') refuse(field, 'must be a string');
  if (value.length > MAX_TEXT) refuse(field, `must be at most ${MAX_TEXT} characters`);
  return value;
}

function picked(value: unknown, field: string, choices: readonly Choice[], multiple: boolean): string[] {
  if (!Array.isArray(value)) refuse(field, 'must be an array of choice ids');
  if (!multiple && value.length > 1) refuse(field, 'must hold at most one choice id: the question takes a single choice');
  const ids = new Set(choices.map((c) => c._id));
  const seen = new Set<string>();
  value.forEach((id, i) => {
    if (typeof id !== 'string' || !ids.has(id)) refuse(`${field}/${i}`, 'is not a choice of this question');
    if (seen.has(id)) refuse(`${field}/${i}`, 'repeats a choice');
    seen.add(id);
  });
  return value as string[];
}

/**
 * The candidate's response checked against the frozen question's type (types.ts `AnswerResponse`):
 * choice ids must be the question's, a coding language one it allows, texts bounded. Answers 400
 * naming the field (`body/response/...`) otherwise.
 */
export function checkResponse(question: FrozenQuestion, response: unknown, at = 'body/response'): AnswerResponse {
  if (!isObject(response)) refuse(at, 'must be an object');
  const content = question.content;
  switch (question.type) {
    case 'question':
    case 'softskill': {
      onlyKeys(response, ['choices'], at);
      const choices = content.question?.choices ?? [];
      return { choices: picked(response.choices, `${at}/choices`, choices, question.type === 'softskill' || (content.question?.multiple ?? false)) };
    }
    case 'fast': {
      onlyKeys(response, ['subanswers'], at);
      const subanswers = response.subanswers;
      if (!isObject(subanswers)) refuse(`${at}/subanswers`, 'must be an object of subquestion id → choice ids');
      const subs = new Map((content.fast?.subquestions ?? []).map((s) => [s._id, s]));
      for (const [id, value] of Object.entries(subanswers)) {
        const sub = subs.get(id);
        if (!sub) refuse(`${at}/subanswers/${id}`, 'is not a subquestion of this question');
        picked(value, `${at}/subanswers/${id}`, sub.choices, sub.multiple);
      }
      return { subanswers: subanswers as Record<string, string[]> };
    }
    case 'coding':
    case 'freecoding': {
      onlyKeys(response, ['language', 'code'], at);
      const language = response.language;
      if (typeof language !== 'number' || !Number.isInteger(language)) refuse(`${at}/language`, 'must be a judge language id (integer)');
      const allowed = content.coding?.languages ?? [];
      if (allowed.length > 0 && !allowed.includes(language)) refuse(`${at}/language`, `must be one of the question's languages: ${allowed.join(', ')}`);
      return { language, code: text(response.code, `${at}/code`, true)! };
    }
    case 'sql':
      onlyKeys(response, ['code'], at);
      return { code: text(response.code, `${at}/code`, true)! };
    case 'essay':
    case 'conversational':
      onlyKeys(response, ['text'], at);
      return { text: text(response.text, `${at}/text`, true)! };
    case 'project': {
      onlyKeys(response, ['repository_url', 'text'], at);
      const url = text(response.repository_url, `${at}/repository_url`, false);
      if (url !== undefined && url !== '' && !/^https?:\/\/\S+$/.test(url)) refuse(`${at}/repository_url`, 'must be an http(s) URL');
      const body = text(response.text, `${at}/text`, false);
      return { ...(url !== undefined ? { repository_url: url } : {}), ...(body !== undefined ? { text: body } : {}) };
    }
    case 'whiteboard':
      onlyKeys(response, ['drawing'], at);
      if (response.drawing === undefined) refuse(`${at}/drawing`, 'is required');
      if (JSON.stringify(response.drawing).length > 5 * MAX_TEXT) refuse(`${at}/drawing`, 'is too large');
      return { drawing: response.drawing };
    case 'video':
    case 'audio':
    case 'file':
      // The recording or file arrives through the answer media upload; the response holds a note at most.
      onlyKeys(response, ['text'], at);
      return response.text === undefined ? {} : { text: text(response.text, `${at}/text`, false)! };
  }
}

import type { MailTemplate } from './queue-mail.js';
import { greetings, signatures, templates, type MailLanguage } from './templates.js';

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/** `pt-BR` → `pt`; anything we have no texts for → `en`. */
export function mailLanguage(language: string | null | undefined): MailLanguage {
  const base = (language ?? '').slice(0, 2).toLowerCase();
  return base === 'pt' || base === 'es' ? base : 'en';
}

const PLACEHOLDER = /\{(\w+)\}/g;

function filled(text: string, data: Record<string, unknown>): boolean {
  return [...text.matchAll(PLACEHOLDER)].every(([, key]) => typeof data[key] === 'string' && data[key] !== '');
}

function fill(text: string, data: Record<string, unknown>, escape: (value: string) => string): string {
  return text.replace(PLACEHOLDER, (_, key: string) => {
    const value = data[key];
    return escape(typeof value === 'string' ? value : value === undefined || value === null ? '' : JSON.stringify(value));
  });
}

const plain = (value: string) => value;

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Subject, plain text and a simple HTML body of a queued e-mail, in its language. */
export function renderMail(template: string, language: string | null | undefined, data: Record<string, unknown>): RenderedMail {
  const texts = templates[template as MailTemplate];
  if (!texts) throw new Error(`unknown mail template ${template}`);
  const lang = mailLanguage(language);
  const words = texts[lang];
  const [named, anonymous] = greetings[lang];
  const greeting = filled(named, data) ? named : anonymous;
  const paragraphs = words.paragraphs.filter((p) => filled(p, data));
  const closing = (words.closing ?? []).filter((p) => filled(p, data));
  const link = typeof data.link === 'string' && data.link ? data.link : undefined;

  const textParts = [greeting, ...paragraphs].map((p) => fill(p, data, plain));
  if (link && words.action) textParts.push(`${words.action}: ${link}`);
  textParts.push(...closing.map((p) => fill(p, data, plain)), `— ${signatures[lang]}`);

  const htmlParts = [greeting, ...paragraphs].map((p) => `<p>${fill(p, data, escapeHtml)}</p>`);
  if (link && words.action) {
    htmlParts.push(`<p><a href="${escapeHtml(link)}" style="display:inline-block;padding:10px 16px;background:#2f54eb;color:#fff;text-decoration:none;border-radius:4px">${escapeHtml(words.action)}</a></p>`);
    htmlParts.push(`<p style="font-size:12px;color:#666">${escapeHtml(link)}</p>`);
  }
  htmlParts.push(...closing.map((p) => `<p>${fill(p, data, escapeHtml)}</p>`), `<p>— ${escapeHtml(signatures[lang])}</p>`);

  return {
    subject: fill(words.subject, data, plain),
    text: textParts.join('\n\n') + '\n',
    html: `<!doctype html><html lang="${lang}"><body style="font-family:sans-serif;line-height:1.5">${htmlParts.join('')}</body></html>`,
  };
}

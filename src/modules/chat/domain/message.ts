import { findPhrase, phraseLanguage, phraseTextLanguage } from './phrases.ts';

// What a message may be, decided without I/O: its text (1..2,000 characters after trimming, no control
// characters but newline and tab), its client id, and what a quick-phrase send turns into.

export const MAX_TEXT_LENGTH = 2_000;
const CLIENT_MESSAGE_ID = /^[\x21-\x7e]{1,64}$/;
// C0 and C1 controls, DEL, except tab (\t) and newline (\n); lone surrogates cannot be stored as text.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const FORBIDDEN = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/u;

/** The text stored for every message of a withdrawn user (what both participants see instead). */
export const WITHDRAWN_TEXT = '(탈퇴한 사용자의 메시지입니다 · Message from a withdrawn user)';

export type Problem = { readonly field: string; readonly message: string };
export type Checked<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: Problem };

const fail = (field: string, message: string): { ok: false; problem: Problem } => ({ ok: false, problem: { field, message } });

/** The text as stored: line endings as \n, trimmed, 1..2,000 characters (code points), no control characters. */
export function checkText(raw: string): Checked<string> {
  const text = raw.replace(/\r\n?/g, '\n').trim();
  if (FORBIDDEN.test(text)) return fail('text', 'must not contain control characters (newline and tab are fine)');
  const length = [...text].length;
  if (length === 0) return fail('text', 'must not be empty');
  if (length > MAX_TEXT_LENGTH) return fail('text', `must be at most ${MAX_TEXT_LENGTH} characters`);
  return { ok: true, value: text };
}

export function checkClientMessageId(id: string): Checked<string> {
  return CLIENT_MESSAGE_ID.test(id) ? { ok: true, value: id } : fail('clientMessageId', 'must be 1-64 visible ASCII characters');
}

export interface MessageDraft {
  readonly text: string;
  /** Known for a phrase (its rendition's language); otherwise detected from the text by the caller. */
  readonly language: string | undefined;
  readonly phraseId: string | undefined;
}

/**
 * What a send stores: free text, a phrase alone (in the sender's language), or a phrase with its text in
 * one of the phrase's languages (what the app inserts with one tap). Edited phrase text is free text: the
 * client sends it without phraseId.
 */
export function draftMessage(input: { text?: string | undefined; phraseId?: string | undefined }, senderLanguage: string | undefined): Checked<MessageDraft> {
  if (input.phraseId === undefined) {
    if (input.text === undefined) return fail('text', 'is required (or send a phraseId)');
    const text = checkText(input.text);
    return text.ok ? { ok: true, value: { text: text.value, language: undefined, phraseId: undefined } } : text;
  }
  const phrase = findPhrase(input.phraseId);
  if (!phrase) return fail('phraseId', 'is not a phrase of GET /chat/phrases');
  if (input.text === undefined) {
    const language = phraseLanguage(senderLanguage);
    return { ok: true, value: { text: phrase.texts[language], language, phraseId: phrase.id } };
  }
  const language = phraseTextLanguage(phrase, input.text);
  if (!language) return fail('text', "must be the phrase's text in one of its languages, or be left out");
  return { ok: true, value: { text: phrase.texts[language], language, phraseId: phrase.id } };
}

/** A short, single-line excerpt for notifications (at most `max` characters). */
export function excerpt(text: string, max = 60): string {
  const line = text.replace(/\s+/g, ' ').trim();
  const chars = [...line];
  return chars.length <= max ? line : `${chars.slice(0, max - 1).join('')}…`;
}

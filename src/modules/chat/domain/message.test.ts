import { describe, expect, it } from 'vitest';
import { checkClientMessageId, checkText, draftMessage, excerpt, MAX_TEXT_LENGTH } from './message.ts';
import { PHRASES, PHRASE_LANGUAGES, findPhrase, phraseLanguage, phraseTranslations } from './phrases.ts';

describe('message text', () => {
  it('trims, keeps newlines and tabs, and turns CRLF into LF', () => {
    expect(checkText('  안녕하세요\r\n\t내일 뵙겠습니다  ')).toEqual({ ok: true, value: '안녕하세요\n\t내일 뵙겠습니다' });
  });

  it('refuses empty, blank and control characters', () => {
    for (const text of ['', '   ', '\n\t ', 'a\u0000b', 'bell\u0007', 'esc\u001b[31m', 'del\u007f', 'c1\u0085', 'lone\ud800']) {
      expect(checkText(text).ok, JSON.stringify(text)).toBe(false);
    }
  });

  it('counts characters, not UTF-16 units: 2,000 emoji pass, 2,001 do not', () => {
    expect(checkText('😀'.repeat(MAX_TEXT_LENGTH)).ok).toBe(true);
    expect(checkText('😀'.repeat(MAX_TEXT_LENGTH + 1)).ok).toBe(false);
    expect(checkText(`  ${'가'.repeat(MAX_TEXT_LENGTH)}  `).ok).toBe(true);
  });

  it('accepts 1-64 visible ASCII client ids only', () => {
    expect(checkClientMessageId('a').ok).toBe(true);
    expect(checkClientMessageId('x'.repeat(64)).ok).toBe(true);
    for (const id of ['', 'x'.repeat(65), 'has space', '한글', 'tab\t']) expect(checkClientMessageId(id).ok, id).toBe(false);
  });

  it('makes an excerpt of one line', () => {
    expect(excerpt('a\n\nb  c')).toBe('a b c');
    expect([...excerpt('가'.repeat(100), 10)]).toHaveLength(10);
  });
});

describe('quick phrases', () => {
  it('has at least 20 phrases, unique ids, every language written and distinct', () => {
    expect(PHRASES.length).toBeGreaterThanOrEqual(20);
    expect(new Set(PHRASES.map((p) => p.id)).size).toBe(PHRASES.length);
    for (const phrase of PHRASES) {
      for (const language of PHRASE_LANGUAGES) {
        const text = phrase.texts[language];
        expect(checkText(text), `${phrase.id} ${language}`).toEqual({ ok: true, value: text });
      }
      expect(new Set(Object.values(phrase.texts)).size, phrase.id).toBe(4);
      expect(phrase.texts.ko).toMatch(/[가-힣]/);
      expect(phrase.texts.zh).toMatch(/\p{Script=Han}/u);
      expect(phrase.texts.zh).not.toMatch(/[가-힣]/);
      expect(phrase.texts.en).toMatch(/^[\x20-\x7e]+$/);
    }
  });

  it('covers meals, medication, sleep, arrival, toilet, pain, call me and thanks', () => {
    const ids = PHRASES.map((p) => p.id);
    for (const id of ['meal.finished', 'medication.taken', 'sleep.well', 'arrival.arrived', 'toilet.done', 'health.pain', 'contact.call-me', 'thanks.plain']) {
      expect(ids).toContain(id);
    }
  });

  it('picks the reader language, English for others', () => {
    expect(phraseLanguage('zh-CN')).toBe('zh');
    expect(phraseLanguage('vi')).toBe('vi');
    expect(phraseLanguage('ja')).toBe('en');
    expect(phraseLanguage(undefined)).toBe('en');
  });

  it('drafts a phrase alone in the sender language, or with one of its texts; refuses edited text', () => {
    const phrase = findPhrase('contact.call-me')!;
    expect(draftMessage({ phraseId: phrase.id }, 'vi')).toEqual({ ok: true, value: { text: phrase.texts.vi, language: 'vi', phraseId: phrase.id } });
    expect(draftMessage({ phraseId: phrase.id, text: ` ${phrase.texts.zh} ` }, 'ko')).toEqual({ ok: true, value: { text: phrase.texts.zh, language: 'zh', phraseId: phrase.id } });
    expect(draftMessage({ phraseId: phrase.id, text: '전화 주세요!!' }, 'ko').ok).toBe(false);
    expect(draftMessage({ phraseId: 'nope' }, 'ko').ok).toBe(false);
    expect(draftMessage({}, 'ko').ok).toBe(false);
    expect(phraseTranslations(phrase, 'ko')).toEqual({ en: phrase.texts.en, zh: phrase.texts.zh, vi: phrase.texts.vi });
  });
});

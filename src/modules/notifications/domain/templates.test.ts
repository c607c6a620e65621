import { describe, expect, it } from 'vitest';
import { NOTIFICATION_TYPES } from '../contract.ts';
import { nextSlackAttempt, SLACK_MAX_ATTEMPTS } from './delivery.ts';
import { kstShort, renderNotification, slackText, TEMPLATES, textLanguage } from './templates.ts';

const data = {
  reservationId: 'r1',
  caregiverName: '김영희',
  startAt: '2026-12-01T00:00:00.000Z',
  reason: '일정 변경',
  refundAmount: 120_000,
  amount: 90_000,
  hoursBefore: 24,
  rating: 5,
  netAmount: 1_080_000,
};
const HANGUL = /[\uAC00-\uD7A3]/;

describe('notification templates', () => {
  describe.each(NOTIFICATION_TYPES)('%s', (type) => {
    it('has a Korean text in Hangul', () => {
      const text = renderNotification(type, data, 'ko');
      expect(text.title).toMatch(HANGUL);
      expect(text.body).toMatch(HANGUL);
      expect(text.body).not.toMatch(/undefined|NaN|\[object/);
    });
    it('has an English text without Hangul except names', () => {
      const text = renderNotification(type, data, 'en');
      expect(text.title.length).toBeGreaterThan(0);
      expect(text.title).not.toMatch(HANGUL);
      expect(text.body.replace('김영희', '').replace('일정 변경', '')).not.toMatch(HANGUL);
      expect(text.body).not.toMatch(/undefined|NaN|\[object/);
    });
    it('survives empty data', () => {
      for (const lang of ['ko', 'en'] as const) {
        const text = TEMPLATES[type][lang]({});
        expect(text.body).not.toMatch(/undefined|NaN|\[object/);
      }
    });
  });

  it('puts the display values in the text', () => {
    expect(renderNotification('RESERVATION_CONFIRMED', data, 'ko').body).toBe('김영희님과의 12/01 09:00 예약이 결제 완료로 확정되었습니다.');
    expect(renderNotification('RESERVATION_CANCELLED', data, 'en').body).toContain('KRW 120,000');
    expect(renderNotification('RESERVATION_CANCELLED', data, 'ko').body).toContain('120,000원');
    expect(renderNotification('RESERVATION_REMINDER', data, 'en').body).toContain('24 h');
    expect(renderNotification('CAREGIVER_REJECTED', data, 'en').body).toContain('일정 변경');
  });

  it('falls back to English for other languages', () => {
    expect(textLanguage('ko')).toBe('ko');
    expect(textLanguage('ko-KR')).toBe('ko');
    expect(textLanguage('en')).toBe('en');
    expect(textLanguage('ja')).toBe('en');
    expect(textLanguage(undefined)).toBe('en');
    expect(renderNotification('REFUND_COMPLETED', data, 'vi')).toEqual(renderNotification('REFUND_COMPLETED', data, 'en'));
  });

  it('formats instants in Korea time', () => {
    expect(kstShort('2026-12-31T15:30:00Z')).toBe('01/01 00:30');
    expect(kstShort('nope')).toBe('');
    expect(kstShort(undefined)).toBe('');
  });

  it('makes a Slack text of title and body', () => {
    expect(slackText({ title: 'T', body: 'B' })).toBe('*T*\nB');
  });
});

describe('Slack retry policy', () => {
  const now = new Date('2026-01-01T00:00:00Z');
  it('backs off exponentially, then gives up', () => {
    const delays = [1, 2, 3, 4, 5].map((n) => {
      const next = nextSlackAttempt(n, now);
      if ('giveUp' in next) throw new Error('gave up early');
      return next.retryAt.getTime() - now.getTime();
    });
    expect(delays).toEqual([10_000, 20_000, 40_000, 80_000, 160_000]);
    expect(nextSlackAttempt(SLACK_MAX_ATTEMPTS, now)).toEqual({ giveUp: true });
  });
});

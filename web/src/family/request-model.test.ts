import { describe, expect, it } from 'vitest';
import { answersFromUrl, answersToUrl, defaultDates, requestFilters, resultsUrl, stepProblems, withDraft } from './request-model.ts';

const now = new Date('2026-12-05T03:00:00Z'); // 12:00 in Seoul

describe('guided request', () => {
  it('starts on step 1 with tomorrow 09:00-18:00 Seoul time', () => {
    const answers = answersFromUrl(new URLSearchParams(), now);
    expect(answers).toMatchObject({ step: 1, condition: '', place: '', sido: '' });
    expect(defaultDates(now)).toEqual({ from: '2026-12-06T09:00', to: '2026-12-06T18:00' });
  });

  it('round-trips through the URL and ignores nonsense', () => {
    const answers = { step: 3, condition: 'dementia', place: 'HOSPITAL', sido: '서울특별시', sigungu: '강남구', from: '2026-12-06T09:00', to: '2026-12-07T09:00' } as const;
    expect(answersFromUrl(new URLSearchParams(answersToUrl(answers)), now)).toEqual(answers);
    expect(answersFromUrl(new URLSearchParams('step=9&condition=x&place=CAR'), now)).toMatchObject({ step: 1, condition: '', place: '' });
  });

  it('checks each step', () => {
    const blank = answersFromUrl(new URLSearchParams(), now);
    expect(stepProblems(blank, 1, now)).toEqual(['condition']);
    expect(stepProblems(blank, 2, now)).toEqual(['place', 'sido']);
    expect(stepProblems(blank, 3, now)).toEqual([]);
    expect(stepProblems({ ...blank, from: '2026-12-06T09:00', to: '2026-12-06T08:00' }, 3, now)).toEqual(['to']);
    expect(stepProblems({ ...blank, from: '2026-12-05T09:00' }, 3, now)).toEqual(['fromPast']);
  });

  it('turns the answers into the search filters', () => {
    const answers = { step: 3, condition: 'dementia', place: 'HOME', sido: '서울특별시', sigungu: '강남구', from: '2026-12-06T09:00', to: '2026-12-06T18:00' } as const;
    expect(requestFilters(answers)).toMatchObject({ sido: '서울특별시', sigungu: '강남구', serviceTypes: ['HOME', 'DEMENTIA'], availableFrom: '2026-12-06T09:00' });
    expect(requestFilters({ ...answers, condition: 'daily' }).serviceTypes).toEqual(['HOME']);
    expect(resultsUrl(answers)).toBe(
      '/?sido=%EC%84%9C%EC%9A%B8%ED%8A%B9%EB%B3%84%EC%8B%9C&sigungu=%EA%B0%95%EB%82%A8%EA%B5%AC&serviceType=HOME&serviceType=DEMENTIA&availableFrom=2026-12-06T09%3A00&availableTo=2026-12-06T18%3A00',
    );
  });

  it('completes the URL of an earlier step with the later answers of the draft', () => {
    const draft = { step: 3, condition: 'rehab', place: 'HOME', sido: '부산광역시', sigungu: '해운대구', from: '2026-12-07T09:00', to: '2026-12-07T18:00' } as const;
    expect(withDraft(new URLSearchParams('step=1&condition=dementia'), now, draft)).toEqual({ ...draft, step: 1, condition: 'dementia' });
    expect(withDraft(new URLSearchParams('step=1'), now, undefined)).toMatchObject({ step: 1, condition: '', place: '' });
  });
});

import { act } from '@testing-library/react';
import type { Reservation } from '../api/types.ts';
import type { MyProfile } from './data.ts';

// Canned API answers and a minimal XMLHttpRequest for the caregiver component tests.

export const caregiverUser = { id: 'user-cg-1', email: 'cg@example.com', name: '김간병', phone: null, role: 'CAREGIVER', preferredLanguage: 'ko' };

export const regions = { items: [{ sido: '서울특별시', sidoEn: 'Seoul', sigungu: ['강남구', '종로구'] }], nextCursor: null };

export function profile(overrides: Partial<MyProfile> = {}): MyProfile {
  return {
    id: 'cg-1',
    userId: 'user-cg-1',
    displayName: '김간병',
    gender: 'FEMALE',
    birthYear: 1970,
    careerYears: 8,
    introduction: '성실하게 돌봐 드립니다.',
    certificates: [{ type: 'CARE_WORKER', number: '2020-123456' }],
    regions: [{ sido: '서울특별시', sigungu: '강남구' }],
    serviceTypes: ['HOSPITAL'],
    languages: ['ko'],
    hourlyRate: 15000,
    dailyRate: 150000,
    status: 'PENDING',
    ratingAverage: 0,
    reviewCount: 0,
    documents: [],
    submittedAt: '2026-11-20T01:00:00.000Z',
    createdAt: '2026-11-20T01:00:00.000Z',
    updatedAt: '2026-11-20T01:00:00.000Z',
    ...overrides,
  };
}

export function reservation(overrides: Partial<Reservation> = {}): Reservation {
  return {
    id: 'res-1',
    guardianId: 'guardian-1',
    caregiverId: 'cg-1',
    caregiverName: '김간병',
    status: 'REQUESTED',
    rateType: 'HOURLY',
    serviceType: 'HOSPITAL',
    startAt: '2026-12-01T00:00:00.000Z',
    endAt: '2026-12-01T03:00:00.000Z',
    location: { sido: '서울특별시', sigungu: '강남구', address: '서울병원 503호' },
    quote: {
      caregiverId: 'cg-1',
      rateType: 'HOURLY',
      startAt: '2026-12-01T00:00:00.000Z',
      endAt: '2026-12-01T03:00:00.000Z',
      lines: [{ kind: 'BASE', description: 'base', units: 3, unitPrice: 15000, amount: 45000 }],
      totalAmount: 45000,
    },
    totalAmount: 45000,
    patient: { name: '박환자', birthYear: 1940, gender: 'MALE', conditions: ['치매 초기', '낙상 위험'], notes: '밤에 자주 깹니다.' },
    requestMessage: '잘 부탁드립니다.',
    expiresAt: '2026-11-26T00:00:00.000Z',
    createdAt: '2026-11-25T00:00:00.000Z',
    updatedAt: '2026-11-25T00:00:00.000Z',
    ...overrides,
  };
}

export const page = <T>(items: T[]) => ({ items, nextCursor: null });

/** Just enough of XMLHttpRequest for `upload()`: the test drives progress and the answer. */
export class FakeXhr {
  static sent: FakeXhr[] = [];
  readonly upload: { onprogress?: (event: { lengthComputable: boolean; loaded: number; total: number }) => void } = {};
  onload?: () => void;
  onerror?: () => void;
  status = 0;
  responseText = '';
  method = '';
  url = '';
  readonly headers: Record<string, string> = {};
  body: FormData | undefined;
  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  send(body: FormData) {
    this.body = body;
    FakeXhr.sent.push(this);
  }
  progress(loaded: number, total: number) {
    act(() => this.upload.onprogress?.({ lengthComputable: true, loaded, total }));
  }
  async respond(status: number, body: unknown) {
    this.status = status;
    this.responseText = JSON.stringify(body);
    await act(async () => this.onload?.());
  }
}

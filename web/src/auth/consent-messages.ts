import { defineMessages } from '../i18n/i18n.tsx';

// The sign-up consents (PIPA): each asked separately, required ones marked, with links to the texts.
export const consentMessages = defineMessages(
  {
    legend: '약관 동의',
    all: '모두 동의',
    allHint: '선택 항목(마케팅 정보 수신)까지 모두 동의합니다.',
    terms: '이용약관 동의 (필수)',
    privacy: '개인정보 수집·이용 동의 (필수)',
    sensitive: '민감정보(자격증·건강 정보) 처리 동의 (필수)',
    marketing: '마케팅 정보 수신 동의 (선택)',
    view: '보기',
    viewLabel: (what: string) => `${what} 전문 보기 (새 창)`,
    required: '필수 항목에 동의해 주세요.',
  },
  {
    legend: 'Consents',
    all: 'Agree to all',
    allHint: 'Including the optional marketing messages.',
    terms: 'I agree to the terms of service (required)',
    privacy: 'I agree to the collection and use of my personal data (required)',
    sensitive: 'I agree to the processing of sensitive data (certificates, health) (required)',
    marketing: 'I agree to receive marketing messages (optional)',
    view: 'Read',
    viewLabel: (what: string) => `Read: ${what} (new window)`,
    required: 'Please agree to the required items.',
  },
);

import { defineMessages } from '../i18n/i18n.tsx';

// Strings of the admin lists' people (names, contact, the `q` search) and the certificate viewer's zoom
// (issue 13 item 10). End-to-end tests find controls by these texts.

export const peopleMessages = defineMessages(
  {
    search: '이름·이메일·전화번호',
    searchHint: '보호자나 간병인의 이름, 이메일 또는 전화번호 일부',
    guardian: '보호자',
    caregiver: '간병인',
    unknown: '알 수 없음',
    phone: '전화번호',
    email: '이메일',
    noPhone: '등록되지 않음',
    openUser: '회원 정보',
    zoomIn: '확대',
    zoomOut: '축소',
    zoomReset: '화면에 맞추기',
    zoomLevel: (percent: number) => `${percent}%`,
  },
  {
    search: 'Name, email or phone',
    searchHint: "Part of the guardian's or caregiver's name, email or phone number",
    guardian: 'Guardian',
    caregiver: 'Caregiver',
    unknown: 'Unknown',
    phone: 'Phone',
    email: 'Email',
    noPhone: 'Not given',
    openUser: 'Account',
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    zoomReset: 'Fit to screen',
    zoomLevel: (percent: number) => `${percent}%`,
  },
);

import { defineMessages } from '../i18n/i18n.tsx';

// 고객센터 (/help) and the legal texts (/terms, /privacy). The contact details are the service's; the versions match
// the server's CONSENT_VERSIONS (src/modules/identity/domain/consents.ts).

export const infoMessages = defineMessages(
  {
    help: {
      title: '고객센터',
      intro: '예약, 결제, 간병 중 생긴 일 등 무엇이든 물어보세요.',
      contactTitle: '연락처',
      phoneLabel: '전화',
      phone: '1600-0000',
      hoursLabel: '운영 시간',
      hours: '평일 09:00~18:00 (점심 12:00~13:00), 주말·공휴일 휴무',
      urgent: '간병 중 긴급 상황은 24시간 전화로 연결됩니다. 응급 환자는 먼저 119에 연락하세요.',
      emailLabel: '이메일',
      email: 'help@carenest.kr',
      emailHint: '영업일 기준 하루 안에 답변드립니다.',
      faqTitle: '자주 묻는 질문',
      faq: [
        { q: '간병인은 어떻게 찾나요?', a: '홈에서 "간병 요청하기"를 누르고 환자 상태, 장소, 날짜를 고르면 조건에 맞는 간병인이 나옵니다. 검색 화면에서 직접 조건을 골라도 됩니다.' },
        { q: '결제는 언제 하나요?', a: '간병인이 예약을 수락하면 결제하기 버튼이 생깁니다. 결제를 마치면 예약이 확정됩니다.' },
        { q: '예약을 취소하면 환불되나요?', a: '시작 전 취소는 시점에 따라 전액 또는 일부가 환불됩니다. 예약 화면의 취소 안내에서 환불 금액을 먼저 확인할 수 있습니다.' },
        { q: '간병인의 자격증은 확인된 것인가요?', a: '승인된 간병인의 자격증은 관리자가 서류로 확인했습니다. 카드의 "확인됨" 표시를 보세요.' },
        { q: '외국인 간병인도 있나요?', a: '있습니다. 카드와 프로필에 사용 언어가 나오고, 채팅에서 번역 기능을 쓸 수 있습니다.' },
        { q: '개인정보는 어떻게 보호되나요?', a: '필요한 정보만 받고, 간병인의 연락처는 예약 확정 후 간병 기간에만 보입니다. 자세한 내용은 개인정보 처리방침을 확인하세요.' },
      ],
      legalTitle: '약관 및 정책',
      terms: '이용약관',
      privacy: '개인정보 처리방침',
    },
    terms: {
      title: '이용약관',
      version: (v: string) => `시행일 ${v}`,
      sections: [
        { h: '제1조 (목적)', p: '이 약관은 CareNest(이하 "회사")가 제공하는 간병인 중개 서비스의 이용 조건과 절차, 회사와 회원의 권리·의무를 정합니다.' },
        { h: '제2조 (서비스)', p: '회사는 보호자와 간병인을 연결하고 예약·결제·정산을 돕습니다. 간병 서비스 자체는 간병인이 제공합니다.' },
        { h: '제3조 (회원의 의무)', p: '회원은 사실대로 정보를 입력하고, 다른 회원의 개인정보를 서비스 밖에서 쓰지 않습니다.' },
        { h: '제4조 (예약과 취소)', p: '예약은 간병인의 수락과 보호자의 결제로 확정됩니다. 취소와 환불은 예약 화면에 안내된 기준을 따릅니다.' },
        { h: '제5조 (분쟁 해결)', p: '서비스 이용 중 분쟁은 고객센터로 먼저 알려 주세요. 회사는 성실히 조정합니다.' },
      ],
    },
    privacy: {
      title: '개인정보 처리방침',
      version: (v: string) => `시행일 ${v}`,
      sections: [
        { h: '1. 수집하는 항목', p: '이름, 이메일, 비밀번호(암호화), 휴대폰 번호(선택), 예약·결제 기록. 간병인은 프로필(성별, 출생연도, 경력, 자격증, 사용 언어, 사진)도 수집합니다.' },
        { h: '2. 이용 목적', p: '회원 관리, 간병인 검색과 예약, 결제와 정산, 고객 상담, 법령에 따른 기록 보관.' },
        { h: '3. 민감정보 (간병인)', p: '자격증 사본과 건강 관련 정보는 간병인의 별도 동의를 받아 자격 확인에만 씁니다.' },
        { h: '4. 보관 기간', p: '탈퇴 시 지체 없이 파기합니다. 다만 전자상거래법에 따라 계약·결제 기록은 5년, 소비자 불만 기록은 3년 보관합니다.' },
        { h: '5. 마케팅 정보', p: '마케팅 정보 수신에 동의한 경우에만 혜택 소식을 보냅니다. 언제든 철회할 수 있습니다.' },
        { h: '6. 문의', p: '개인정보 보호책임자: help@carenest.kr, 1600-0000' },
      ],
    },
  },
  {
    help: {
      title: 'Help center',
      intro: 'Ask us anything about bookings, payments or something that happened during care.',
      contactTitle: 'Contact',
      phoneLabel: 'Phone',
      phone: '1600-0000',
      hoursLabel: 'Hours',
      hours: 'Weekdays 09:00–18:00 KST (lunch 12:00–13:00), closed on weekends and public holidays',
      urgent: 'Urgent matters during care reach us by phone 24 hours a day. In a medical emergency call 119 first.',
      emailLabel: 'Email',
      email: 'help@carenest.kr',
      emailHint: 'We answer within one business day.',
      faqTitle: 'Frequently asked questions',
      faq: [
        { q: 'How do I find a caregiver?', a: 'On the home page press "Request care", choose the patient\'s condition, the place and the dates, and you see the caregivers who fit. You can also set the search filters yourself.' },
        { q: 'When do I pay?', a: 'Once the caregiver accepts, a Pay button appears. The booking is confirmed when the payment is done.' },
        { q: 'Do I get a refund if I cancel?', a: 'Cancelling before the start refunds all or part of the price depending on when. The cancel panel on the booking shows the refund first.' },
        { q: 'Are the caregivers\' certificates checked?', a: 'An admin checked the documents of every approved caregiver. Look for "verified" on the card.' },
        { q: 'Are there foreign caregivers?', a: 'Yes. Cards and profiles list the languages they speak, and the chat can translate.' },
        { q: 'How is my personal data protected?', a: 'We collect only what is needed, and a caregiver\'s contact is shown only for a confirmed booking. See the privacy policy.' },
      ],
      legalTitle: 'Terms and policies',
      terms: 'Terms of service',
      privacy: 'Privacy policy',
    },
    terms: {
      title: 'Terms of service',
      version: (v: string) => `Effective ${v}`,
      sections: [
        { h: 'Article 1 (Purpose)', p: 'These terms set the conditions of CareNest\'s caregiver matching service and the rights and duties of CareNest and its members.' },
        { h: 'Article 2 (Service)', p: 'CareNest connects families and caregivers and handles booking, payment and settlement. The care itself is given by the caregiver.' },
        { h: 'Article 3 (Members\' duties)', p: 'Members give truthful information and do not use other members\' personal data outside the service.' },
        { h: 'Article 4 (Booking and cancellation)', p: 'A booking is confirmed when the caregiver accepts and the family pays. Cancellations and refunds follow the rules shown on the booking.' },
        { h: 'Article 5 (Disputes)', p: 'Tell the help center first about any dispute; CareNest mediates in good faith.' },
      ],
    },
    privacy: {
      title: 'Privacy policy',
      version: (v: string) => `Effective ${v}`,
      sections: [
        { h: '1. What we collect', p: 'Name, email, password (hashed), mobile number (optional), booking and payment records. For caregivers also the profile (gender, birth year, experience, certificates, languages, photo).' },
        { h: '2. Why', p: 'Accounts, caregiver search and booking, payment and settlement, support, and records the law requires.' },
        { h: '3. Sensitive data (caregivers)', p: 'Certificate copies and health-related data are processed with the caregiver\'s separate consent, only to check qualifications.' },
        { h: '4. How long', p: 'Deleted without delay when you leave, except contract and payment records (5 years) and complaint records (3 years) kept under the E-Commerce Act.' },
        { h: '5. Marketing', p: 'We send offers only if you agreed to receive them; you can withdraw at any time.' },
        { h: '6. Contact', p: 'Privacy officer: help@carenest.kr, 1600-0000' },
      ],
    },
  },
);

/** The versions of the texts (match CONSENT_VERSIONS on the server). */
export const LEGAL_VERSION = '2026-12-01';

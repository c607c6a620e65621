import { defineMessages } from '../i18n/i18n.tsx';

// The guided request (/request) and its call to action on the family home.
export const requestMessages = defineMessages(
  {
    request: {
      title: '간병 요청하기',
      progress: (step: number, total: number) => `${total}단계 중 ${step}단계`,
      callout: '어떤 간병이 필요하신가요?',
      calloutHint: '환자 상태, 장소, 날짜만 고르면 맞는 간병인을 찾아 드려요.',
      start: '간병 요청하기',
      condition: {
        legend: '환자분의 상태는 어떤가요?',
        daily: '식사·위생·이동 등 일상생활에 도움이 필요해요',
        dementia: '치매 증상이 있어요',
        rehab: '수술이나 뇌졸중 후 회복·재활 중이에요',
        companion: '혼자 움직일 수 있지만 병원 동행·말벗이 필요해요',
        night: '밤에 돌봐 줄 사람이 필요해요',
      },
      place: {
        legend: '어디에서 간병하나요?',
        HOSPITAL: '병원',
        HOME: '집',
        region: '지역',
      },
      dates: {
        legend: '언제 간병이 필요하세요?',
        from: '시작',
        to: '끝',
        hint: '정확하지 않아도 괜찮아요. 나중에 예약할 때 바꿀 수 있어요.',
      },
      errors: {
        condition: '환자분의 상태를 골라 주세요.',
        place: '병원인지 집인지 골라 주세요.',
        sido: '시·도를 골라 주세요.',
        from: '시작 일시를 입력해 주세요.',
        fromPast: '시작 일시는 지금보다 뒤여야 합니다.',
        to: '끝 일시는 시작보다 뒤여야 합니다.',
      },
      back: '이전',
      next: '다음',
      finish: '맞는 간병인 보기',
    },
  },
  {
    request: {
      title: 'Request care',
      progress: (step: number, total: number) => `Step ${step} of ${total}`,
      callout: 'What kind of care do you need?',
      calloutHint: 'Choose the patient\'s condition, the place and the dates, and we find caregivers who fit.',
      start: 'Request care',
      condition: {
        legend: 'How is the patient?',
        daily: 'Needs help with daily life (meals, hygiene, moving)',
        dementia: 'Has symptoms of dementia',
        rehab: 'Recovering after surgery or a stroke (rehabilitation)',
        companion: 'Can move alone but needs company or an escort to hospital',
        night: 'Needs someone at night',
      },
      place: {
        legend: 'Where is the care?',
        HOSPITAL: 'Hospital',
        HOME: 'Home',
        region: 'Region',
      },
      dates: {
        legend: 'When do you need care?',
        from: 'Start',
        to: 'End',
        hint: 'It need not be exact: you can change it when you book.',
      },
      errors: {
        condition: 'Choose the patient\'s condition.',
        place: 'Choose hospital or home.',
        sido: 'Choose a province or city.',
        from: 'Enter the start.',
        fromPast: 'The start must be later than now.',
        to: 'The end must be after the start.',
      },
      back: 'Back',
      next: 'Next',
      finish: 'See matching caregivers',
    },
  },
);

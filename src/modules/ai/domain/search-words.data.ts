import type { Gender, ServiceType } from '../../caregivers/contract.ts';

// The everyday words of care requests, Korean and English, and what they ask for. Patterns run on the
// lower-cased request with money, places, years and ratings already taken out. Order matters: each
// pattern's words are used up, so "병원 동행" is read as an escort before "병원" could mean hospital care.

export const SERVICE_WORDS: readonly { readonly type: ServiceType; readonly pattern: RegExp }[] = [
  // Going to hospital with someone is COMPANION, not HOSPITAL.
  {
    type: 'COMPANION',
    pattern: /병원\s*(?:에|까지|을|를|으로|에서|에도)?\s*(?:동행|같이\s*가|함께\s*가|모시고|모셔|다니|다닐|다녀|가는|가실|갈\s*때|갈때|가야|가기|방문|진료|외래|통원|검진|데려|예약)/gu,
  },
  {
    type: 'COMPANION',
    pattern:
      /(?:accompan\w*|escort\w*)\s+(?:\w+\s+){0,3}?(?:to\s+)?(?:the\s+|a\s+)?(?:hospital|doctor|clinic)|(?<!(?:admitted|moved|transferred|stay|staying|stays|care)\s)\bto\s+(?:the\s+|a\s+)?(?:hospital|doctor|clinic)|(?:hospital|doctor'?s?|clinic|medical)\s+(?:visits?|appointments?|trips?|check-?ups?)/gu,
  },
  { type: 'LIVE_IN', pattern: /밤낮|입주|상주|24\s*시간|숙식|같이\s*살|함께\s*살|live[\s-]?in|24\s*\/\s*7|24\s*(?:hours?|hrs?|h)\b|(?:a)?round[\s-]the[\s-]clock|stays?\s+with|lives?\s+with/gu },
  { type: 'NIGHT', pattern: /야간|밤|새벽|\bover[\s-]?night\b|\bnight(?:s|time|[\s-]time)?\b/gu },
  { type: 'DEMENTIA', pattern: /치매|알츠하이머|알츠|인지\s*(?:장애|저하|기능)|기억력|dementia|alzheimer\w*|memory\s+(?:loss|problems?|issues?)|cognitive/gu },
  {
    type: 'REHABILITATION',
    pattern: /재활|물리\s*치료|보행\s*(?:훈련|연습|보조)|걷기\s*(?:연습|운동)|운동\s*(?:보조|치료)|rehab\w*|physical\s+therapy|physiotherapy|walking\s+(?:practice|exercises?|training)|recovery\s+exercises?/gu,
  },
  {
    type: 'COMPANION',
    pattern: /동행|외출|산책|나들이|통원|모시고\s*다|같이\s*다니|escort\w*|accompan\w*|outings?|going\s+out|errands|companion\w*|for\s+(?:a\s+)?walks?|walks\s+outside/gu,
  },
  { type: 'HOSPITAL', pattern: /병원|입원|병실|병동|hospital\w*|inpatient|\bward\b|admitted/gu },
  {
    type: 'HOME',
    pattern: /재가|자택|가정\s*(?:간병|돌봄|방문|에서|으로)|방문\s*(?:요양|돌봄|간병)|댁(?:에|으로)|(?:^|[\s,]|우리|저희|본인|어머니|아버지|엄마|아빠|부모님|할머니|할아버지)\s*집(?=에|으로|안|\s|$|[,.!?]|까지)|(?<!nursing\s)\bhome\b|\bhouse\b|in[\s-]home|my\s+place/gu,
  },
];

/** Gender of the caregiver. A word followed by a patient word (여성 환자, female patient) is about the patient. */
export const GENDER_WORDS: readonly { readonly gender: Gender; readonly pattern: RegExp }[] = [
  { gender: 'FEMALE', pattern: /여성|여자|여사님|이모님|아주머니|아줌마|\bfemale\b|\bwom[ae]n\b|\blady\b|\bladies\b/gu },
  { gender: 'MALE', pattern: /남성|남자|아저씨|삼촌|\bmale\b|\bm[ae]n\b|\bgentlem[ae]n\b/gu },
];
export const PATIENT_AFTER = /^\s*(?:분인\s*)?(?:환자|어르신|노인|할머니|할아버지|patient|senior|elder)/u;
/** "남녀 무관", "성별 상관없이", "any gender": no preference. */
export const ANY_GENDER = /성별\s*(?:무관|상관)|남녀\s*(?:무관|상관|모두)|any\s+gender|either\s+gender|male\s+or\s+female|female\s+or\s+male/u;

/** Languages the caregiver speaks (ISO 639-1). English and Korean in English text need a speaking word. */
export const LANGUAGE_WORDS: readonly { readonly code: string; readonly pattern: RegExp }[] = [
  { code: 'zh', pattern: /중국어|중국말|중국\s*동포|중국인|조선족|중국|광둥어|광동어|chinese|mandarin|cantonese/gu },
  { code: 'vi', pattern: /베트남어|베트남말|베트남|vietnamese/gu },
  { code: 'ja', pattern: /일본어|일본말|일본|japanese/gu },
  { code: 'en', pattern: /영어|(?:speaks?|speaking|fluent\s+in|knows?|talk\s+in|communicate\s+in)\s+(?:good\s+|fluent\s+|some\s+)?english|english[\s-]?speak\w*|english\s+(?:fluently|well|speaker)/gu },
  { code: 'ko', pattern: /한국어|한국말|(?:speaks?|speaking|fluent\s+in)\s+(?:good\s+|fluent\s+)?korean(?![\s-]chinese)|korean[\s-]?speak\w*/gu },
  { code: 'ru', pattern: /러시아어|러시아|russian/gu },
  { code: 'mn', pattern: /몽골어|몽골|mongolian/gu },
  { code: 'th', pattern: /태국어|태국|\bthai\b/gu },
  { code: 'tl', pattern: /타갈로그어|필리핀어|tagalog|filipino/gu },
  { code: 'uz', pattern: /우즈베크어|우즈벡어|우즈베키스탄|\buzbek\b/gu },
  { code: 'km', pattern: /캄보디아어|크메르어|\bkhmer\b|cambodian/gu },
  { code: 'ne', pattern: /네팔어|nepali/gu },
  { code: 'id', pattern: /인도네시아어|indonesian/gu },
  { code: 'es', pattern: /스페인어|spanish/gu },
  { code: 'fr', pattern: /프랑스어|\bfrench\b/gu },
  { code: 'de', pattern: /독일어|\bgerman\b/gu },
];

/** Words that make an amount a price per hour or per day ("24시간" is a day: a live-in day rate). */
export const DAILY_WORDS = /일당|하루|일급|1일|일일|24\s*시간|per\s+day|a\s+day|\/\s*day|daily|each\s+day|per\s+24|day\s+rate|for\s+a\s+day|a\s+night|per\s+night/gu;
export const HOURLY_WORDS = /시급|(?<!24\s*)시간\s*당|(?<!24\s*)시간에|1\s*시간|한\s*시간|per\s+hour|an\s+hour|a\s+hour|\/\s*h(?:ou)?r?\b|hourly|per\s+hr|each\s+hour|hour\s+rate/gu;
/** Monthly prices have no filter: such an amount is left alone. */
export const MONTHLY_WORDS = /월급|한\s*달|월\s*\d|per\s+month|a\s+month|monthly/gu;

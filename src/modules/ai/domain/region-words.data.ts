// Words about regions the catalogue (caregivers module) does not hold: what the interpreter must read
// besides official names, short forms and their Revised Romanization (derived in region-terms.ts).

/**
 * Short forms of sigungu that are also everyday words in a care request (상주 "live-in", 고령 "old age",
 * 예산 "budget", 영양 "nutrition", 동작 "movement", 강화 "strengthen", 연수 "training", 남동 in 남동생
 * "younger brother"...). They count as places only with their suffix (상주시) or with their sido named
 * (경북 상주).
 */
export const COMMON_WORD_SHORT_FORMS: readonly string[] = [
  '상주', '고령', '영양', '예산', '음성', '동작', '강화', '연수', '영광', '장수', '진도', '보은', '수영', '사상',
  '기장', '구리', '부여', '영주', '달성', '수성', '남동', '완주', '장성', '정선', '거창', '봉화', '남해', '동해',
  '신안', '양주',
];

/** Words that contain a place name but are not one (고양이 "cat"), skipped whole when reading Korean. */
export const NOT_PLACES: readonly string[] = ['고양이', '남동생', '영주권', '중구난방', '대구경', '부여된', '부여받', '동해물'];

/** Well-known districts that are not autonomous sigungu (일반구, new towns), mapped to their sigungu. */
export const DISTRICT_ALIASES: readonly { readonly names: readonly string[]; readonly sido: string; readonly sigungu: string }[] = [
  { names: ['분당', 'bundang', '판교', 'pangyo'], sido: '경기도', sigungu: '성남시' },
  { names: ['일산', 'ilsan'], sido: '경기도', sigungu: '고양시' },
  { names: ['수지', 'suji', '기흥', 'giheung'], sido: '경기도', sigungu: '용인시' },
  { names: ['영통', 'yeongtong'], sido: '경기도', sigungu: '수원시' },
  { names: ['동탄', 'dongtan'], sido: '경기도', sigungu: '화성시' },
  { names: ['평촌', 'pyeongchon'], sido: '경기도', sigungu: '안양시' },
  { names: ['산본', 'sanbon'], sido: '경기도', sigungu: '군포시' },
  { names: ['마산', 'masan', '진해', 'jinhae'], sido: '경상남도', sigungu: '창원시' },
];

/** English names of sido beyond the romanized Korean ones: translated forms and older spellings. */
export const SIDO_ENGLISH_ALIASES: Readonly<Record<string, string>> = {
  pusan: '부산광역시',
  taegu: '대구광역시',
  inchon: '인천광역시',
  kwangju: '광주광역시',
  taejon: '대전광역시',
  cheju: '제주특별자치도',
  kyonggi: '경기도',
  'north chungcheong': '충청북도',
  'south chungcheong': '충청남도',
  'north jeolla': '전북특별자치도',
  'south jeolla': '전라남도',
  'north gyeongsang': '경상북도',
  'south gyeongsang': '경상남도',
};

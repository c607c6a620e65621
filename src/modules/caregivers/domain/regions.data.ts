/**
 * Official catalogue of Korea's first-level regions (시·도, "sido") and their
 * second-level local governments (시·군·구, "sigungu"), as in force on 2026-11-25.
 *
 * Sigungu are the autonomous basic local governments (자치구, 시, 군), listed in
 * official (administrative-code) order. Non-autonomous 일반구 of large cities
 * (e.g. 수원시 장안구) are NOT listed separately: users pick the 시.
 *
 * Notable changes reflected here:
 * - 강원도 -> 강원특별자치도 (2023-06-11)
 * - 경상북도 군위군 -> 대구광역시 군위군 (2023-07-01)
 * - 전라북도 -> 전북특별자치도 (2024-01-18)
 * - 인천광역시 reorganisation (2026-07-01): 중구 + 동구 -> 제물포구 and 영종구;
 *   서구 split into 서구 and 검단구.
 *
 * Special cases:
 * - 세종특별자치시 is a single-tier government: it has no sigungu.
 * - 제주특별자치도 has no autonomous sigungu, but its two administrative cities
 *   (제주시, 서귀포시) are listed because users choose between them.
 *
 * shortNames are accepted aliases for input: common short forms (서울, 경기, ...)
 * and former official names (강원도, 전라북도, ...). They must be unique across
 * all sido. "광주시" is deliberately NOT an alias of 광주광역시 because it would
 * be confused with 경기도 광주시.
 */

export interface RegionEntry {
  readonly sido: string;
  readonly sidoEn: string;
  readonly shortNames: readonly string[];
  readonly sigungu: readonly string[];
}

export const REGION_CATALOGUE: readonly RegionEntry[] = [
  {
    sido: '서울특별시',
    sidoEn: 'Seoul',
    shortNames: ['서울', '서울시'],
    sigungu: [
      '종로구', '중구', '용산구', '성동구', '광진구',
      '동대문구', '중랑구', '성북구', '강북구', '도봉구',
      '노원구', '은평구', '서대문구', '마포구', '양천구',
      '강서구', '구로구', '금천구', '영등포구', '동작구',
      '관악구', '서초구', '강남구', '송파구', '강동구',
    ],
  },
  {
    sido: '부산광역시',
    sidoEn: 'Busan',
    shortNames: ['부산', '부산시'],
    sigungu: [
      '중구', '서구', '동구', '영도구', '부산진구',
      '동래구', '남구', '북구', '해운대구', '사하구',
      '금정구', '강서구', '연제구', '수영구', '사상구',
      '기장군',
    ],
  },
  {
    sido: '대구광역시',
    sidoEn: 'Daegu',
    shortNames: ['대구', '대구시'],
    sigungu: [
      '중구', '동구', '서구', '남구', '북구',
      '수성구', '달서구', '달성군', '군위군',
    ],
  },
  {
    sido: '인천광역시',
    sidoEn: 'Incheon',
    shortNames: ['인천', '인천시'],
    sigungu: [
      '제물포구', '영종구', '미추홀구', '연수구', '남동구',
      '부평구', '계양구', '서구', '검단구', '강화군',
      '옹진군',
    ],
  },
  {
    sido: '광주광역시',
    sidoEn: 'Gwangju',
    shortNames: ['광주'],
    sigungu: ['동구', '서구', '남구', '북구', '광산구'],
  },
  {
    sido: '대전광역시',
    sidoEn: 'Daejeon',
    shortNames: ['대전', '대전시'],
    sigungu: ['동구', '중구', '서구', '유성구', '대덕구'],
  },
  {
    sido: '울산광역시',
    sidoEn: 'Ulsan',
    shortNames: ['울산', '울산시'],
    sigungu: ['중구', '남구', '동구', '북구', '울주군'],
  },
  {
    sido: '세종특별자치시',
    sidoEn: 'Sejong',
    shortNames: ['세종', '세종시'],
    sigungu: [],
  },
  {
    sido: '경기도',
    sidoEn: 'Gyeonggi-do',
    shortNames: ['경기'],
    sigungu: [
      '수원시', '성남시', '의정부시', '안양시', '부천시',
      '광명시', '평택시', '동두천시', '안산시', '고양시',
      '과천시', '구리시', '남양주시', '오산시', '시흥시',
      '군포시', '의왕시', '하남시', '용인시', '파주시',
      '이천시', '안성시', '김포시', '화성시', '광주시',
      '양주시', '포천시', '여주시', '연천군', '가평군',
      '양평군',
    ],
  },
  {
    sido: '강원특별자치도',
    sidoEn: 'Gangwon State',
    shortNames: ['강원', '강원도'],
    sigungu: [
      '춘천시', '원주시', '강릉시', '동해시', '태백시',
      '속초시', '삼척시', '홍천군', '횡성군', '영월군',
      '평창군', '정선군', '철원군', '화천군', '양구군',
      '인제군', '고성군', '양양군',
    ],
  },
  {
    sido: '충청북도',
    sidoEn: 'Chungcheongbuk-do',
    shortNames: ['충북'],
    sigungu: [
      '청주시', '충주시', '제천시', '보은군', '옥천군',
      '영동군', '증평군', '진천군', '괴산군', '음성군',
      '단양군',
    ],
  },
  {
    sido: '충청남도',
    sidoEn: 'Chungcheongnam-do',
    shortNames: ['충남'],
    sigungu: [
      '천안시', '공주시', '보령시', '아산시', '서산시',
      '논산시', '계룡시', '당진시', '금산군', '부여군',
      '서천군', '청양군', '홍성군', '예산군', '태안군',
    ],
  },
  {
    sido: '전북특별자치도',
    sidoEn: 'Jeonbuk State',
    shortNames: ['전북', '전라북도'],
    sigungu: [
      '전주시', '군산시', '익산시', '정읍시', '남원시',
      '김제시', '완주군', '진안군', '무주군', '장수군',
      '임실군', '순창군', '고창군', '부안군',
    ],
  },
  {
    sido: '전라남도',
    sidoEn: 'Jeollanam-do',
    shortNames: ['전남'],
    sigungu: [
      '목포시', '여수시', '순천시', '나주시', '광양시',
      '담양군', '곡성군', '구례군', '고흥군', '보성군',
      '화순군', '장흥군', '강진군', '해남군', '영암군',
      '무안군', '함평군', '영광군', '장성군', '완도군',
      '진도군', '신안군',
    ],
  },
  {
    sido: '경상북도',
    sidoEn: 'Gyeongsangbuk-do',
    shortNames: ['경북'],
    sigungu: [
      '포항시', '경주시', '김천시', '안동시', '구미시',
      '영주시', '영천시', '상주시', '문경시', '경산시',
      '의성군', '청송군', '영양군', '영덕군', '청도군',
      '고령군', '성주군', '칠곡군', '예천군', '봉화군',
      '울진군', '울릉군',
    ],
  },
  {
    sido: '경상남도',
    sidoEn: 'Gyeongsangnam-do',
    shortNames: ['경남'],
    sigungu: [
      '창원시', '진주시', '통영시', '사천시', '김해시',
      '밀양시', '거제시', '양산시', '의령군', '함안군',
      '창녕군', '고성군', '남해군', '하동군', '산청군',
      '함양군', '거창군', '합천군',
    ],
  },
  {
    sido: '제주특별자치도',
    sidoEn: 'Jeju',
    shortNames: ['제주', '제주도'],
    sigungu: ['제주시', '서귀포시'],
  },
];

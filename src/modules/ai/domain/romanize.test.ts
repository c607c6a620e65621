import { describe, expect, it } from 'vitest';
import { romanize } from './romanize.ts';

// Official English names (Revised Romanization) of sido and sigungu, without their -si/-gun/-gu suffix.
const OFFICIAL: readonly (readonly [string, string])[] = [
  ['서울', 'seoul'], ['부산', 'busan'], ['대구', 'daegu'], ['인천', 'incheon'], ['광주', 'gwangju'], ['대전', 'daejeon'],
  ['울산', 'ulsan'], ['세종', 'sejong'], ['경기', 'gyeonggi'], ['강원', 'gangwon'], ['충청북', 'chungcheongbuk'],
  ['전라남', 'jeollanam'], ['경상북', 'gyeongsangbuk'], ['제주', 'jeju'],
  ['종로', 'jongno'], ['중', 'jung'], ['용산', 'yongsan'], ['성동', 'seongdong'], ['광진', 'gwangjin'], ['동대문', 'dongdaemun'],
  ['중랑', 'jungnang'], ['성북', 'seongbuk'], ['강북', 'gangbuk'], ['도봉', 'dobong'], ['노원', 'nowon'], ['은평', 'eunpyeong'],
  ['서대문', 'seodaemun'], ['마포', 'mapo'], ['양천', 'yangcheon'], ['강서', 'gangseo'], ['구로', 'guro'], ['금천', 'geumcheon'],
  ['영등포', 'yeongdeungpo'], ['동작', 'dongjak'], ['관악', 'gwanak'], ['서초', 'seocho'], ['강남', 'gangnam'], ['송파', 'songpa'],
  ['강동', 'gangdong'], ['영도', 'yeongdo'], ['부산진', 'busanjin'], ['동래', 'dongnae'], ['해운대', 'haeundae'], ['사하', 'saha'],
  ['금정', 'geumjeong'], ['연제', 'yeonje'], ['수영', 'suyeong'], ['사상', 'sasang'], ['기장', 'gijang'], ['수성', 'suseong'],
  ['달서', 'dalseo'], ['달성', 'dalseong'], ['군위', 'gunwi'], ['미추홀', 'michuhol'], ['연수', 'yeonsu'], ['남동', 'namdong'],
  ['부평', 'bupyeong'], ['계양', 'gyeyang'], ['강화', 'ganghwa'], ['옹진', 'ongjin'], ['광산', 'gwangsan'], ['유성', 'yuseong'],
  ['대덕', 'daedeok'], ['울주', 'ulju'], ['수원', 'suwon'], ['성남', 'seongnam'], ['의정부', 'uijeongbu'], ['안양', 'anyang'],
  ['부천', 'bucheon'], ['광명', 'gwangmyeong'], ['평택', 'pyeongtaek'], ['동두천', 'dongducheon'], ['안산', 'ansan'], ['고양', 'goyang'],
  ['과천', 'gwacheon'], ['구리', 'guri'], ['남양주', 'namyangju'], ['오산', 'osan'], ['시흥', 'siheung'], ['군포', 'gunpo'],
  ['의왕', 'uiwang'], ['하남', 'hanam'], ['용인', 'yongin'], ['파주', 'paju'], ['이천', 'icheon'], ['안성', 'anseong'],
  ['김포', 'gimpo'], ['화성', 'hwaseong'], ['양주', 'yangju'], ['포천', 'pocheon'], ['여주', 'yeoju'], ['연천', 'yeoncheon'],
  ['가평', 'gapyeong'], ['양평', 'yangpyeong'], ['춘천', 'chuncheon'], ['원주', 'wonju'], ['강릉', 'gangneung'], ['동해', 'donghae'],
  ['속초', 'sokcho'], ['삼척', 'samcheok'], ['횡성', 'hoengseong'], ['영월', 'yeongwol'], ['평창', 'pyeongchang'], ['철원', 'cheorwon'],
  ['인제', 'inje'], ['고성', 'goseong'], ['양양', 'yangyang'], ['청주', 'cheongju'], ['충주', 'chungju'], ['제천', 'jecheon'],
  ['보은', 'boeun'], ['옥천', 'okcheon'], ['괴산', 'goesan'], ['음성', 'eumseong'], ['천안', 'cheonan'], ['공주', 'gongju'],
  ['보령', 'boryeong'], ['아산', 'asan'], ['논산', 'nonsan'], ['계룡', 'gyeryong'], ['당진', 'dangjin'], ['태안', 'taean'],
  ['전주', 'jeonju'], ['익산', 'iksan'], ['정읍', 'jeongeup'], ['남원', 'namwon'], ['김제', 'gimje'], ['임실', 'imsil'],
  ['목포', 'mokpo'], ['여수', 'yeosu'], ['순천', 'suncheon'], ['구례', 'gurye'], ['곡성', 'gokseong'], ['영암', 'yeongam'],
  ['신안', 'sinan'], ['포항', 'pohang'], ['경주', 'gyeongju'], ['칠곡', 'chilgok'], ['울릉', 'ulleung'], ['울진', 'uljin'],
  ['창원', 'changwon'], ['진주', 'jinju'], ['김해', 'gimhae'], ['밀양', 'miryang'], ['창녕', 'changnyeong'], ['합천', 'hapcheon'],
  ['함안', 'haman'], ['의령', 'uiryeong'], ['서귀포', 'seogwipo'], ['제물포', 'jemulpo'], ['신라', 'silla'],
];

describe('romanize (Revised Romanization)', () => {
  it.each(OFFICIAL)('%s -> %s', (hangul, latin) => {
    expect(romanize(hangul)).toBe(latin);
  });

  it('keeps what is not a Hangul syllable', () => {
    expect(romanize('강남 2')).toBe('gangnam 2');
    expect(romanize('')).toBe('');
  });
});

import { describe, expect, it } from 'vitest';
import { detectLanguage, UNDETERMINED } from './language.ts';

describe('detectLanguage', () => {
  it.each([
    ['어머니 식사는 잘 하셨어요?', 'ko'],
    ['ㅋㅋㅋ', 'ko'],
    ['내일 MRI 검사 있어요', 'ko'],
    ['김영희 간병인입니다. Kim이라고 불러 주세요', 'ko'],
    ['我今天晚上八点到医院', 'zh'],
    ['病人吃饭了吗？', 'zh'],
    ['您好', 'zh'],
    ['明日は病院に行きます', 'ja'],
    ['ありがとうございます', 'ja'],
    ['カタカナ', 'ja'],
    ['Tôi sẽ đến bệnh viện lúc 8 giờ', 'vi'],
    ['Cảm ơn', 'vi'],
    ['Bà ăn cơm chưa?', 'vi'],
    ['ơi', 'vi'],
    ['TÔI ĐẾN RỒI', 'vi'],
    ['I will arrive at the hospital at 8', 'en'],
    ['Please call me', 'en'],
    ['Please call 김영희', 'en'],
    ['Mr. Nguyễn will take the night shift tomorrow at the hospital', 'en'],
    ['Le café est très bon', 'en'],
    ['xin chao', 'en'],
    ['Здравствуйте', 'ru'],
    ['สวัสดีครับ', 'th'],
  ])('%s -> %s', (text, language) => {
    expect(detectLanguage(text)).toBe(language);
  });

  it('decides mixed text by the weight of its letters (a syllable or ideograph counts two)', () => {
    expect(detectLanguage('안녕 hello')).toBe('en'); // 2 syllables weigh 4, 5 Latin letters 5
    expect(detectLanguage('안녕하세요 hello')).toBe('ko');
    expect(detectLanguage('hello world 안녕')).toBe('en');
    expect(detectLanguage('OK 好的')).toBe('zh');
    expect(detectLanguage('Xin chào 안녕하세요 여러분')).toBe('ko');
  });

  it('takes Han with kana as Japanese, Han alone as Chinese', () => {
    expect(detectLanguage('東京')).toBe('zh');
    expect(detectLanguage('東京へ')).toBe('ja');
  });

  it('gives ties to Korean, then Japanese and Chinese, before Latin', () => {
    expect(detectLanguage('가ab')).toBe('ko');
    expect(detectLanguage('中ab')).toBe('zh');
  });

  it('answers und for text without letters', () => {
    for (const text of ['', '   ', '12:30', '👍🙏', '?!', '010-1234-5678']) expect(detectLanguage(text)).toBe(UNDETERMINED);
  });

  it('reads decomposed (NFD) Vietnamese like composed', () => {
    expect(detectLanguage('Cảm ơn bạn'.normalize('NFD'))).toBe('vi');
  });
});

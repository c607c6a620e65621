// The quick-phrase bank: short messages families and caregivers send every day, written in Korean,
// English, Simplified Chinese (most Chinese-speaking caregivers in Korea read it) and Vietnamese. A
// phrase message stores its id, so each reader sees it in their own language without any AI provider.
// Ids are stable (stored on messages): add phrases, never renumber or reuse an id.

export const PHRASE_LANGUAGES = ['ko', 'en', 'zh', 'vi'] as const;
export type PhraseLanguage = (typeof PHRASE_LANGUAGES)[number];

export const PHRASE_CATEGORIES = ['MEAL', 'MEDICATION', 'SLEEP', 'ARRIVAL', 'TOILET', 'HEALTH', 'CARE', 'CONTACT', 'THANKS'] as const;
export type PhraseCategory = (typeof PHRASE_CATEGORIES)[number];

export interface Phrase {
  readonly id: string;
  readonly category: PhraseCategory;
  readonly texts: Readonly<Record<PhraseLanguage, string>>;
}

export const PHRASES: readonly Phrase[] = [
  { id: 'meal.finished', category: 'MEAL', texts: { ko: '환자분이 식사를 다 드셨습니다.', en: 'The patient finished their meal.', zh: '病人已经吃完饭了。', vi: 'Bệnh nhân đã ăn hết bữa.' } },
  { id: 'meal.little', category: 'MEAL', texts: { ko: '환자분이 식사를 조금밖에 못 드셨습니다.', en: 'The patient ate only a little.', zh: '病人只吃了一点点。', vi: 'Bệnh nhân chỉ ăn được một ít.' } },
  { id: 'meal.question', category: 'MEAL', texts: { ko: '환자분 식사는 하셨나요?', en: 'Has the patient eaten?', zh: '病人吃饭了吗？', vi: 'Bệnh nhân đã ăn chưa?' } },
  { id: 'medication.taken', category: 'MEDICATION', texts: { ko: '약을 드셨습니다.', en: 'The medication has been taken.', zh: '已经吃过药了。', vi: 'Bệnh nhân đã uống thuốc.' } },
  { id: 'medication.question', category: 'MEDICATION', texts: { ko: '약은 드셨나요?', en: 'Has the medication been taken?', zh: '药吃了吗？', vi: 'Bệnh nhân đã uống thuốc chưa?' } },
  { id: 'medication.running-out', category: 'MEDICATION', texts: { ko: '약이 거의 떨어졌습니다.', en: 'The medication is running out.', zh: '药快吃完了。', vi: 'Thuốc sắp hết rồi.' } },
  { id: 'sleep.well', category: 'SLEEP', texts: { ko: '환자분이 잘 주무셨습니다.', en: 'The patient slept well.', zh: '病人睡得很好。', vi: 'Bệnh nhân đã ngủ ngon.' } },
  { id: 'sleep.poor', category: 'SLEEP', texts: { ko: '환자분이 밤에 잘 못 주무셨습니다.', en: 'The patient did not sleep well last night.', zh: '病人昨晚没睡好。', vi: 'Tối qua bệnh nhân ngủ không ngon.' } },
  { id: 'sleep.now', category: 'SLEEP', texts: { ko: '지금 주무시고 계십니다.', en: 'The patient is asleep now.', zh: '病人现在正在睡觉。', vi: 'Bệnh nhân đang ngủ.' } },
  { id: 'arrival.arrived', category: 'ARRIVAL', texts: { ko: '도착했습니다.', en: 'I have arrived.', zh: '我到了。', vi: 'Tôi đã đến nơi.' } },
  { id: 'arrival.on-the-way', category: 'ARRIVAL', texts: { ko: '가는 중입니다. 곧 도착합니다.', en: 'I am on my way and will arrive soon.', zh: '我在路上，马上就到。', vi: 'Tôi đang trên đường, sắp đến rồi.' } },
  { id: 'arrival.late', category: 'ARRIVAL', texts: { ko: '조금 늦을 것 같습니다. 죄송합니다.', en: 'I am running a little late, sorry.', zh: '我可能会晚一点到，不好意思。', vi: 'Tôi sẽ đến muộn một chút, xin lỗi.' } },
  { id: 'toilet.done', category: 'TOILET', texts: { ko: '화장실에 다녀오셨습니다.', en: 'The patient has been to the toilet.', zh: '病人已经上过厕所了。', vi: 'Bệnh nhân đã đi vệ sinh.' } },
  { id: 'toilet.diaper', category: 'TOILET', texts: { ko: '기저귀를 갈아 드렸습니다.', en: 'I changed the diaper.', zh: '已经换过尿布了。', vi: 'Tôi đã thay tã cho bệnh nhân.' } },
  { id: 'health.pain', category: 'HEALTH', texts: { ko: '환자분이 통증을 호소하십니다.', en: 'The patient says they are in pain.', zh: '病人说身体很疼。', vi: 'Bệnh nhân kêu đau.' } },
  { id: 'health.good', category: 'HEALTH', texts: { ko: '오늘 상태가 좋으십니다.', en: 'The patient is doing well today.', zh: '病人今天状态很好。', vi: 'Hôm nay bệnh nhân khỏe.' } },
  { id: 'health.fever', category: 'HEALTH', texts: { ko: '열이 있어서 간호사에게 알렸습니다.', en: 'The patient has a fever; I told the nurse.', zh: '病人发烧了，我已经告诉护士了。', vi: 'Bệnh nhân bị sốt, tôi đã báo cho y tá.' } },
  { id: 'health.doctor', category: 'HEALTH', texts: { ko: '의사 선생님이 다녀가셨습니다.', en: 'The doctor came by.', zh: '医生来看过了。', vi: 'Bác sĩ đã đến khám.' } },
  { id: 'care.walk', category: 'CARE', texts: { ko: '함께 산책을 다녀왔습니다.', en: 'We went for a walk together.', zh: '我们一起去散步了。', vi: 'Chúng tôi đã cùng đi dạo.' } },
  { id: 'care.bath', category: 'CARE', texts: { ko: '목욕을 도와 드렸습니다.', en: 'I helped the patient bathe.', zh: '已经帮病人洗过澡了。', vi: 'Tôi đã giúp bệnh nhân tắm.' } },
  { id: 'care.supplies', category: 'CARE', texts: { ko: '물티슈와 기저귀가 필요합니다.', en: 'We need wet wipes and diapers.', zh: '需要湿巾和尿布。', vi: 'Cần thêm khăn ướt và tã.' } },
  { id: 'contact.call-me', category: 'CONTACT', texts: { ko: '전화 부탁드립니다.', en: 'Please call me.', zh: '请给我打电话。', vi: 'Vui lòng gọi điện cho tôi.' } },
  { id: 'contact.later', category: 'CONTACT', texts: { ko: '지금은 통화가 어렵습니다. 나중에 연락드리겠습니다.', en: 'I cannot talk right now; I will get back to you later.', zh: '现在不方便接电话，稍后再联系您。', vi: 'Bây giờ tôi không nghe máy được, tôi sẽ liên lạc lại sau.' } },
  { id: 'thanks.plain', category: 'THANKS', texts: { ko: '감사합니다.', en: 'Thank you.', zh: '谢谢。', vi: 'Cảm ơn.' } },
  { id: 'thanks.care', category: 'THANKS', texts: { ko: '잘 돌봐 주셔서 감사합니다.', en: 'Thank you for taking such good care.', zh: '谢谢您的细心照顾。', vi: 'Cảm ơn vì đã chăm sóc chu đáo.' } },
  { id: 'thanks.understood', category: 'THANKS', texts: { ko: '네, 알겠습니다.', en: 'Okay, understood.', zh: '好的，知道了。', vi: 'Vâng, tôi hiểu rồi.' } },
];

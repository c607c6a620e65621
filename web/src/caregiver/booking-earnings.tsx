import type { Reservation } from '../api/types.ts';
import { defineMessages, useFormat, useMessages } from '../i18n/i18n.tsx';

// What the caregiver earns from a booking (after the platform commission) and, while the booking is on, how
// to reach the family. The server decides both (GET /reservations/:id, the caregiver's view only).

const messages = defineMessages(
  {
    caption: '예상 수입',
    gross: '예약 금액',
    commission: '플랫폼 수수료',
    net: '받으실 금액',
    note: '돌봄이 끝난 뒤 정산되어 지급됩니다.',
    contact: '보호자 연락처',
    name: '이름',
    phone: '전화번호',
    noPhone: '등록된 전화번호가 없습니다. 채팅으로 연락해 주세요.',
    contactNote: '예약이 확정된 때부터 돌봄이 끝난 다음 날까지 보입니다.',
  },
  {
    caption: 'Your expected earnings',
    gross: 'Booking amount',
    commission: 'Platform commission',
    net: 'You receive',
    note: 'Paid out in your settlement after the care ends.',
    contact: "Family's contact",
    name: 'Name',
    phone: 'Phone',
    noPhone: 'No phone number on file: please use the chat.',
    contactNote: 'Shown from confirmation until the day after the care ends.',
  },
);

export function BookingEarnings({ earnings }: { earnings: NonNullable<Reservation['caregiverEarnings']> }) {
  const m = useMessages(messages);
  const f = useFormat();
  return (
    <div className="quote" role="group" aria-label={m.caption}>
      <h3 className="quote-caption">{m.caption}</h3>
      <div className="quote-line">
        <span>{m.gross}</span>
        <span>{f.krw(earnings.grossAmount)}</span>
      </div>
      <div className="quote-line">
        <span>{m.commission}</span>
        <span>−{f.krw(earnings.commissionAmount)}</span>
      </div>
      <div className="quote-line quote-total">
        <span>{m.net}</span>
        <output>{f.krw(earnings.netAmount)}</output>
      </div>
      <p className="muted">{m.note}</p>
    </div>
  );
}

export function FamilyContact({ contact }: { contact: NonNullable<Reservation['familyContact']> }) {
  const m = useMessages(messages);
  return (
    <section className="card stack" aria-label={m.contact}>
      <h3>{m.contact}</h3>
      <dl className="cg-facts">
        <div className="cg-kv">
          <dt>{m.name}</dt>
          <dd>{contact.name}</dd>
        </div>
        <div className="cg-kv">
          <dt>{m.phone}</dt>
          <dd>{contact.phone ? <a href={`tel:${contact.phone.replace(/[^\d+]/g, '')}`}>{contact.phone}</a> : m.noPhone}</dd>
        </div>
      </dl>
      <p className="muted">{m.contactNote}</p>
    </section>
  );
}

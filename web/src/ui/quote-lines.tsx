import type { Quote } from '../api/types.ts';
import { defineMessages, useFormat, useMessages } from '../i18n/i18n.tsx';

const messages = defineMessages(
  {
    caption: '요금 내역',
    BASE: '기본 요금',
    NIGHT_SURCHARGE: '야간 할증 (22시–06시)',
    HOLIDAY_SURCHARGE: '휴일 할증 (일요일·공휴일)',
    units: (units: number, unitPrice: string) => `${units} × ${unitPrice}`,
    total: '총 결제 금액',
    allIn: '추가 비용 없는 확정 금액입니다.',
  },
  {
    caption: 'Price breakdown',
    BASE: 'Base rate',
    NIGHT_SURCHARGE: 'Night surcharge (22:00–06:00)',
    HOLIDAY_SURCHARGE: 'Holiday surcharge (Sundays, public holidays)',
    units: (units: number, unitPrice: string) => `${units} × ${unitPrice}`,
    total: 'Total',
    allIn: 'Fixed, all-in price: nothing is added later.',
  },
);

/** The itemized, all-in price of a quote or a reservation. */
export function QuoteLines({ quote }: { quote: Pick<Quote, 'lines' | 'totalAmount'> }) {
  const m = useMessages(messages);
  const f = useFormat();
  return (
    <div className="quote" role="group" aria-label={m.caption}>
      {quote.lines.map((line) => (
        <div className="quote-line" key={line.kind}>
          <span>
            {m[line.kind]} <span className="muted">{m.units(line.units, f.krw(line.unitPrice))}</span>
          </span>
          <span>{f.krw(line.amount)}</span>
        </div>
      ))}
      <div className="quote-line quote-total">
        <span>{m.total}</span>
        <output aria-live="polite">{f.krw(quote.totalAmount)}</output>
      </div>
      <p className="muted">{m.allIn}</p>
    </div>
  );
}

import { common, problemMessage } from '../i18n/common.ts';
import { useMessages } from '../i18n/i18n.tsx';
import { Loading } from '../ui/feedback.tsx';
import { QuoteLines } from '../ui/quote-lines.tsx';
import { fieldErrorMessage, validationMessages } from '../ui/validation-messages.ts';
import { bookingMessages } from './booking-messages.ts';
import type { QuoteState } from './use-quote.ts';

/** The live price beside the booking form, or why it cannot be priced (start too soon, not whole hours…). */
export function BookingQuote({ state }: { state: QuoteState }) {
  const m = useMessages(bookingMessages).booking;
  const c = useMessages(common);
  const v = useMessages(validationMessages);
  let body;
  if (state.status === 'idle') body = <p className="muted">{m.quoteNeedsInput}</p>;
  else if (state.status === 'error') {
    const p = state.problem;
    const messages = p.errors?.length ? [...new Set(p.errors.map((e) => fieldErrorMessage(v, e)))] : [problemMessage(c, p)];
    body = (
      <div className="notice notice-error" role="alert">
        {messages.map((text) => (
          <p key={text}>{text}</p>
        ))}
      </div>
    );
  } else if (state.quote) body = <QuoteLines quote={state.quote} />;
  else body = <Loading label={m.quoteLoading} />;
  return (
    <section className="card family-section family-sticky" aria-labelledby="quote-title" aria-busy={state.status === 'loading' || undefined}>
      <h2 id="quote-title">{m.quote}</h2>
      {body}
    </section>
  );
}

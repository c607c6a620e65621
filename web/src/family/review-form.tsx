import { useState, type FormEvent } from 'react';
import { api, call } from '../api/client.ts';
import { useMessages } from '../i18n/i18n.tsx';
import { ErrorNotice, SuccessNotice } from '../ui/feedback.tsx';
import { SubmitButton, TextAreaField } from '../ui/form.tsx';
import { useAction } from '../ui/use-async.ts';
import { useErrorSummary } from '../ui/error-summary.tsx';
import { reservationMessages } from './reservation-messages.ts';

export const REVIEW_MIN = 10;
export const REVIEW_MAX = 1000;

/** A review of a COMPLETED reservation: 1–5 stars (radio buttons) and 10–1000 characters. */
export function ReviewForm({ reservationId }: { reservationId: string }) {
  const m = useMessages(reservationMessages).review;
  const [rating, setRating] = useState(0);
  const [content, setContent] = useState('');
  const [checked, setChecked] = useState(false);
  const [done, setDone] = useState(false);
  const action = useAction(async () => {
    await call(api.POST('/api/v1/reviews', { body: { reservationId, rating, content: content.trim() } }));
    setDone(true);
  });
  const length = content.trim().length;
  const ratingError = checked && rating === 0 ? m.ratingRequired : undefined;
  const contentError = checked && length < REVIEW_MIN ? m.tooShort : length > REVIEW_MAX ? m.tooLong : undefined;
  const summary = useErrorSummary(action.problem);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (rating === 0 || length < REVIEW_MIN || length > REVIEW_MAX) {
      summary.show();
      return;
    }
    summary.clear();
    void action.run();
  };
  if (done) return <SuccessNotice>{m.done}</SuccessNotice>;
  if (action.problem?.code === 'REVIEW_EXISTS') return <div className="notice notice-info" role="status">{m.exists}</div>;
  return (
    <form ref={summary.ref} className="card stack" aria-labelledby="review-title" onSubmit={submit} noValidate>
      <h2 id="review-title">{m.title}</h2>
      {summary.summary}
      <ErrorNotice problem={action.problem?.errors?.length ? undefined : action.problem} />
      <fieldset className="field family-rating" aria-describedby={ratingError ? 'review-rating-error' : undefined}>
        <legend>{m.rating}</legend>
        <div className="row">
          {[1, 2, 3, 4, 5].map((n) => (
            <label key={n} className="chip">
              <input
                type="radio"
                name="rating"
                id={`review-rating-${n}`}
                value={n}
                checked={rating === n}
                onChange={() => setRating(n)}
                aria-invalid={ratingError && n === 1 ? true : undefined}
                aria-describedby={ratingError ? 'review-rating-error' : undefined}
              />
              <span aria-hidden="true">{'★'.repeat(n)}</span>
              <span className="sr-only">{m.star(n)}</span>
            </label>
          ))}
        </div>
        {ratingError && (
          <p className="field-error" id="review-rating-error">
            {ratingError}
          </p>
        )}
      </fieldset>
      <TextAreaField
        label={m.content}
        name="content"
        required
        rows={5}
        maxLength={REVIEW_MAX}
        value={content}
        onChange={(e) => setContent(e.target.value)}
        hint={<span aria-live="polite">{m.counter(length)}</span>}
        error={contentError}
        problem={action.problem}
      />
      <SubmitButton pending={action.pending} pendingLabel={m.pending}>
        {m.submit}
      </SubmitButton>
    </form>
  );
}

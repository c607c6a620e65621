import { useState, type FormEvent } from 'react';
import { api, call } from '../api/client.ts';
import type { Json, Reservation } from '../api/types.ts';
import { useAction, type Action } from './use-async.ts';

// Cancelling a reservation, as every role does it: see what the policy refunds now
// (GET cancellation-quote), give a reason, cancel. The screens differ only in what they show.

export type CancellationQuote = Json<'/api/v1/reservations/{id}/cancellation-quote', 'get'>;

export function loadCancellationQuote(reservationId: string): Promise<CancellationQuote> {
  return call(api.GET('/api/v1/reservations/{id}/cancellation-quote', { params: { path: { id: reservationId } } }));
}

export interface Cancellation {
  readonly reason: string;
  setReason(reason: string): void;
  /** The client-side error of the reason field (empty reason). */
  readonly reasonError: string | undefined;
  /** The POST cancel: pending and its problem. */
  readonly cancel: Action<[string], void>;
  /** The form's submit handler: checks the reason, then cancels. */
  submit(event: FormEvent): void;
}

export function useCancellation(reservationId: string, options: { reasonRequired: string; onCancelled(updated: Reservation): void }): Cancellation {
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string>();
  const cancel = useAction(async (text: string) => {
    const updated = await call(api.POST('/api/v1/reservations/{id}/cancel', { params: { path: { id: reservationId } }, body: { reason: text } }));
    options.onCancelled(updated as Reservation);
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const text = reason.trim();
    if (!text) {
      // The empty reason gets focus (its error is tied to it), so nothing fails out of sight on a phone.
      const form = event.currentTarget as HTMLFormElement;
      requestAnimationFrame(() => form.querySelector<HTMLElement>('[name="reason"]')?.focus());
      return setReasonError(options.reasonRequired);
    }
    setReasonError(undefined);
    void cancel.run(text);
  };
  return { reason, setReason, reasonError, cancel, submit };
}

export interface QuotedCancellation extends Cancellation {
  /** What cancelling now would refund, while the panel is open. */
  readonly quote: CancellationQuote | undefined;
  /** Loads the quote, which opens the panel: pending and its problem. */
  readonly open: Action<[], void>;
  /** Closes the panel without cancelling. */
  close(): void;
}

/** The inline cancel panels (family, admin): opening loads the quote; cancelling or "keep" closes it. */
export function useQuotedCancellation(
  reservationId: string,
  options: { reasonRequired: string; onCancelled(): void; onOpened?(): void },
): QuotedCancellation {
  const [quote, setQuote] = useState<CancellationQuote>();
  const open = useAction(async () => {
    setQuote(await loadCancellationQuote(reservationId));
    options.onOpened?.();
  });
  const cancellation = useCancellation(reservationId, {
    reasonRequired: options.reasonRequired,
    onCancelled: () => {
      setQuote(undefined);
      options.onCancelled();
    },
  });
  return { ...cancellation, quote, open, close: () => setQuote(undefined) };
}

import { useEffect, useState } from 'react';
import { api, call } from '../api/client.ts';
import { problemOf, type Problem } from '../api/problem.ts';
import type { Quote } from '../api/types.ts';
import { bookingTimes, type RateType } from './booking.ts';

export type QuoteState =
  | { readonly status: 'idle' }
  | { readonly status: 'loading'; readonly quote?: Quote }
  | { readonly status: 'ready'; readonly quote: Quote }
  | { readonly status: 'error'; readonly problem: Problem };

export const QUOTE_DEBOUNCE_MS = 300;

/** The live price of the booking being typed: GET /quotes, debounced, the latest answer wins. */
export function useQuote(caregiverId: string, rateType: RateType, start: string, duration: string): QuoteState {
  const [state, setState] = useState<QuoteState>({ status: 'idle' });
  const times = bookingTimes(start, rateType, duration);
  const startAt = times?.startAt;
  const endAt = times?.endAt;
  useEffect(() => {
    if (!startAt || !endAt) {
      setState({ status: 'idle' });
      return;
    }
    let current = true;
    setState((previous) => ({ status: 'loading', ...(previous.status === 'ready' ? { quote: previous.quote } : {}) }));
    const timer = setTimeout(() => {
      call(api.GET('/api/v1/quotes', { params: { query: { caregiverId, rateType, startAt, endAt } } })).then(
        (quote) => current && setState({ status: 'ready', quote }),
        (error: unknown) => current && setState({ status: 'error', problem: problemOf(error) }),
      );
    }, QUOTE_DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [caregiverId, rateType, startAt, endAt]);
  return state;
}

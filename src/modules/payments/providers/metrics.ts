import { Counter, Histogram, type Registry } from 'prom-client';
import { circuitStateGauge, type CircuitState } from '../../../platform/circuit-breaker.ts';
import { oncePerRegistry } from '../../../platform/observability/shared.ts';
import { isProviderError } from './provider-errors.ts';
import type { PaymentProvider } from './provider.ts';

// Calls to the payment provider (Toss or the sandbox): count by outcome, latency, and the circuit
// breaker's state read at each scrape. Labels are bounded: provider and operation are fixed lists, the
// outcome is "ok" or a ProviderError reason.

type Operation = 'confirm' | 'get_payment' | 'get_by_order' | 'cancel';

interface Family {
  readonly calls: Counter<'provider' | 'operation' | 'outcome'>;
  readonly latency: Histogram<'provider' | 'operation'>;
  /** Circuit state readers by provider, summed into the gauge at scrape time. */
  readonly circuits: Map<string, () => CircuitState>;
}

function family(registry: Registry): Family {
  return oncePerRegistry(registry, 'payment-provider', (registers) => {
    const circuits = circuitStateGauge(registers, {
      name: 'payment_provider_circuit_state',
      help: 'Circuit breaker to the payment provider: 0 closed, 1 half-open, 2 open',
      label: 'provider',
    });
    return {
      calls: new Counter({
        name: 'payment_provider_calls_total',
        help: 'Requests to the payment provider by operation and outcome (ok or a failure reason)',
        labelNames: ['provider', 'operation', 'outcome'] as const,
        registers,
      }),
      latency: new Histogram({
        name: 'payment_provider_request_duration_seconds',
        help: 'Payment provider request duration (retries included)',
        labelNames: ['provider', 'operation'] as const,
        buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 4, 8, 15],
        registers,
      }),
      circuits,
    };
  });
}

type CircuitReader = () => CircuitState;

/** The provider's circuit breaker state, when it has one (Toss); the sandbox has none: always closed. */
function circuitOf(provider: PaymentProvider): CircuitReader {
  const withBreaker = provider as PaymentProvider & { circuitState?: CircuitReader };
  return typeof withBreaker.circuitState === 'function' ? () => withBreaker.circuitState!() : () => 'closed';
}

/** `provider` with its calls measured into `registry`, and its circuit state read at each scrape. */
export function instrumentPaymentProvider(provider: PaymentProvider, registry: Registry): PaymentProvider {
  const metrics = family(registry);
  metrics.circuits.set(provider.name, circuitOf(provider));
  async function measured<T>(operation: Operation, call: () => Promise<T>): Promise<T> {
    const labels = { provider: provider.name, operation };
    const stop = metrics.latency.startTimer(labels);
    try {
      const answer = await call();
      metrics.calls.inc({ ...labels, outcome: 'ok' });
      return answer;
    } catch (error) {
      metrics.calls.inc({ ...labels, outcome: isProviderError(error) ? error.reason : 'error' });
      throw error;
    } finally {
      stop();
    }
  }
  return {
    name: provider.name,
    confirm: (input) => measured('confirm', () => provider.confirm(input)),
    getPayment: (paymentKey) => measured('get_payment', () => provider.getPayment(paymentKey)),
    getPaymentByOrderId: (orderId) => measured('get_by_order', () => provider.getPaymentByOrderId(orderId)),
    cancel: (input) => measured('cancel', () => provider.cancel(input)),
  };
}

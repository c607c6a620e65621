import { Counter, Histogram, type Registry } from 'prom-client';
import { circuitStateGauge, type CircuitState } from '../circuit-breaker.ts';
import { oncePerRegistry } from '../observability/shared.ts';

// Contract calls to other services (split mode), like the providers' call metrics: count by outcome,
// latency, and each upstream's circuit state read at each scrape. Labels are bounded: module and method
// come from the contracts' declarations, the outcome from a fixed list.

export type CallOutcome = 'ok' | 'app_error' | 'unavailable' | 'timeout' | 'circuit_open';

export interface ContractMetrics {
  readonly calls: Counter<'module' | 'method' | 'outcome'>;
  readonly latency: Histogram<'module' | 'method'>;
  readonly circuits: Map<string, () => CircuitState>;
}

export function contractMetrics(registry: Registry | undefined): ContractMetrics {
  return oncePerRegistry(registry, 'contract-calls', (registers) => {
    const circuits = circuitStateGauge(registers, {
      name: 'contract_circuit_state',
      help: 'Circuit breaker to the service running a module: 0 closed, 1 half-open, 2 open',
      label: 'module',
    });
    return {
      calls: new Counter({
        name: 'contract_calls_total',
        help: "Calls to another service's contract by module, method and outcome (ok, app_error, unavailable, timeout, circuit_open)",
        labelNames: ['module', 'method', 'outcome'] as const,
        registers,
      }),
      latency: new Histogram({
        name: 'contract_call_duration_seconds',
        help: "Duration of calls to another service's contract (retries included)",
        labelNames: ['module', 'method'] as const,
        buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 5],
        registers,
      }),
      circuits,
    };
  });
}

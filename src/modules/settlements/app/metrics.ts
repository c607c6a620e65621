import { Counter, type Registry } from 'prom-client';
import { oncePerRegistry } from '../../../platform/observability/shared.ts';

// The settlements module's business counters, counted after the run's or the payout's transaction committed.

export interface SettlementMetrics {
  readonly runs: Counter<'trigger'>;
  readonly created: Counter;
  readonly paid: Counter;
  readonly paidWon: Counter;
}

export function settlementMetrics(registry: Registry): SettlementMetrics {
  return oncePerRegistry(registry, 'settlements', (registers) => ({
    runs: new Counter({ name: 'settlements_runs_total', help: 'Settlement runs recorded, by trigger (MANUAL, SCHEDULE)', labelNames: ['trigger'] as const, registers }),
    created: new Counter({ name: 'settlements_created_total', help: 'Settlements created by runs', registers }),
    paid: new Counter({ name: 'settlements_paid_total', help: 'Settlements paid out to caregivers', registers }),
    paidWon: new Counter({ name: 'settlements_paid_won_total', help: 'Won paid out to caregivers (net of commission)', registers }),
  }));
}

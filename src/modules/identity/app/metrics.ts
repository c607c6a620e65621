import { Counter, type Registry } from 'prom-client';
import { oncePerRegistry } from '../../../platform/observability/shared.ts';

/** Accounts created, by role; counted after the signup's transaction committed. */
export function signupMetrics(registry: Registry): Counter<'role'> {
  return oncePerRegistry(registry, 'signups', (registers) =>
    new Counter({ name: 'signups_total', help: 'Accounts created, by role', labelNames: ['role'] as const, registers }),
  );
}

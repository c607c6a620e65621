import { Counter, Histogram, type Registry } from 'prom-client';
import { oncePerRegistry } from '../../../platform/observability/shared.ts';
import type { SlackProvider } from './slack.ts';

// Slack direct messages: count by outcome (ok, error) and latency. Slack has no circuit breaker: the
// delivery worker's retry schedule spaces attempts out instead.

function family(registry: Registry) {
  return oncePerRegistry(registry, 'slack', (registers) => ({
    calls: new Counter({
      name: 'slack_provider_calls_total',
      help: 'Slack direct messages sent, by outcome (ok, error)',
      labelNames: ['operation', 'outcome'] as const,
      registers,
    }),
    latency: new Histogram({
      name: 'slack_provider_request_duration_seconds',
      help: 'Slack request duration (the client\'s retries included)',
      labelNames: ['operation'] as const,
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10],
      registers,
    }),
  }));
}

/** `slack` with its sends measured into `registry` (the no-op, sending nothing, is left as it is). */
export function instrumentSlack(slack: SlackProvider, registry: Registry): SlackProvider {
  const metrics = family(registry);
  if (!slack.enabled) return slack;
  return {
    enabled: true,
    async sendDirectMessage(slackUserId, text) {
      const stop = metrics.latency.startTimer({ operation: 'direct_message' });
      try {
        await slack.sendDirectMessage(slackUserId, text);
        metrics.calls.inc({ operation: 'direct_message', outcome: 'ok' });
      } catch (error) {
        metrics.calls.inc({ operation: 'direct_message', outcome: 'error' });
        throw error;
      } finally {
        stop();
      }
    },
  };
}

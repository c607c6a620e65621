import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { inCi } from '../support/services.ts';

// deploy/prometheus checked by promtool (Debian package `prometheus`; .ci/run installs it): the config, the
// rule files, and the rule unit tests in deploy/prometheus/tests (firing and not-firing cases per alert).
// Without promtool the suite is skipped on a laptop and fails under CI=true.

const ROOT = resolve(import.meta.dirname, '..', '..');
const PROMETHEUS = join(ROOT, 'deploy', 'prometheus');
const TESTS = join(PROMETHEUS, 'tests');

const found = spawnSync('promtool', ['--version'], { encoding: 'utf8' }).status === 0;
if (!found) {
  if (inCi) throw new Error('promtool is not installed (apt-get install prometheus): the rule tests may not skip when CI=true');
  console.warn('[tests] promtool not found (apt-get install prometheus): the Prometheus config and rule tests are skipped');
}

function promtool(...args: string[]): { status: number | null; output: string } {
  const run = spawnSync('promtool', args, { cwd: PROMETHEUS, encoding: 'utf8' });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

interface RuleFile {
  groups: { rules: { alert?: string; record?: string; annotations?: Record<string, string> }[] }[];
}
interface RuleTestFile {
  tests: { alert_rule_test?: { alertname: string; exp_alerts: unknown[] }[] }[];
}

const alerts = (parse(readFileSync(join(PROMETHEUS, 'rules', 'alerts.yml'), 'utf8')) as RuleFile).groups.flatMap((g) => g.rules);
const testFiles = readdirSync(TESTS).filter((name) => name.endsWith('.yml')).sort();

describe.skipIf(!found)('deploy/prometheus through promtool', () => {
  it('has a valid configuration that finds its rule files', () => {
    const run = promtool('check', 'config', 'prometheus.yml');
    expect(run.output).toContain('SUCCESS: 2 rule files found');
    expect(run.status, run.output).toBe(0);
  });

  it('has valid recording and alert rules', () => {
    const run = promtool('check', 'rules', 'rules/recording.yml', 'rules/alerts.yml');
    expect(run.status, run.output).toBe(0);
  });

  it.each(testFiles)('passes the rule unit tests in %s', (file) => {
    const run = promtool('test', 'rules', join('tests', file));
    expect(run.status, run.output).toBe(0);
    expect(run.output).toContain('SUCCESS');
  });
});

describe('deploy/prometheus alert rules', () => {
  it('give every alert a summary, a description and a runbook section that exists in docs/operations.md', () => {
    const anchors = new Set(
      [...readFileSync(join(ROOT, 'docs', 'operations.md'), 'utf8').matchAll(/^#{2,4} (.+)$/gm)].map((m) =>
        m[1]!.trim().toLowerCase().replace(/[^\w\- ]/g, '').replace(/ /g, '-'),
      ),
    );
    for (const rule of alerts.filter((r) => r.alert)) {
      expect(rule.annotations?.summary, rule.alert).toBeTruthy();
      expect(rule.annotations?.description, rule.alert).toBeTruthy();
      const url = rule.annotations?.runbook_url ?? '';
      expect(url, rule.alert).toMatch(/^docs\/operations\.md#/);
      expect(anchors.has(url.split('#')[1]!), `${rule.alert}: ${url}`).toBe(true);
    }
  });

  it('test every alert both firing and not firing', () => {
    const cases = testFiles.flatMap((file) =>
      (parse(readFileSync(join(TESTS, file), 'utf8')) as RuleTestFile).tests.flatMap((t) => t.alert_rule_test ?? []),
    );
    for (const name of alerts.flatMap((r) => (r.alert ? [r.alert] : []))) {
      const mine = cases.filter((c) => c.alertname === name);
      expect(mine.some((c) => c.exp_alerts.length > 0), `${name} has a firing case`).toBe(true);
      expect(mine.some((c) => c.exp_alerts.length === 0), `${name} has a not-firing case`).toBe(true);
    }
  });
});

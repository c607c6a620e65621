import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import type { Model } from '@kubernetes-models/base';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Secret } from 'kubernetes-models/v1/Secret';
import { Service } from 'kubernetes-models/v1/Service';
import { Deployment, type IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import { HorizontalPodAutoscaler, type IHorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { PodDisruptionBudget, type IPodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import type { IService } from 'kubernetes-models/v1/Service';
import { ConfigError, loadSettings } from '../../src/platform/settings.ts';
import { startupSettings } from '../../src/modules/index.ts';
import { MODULE_NAMES } from '../../src/gateway/route-table.ts';

// deploy/k8s/*.yaml (and split/, the roles that need split mode) against the Kubernetes API schemas of the npm
// package kubernetes-models (generated from the Kubernetes OpenAPI document): required fields, types, formats,
// enums. Those validators let unknown fields through, as the API server's non-strict mode does; the package's
// TypeScript interfaces catch them (excess property checks), so every manifest is also type-checked as a literal.
// Then the rules that tie the manifests together: selectors, probes, security context, HPA on CPU 50 %.

const ROOT = resolve(import.meta.dirname, '..', '..');
const K8S = join(ROOT, 'deploy', 'k8s');

type Constructor = new (data: never) => Model<unknown>;
const MODELS: Record<string, { model: Constructor; module: string; type: string }> = {
  'v1/ConfigMap': { model: ConfigMap as Constructor, module: 'kubernetes-models/v1/ConfigMap', type: 'IConfigMap' },
  'v1/Secret': { model: Secret as Constructor, module: 'kubernetes-models/v1/Secret', type: 'ISecret' },
  'v1/Service': { model: Service as Constructor, module: 'kubernetes-models/v1/Service', type: 'IService' },
  'apps/v1/Deployment': { model: Deployment as Constructor, module: 'kubernetes-models/apps/v1/Deployment', type: 'IDeployment' },
  'autoscaling/v2/HorizontalPodAutoscaler': {
    model: HorizontalPodAutoscaler as Constructor,
    module: 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler',
    type: 'IHorizontalPodAutoscaler',
  },
  'policy/v1/PodDisruptionBudget': { model: PodDisruptionBudget as Constructor, module: 'kubernetes-models/policy/v1/PodDisruptionBudget', type: 'IPodDisruptionBudget' },
};

interface Manifest {
  readonly file: string;
  readonly key: string;
  readonly body: { apiVersion: string; kind: string; metadata: { name: string } } & Record<string, unknown>;
}

function load(dir: string): Manifest[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.yaml'))
    .flatMap((e) => {
      const file = relative(ROOT, join(e.parentPath, e.name));
      return parseAllDocuments(readFileSync(join(e.parentPath, e.name), 'utf8')).map((doc) => {
        expect(doc.errors, file).toEqual([]);
        const body = doc.toJS() as Manifest['body'];
        return { file, key: `${body.apiVersion}/${body.kind}`, body };
      });
    });
}

const manifests = load(K8S);
const of = <T>(kind: string): (Manifest & { body: T })[] => manifests.filter((m) => m.body.kind === kind) as (Manifest & { body: T })[];
const deployments = of<IDeployment>('Deployment');

/** Type-checks `literal satisfies Interface` for each literal: TypeScript's excess property check finds unknown fields. */
function typeErrors(literals: { label: string; module: string; type: string; body: unknown }[]): string[] {
  const dir = join(ROOT, 'test-results', 'deploy-k8s');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'manifests.ts');
  const imports = [...new Set(literals.map((l) => `import type { ${l.type} } from '${l.module}';`))];
  const body = literals.map((l, i) => `// ${l.label}\nexport const m${i} = ${JSON.stringify(l.body, null, 2)} satisfies ${l.type};`);
  writeFileSync(file, [...imports, ...body].join('\n'));
  const program = ts.createProgram([file], {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    target: ts.ScriptTarget.ES2024,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    types: [],
  });
  const source = program.getSourceFile(file)!;
  return ts.getPreEmitDiagnostics(program, source).map((d) => {
    const line = d.start === undefined ? 0 : source.getLineAndCharacterOfPosition(d.start).line;
    const label = source.text.split('\n').slice(0, line + 1).findLast((l) => l.startsWith('// ')) ?? '';
    return `${label.slice(3)}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`;
  });
}

describe('deploy/k8s manifests against the Kubernetes API schemas', () => {
  it('has the kinds the deployment needs, each a known one', () => {
    expect(manifests.length).toBeGreaterThanOrEqual(6);
    for (const m of manifests) expect(Object.keys(MODELS), `${m.file}: ${m.key}`).toContain(m.key);
    for (const kind of ['ConfigMap', 'Secret', 'Service', 'Deployment', 'HorizontalPodAutoscaler', 'PodDisruptionBudget']) {
      expect(manifests.filter((m) => m.file.split('/').length === 3 && m.body.kind === kind), kind).toHaveLength(1);
    }
  });

  it('every manifest passes its schema (required fields, types, formats, enums)', () => {
    const problems: string[] = [];
    for (const m of manifests) {
      try {
        new MODELS[m.key]!.model(m.body as never).validate();
      } catch (error) {
        problems.push(`${m.file} ${m.key} ${m.body.metadata.name}: ${(error as Error).message}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('no manifest has a field the API does not define', () => {
    const literals = manifests.map((m) => ({ label: `${m.file} ${m.key} ${m.body.metadata.name}`, ...MODELS[m.key]!, body: m.body }));
    // The check itself must see a misspelt field: a container with `readinessprobe` is one error, on that literal.
    const broken = structuredClone(deployments[0]!.body);
    const container = broken.spec!.template.spec!.containers[0]! as unknown as Record<string, unknown>;
    container.readinessprobe = container.readinessProbe;
    delete container.readinessProbe;
    const errors = typeErrors([...literals, { label: 'self-check', ...MODELS['apps/v1/Deployment']!, body: broken }]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^self-check: .*readinessprobe.* does not exist in type 'IContainer'/);
  }, 60_000);
});

describe('deploy/k8s rules', () => {
  it('runs the one-process app by default; split/ has a gateway routing every module and services knowing where the others are', () => {
    const main = deployments.filter((d) => !d.file.includes('/split/'));
    expect(main.map((d) => d.body.metadata!.name)).toEqual(['carenest']);
    expect(main[0]!.body.spec!.template.spec!.containers[0]!.args).toEqual(['serve']);
    const split = deployments.filter((d) => d.file.includes('/split/'));
    expect(split.map((d) => d.body.metadata!.name).sort()).toEqual(['carenest-booking', 'carenest-catalog', 'carenest-gateway', 'carenest-people']);
    const gateway = split.find((d) => d.body.metadata!.name === 'carenest-gateway')!;
    const routes = gateway.body.spec!.template.spec!.containers[0]!.args![2]!;
    expect(routes.split(',').map((r) => r.split('=')[0]).sort()).toEqual([...MODULE_NAMES].sort());
    for (const d of split) {
      const container = d.body.spec!.template.spec!.containers[0]!;
      expect(container.args![0]).toMatch(/^(serve|gateway)$/);
      if (d === gateway) continue;
      expect(container.env?.find((e) => e.name === 'MODULE_URLS')?.value, d.file).toBe(routes);
      for (const module of container.args![2]!.split(',')) expect(routes, d.file).toContain(`${module}=http://${d.body.metadata!.name}`);
    }
  });

  it('each Deployment: matching selector, health probes, resources, non-root read-only container, shared config', () => {
    const configMaps = new Set(of('ConfigMap').map((m) => m.body.metadata.name));
    const secrets = new Set(of('Secret').map((m) => m.body.metadata.name));
    for (const { body: d, file } of deployments) {
      const name = `${file} ${d.metadata!.name}`;
      const pod = d.spec!.template;
      expect(pod.metadata!.labels, name).toMatchObject(d.spec!.selector.matchLabels!);
      expect(pod.spec!.securityContext, name).toMatchObject({ runAsNonRoot: true, runAsUser: 1000 });
      expect(pod.spec!.terminationGracePeriodSeconds, name).toBeGreaterThan(15);
      for (const c of pod.spec!.containers) {
        expect(c.readinessProbe?.httpGet, name).toMatchObject({ path: '/health/ready', port: 'http' });
        expect(c.livenessProbe?.httpGet, name).toMatchObject({ path: '/health/live', port: 'http' });
        expect(c.ports?.find((p) => p.name === 'http')?.containerPort, name).toBe(3000);
        expect(c.resources?.requests?.cpu, name).toBeDefined();
        expect(c.resources?.limits?.memory, name).toBeDefined();
        expect(c.securityContext, name).toMatchObject({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } });
        // With a read-only root, DATA_DIR (/data) and the temp dir must be volumes.
        expect(c.volumeMounts?.map((v) => v.mountPath).sort(), name).toEqual(['/data', '/tmp']);
        for (const from of c.envFrom ?? []) {
          if (from.configMapRef) expect(configMaps, name).toContain(from.configMapRef.name);
          if (from.secretRef) expect(secrets, name).toContain(from.secretRef.name);
        }
      }
    }
  });

  it('Services, autoscalers on CPU 50 % and disruption budgets point at the Deployments', () => {
    const byName = new Map(deployments.map((d) => [d.body.metadata!.name!, d.body]));
    const labelsMatch = (selector: Record<string, string> | undefined) =>
      deployments.some((d) => Object.entries(selector ?? {}).every(([k, v]) => d.body.spec!.template.metadata!.labels![k] === v));
    for (const { body: s } of of<IService>('Service')) expect(labelsMatch(s.spec!.selector), s.metadata!.name).toBe(true);
    for (const { body: p } of of<IPodDisruptionBudget>('PodDisruptionBudget')) expect(labelsMatch(p.spec!.selector!.matchLabels), p.metadata!.name).toBe(true);
    const hpas = of<IHorizontalPodAutoscaler>('HorizontalPodAutoscaler');
    expect(hpas).toHaveLength(deployments.length);
    for (const { body: h } of hpas) {
      expect(byName.has(h.spec!.scaleTargetRef.name), h.metadata!.name).toBe(true);
      expect(h.spec!.metrics).toEqual([{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } }]);
    }
  });

  it('the ConfigMap passes the app settings checks, and the unedited Secret template stops start-up', () => {
    const config = of<{ data: Record<string, string> }>('ConfigMap')[0]!.body.data;
    const template = of<{ stringData: Record<string, string> }>('Secret')[0]!.body.stringData;
    const filled = {
      ...template,
      JWT_SECRET: 'x'.repeat(48),
      ADMIN_SIGNUP_SECRET: 'y'.repeat(24),
      DATA_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
      METRICS_TOKEN: 'z'.repeat(24),
      INTERNAL_SECRET: 'w'.repeat(48),
    };
    const loaded = loadSettings({ ...config, ...filled }, startupSettings);
    expect(loaded.config).toMatchObject({ port: 3000, dataDir: '/data', demoData: false, kafkaBrokers: ['kafka:9092'], storage: { kind: 's3' } });
    let problems: readonly string[] = [];
    try {
      loadSettings({ ...config, ...template }, startupSettings);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      problems = error.problems;
    }
    for (const name of ['JWT_SECRET', 'ADMIN_SIGNUP_SECRET', 'DATA_ENCRYPTION_KEY', 'INTERNAL_SECRET']) expect(problems.join('\n')).toContain(name);
  });
});

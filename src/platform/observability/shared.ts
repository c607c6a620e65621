import type { Registry } from 'prom-client';

// Tests and the split mode build several apps (or buses, pollers, providers) over one registry, and
// prom-client refuses a metric name registered twice: each family of metrics is created once per
// registry, under a key, and shared by everything that reports into that registry.

const families = new WeakMap<Registry, Map<string, unknown>>();

/** The metrics `create` makes for `registry`, made on the first call for `key` and returned after. */
export function oncePerRegistry<T>(registry: Registry | undefined, key: string, create: (registers: Registry[]) => T): T {
  if (!registry) return create([]);
  let byKey = families.get(registry);
  if (!byKey) {
    byKey = new Map();
    families.set(registry, byKey);
  }
  if (byKey.has(key)) return byKey.get(key) as T;
  const created = create([registry]);
  byKey.set(key, created);
  return created;
}

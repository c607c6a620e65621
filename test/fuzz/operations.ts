import type { JsonSchema } from './samples.ts';

// The operations of the OpenAPI document, and the pieces of requests the route fuzz test builds from them.

export type Role = 'GUARDIAN' | 'CAREGIVER' | 'ADMIN';

export interface Operation {
  readonly method: string;
  readonly path: string;
  readonly parameters: readonly { name: string; in: string; required?: boolean; schema: JsonSchema }[];
  readonly body: JsonSchema | undefined;
  readonly contentTypes: readonly string[];
  readonly access: 'public' | 'user' | readonly string[];
}

/** A 1x1 PNG. */
export const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5b1d8e10000000049454e44ae426082', 'hex');

/** What an id in the path names: `/api/v1/admin/reservations/{id}/accept` -> `reservations`. */
export function resourceOf(path: string): string {
  return path.replace(/^\/api\/v1\//, '').replace(/^admin\//, '').split('/{')[0]!;
}

/** The operations of an OpenAPI document, with each route's access rule; `last` ("METHOD /path") at the end, in that order. */
export function operationsOf(document: Record<string, unknown>, access: Map<string, Operation['access']>, last: readonly string[]): Operation[] {
  const out: Operation[] = [];
  for (const [path, methods] of Object.entries(document.paths as Record<string, Record<string, Record<string, unknown>>>)) {
    for (const [method, op] of Object.entries(methods)) {
      const content = ((op.requestBody as { content?: Record<string, { schema: JsonSchema }> } | undefined)?.content ?? {}) as Record<string, { schema: JsonSchema }>;
      const contentTypes = Object.keys(content);
      const routeUrl = path.replace(/\{(\w+)\}/g, ':$1');
      out.push({
        method: method.toUpperCase(),
        path,
        parameters: (op.parameters ?? []) as Operation['parameters'],
        body: contentTypes[0] ? content[contentTypes[0]]!.schema : undefined,
        contentTypes,
        access: access.get(`${method.toUpperCase()} ${routeUrl}`) ?? 'public',
      });
    }
  }
  const rank = (op: Operation) => last.indexOf(`${op.method} ${op.path}`);
  return out.sort((a, b) => rank(a) - rank(b));
}

export function allowedRoles(access: Operation['access']): Role[] {
  if (access === 'public' || access === 'user') return ['GUARDIAN', 'CAREGIVER', 'ADMIN'];
  return access as Role[];
}

/** Paths to every leaf of a JSON value (objects and arrays, three levels deep). */
export function leaves(value: unknown, prefix: (string | number)[] = [], depth = 0): (string | number)[][] {
  if (depth > 3 || value === null || typeof value !== 'object') return prefix.length > 0 ? [prefix] : [];
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  const nested = entries.flatMap(([key, v]) => leaves(v, [...prefix, key], depth + 1));
  return prefix.length > 0 ? [prefix, ...nested] : nested;
}

export function withValue(value: unknown, path: readonly (string | number)[], replacement: unknown): unknown {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let cursor = copy;
  for (const key of path.slice(0, -1)) cursor = cursor[key] as Record<string | number, unknown>;
  cursor[path.at(-1)!] = replacement;
  return copy;
}

export function multipart(boundary: string, parts: { name: string; filename?: string; type?: string; body: Buffer | string }[], close = true): Buffer {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const disposition = `form-data; name="${part.name}"${part.filename ? `; filename="${part.filename}"` : ''}`;
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n${part.type ? `Content-Type: ${part.type}\r\n` : ''}\r\n`));
    chunks.push(Buffer.isBuffer(part.body) ? part.body : Buffer.from(part.body), Buffer.from('\r\n'));
  }
  if (close) chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(chunks);
}

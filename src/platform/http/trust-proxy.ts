import { isIP } from 'node:net';

// TRUST_PROXY: whose X-Forwarded-For / -Proto / -Host the app believes. Empty (the default) believes no one:
// request.ip is the socket peer, so a client cannot pick its own address (rate limits key on it).
// A hop count (`1`) believes that many proxies in front of the app, whoever they are: use it only when the
// app cannot be reached except through them. A list of addresses or CIDRs (`10.0.0.0/8,127.0.0.1`) believes
// only those peers, which is the safer choice. `loopback`, `linklocal` and `uniquelocal` name the usual ranges.

export type TrustProxy =
  | { readonly kind: 'none' }
  | { readonly kind: 'hops'; readonly hops: number }
  | { readonly kind: 'addresses'; readonly addresses: readonly string[] };

const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);
const MAX_HOPS = 32;

function isAddressOrRange(entry: string): boolean {
  if (NAMED_RANGES.has(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (version === 4 ? 32 : 128);
}

/** Parses TRUST_PROXY; undefined when it is neither empty, a hop count nor a list of addresses/CIDRs. */
export function parseTrustProxy(text: string): TrustProxy | undefined {
  const value = text.trim();
  if (value === '') return { kind: 'none' };
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    return hops >= 1 && hops <= MAX_HOPS ? { kind: 'hops', hops } : undefined;
  }
  const addresses = value.split(',').map((entry) => entry.trim());
  return addresses.every(isAddressOrRange) ? { kind: 'addresses', addresses } : undefined;
}

export const TRUST_PROXY_EXPECTED = `be empty, a hop count from 1 to ${MAX_HOPS}, or a comma-separated list of IP addresses or CIDRs like 10.0.0.0/8,127.0.0.1`;

/**
 * Fastify's `trustProxy`. A hop count becomes a function: Fastify 5 treats a bare number as "trust no one"
 * (it cannot check the immediate peer), so the count is applied as proxy-addr's (address, hop) => hop < n.
 */
export function fastifyTrustProxy(trust: TrustProxy): false | string[] | ((address: string, hop: number) => boolean) {
  switch (trust.kind) {
    case 'none':
      return false;
    case 'hops':
      return (_address, hop) => hop < trust.hops;
    case 'addresses':
      return [...trust.addresses];
  }
}

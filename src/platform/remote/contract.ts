// How a module's contract (its `XApi` interface) is offered over HTTP in split mode. The owning module
// declares it once (`src/modules/<m>/remote.ts`): which methods may be called from another process and
// whether they are reads (retried on a network failure) or writes (sent once), and how its synchronous
// members are computed on the caller's side from the module's pure code and settings.

/* eslint-disable @typescript-eslint/no-explicit-any */
type AnyAsync = (...args: any[]) => Promise<unknown>;
/* eslint-enable @typescript-eslint/no-explicit-any */

/** The members of `A` that answer a Promise: the ones a contract call can carry. */
export type AsyncMembers<A> = { [K in keyof A]-?: A[K] extends AnyAsync ? K : never }[keyof A];
/** The rest: pure or settings-derived, computed locally by the client. */
export type LocalMembers<A> = Omit<A, AsyncMembers<A>>;

/** `read`: changes nothing, so a failed attempt may be sent again; `write`: sent at most once. */
export type MethodKind = 'read' | 'write';

export interface RemoteContract<A, S = undefined> {
  readonly module: string;
  readonly methods: { readonly [K in AsyncMembers<A>]: MethodKind };
  /** The synchronous members, built on the calling side (from the owning module's settings when it needs them). */
  readonly local: (settings: S) => LocalMembers<A>;
}

export function defineRemoteContract<A, S = undefined>(contract: RemoteContract<A, S>): RemoteContract<A, S> {
  return contract;
}

/** Sends one call to the process running `module`; what contract-client.ts gives. */
export type ContractCaller = (method: string, args: readonly unknown[], kind: MethodKind) => Promise<unknown>;

/** The contract's Api over `call`: declared methods go over the wire, the others are computed here. */
export function remoteApi<A, S>(contract: RemoteContract<A, S>, call: ContractCaller, settings: S): A {
  const api: Record<string, unknown> = { ...contract.local(settings) };
  for (const [method, kind] of Object.entries(contract.methods) as Array<[string, MethodKind]>) {
    api[method] = (...args: unknown[]) => call(method, args, kind);
  }
  return api as A;
}

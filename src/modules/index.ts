import type { Module, Platform, Worker } from '../platform/module.ts';
import type { AccessTokenVerifier } from '../platform/http/access.ts';
import type { EventConsumer } from '../platform/events/event.ts';
import { createIdentityModule } from './identity/index.ts';
import { createCaregiversModule } from './caregivers/index.ts';

// The one place that knows every module and wires them through their contracts.

export interface ModuleSecrets {
  readonly jwtSecret: string;
  readonly adminSignupSecret: string;
}

export function createModules(platform: Platform, secrets: ModuleSecrets) {
  const identity = createIdentityModule(platform, secrets);
  const caregivers = createCaregiversModule(platform);
  const modules: Module[] = [identity, caregivers];
  const consumers: EventConsumer[] = modules.flatMap((m) => m.consumers ?? []);
  const workers: Worker[] = modules.flatMap((m) => m.workers ?? []);
  const verifyAccessToken: AccessTokenVerifier = identity.api.verifyAccessToken;
  return { modules, consumers, workers, verifyAccessToken, identity, caregivers };
}

import type { Platform } from '../platform/module.ts';
import type { createModules } from '../modules/index.ts';

export interface DemoLogin {
  readonly email: string;
  readonly password: string;
}
export interface DemoLogins {
  readonly admin: DemoLogin;
  readonly guardians: readonly DemoLogin[];
  readonly caregivers: readonly DemoLogin[];
}

export async function seedDemoData(_platform: Platform, _modules: ReturnType<typeof createModules>, _dataDir: string): Promise<DemoLogins | undefined> {
  return undefined;
}

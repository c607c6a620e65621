import type { Platform } from '../platform/module.ts';
import type { Actor } from '../platform/access.ts';
import { resolveSecret } from '../platform/secrets.ts';
import type { createModules } from '../modules/index.ts';
import { DEMO_GUARDIANS, demoCaregivers } from './demo-people.ts';

// Demo data for an empty database: one admin, five guardians, caregivers approved by that admin.
// Everything goes through the same use cases as the API, so the demo obeys every rule.

export interface DemoLogin {
  readonly email: string;
  readonly password: string;
}
export interface DemoLogins {
  readonly admin: DemoLogin;
  readonly guardians: readonly DemoLogin[];
  readonly caregivers: readonly DemoLogin[];
}

export const DEMO_CAREGIVER_COUNT = 36;
const ADMIN_EMAIL = 'admin@demo.carenest.kr';

type Modules = ReturnType<typeof createModules>;

function logins(password: string): DemoLogins {
  return {
    admin: { email: ADMIN_EMAIL, password },
    guardians: DEMO_GUARDIANS.map((_, i) => ({ email: `guardian${i + 1}@demo.carenest.kr`, password })),
    caregivers: Array.from({ length: DEMO_CAREGIVER_COUNT }, (_, i) => ({ email: `caregiver${i + 1}@demo.carenest.kr`, password })),
  };
}

/**
 * Loads the demo once. The marker is the demo admin account: if it exists (this or an earlier start
 * loaded the demo), nothing is written; if any other account exists, the database is not empty and
 * the demo is skipped. Returns the logins to print, or undefined when no demo is there.
 */
export async function seedDemoData(
  platform: Platform,
  modules: Modules,
  options: { dataDir: string; adminSignupSecret: string },
): Promise<DemoLogins | undefined> {
  const password = (await resolveSecret(undefined, options.dataDir, 'demo-password')).value.slice(0, 16);
  const all = logins(password);
  const { identity, caregivers } = modules;
  if (await identity.api.emailRegistered(ADMIN_EMAIL)) return all;
  if ((await identity.api.userCount()) > 0) {
    platform.logger.info('DEMO_DATA is on but the database already has accounts: demo data not loaded');
    return undefined;
  }
  const started = Date.now();
  const admin = await identity.useCases.signup({ email: ADMIN_EMAIL, password, name: '관리자', role: 'ADMIN', adminSecret: options.adminSignupSecret });
  const adminActor: Actor = { userId: admin.id, role: 'ADMIN', tokenId: 'demo-seed', expiresAt: 0 };
  for (const [i, guardian] of DEMO_GUARDIANS.entries()) {
    await identity.useCases.signup({ ...guardian, email: all.guardians[i]!.email, password, role: 'GUARDIAN' });
  }
  const people = demoCaregivers(DEMO_CAREGIVER_COUNT, platform.clock.now().getUTCFullYear());
  for (const [i, person] of people.entries()) {
    const user = await identity.useCases.signup({ email: all.caregivers[i]!.email, password, name: person.name, role: 'CAREGIVER' });
    const profile = await caregivers.useCases.createProfile(user.id, {
      displayName: person.name,
      gender: person.gender,
      birthYear: person.birthYear,
      careerYears: person.careerYears,
      introduction: person.introduction,
      certificates: person.certificates,
      regions: person.regions,
      serviceTypes: person.serviceTypes,
      languages: person.languages,
      hourlyRate: person.hourlyRate,
      dailyRate: person.dailyRate,
    });
    await caregivers.useCases.approveProfile(profile.id, { actor: adminActor });
  }
  platform.logger.info({ ms: Date.now() - started, caregivers: people.length }, 'demo data loaded');
  return all;
}

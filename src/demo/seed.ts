import type { Platform } from '../platform/module.ts';
import type { Actor } from '../platform/access.ts';
import { resolveSecret, storedSecret } from '../platform/secrets.ts';
import type { createModules } from '../modules/index.ts';
import { DEMO_GUARDIANS, demoCaregivers } from './demo-people.ts';
import { seedDemoHistory, type HistoryPeople, type TimeMachine } from './demo-history.ts';

// Demo data for an empty database: one admin, five guardians, caregivers approved by that admin.
// Everything goes through the same use cases as the API, so the demo obeys every rule.

export interface DemoLogin {
  readonly email: string;
  readonly password: string;
}
export interface DemoLogins {
  /** `sharedWithGuardians`: a demo loaded by a version that gave the admin the guardians' password. */
  readonly admin: DemoLogin & { readonly sharedWithGuardians?: boolean };
  readonly guardians: readonly DemoLogin[];
  readonly caregivers: readonly DemoLogin[];
}

export const DEMO_CAREGIVER_COUNT = 36;
const ADMIN_EMAIL = 'admin@demo.carenest.kr';
const ADMIN_PASSWORD_FILE = 'demo-admin-password';

type Modules = ReturnType<typeof createModules>;

function logins(password: string, adminPassword: string | undefined): DemoLogins {
  return {
    admin: adminPassword === undefined ? { email: ADMIN_EMAIL, password, sharedWithGuardians: true } : { email: ADMIN_EMAIL, password: adminPassword },
    guardians: DEMO_GUARDIANS.map((_, i) => ({ email: `guardian${i + 1}@demo.carenest.kr`, password })),
    caregivers: Array.from({ length: DEMO_CAREGIVER_COUNT }, (_, i) => ({ email: `caregiver${i + 1}@demo.carenest.kr`, password })),
  };
}

/**
 * Loads the demo once. The marker is the demo admin account: if it exists (this or an earlier start
 * loaded the demo), nothing is written; if any other account exists, the database is not empty and
 * the demo is skipped. Returns the logins to print, or undefined when no demo is there.
 * The admin's password is its own random secret (DATA_DIR/secrets/demo-admin-password), never the one
 * printed for every guardian and caregiver: knowing a demo family's login must not open the back office.
 */
export async function seedDemoData(
  platform: Platform,
  modules: Modules,
  options: {
    dataDir: string;
    adminSignupSecret: string;
    /** The platform's clock, able to travel: given, past weeks of finished and reviewed bookings are loaded too. */
    clock?: TimeMachine | undefined;
  },
): Promise<DemoLogins | undefined> {
  const password = (await resolveSecret(undefined, options.dataDir, 'demo-password')).value.slice(0, 16);
  const { identity, caregivers } = modules;
  // A demo loaded before the admin had its own password has no admin secret file: its admin shares the guardians'.
  if (await identity.api.emailRegistered(ADMIN_EMAIL)) return logins(password, (await storedSecret(options.dataDir, ADMIN_PASSWORD_FILE))?.slice(0, 16));
  if ((await identity.api.userCount()) > 0) {
    platform.logger.info('DEMO_DATA is on but the database already has accounts: demo data not loaded');
    return undefined;
  }
  const adminPassword = (await resolveSecret(undefined, options.dataDir, ADMIN_PASSWORD_FILE)).value.slice(0, 16);
  const all = logins(password, adminPassword);
  const started = Date.now();
  const admin = await identity.useCases.signup({ email: ADMIN_EMAIL, password: adminPassword, name: '관리자', role: 'ADMIN', adminSecret: options.adminSignupSecret });
  const adminActor: Actor = { userId: admin.id, role: 'ADMIN', tokenId: 'demo-seed', expiresAt: 0 };
  // Families and caregivers share one password: signed up together, it is hashed once (decision 0035).
  const people = demoCaregivers(DEMO_CAREGIVER_COUNT, platform.clock.now().getUTCFullYear());
  const accounts = await identity.useCases.signupMany([
    ...DEMO_GUARDIANS.map((guardian, i) => ({ ...guardian, email: all.guardians[i]!.email, password, role: 'GUARDIAN' as const })),
    ...people.map((person, i) => ({ email: all.caregivers[i]!.email, password, name: person.name, role: 'CAREGIVER' as const })),
  ]);
  const guardianIds = accounts.slice(0, DEMO_GUARDIANS.length).map((user) => user.id);
  const users = accounts.slice(DEMO_GUARDIANS.length);
  const approved: HistoryPeople['caregivers'][number][] = [];
  for (const [i, person] of people.entries()) {
    const user = users[i]!;
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
    approved.push({ userId: user.id, profileId: profile.id, person });
  }
  const bookings = options.clock ? await seedDemoHistory(platform, modules, { guardianIds, caregivers: approved }, options.clock) : 0;
  platform.logger.info({ ms: Date.now() - started, caregivers: people.length, bookings }, 'demo data loaded');
  return all;
}

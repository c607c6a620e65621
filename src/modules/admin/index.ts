import { defineManifest, type Module, type Platform } from '../../platform/module.ts';
import type { AdminDeps } from './app/deps.ts';
import { makeAdminUseCases, type AdminUseCases } from './app/use-cases.ts';
import { adminRoutes } from './http/routes.ts';

// Admin views across modules. The admin lists of one module's data (reservations, payments, caregivers)
// live in that module; this module only combines what several own, through their contracts.

export type { AdminUseCases };
export type AdminOptions = Omit<AdminDeps, 'platform'>;

/** Admin owns no tables and has no settings. */
export const adminManifest = defineManifest('admin', {});

export function createAdminModule(platform: Platform, options: AdminOptions): Module & { useCases: AdminUseCases } {
  const useCases = makeAdminUseCases({ platform, ...options });
  return { name: 'admin', routes: (app) => adminRoutes(app, useCases), useCases };
}

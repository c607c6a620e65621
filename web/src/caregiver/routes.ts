import { lazy } from 'react';
import type { RouteDef } from '../routes.ts';

const CaregiverHomePage = lazy(() => import('./home-page.tsx').then((m) => ({ default: m.CaregiverHomePage })));

// The caregiver area, loaded only when a caregiver opens it.
export const caregiverRoutes: readonly RouteDef[] = [{ path: '/caregiver', roles: ['CAREGIVER'], page: CaregiverHomePage }];

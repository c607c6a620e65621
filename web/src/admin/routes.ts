import { lazy } from 'react';
import type { RouteDef } from '../routes.ts';

const AdminHomePage = lazy(() => import('./home-page.tsx').then((m) => ({ default: m.AdminHomePage })));

// The admin area, loaded only when an admin opens it.
export const adminRoutes: readonly RouteDef[] = [{ path: '/admin', roles: ['ADMIN'], page: AdminHomePage }];

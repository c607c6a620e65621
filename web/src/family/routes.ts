import type { RouteDef } from '../routes.ts';
import { FamilyHomePage } from './home-page.tsx';

// The family (GUARDIAN) area. The home page is part of the first load; every other page loads lazily.
export const familyRoutes: readonly RouteDef[] = [{ path: '/', page: FamilyHomePage }];

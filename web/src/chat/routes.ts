import { lazy } from 'react';
import type { RouteDef } from '../routes.ts';

// Chat for families and caregivers, loaded only when opened (the family home's first load stays small).
const RoomsPage = lazy(() => import('./rooms-page.tsx').then((m) => ({ default: m.RoomsPage })));
const ConversationPage = lazy(() => import('./conversation-page.tsx').then((m) => ({ default: m.ConversationPage })));

export const chatRoutes: readonly RouteDef[] = [
  { path: '/chat', roles: ['GUARDIAN', 'CAREGIVER'], page: RoomsPage },
  { path: '/chat/:roomId', roles: ['GUARDIAN', 'CAREGIVER'], page: ConversationPage },
];

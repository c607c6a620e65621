import { lazy } from 'react';
import type { RouteDef } from '../routes.ts';

// Pages anyone may open: 고객센터 and the legal texts. All lazy.
const HelpPage = lazy(() => import('./help-page.tsx').then((m) => ({ default: m.HelpPage })));
const TermsPage = lazy(() => import('./legal-page.tsx').then((m) => ({ default: m.TermsPage })));
const PrivacyPage = lazy(() => import('./legal-page.tsx').then((m) => ({ default: m.PrivacyPage })));

export const infoRoutes: readonly RouteDef[] = [
  { path: '/help', page: HelpPage },
  { path: '/terms', page: TermsPage },
  { path: '/privacy', page: PrivacyPage },
];

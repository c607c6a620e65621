import { Suspense, useEffect } from 'react';
import { startLive } from './api/live.ts';
import { LoginPage } from './auth/login-page.tsx';
import { SessionProvider, homeOf, roleHint, useSession } from './auth/session-provider.tsx';
import { SignupPage } from './auth/signup-page.tsx';
import { adminRoutes } from './admin/routes.ts';
import { caregiverRoutes } from './caregiver/routes.ts';
import { chatRoutes } from './chat/routes.ts';
import { familyRoutes } from './family/routes.ts';
import { infoRoutes } from './info/routes.ts';
import { common } from './i18n/common.ts';
import { LocaleProvider, useMessages, type Locale } from './i18n/i18n.tsx';
import { matchPath, Redirect, useLocation } from './router.tsx';
import type { RouteDef } from './routes.ts';
import { Layout } from './shell/layout.tsx';
import { NotificationsPage } from './shell/notifications.tsx';
import { Loading } from './ui/feedback.tsx';
import { Page } from './ui/page.tsx';

const sharedRoutes: readonly RouteDef[] = [
  { path: '/login', page: LoginPage },
  { path: '/signup', page: SignupPage },
  { path: '/notifications', roles: ['GUARDIAN', 'CAREGIVER', 'ADMIN'], page: NotificationsPage },
];

const routes: readonly RouteDef[] = [...sharedRoutes, ...familyRoutes, ...caregiverRoutes, ...chatRoutes, ...adminRoutes, ...infoRoutes];

function Message({ title }: { title: string }) {
  return (
    <Page title={title}>
      <p>{title}</p>
    </Page>
  );
}

function CurrentPage() {
  const { path, query } = useLocation();
  const session = useSession();
  const m = useMessages(common);
  for (const route of routes) {
    const params = matchPath(route.path, path);
    if (!params) continue;
    if (route.roles) {
      if (session.status === 'loading') {
        // Signed in here before in a role this page is for: show it at once, so its code and data load
        // beside the token refresh and /users/me instead of after them (the checks below run when they answer).
        const hint = roleHint();
        if (!hint || !route.roles.includes(hint)) return <Loading />;
      } else if (!session.user) return <Redirect to={`/login?next=${encodeURIComponent(path + (query.size ? `?${query}` : ''))}`} />;
      else if (!route.roles.includes(session.user.role)) {
        // A caregiver or admin opening the family home lands on their own start page.
        return path === '/' ? <Redirect to={homeOf(session.user.role)} /> : <Message title={m.states.forbidden} />;
      }
    }
    const Screen = route.page;
    return <Screen key={path} params={params} />;
  }
  return <Message title={m.states.notFound} />;
}

export function App({ locale }: { locale?: Locale }) {
  useEffect(() => startLive(), []);
  return (
    <LocaleProvider {...(locale ? { locale } : {})}>
      <SessionProvider>
        <Layout>
          <Suspense fallback={<Loading />}>
            <CurrentPage />
          </Suspense>
        </Layout>
      </SessionProvider>
    </LocaleProvider>
  );
}

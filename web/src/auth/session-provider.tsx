import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, call } from '../api/client.ts';
import { clearSession, currentAccessToken, deviceTokenFor, hasSession, onSessionChange, rememberDevice, storeTokens } from '../api/session-tokens.ts';
import type { Role, User } from '../api/types.ts';
import { hasChosenLocale, useLocale } from '../i18n/i18n.tsx';

// The signed-in user for every screen (React context, `useSession()`): loaded from /users/me when a
// session exists, cleared on logout or when the refresh token is refused. The tokens themselves live in
// api/session-tokens.ts.

interface SessionState {
  readonly status: 'loading' | 'anonymous' | 'signed-in';
  readonly user: User | undefined;
  login(email: string, password: string): Promise<User>;
  logout(): Promise<void>;
  reloadUser(): Promise<void>;
}

const SessionContext = createContext<SessionState | undefined>(undefined);

/** The role of the last user seen in this browser: a hint for showing a page before /users/me answers. */
const ROLE_HINT_KEY = 'carenest.sessionRole';
let early: Promise<User> | undefined;

/**
 * Called once before the first render (main.tsx): asks for the signed-in user, and so refreshes the
 * token, while React and the page's code are still starting, instead of after the first render.
 */
export function prefetchSession(): void {
  if (!hasSession()) return;
  early = call(api.GET('/api/v1/users/me'));
  early.catch(() => undefined);
}

function takeEarly(): Promise<User> | undefined {
  const pending = early;
  early = undefined;
  return pending;
}

/**
 * The role this browser's session had when last loaded, while it is loading again (undefined otherwise).
 * Only a hint for what to show first (app.tsx renders a page for that role while /users/me is on its way,
 * so its code and data load at the same time); the server decides what anyone may do.
 */
export function roleHint(): Role | undefined {
  if (!hasSession()) return undefined;
  try {
    const role = globalThis.localStorage?.getItem(ROLE_HINT_KEY);
    return role === 'GUARDIAN' || role === 'CAREGIVER' || role === 'ADMIN' ? role : undefined;
  } catch {
    return undefined;
  }
}

function rememberRole(role: Role | undefined): void {
  try {
    if (role) globalThis.localStorage?.setItem(ROLE_HINT_KEY, role);
    else globalThis.localStorage?.removeItem(ROLE_HINT_KEY);
  } catch {
    // only a hint
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | undefined>();
  const [status, setStatus] = useState<SessionState['status']>(hasSession() ? 'loading' : 'anonymous');
  const { setLocale } = useLocale();

  const loadUser = useCallback(async () => {
    if (!hasSession()) {
      setUser(undefined);
      setStatus('anonymous');
      return;
    }
    try {
      const me = await (takeEarly() ?? call(api.GET('/api/v1/users/me')));
      setUser(me);
      setStatus('signed-in');
    } catch {
      // A refused refresh token cleared the session; a network failure leaves the user to retry.
      setUser(undefined);
      setStatus(hasSession() ? 'loading' : 'anonymous');
    }
  }, []);

  useEffect(() => {
    void loadUser();
    return onSessionChange((signedIn) => {
      if (!signedIn) {
        setUser(undefined);
        setStatus('anonymous');
      }
    });
  }, [loadUser]);

  const login = useCallback(
    async (email: string, password: string) => {
      const deviceToken = deviceTokenFor(email);
      const tokens = await call(
        api.POST('/api/v1/auth/login', { body: { email, password }, params: { header: deviceToken ? { 'x-device-token': deviceToken } : {} } }),
      );
      storeTokens(tokens);
      if (tokens.deviceToken) rememberDevice(email, tokens.deviceToken);
      const me = await call(api.GET('/api/v1/users/me'));
      setUser(me);
      setStatus('signed-in');
      // The account's language applies unless a language was picked in this browser.
      if (!hasChosenLocale() && (me.preferredLanguage === 'ko' || me.preferredLanguage === 'en')) setLocale(me.preferredLanguage);
      return me;
    },
    [setLocale],
  );

  const logout = useCallback(async () => {
    if (await currentAccessToken()) await api.POST('/api/v1/auth/logout').catch(() => undefined);
    clearSession();
  }, []);

  useEffect(() => {
    if (status !== 'loading') rememberRole(user?.role);
  }, [status, user]);

  const value = useMemo(() => ({ status, user, login, logout, reloadUser: loadUser }), [status, user, login, logout, loadUser]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

/** Where each role starts after logging in. */
export function homeOf(role: Role): string {
  return role === 'CAREGIVER' ? '/caregiver' : role === 'ADMIN' ? '/admin' : '/';
}

import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, call } from '../api/client.ts';
import { clearSession, currentAccessToken, hasSession, onSessionChange, storeTokens } from '../api/session-tokens.ts';
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
      const me = await call(api.GET('/api/v1/users/me'));
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
      const tokens = await call(api.POST('/api/v1/auth/login', { body: { email, password } }));
      storeTokens(tokens);
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

import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useLiveStatus } from '../api/live.ts';
import { useSession } from '../auth/session-provider.tsx';
import { common } from '../i18n/common.ts';
import { LOCALES, useLocale, useMessages } from '../i18n/i18n.tsx';
import { Link, navigate, useLocation } from '../router.tsx';
import { useUnreadCount } from './notifications.tsx';
import './header.css';

const LARGE_TEXT_KEY = 'carenest.largeText';

function useLargeText(): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(() => {
    try {
      return globalThis.localStorage?.getItem(LARGE_TEXT_KEY) === 'true';
    } catch {
      return false;
    }
  });
  useEffect(() => {
    document.documentElement.dataset.text = on ? 'large' : 'normal';
    try {
      globalThis.localStorage?.setItem(LARGE_TEXT_KEY, String(on));
    } catch {
      // not persisted
    }
  }, [on]);
  return [on, setOn];
}

/** The phone menu: closed on every navigation and with Escape (focus back on its button). */
function useMenu() {
  const [open, setOpen] = useState(false);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const { path } = useLocation();
  useEffect(() => setOpen(false), [path]);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !open) return;
    setOpen(false);
    toggleRef.current?.focus();
  };
  return { open, setOpen, toggleRef, onKeyDown };
}

function NavLink({ to, children }: { to: string; children: ReactNode }) {
  const { path } = useLocation();
  // An area's start page is current only on itself; other links also for the pages below them.
  const areaHome = to === '/' || to === '/caregiver' || to === '/admin';
  const current = areaHome ? path === to : path === to || path.startsWith(`${to}/`);
  return (
    <Link to={to} aria-current={current ? 'page' : undefined} className="nav-link">
      {children}
    </Link>
  );
}

function Bell() {
  const m = useMessages(common);
  const { user } = useSession();
  const count = useUnreadCount(Boolean(user));
  const live = useLiveStatus();
  const unread = count === 0 ? '' : count > 99 ? '99+' : String(count);
  return (
    <Link to="/notifications" className="bell" aria-label={m.bell.label(unread)} title={m.live[live]}>
      <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
        <path d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1z" fill="currentColor" />
      </svg>
      {unread && (
        <span className="bell-count" aria-hidden="true">
          {unread}
        </span>
      )}
      <span className={`live-dot live-${live}`} aria-hidden="true" />
    </Link>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const m = useMessages(common);
  const { locale, setLocale } = useLocale();
  const { user, logout } = useSession();
  const [largeText, setLargeText] = useLargeText();
  const menu = useMenu();
  const role = user?.role;
  return (
    <>
      <a className="skip-link" href="#main">
        {m.skipToContent}
      </a>
      <header className="site-header">
        <div className="site-header-inner">
          <Link to={role === 'CAREGIVER' ? '/caregiver' : role === 'ADMIN' ? '/admin' : '/'} className="brand">
            <img src="/favicon.svg" alt="" width="28" height="28" /> {m.appName}
          </Link>
          {user && <Bell />}
          <button
            type="button"
            ref={menu.toggleRef}
            className="btn btn-small btn-secondary menu-toggle"
            aria-expanded={menu.open}
            aria-controls="site-menu"
            onClick={() => menu.setOpen(!menu.open)}
          >
            <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
              <path d="M3 6h18v2H3zm0 5h18v2H3zm0 5h18v2H3z" fill="currentColor" />
            </svg>
            {m.nav.menu}
          </button>
          {/* Phones: one row (brand, bell, menu); the rest opens below it. Wider screens: all in the row. */}
          <div id="site-menu" className="site-menu" data-open={menu.open} onKeyDown={menu.onKeyDown}>
            <nav aria-label={m.nav.label} className="main-nav">
              {(!role || role === 'GUARDIAN') && <NavLink to="/">{m.nav.home}</NavLink>}
              {role === 'GUARDIAN' && <NavLink to="/reservations">{m.nav.myReservations}</NavLink>}
              {role === 'GUARDIAN' && <NavLink to="/chat">{m.nav.chat}</NavLink>}
              {/* Families (and visitors) look for 고객센터 in the menu; the footer has it for every role. */}
              {(!role || role === 'GUARDIAN') && <NavLink to="/help">{m.footer.help}</NavLink>}
              {role === 'CAREGIVER' && (
                <>
                  <NavLink to="/caregiver">{m.nav.caregiverHome}</NavLink>
                  <NavLink to="/caregiver/requests">{m.nav.caregiverRequests}</NavLink>
                  <NavLink to="/caregiver/schedule">{m.nav.caregiverSchedule}</NavLink>
                  <NavLink to="/caregiver/earnings">{m.nav.caregiverEarnings}</NavLink>
                  <NavLink to="/caregiver/profile">{m.nav.caregiverProfile}</NavLink>
                  <NavLink to="/chat">{m.nav.chat}</NavLink>
                </>
              )}
              {role === 'ADMIN' && (
                <>
                  <NavLink to="/admin">{m.nav.adminHome}</NavLink>
                  <NavLink to="/admin/caregivers">{m.nav.adminCaregivers}</NavLink>
                  <NavLink to="/admin/reservations">{m.nav.adminReservations}</NavLink>
                  <NavLink to="/admin/payments">{m.nav.adminPayments}</NavLink>
                  <NavLink to="/admin/settlements">{m.nav.adminSettlements}</NavLink>
                  <NavLink to="/admin/users">{m.nav.adminUsers}</NavLink>
                  <NavLink to="/admin/audit-log">{m.nav.adminAuditLog}</NavLink>
                  <NavLink to="/admin/stats">{m.nav.adminStats}</NavLink>
                </>
              )}
            </nav>
            <div className="header-tools">
              <label className="compact-select">
                <span className="sr-only">{m.settings.language}</span>
                <select value={locale} onChange={(e) => setLocale(e.target.value as typeof locale)} aria-label={m.settings.language}>
                  {LOCALES.map((l) => (
                    <option key={l} value={l}>
                      {l === 'ko' ? '한국어' : 'English'}
                    </option>
                  ))}
                </select>
              </label>
              <button type="button" className="btn btn-small btn-secondary text-toggle" aria-pressed={largeText} onClick={() => setLargeText(!largeText)}>
                {m.settings.largeText}
                {/* The state is aria-pressed for screen readers; this is the same state for the eye. */}
                <span className="toggle-state" aria-hidden="true">
                  {largeText ? m.settings.on : m.settings.off}
                </span>
              </button>
              {user ? (
                <button
                  type="button"
                  className="btn btn-small btn-secondary"
                  onClick={() => {
                    void logout().then(() => navigate('/'));
                  }}
                >
                  {m.nav.logout}
                </button>
              ) : (
                <>
                  <Link to="/login" className="btn btn-small btn-secondary">
                    {m.nav.login}
                  </Link>
                  <Link to="/signup" className="btn btn-small btn-primary">
                    {m.nav.signup}
                  </Link>
                </>
              )}
            </div>
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <p>
          {m.appName} · {m.tagline}
        </p>
        <nav aria-label={m.footer.label} className="footer-links">
          <Link to="/help">{m.footer.help}</Link> · <Link to="/terms">{m.footer.terms}</Link> · <Link to="/privacy">{m.footer.privacy}</Link>
        </nav>
      </footer>
    </>
  );
}

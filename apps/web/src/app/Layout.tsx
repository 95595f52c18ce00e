import { useQueryClient } from '@tanstack/react-query';
import { Suspense } from 'react';
import { NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { logout } from '../features/auth/api/logout.ts';
import { useMe } from '../features/auth/hooks/use-me.ts';
import { ThemeSelect } from '../features/appearance/components/ThemeSelect.tsx';
import { useBranding } from '../features/appearance/hooks/use-branding.ts';
import { useTheme } from '../features/appearance/hooks/use-theme.ts';
import { LiveStatus } from '../features/admin/components/LiveStatus.tsx';
import { PendingInvitations } from '../features/auth/components/PendingInvitations.tsx';

/** Links keep the filters (search) when moving between the metric pages. */
const metricPages = [
  { to: '/dora', label: 'DORA' },
  { to: '/flow', label: 'Delivery flow' },
  { to: '/deployments', label: 'Deployments' },
  { to: '/incidents', label: 'Incidents' },
  { to: '/pull-requests', label: 'Pull requests' },
];

const adminPages = [
  { to: '/admin/integrations', label: 'Integrations' },
  { to: '/admin/users', label: 'Users' },
  { to: '/admin/api-keys', label: 'API keys' },
  { to: '/admin/appearance', label: 'Branding' },
];

/** Header with the tenant's logo and name, navigation, theme and logout; the page below. */
export function Layout() {
  const me = useMe();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  useTheme();
  useBranding(me.data?.tenant.branding);
  const keepFilters = (to: string) => {
    const params = new URLSearchParams(location.search);
    params.delete('view');
    params.delete('failed');
    const search = params.toString();
    return search === '' ? to : `${to}?${search}`;
  };
  const logo = me.data?.tenant.branding?.logoUrl ?? null;
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <div className="tenant">
          <img className="tenant-logo" src={logo ?? '/favicon.svg'} alt="" width="32" height="32" />
          <span className="tenant-name" data-testid="tenant-name">
            {me.data?.tenant.name ?? '…'}
          </span>
        </div>
        <nav aria-label="Main">
          <ul>
            {metricPages.map((page) => (
              <li key={page.to}>
                <NavLink to={keepFilters(page.to)}>{page.label}</NavLink>
              </li>
            ))}
            {me.data?.role === 'admin' && (
              <li>
                <NavLink
                  to="/admin/integrations"
                  className={() => (location.pathname.startsWith('/admin') ? 'active' : '')}
                >
                  Admin
                </NavLink>
              </li>
            )}
          </ul>
        </nav>
        <div className="header-tools">
          <LiveStatus />
          <ThemeSelect />
          <span className="user muted" title={me.data?.role}>
            {me.data?.user?.displayName ?? me.data?.user?.email ?? ''}
            {me.data !== undefined && <span className="role-badge">{me.data.role}</span>}
          </span>
          <button
            type="button"
            onClick={() =>
              void logout().then(() => {
                queryClient.clear();
                void navigate('/login');
              })
            }
          >
            Log out
          </button>
        </div>
      </header>
      {location.pathname.startsWith('/admin') && me.data?.role === 'admin' && (
        <nav className="sub-nav" aria-label="Administration">
          <ul>
            {adminPages.map((page) => (
              <li key={page.to}>
                <NavLink to={page.to}>{page.label}</NavLink>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <main id="main" tabIndex={-1}>
        {me.data?.kind === 'user' && <PendingInvitations />}
        <Suspense fallback={<p className="muted">Loading…</p>}>
          <Outlet />
        </Suspense>
      </main>
    </div>
  );
}

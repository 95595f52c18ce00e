import { QueryClientProvider } from '@tanstack/react-query';
import { lazy, useState, type ComponentType } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { LoginPage } from '../features/auth/components/LoginPage.tsx';
import { DoraOverviewPage } from '../features/dora/components/DoraOverviewPage.tsx';
import { StreamProvider } from '../features/admin/components/StreamProvider.tsx';
import { Layout } from './Layout.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';
import { createQueryClient } from './query-client.ts';
import { RequireAdmin } from './RequireAdmin.tsx';
import { RequireAuth } from './RequireAuth.tsx';

/** A page loaded on first visit (its code is a separate chunk). */
const page = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) =>
  lazy(async () => ({ default: (await load())[name] }));

const FlowPage = page(() => import('../features/flow/components/FlowPage.tsx'), 'FlowPage');
const DeploymentsPage = page(
  () => import('../features/drilldowns/components/DeploymentsPage.tsx'),
  'DeploymentsPage',
);
const DeploymentPage = page(
  () => import('../features/drilldowns/components/DeploymentPage.tsx'),
  'DeploymentPage',
);
const IncidentsPage = page(
  () => import('../features/drilldowns/components/IncidentsPage.tsx'),
  'IncidentsPage',
);
const PullRequestsPage = page(
  () => import('../features/drilldowns/components/PullRequestsPage.tsx'),
  'PullRequestsPage',
);
const IntegrationsPage = page(
  () => import('../features/admin/components/IntegrationsPage.tsx'),
  'IntegrationsPage',
);
const NewIntegrationPage = page(
  () => import('../features/admin/components/NewIntegrationPage.tsx'),
  'NewIntegrationPage',
);
const IntegrationPage = page(
  () => import('../features/admin/components/IntegrationPage.tsx'),
  'IntegrationPage',
);
const UsersPage = page(() => import('../features/admin/components/UsersPage.tsx'), 'UsersPage');
const ApiKeysPage = page(() => import('../features/admin/components/ApiKeysPage.tsx'), 'ApiKeysPage');
const BrandingPage = page(() => import('../features/appearance/components/BrandingPage.tsx'), 'BrandingPage');

const admin = (Page: ComponentType) => (
  <RequireAdmin>
    <Page />
  </RequireAdmin>
);

export function App() {
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <Routes>
          <Route path="/login" element={<LoginPage />} />
          <Route
            element={
              <RequireAuth>
                <StreamProvider>
                  <Layout />
                </StreamProvider>
              </RequireAuth>
            }
          >
            <Route index element={<Navigate to="/dora" replace />} />
            <Route path="dora" element={<DoraOverviewPage />} />
            <Route path="flow" element={<FlowPage />} />
            <Route path="deployments" element={<DeploymentsPage />} />
            <Route path="deployments/:id" element={<DeploymentPage />} />
            <Route path="incidents" element={<IncidentsPage />} />
            <Route path="pull-requests" element={<PullRequestsPage />} />
            <Route path="admin" element={<Navigate to="/admin/integrations" replace />} />
            <Route path="admin/integrations" element={admin(IntegrationsPage)} />
            <Route path="admin/integrations/new" element={admin(NewIntegrationPage)} />
            <Route path="admin/integrations/:id" element={admin(IntegrationPage)} />
            <Route path="admin/users" element={admin(UsersPage)} />
            <Route path="admin/api-keys" element={admin(ApiKeysPage)} />
            <Route path="admin/appearance" element={admin(BrandingPage)} />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </BrowserRouter>
    </QueryClientProvider>
  );
}

import { lazy, Suspense } from 'react';
import { Route, Switch } from 'wouter';
import { useSession } from '../api/session';
import { ChangePasswordPage } from '../pages/ChangePasswordPage';
import { QueuePage } from '../pages/QueuePage';
import { SignInPage } from '../pages/SignInPage';
import { Layout } from './Layout';
import { UnitProvider } from './unit';

// Screens not needed at the first paint load on demand (the first load stays small).
const ReceiptPage = lazy(() => import('../pages/ReceiptPage'));
const DossierPage = lazy(() => import('../pages/DossierPage'));
const PrintPage = lazy(() => import('../print/PrintPage'));
const AdminPage = lazy(() => import('../pages/AdminPage'));
const ReportPage = lazy(() => import('../pages/ReportPage'));
const DashboardPage = lazy(() => import('../pages/DashboardPage'));
const AuditPage = lazy(() => import('../pages/AuditPage'));

function Loading() {
  return (
    <p role="status" className="loading">
      Đang tải…
    </p>
  );
}

export function App() {
  const session = useSession();
  if (session.isPending) return <Loading />;
  if (session.isError)
    return (
      <main id="main" className="sign-in">
        <h1>Không kết nối được với máy chủ</h1>
        <p>Vui lòng kiểm tra mạng và tải lại trang.</p>
      </main>
    );
  if (!session.data) return <SignInPage />;
  if (session.data.mustChangePassword) return <ChangePasswordPage required />;
  return (
    <UnitProvider session={session.data}>
      <Switch>
        <Route path="/receipt-refusals/:id/print">
          {(params) => (
            <Suspense fallback={<Loading />}>
              <PrintPage dossierId="" form="03" refusalId={params.id} />
            </Suspense>
          )}
        </Route>
        <Route path="/dossiers/:id/print/:form">
          {(params) => (
            <Suspense fallback={<Loading />}>
              <PrintPage dossierId={params.id} form={params.form} />
            </Suspense>
          )}
        </Route>
        <Route>
          <Layout session={session.data}>
            <Suspense fallback={<Loading />}>
              <Switch>
                <Route path="/">
                  <QueuePage />
                </Route>
                <Route path="/receipt">
                  <ReceiptPage />
                </Route>
                <Route path="/dossiers/:id">{(params) => <DossierPage dossierId={params.id} />}</Route>
                <Route path="/reports">
                  <ReportPage />
                </Route>
                <Route path="/dashboard">
                  <DashboardPage />
                </Route>
                <Route path="/audit/*?">
                  <AuditPage />
                </Route>
                <Route path="/admin/*?">
                  <AdminPage />
                </Route>
                <Route path="/password">
                  <ChangePasswordPage required={false} />
                </Route>
                <Route>
                  <h1>Không tìm thấy trang</h1>
                </Route>
              </Switch>
            </Suspense>
          </Layout>
        </Route>
      </Switch>
    </UnitProvider>
  );
}

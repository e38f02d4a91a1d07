import type { ReactNode } from 'react';
import { Link, Redirect, Route, Switch, useRoute } from 'wouter';
import { hasRole, useSession } from '../api/session';
import { AccountPage } from '../admin/AccountPage';
import { AccountsPage } from '../admin/AccountsPage';
import { CalendarPage } from '../admin/CalendarPage';
import { ProceduresPage } from '../admin/ProceduresPage';
import { UnitsPage } from '../admin/UnitsPage';
import '../admin/admin.css';

function SubLink({ href, children }: { href: string; children: ReactNode }) {
  const [active] = useRoute(`${href}/*?`);
  return (
    <Link href={href} aria-current={active ? 'page' : undefined}>
      {children}
    </Link>
  );
}

/** Administration: accounts and grants, units, procedures, calendar years (lazy: only administrators come here). */
export default function AdminPage() {
  const session = useSession().data;
  if (!session || !hasRole(session, ['admin']))
    return (
      <>
        <h1>Quản trị</h1>
        <p role="alert" className="error">
          Chỉ quản trị viên được dùng các trang quản trị.
        </p>
      </>
    );
  return (
    <div className="admin">
      <h1>Quản trị</h1>
      <nav aria-label="Quản trị" className="admin-nav">
        <SubLink href="/admin/accounts">Tài khoản</SubLink>
        <SubLink href="/admin/units">Đơn vị</SubLink>
        <SubLink href="/admin/procedures">Thủ tục</SubLink>
        <SubLink href="/admin/calendar">Lịch làm việc</SubLink>
      </nav>
      <Switch>
        <Route path="/admin/accounts/:username">
          {(params) => <AccountPage key={params.username} username={decodeURIComponent(params.username)} />}
        </Route>
        <Route path="/admin/accounts">
          <AccountsPage />
        </Route>
        <Route path="/admin/units">
          <UnitsPage />
        </Route>
        <Route path="/admin/procedures">
          <ProceduresPage />
        </Route>
        <Route path="/admin/calendar">
          <CalendarPage />
        </Route>
        <Route>
          <Redirect to="/admin/accounts" replace />
        </Route>
      </Switch>
    </div>
  );
}

import type { ReactNode } from 'react';
import { Link, useRoute } from 'wouter';
import type { SessionInfo } from '../api/types';
import { LIVE_LABELS, useLiveUpdates } from '../api/live';
import { hasRole, useSignOut } from '../api/session';
import { roleLabel } from '../lib/labels';
import { useUnit, useUnits } from './unit';

function NavLink({ href, children }: { href: string; children: ReactNode }) {
  const [active] = useRoute(href === '/' ? '/' : `${href}/*?`);
  return (
    <Link href={href} aria-current={active ? 'page' : undefined}>
      {children}
    </Link>
  );
}

/** The frame of every screen: skip link, header with the unit switcher and the user, navigation, main. */
export function Layout({ session, children }: { session: SessionInfo; children: ReactNode }) {
  const { unitId, setUnitId, units } = useUnit();
  const signOut = useSignOut();
  const live = useLiveUpdates(unitId);
  const noUnit = useUnits().isSuccess && units.length === 0;
  const roles = [...new Set(session.roles.filter((r) => r.unitId === '*' || r.unitId === unitId).map((r) => r.role))];
  return (
    <>
      <a href="#main" className="skip-link">
        Bỏ qua, đến nội dung chính
      </a>
      <header className="app-header">
        <div className="brand">Một cửa</div>
        <nav aria-label="Chức năng chính">
          <NavLink href="/">Hàng đợi</NavLink>
          {hasRole(session, ['clerk', 'supervisor', 'admin']) && <NavLink href="/receipt">Tiếp nhận hồ sơ</NavLink>}
          {hasRole(session, ['director', 'supervisor', 'auditor', 'admin']) && (
            <NavLink href="/dashboard">Bảng điều hành</NavLink>
          )}
          {hasRole(session, ['director', 'supervisor', 'auditor', 'admin']) && (
            <NavLink href="/reports">Báo cáo</NavLink>
          )}
          {hasRole(session, ['auditor', 'director', 'admin']) && <NavLink href="/audit">Kiểm tra</NavLink>}
          {hasRole(session, ['admin']) && <NavLink href="/admin">Quản trị</NavLink>}
        </nav>
        <div className="header-tools">
          <span className={`live live-${live}`} role="status" aria-live="polite">
            {LIVE_LABELS[live]}
          </span>
          <label className="unit-switch">
            <span>Đơn vị</span>
            <select value={unitId} onChange={(e) => setUnitId(e.target.value)} disabled={units.length < 2}>
              {units.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </select>
          </label>
          <span className="user" title={roles.map(roleLabel).join(', ')}>
            {session.displayName}
            <small>{roles.map(roleLabel).join(', ')}</small>
          </span>
          <button type="button" onClick={() => void signOut()}>
            Đăng xuất
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {noUnit && (
          <p role="alert" className="warn">
            Tài khoản chưa được giao đơn vị nào (hoặc quyền đã hết hiệu lực). Vui lòng liên hệ quản trị viên.
          </p>
        )}
        {children}
      </main>
    </>
  );
}

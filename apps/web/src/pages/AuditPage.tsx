import type { ReactNode } from 'react';
import { Link, Redirect, Route, Switch, useRoute } from 'wouter';
import { hasRole, useSession } from '../api/session';
import { AuditDossierPage } from '../audit/AuditDossierPage';
import { FilingPage } from '../audit/FilingPage';
import { FilingsPage } from '../audit/FilingsPage';
import { IntegrityPage } from '../audit/IntegrityPage';
import '../reports/reports.css';
import '../audit/audit.css';

const AUDITORS = ['auditor', 'admin'];

function SubLink({ href, children }: { href: string; children: ReactNode }) {
  const [active] = useRoute(`${href}/*?`);
  return (
    <Link href={href} aria-current={active ? 'page' : undefined}>
      {children}
    </Link>
  );
}

function Refused({ who }: { who: string }) {
  return (
    <p role="alert" className="error">
      Chỉ {who} được xem trang này.
    </p>
  );
}

/**
 * The auditor's desk (lazy): filed reports and filed versus now (auditors, administrators, directors), the dossier
 * timeline with its hash chain and the log's integrity (auditors and administrators).
 */
export default function AuditPage() {
  const session = useSession().data;
  const [onDossier] = useRoute('/audit/dossiers/:id');
  const auditor = !!session && hasRole(session, AUDITORS);
  const reader = !!session && hasRole(session, [...AUDITORS, 'director']);
  return (
    <div className="audit stack">
      {!onDossier && <h1>Kiểm tra</h1>}
      <nav aria-label="Kiểm tra" className="audit-nav">
        <SubLink href="/audit/filings">Báo cáo đã nộp</SubLink>
        {auditor && <SubLink href="/audit/integrity">Toàn vẹn nhật ký</SubLink>}
      </nav>
      <Switch>
        <Route path="/audit/filings/:id">
          {(params) =>
            reader ? (
              <FilingPage key={params.id} id={params.id} />
            ) : (
              <Refused who="kiểm tra viên, lãnh đạo và quản trị viên" />
            )
          }
        </Route>
        <Route path="/audit/filings">
          {reader ? <FilingsPage /> : <Refused who="kiểm tra viên, lãnh đạo và quản trị viên" />}
        </Route>
        <Route path="/audit/dossiers/:id">
          {(params) =>
            auditor ? (
              <AuditDossierPage key={params.id} dossierId={params.id} />
            ) : (
              <Refused who="kiểm tra viên và quản trị viên" />
            )
          }
        </Route>
        <Route path="/audit/integrity">
          {auditor ? <IntegrityPage /> : <Refused who="kiểm tra viên và quản trị viên" />}
        </Route>
        <Route>
          <Redirect to={auditor ? '/audit/integrity' : '/audit/filings'} replace />
        </Route>
      </Switch>
    </div>
  );
}

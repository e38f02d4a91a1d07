import type { ApplicantDetails, DossierView } from '../api/types';
import { channelLabel, statusLabel } from '../lib/labels';
import { formatDate, formatInstant, workingDaysText } from '../lib/time';
import type { DaysLeft } from './days-left';
import { type Namer, outcomeLabel } from './event-labels';

const ID_KINDS: Record<string, string> = {
  cccd: 'Căn cước công dân',
  cmnd: 'Chứng minh nhân dân',
  passport: 'Hộ chiếu',
  tax_code: 'Mã số thuế',
};

const CLOSED_STATUSES = ['returned', 'withdrawn', 'stopped'];

/** The dossier at a glance: status, procedure, units, channel, applicant, dates and how far the due date is. */
export function DossierHeader({
  dossier,
  names,
  daysLeft,
}: {
  dossier: DossierView;
  names: Namer;
  daysLeft: DaysLeft | undefined;
}) {
  const tone =
    daysLeft?.days === null || daysLeft === undefined
      ? ''
      : daysLeft.days < 0
        ? 'late'
        : daysLeft.days <= 2
          ? 'soon'
          : '';
  return (
    <div className="dossier-header card">
      <div className="dossier-title">
        <h1 id="dossier-title">
          Hồ sơ <span className="code">{dossier.code}</span>
        </h1>
        <span className={`status status-${dossier.status}`}>{statusLabel(dossier.status)}</span>
      </div>
      <dl className="facts">
        <div className="wide">
          <dt>Thủ tục</dt>
          <dd>
            {names.procedure(dossier.procedureCode)} <span className="muted">({dossier.procedureCode})</span>
          </dd>
        </div>
        <div>
          <dt>Đơn vị tiếp nhận</dt>
          <dd>{names.unit(dossier.receivingUnitId)}</dd>
        </div>
        <div>
          <dt>Đơn vị có thẩm quyền</dt>
          <dd>{names.unit(dossier.competentUnitId)}</dd>
        </div>
        <div>
          <dt>Đơn vị đang xử lý</dt>
          <dd>{names.unit(dossier.currentUnitId)}</dd>
        </div>
        <div>
          <dt>Kênh tiếp nhận</dt>
          <dd>{channelLabel(dossier.channel)}</dd>
        </div>
        <div>
          <dt>Tiếp nhận lúc</dt>
          <dd>{formatInstant(dossier.receivedAt)}</dd>
        </div>
        <div>
          <dt>Hạn giải quyết</dt>
          <dd>
            {dossier.dueDate ? formatDate(dossier.dueDate) : 'Trả ngay'}
            {daysLeft && daysLeft.days !== null && !CLOSED_STATUSES.includes(dossier.status) && (
              <>
                {' '}
                <span className={`badge ${tone}`.trim()}>{workingDaysText(daysLeft.days)}</span>
                <small className="muted days-source">
                  {daysLeft.source === 'queue' ? ' (theo hàng đợi của đơn vị)' : ' (tính theo lịch ngày làm việc)'}
                </small>
              </>
            )}
          </dd>
        </div>
        <div>
          <dt>Ngày hẹn trả kết quả</dt>
          <dd>
            {dossier.appointmentDate
              ? formatDate(dossier.appointmentDate)
              : dossier.dueDate
                ? formatDate(dossier.dueDate)
                : '—'}
          </dd>
        </div>
        {dossier.outcome && (
          <div>
            <dt>Kết quả</dt>
            <dd>
              {outcomeLabel(dossier.outcome)}
              {dossier.resultAt && <span className="muted"> — {formatInstant(dossier.resultAt)}</span>}
            </dd>
          </div>
        )}
      </dl>
      <Applicant applicant={dossier.applicant} />
    </div>
  );
}

function Applicant({ applicant }: { applicant: DossierView['applicant'] }) {
  if (!applicant) return <p className="muted">Không có thông tin người nộp hồ sơ.</p>;
  if (applicant.erased)
    return (
      <section aria-labelledby="applicant-title" className="applicant">
        <h2 id="applicant-title">Người nộp hồ sơ</h2>
        <p>{applicant.erased}</p>
      </section>
    );
  const d: ApplicantDetails | undefined = applicant.details;
  return (
    <section aria-labelledby="applicant-title" className="applicant">
      <h2 id="applicant-title">Người nộp hồ sơ</h2>
      {!d ? (
        <p className="muted">Tài khoản không được xem thông tin cá nhân của người nộp.</p>
      ) : (
        <dl className="facts">
          <div>
            <dt>{d.kind === 'organisation' ? 'Tên tổ chức' : 'Họ và tên'}</dt>
            <dd>{d.fullName}</dd>
          </div>
          <div>
            <dt>{ID_KINDS[d.idDocument.kind] ?? 'Giấy tờ'}</dt>
            <dd>{d.idDocument.number}</dd>
          </div>
          {d.dateOfBirth && (
            <div>
              <dt>Ngày sinh</dt>
              <dd>{formatDate(d.dateOfBirth)}</dd>
            </div>
          )}
          {d.phone && (
            <div>
              <dt>Điện thoại</dt>
              <dd>{d.phone}</dd>
            </div>
          )}
          {d.email && (
            <div>
              <dt>Thư điện tử</dt>
              <dd>{d.email}</dd>
            </div>
          )}
          {d.address && (
            <div className="wide">
              <dt>Địa chỉ</dt>
              <dd>{[d.address.street, d.address.locality, d.address.province].filter(Boolean).join(', ')}</dd>
            </div>
          )}
          {d.returnByPost && (
            <div className="wide">
              <dt>Nhận kết quả qua bưu chính tại</dt>
              <dd>
                {[
                  d.returnByPost.deliveryAddress.street,
                  d.returnByPost.deliveryAddress.locality,
                  d.returnByPost.deliveryAddress.province,
                ]
                  .filter(Boolean)
                  .join(', ')}
              </dd>
            </div>
          )}
        </dl>
      )}
    </section>
  );
}

import { useMemo } from 'react';
import * as Plot from '@observablehq/plot';
import { Link } from 'wouter';
import { num, share } from '../format';
import { reportDate } from '../period';
import type { DashboardAnswer } from '../types';
import { barEnd, queueLink, shortDate } from './links';
import { PlotFigure } from './PlotFigure';

const CHANNELS = [
  { key: 'counter', name: 'Trực tiếp', color: '#0b4f8a' },
  { key: 'online', name: 'Trực tuyến', color: '#2f9e8f' },
  { key: 'postal', name: 'Bưu chính công ích', color: '#d08c00' },
] as const;

const BUCKETS = [
  { key: 'early', name: 'Trước hạn', color: '#1d6b2f' },
  { key: 'onTime', name: 'Đúng hạn', color: '#7fb77e' },
  { key: 'late', name: 'Quá hạn', color: '#a4161a' },
] as const;

const CHANNEL_TAB_FILTER: Record<string, string> = { counter: 'counter', online: 'online', postal: 'postal' };

interface Props {
  data: DashboardAnswer;
  /** The unit whose queue a bar may open (the user works for it today), by id; null when none. */
  queueUnit: (unitId: string) => boolean;
  /** The one unit of the scope, when there is one. */
  singleUnit: string | null;
}

const step = (n: number): number => Math.max(1, Math.ceil(n / 12));
/** Counts on an axis: whole numbers only (a scale up to 4 would otherwise tick 0,5 and write it 1). */
const count = (v: number): string => (Number.isInteger(v) ? num(v) : '');
const when = (date: string, interval: 'day' | 'week'): string =>
  interval === 'day' ? reportDate(date) : `Tuần từ ${reportDate(date)}`;
const marginFor = (labels: string[], max = 340): number =>
  Math.min(max, 16 + Math.max(40, ...labels.map((l) => l.length * 7)));

export function DashboardCharts({ data, queueUnit, singleUnit }: Props) {
  const interval = data.interval;
  // the work queue shows dossiers as they are today: bars link to it while the period runs (overdue counted as it does)
  const current = data.overdue?.basis !== 'period-end';
  const linkUnit = current && singleUnit && queueUnit(singleUnit) ? singleUnit : null;

  const received = useMemo(() => {
    const long = data.received.flatMap((r) =>
      CHANNELS.map((c) => ({
        date: r.date,
        channel: c.name,
        count: r[c.key],
        href: linkUnit
          ? queueLink(linkUnit, 'in_progress', {
              channel: CHANNEL_TAB_FILTER[c.key]!,
              receivedFrom: r.date,
              receivedTo: barEnd(r.date, interval),
            })
          : null,
      })),
    );
    const dates = data.received.map((r) => r.date);
    return (width: number): Plot.PlotOptions => ({
      height: 280,
      marginBottom: 36,
      x: {
        type: 'band',
        label: null,
        ticks: dates.filter((_, i) => i % step(dates.length) === 0),
        tickFormat: shortDate,
      },
      y: { grid: true, label: 'Hồ sơ', tickFormat: count },
      color: { domain: CHANNELS.map((c) => c.name), range: CHANNELS.map((c) => c.color), legend: true },
      marks: [
        Plot.barY(long, {
          x: 'date',
          y: 'count',
          fill: 'channel',
          href: linkUnit ? 'href' : undefined,
          title: (d: (typeof long)[number]) => `${when(d.date, interval)} — ${d.channel}: ${num(d.count)} hồ sơ`,
          ariaLabel: (d: (typeof long)[number]) => `${when(d.date, interval)}, ${d.channel}: ${num(d.count)} hồ sơ`,
          insetLeft: width / Math.max(1, dates.length) > 8 ? 1 : 0,
        }),
        Plot.ruleY([0]),
      ],
    });
  }, [data, linkUnit, interval]);

  const results = useMemo(() => {
    const long = data.results.flatMap((r) =>
      BUCKETS.map((b) => ({ date: r.date, bucket: b.name, count: r[b.key], total: r.early + r.onTime + r.late })),
    );
    const dates = data.results.map((r) => r.date);
    return (): Plot.PlotOptions => ({
      height: 260,
      marginBottom: 36,
      x: {
        type: 'band',
        label: null,
        ticks: dates.filter((_, i) => i % step(dates.length) === 0),
        tickFormat: shortDate,
      },
      y: { label: 'Tỷ lệ', tickFormat: (v: number) => share(v), domain: [0, 1] },
      color: { domain: BUCKETS.map((b) => b.name), range: BUCKETS.map((b) => b.color), legend: true },
      marks: [
        Plot.barY(long, {
          x: 'date',
          y: 'count',
          fill: 'bucket',
          offset: 'normalize',
          title: (d: (typeof long)[number]) =>
            `${when(d.date, interval)} — ${d.bucket}: ${num(d.count)} hồ sơ (${share(d.total ? d.count / d.total : 0)})`,
          ariaLabel: (d: (typeof long)[number]) =>
            `${when(d.date, interval)}, ${d.bucket}: ${share(d.total ? d.count / d.total : 0)}`,
        }),
      ],
    });
  }, [data, interval]);

  const inProgress = useMemo(() => {
    const rows = [
      { label: 'Trong hạn', n: data.inProgress.within, tab: 'in_progress', color: '#0b4f8a' },
      { label: 'Quá hạn', n: data.inProgress.overdue, tab: 'overdue', color: '#a4161a' },
    ].map((r) => ({ ...r, href: linkUnit ? queueLink(linkUnit, r.tab) : null }));
    return (): Plot.PlotOptions => ({
      height: 120,
      marginLeft: 90,
      x: { grid: true, label: 'Hồ sơ', tickFormat: count },
      y: { label: null, domain: rows.map((r) => r.label) },
      color: { domain: rows.map((r) => r.label), range: rows.map((r) => r.color) },
      marks: [
        Plot.barX(rows, {
          y: 'label',
          x: 'n',
          fill: 'label',
          href: linkUnit ? 'href' : undefined,
          title: (d: (typeof rows)[number]) => `${d.label}: ${num(d.n)} hồ sơ`,
          ariaLabel: (d: (typeof rows)[number]) => `${d.label}: ${num(d.n)} hồ sơ`,
        }),
        Plot.text(rows, {
          y: 'label',
          x: 'n',
          text: (d: (typeof rows)[number]) => num(d.n),
          dx: 6,
          textAnchor: 'start',
        }),
        Plot.ruleX([0]),
      ],
    });
  }, [data, linkUnit]);

  const overdue = useMemo(() => {
    const rows = data.overdueByUnit.map((u) => ({
      ...u,
      href: current && queueUnit(u.unitId) ? queueLink(u.unitId, 'overdue') : null,
    }));
    return (): Plot.PlotOptions => ({
      height: 40 + 34 * Math.max(1, rows.length),
      marginLeft: marginFor(rows.map((r) => r.unitName)),
      marginRight: 40,
      x: { grid: true, label: 'Hồ sơ quá hạn', tickFormat: count },
      y: { label: null, domain: rows.map((r) => r.unitName) },
      marks: [
        Plot.barX(rows, {
          y: 'unitName',
          x: 'overdue',
          fill: '#a4161a',
          href: 'href',
          title: (d: (typeof rows)[number]) => `${d.unitName}: ${num(d.overdue)} hồ sơ quá hạn`,
          ariaLabel: (d: (typeof rows)[number]) => `${d.unitName}: ${num(d.overdue)} hồ sơ quá hạn`,
        }),
        Plot.text(rows, {
          y: 'unitName',
          x: 'overdue',
          text: (d: (typeof rows)[number]) => num(d.overdue),
          dx: 6,
          textAnchor: 'start',
        }),
        Plot.ruleX([0]),
      ],
    });
  }, [data, queueUnit]);

  const late = useMemo(() => {
    const rows = data.lateProcedures.map((p) => ({
      ...p,
      href: linkUnit ? queueLink(linkUnit, 'overdue', { procedureCode: p.procedureCode }) : null,
    }));
    return (): Plot.PlotOptions => ({
      height: 40 + 30 * Math.max(1, rows.length),
      marginLeft: marginFor(
        rows.map((r) => r.procedureCode),
        160,
      ),
      marginRight: 70,
      x: { grid: true, label: 'Hồ sơ giải quyết quá hạn', tickFormat: count },
      y: { label: null, domain: rows.map((r) => r.procedureCode) },
      marks: [
        Plot.barX(rows, {
          y: 'procedureCode',
          x: 'late',
          fill: '#7a4b00',
          href: linkUnit ? 'href' : undefined,
          title: (d: (typeof rows)[number]) =>
            `${d.procedureCode} — ${d.procedureName}: ${num(d.late)}/${num(d.resolved)} hồ sơ quá hạn (${share(d.lateShare)})`,
          ariaLabel: (d: (typeof rows)[number]) =>
            `${d.procedureName}: ${num(d.late)} hồ sơ quá hạn, ${share(d.lateShare)}`,
        }),
        Plot.text(rows, {
          y: 'procedureCode',
          x: 'late',
          text: (d: (typeof rows)[number]) => `${num(d.late)} (${share(d.lateShare)})`,
          dx: 6,
          textAnchor: 'start',
        }),
        Plot.ruleX([0]),
      ],
    });
  }, [data, linkUnit]);

  const ranking = useMemo(() => {
    const rows = data.unitsByOnTime;
    return (): Plot.PlotOptions => ({
      height: 40 + 34 * Math.max(1, rows.length),
      marginLeft: marginFor(rows.map((r) => r.unitName)),
      marginRight: 60,
      x: { grid: true, label: 'Tỷ lệ trước hạn và đúng hạn', tickFormat: (v: number) => share(v), domain: [0, 1] },
      y: { label: null, domain: rows.map((r) => r.unitName) },
      marks: [
        Plot.barX(rows, {
          y: 'unitName',
          x: 'onTimeShare',
          fill: '#1d6b2f',
          title: (d: (typeof rows)[number]) =>
            `${d.unitName}: ${share(d.onTimeShare)} trước hạn và đúng hạn (${num(d.early + d.onTime)}/${num(d.resolved)})`,
          ariaLabel: (d: (typeof rows)[number]) => `${d.unitName}: ${share(d.onTimeShare)}`,
        }),
        Plot.text(rows, {
          y: 'unitName',
          x: 'onTimeShare',
          text: (d: (typeof rows)[number]) => share(d.onTimeShare),
          dx: 6,
          textAnchor: 'start',
        }),
      ],
    });
  }, [data]);

  const totalReceived = data.received.reduce((n, r) => n + r.counter + r.online + r.postal, 0);
  const totalResolved = data.results.reduce((n, r) => n + r.early + r.onTime + r.late, 0);
  const queueLinkOr = (unitId: string, tab: string, text: string, filters?: Record<string, string>) =>
    queueUnit(unitId) ? <Link href={queueLink(unitId, tab, filters)}>{text}</Link> : text;

  return (
    <div className="charts">
      <PlotFigure
        id="received"
        title={`Hồ sơ tiếp nhận theo kênh, theo ${interval === 'day' ? 'ngày' : 'tuần'}`}
        description={`Tổng ${num(totalReceived)} hồ sơ mới tiếp nhận trong kỳ: trực tiếp, trực tuyến và qua bưu chính công ích, cột chồng.`}
        plot={received}
        empty={totalReceived === 0 ? 'Chưa tiếp nhận hồ sơ nào trong kỳ.' : null}
        table={
          <table data-testid="table-received">
            <thead>
              <tr>
                <th scope="col">{interval === 'day' ? 'Ngày' : 'Tuần bắt đầu'}</th>
                {CHANNELS.map((c) => (
                  <th key={c.key} scope="col">
                    {c.name}
                  </th>
                ))}
                <th scope="col">Tổng</th>
              </tr>
            </thead>
            <tbody>
              {data.received.map((r) => (
                <tr key={r.date} data-date={r.date}>
                  <th scope="row">{reportDate(r.date)}</th>
                  <td className="num">{num(r.counter)}</td>
                  <td className="num">{num(r.online)}</td>
                  <td className="num">{num(r.postal)}</td>
                  <td className="num">{num(r.counter + r.online + r.postal)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        }
      />
      <PlotFigure
        id="results"
        title="Tỷ lệ giải quyết trước hạn, đúng hạn, quá hạn"
        description={`${num(totalResolved)} hồ sơ có kết quả trong kỳ; mỗi cột là 100% hồ sơ có kết quả trong ${interval === 'day' ? 'ngày' : 'tuần'} đó.`}
        plot={results}
        empty={totalResolved === 0 ? 'Chưa có hồ sơ nào có kết quả trong kỳ.' : null}
        table={
          <table data-testid="table-results">
            <thead>
              <tr>
                <th scope="col">{interval === 'day' ? 'Ngày' : 'Tuần bắt đầu'}</th>
                {BUCKETS.map((b) => (
                  <th key={b.key} scope="col">
                    {b.name}
                  </th>
                ))}
                <th scope="col">Tỷ lệ trước hạn, đúng hạn</th>
              </tr>
            </thead>
            <tbody>
              {data.results.map((r) => {
                const total = r.early + r.onTime + r.late;
                return (
                  <tr key={r.date} data-date={r.date}>
                    <th scope="row">{reportDate(r.date)}</th>
                    <td className="num">{num(r.early)}</td>
                    <td className="num">{num(r.onTime)}</td>
                    <td className="num">{num(r.late)}</td>
                    <td className="num">{total ? share((r.early + r.onTime) / total) : '—'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        }
      />
      <PlotFigure
        id="in-progress"
        title="Hồ sơ đang giải quyết: trong hạn và quá hạn"
        description={`${data.overdue?.basis === 'period-end' ? `Cuối kỳ (${reportDate(data.overdue.asOf)})` : 'Hiện nay (kỳ chưa kết thúc)'}: ${num(data.inProgress.within)} trong hạn, ${num(data.inProgress.overdue)} quá hạn.`}
        plot={inProgress}
        table={
          <table data-testid="table-in-progress">
            <thead>
              <tr>
                <th scope="col">Trong hạn</th>
                <th scope="col">Quá hạn</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <td className="num">
                  {linkUnit
                    ? queueLinkOr(linkUnit, 'in_progress', num(data.inProgress.within))
                    : num(data.inProgress.within)}
                </td>
                <td className="num">
                  {linkUnit
                    ? queueLinkOr(linkUnit, 'overdue', num(data.inProgress.overdue))
                    : num(data.inProgress.overdue)}
                </td>
              </tr>
            </tbody>
          </table>
        }
      />
      <PlotFigure
        id="overdue-by-unit"
        title="Hồ sơ quá hạn theo đơn vị"
        description={
          data.overdue?.basis === 'period-end'
            ? `Hồ sơ đang giải quyết đã quá hạn vào cuối kỳ (${reportDate(data.overdue.asOf)}), theo đơn vị tiếp nhận.`
            : 'Hồ sơ đang giải quyết đã quá hạn hôm nay, theo đơn vị đang xử lý (như hàng đợi); chọn một cột để mở hàng đợi quá hạn của đơn vị.'
        }
        plot={overdue}
        empty={data.overdueByUnit.length === 0 ? 'Không có hồ sơ quá hạn.' : null}
        table={
          <table data-testid="table-overdue-by-unit">
            <thead>
              <tr>
                <th scope="col">Đơn vị</th>
                <th scope="col">Quá hạn</th>
              </tr>
            </thead>
            <tbody>
              {data.overdueByUnit.map((u) => (
                <tr key={u.unitId} data-unit={u.unitId}>
                  <th scope="row">{current ? queueLinkOr(u.unitId, 'overdue', u.unitName) : u.unitName}</th>
                  <td className="num">{num(u.overdue)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        }
      />
      <PlotFigure
        id="late-procedures"
        title="Thủ tục có nhiều hồ sơ giải quyết quá hạn nhất"
        description="Số hồ sơ có kết quả quá hạn trong kỳ theo thủ tục (10 thủ tục nhiều nhất) và tỷ lệ trên số đã giải quyết."
        plot={late}
        empty={data.lateProcedures.length === 0 ? 'Không có hồ sơ nào giải quyết quá hạn trong kỳ.' : null}
        table={
          <table data-testid="table-late-procedures">
            <thead>
              <tr>
                <th scope="col">Mã</th>
                <th scope="col">Thủ tục</th>
                <th scope="col">Đã giải quyết</th>
                <th scope="col">Quá hạn</th>
                <th scope="col">Tỷ lệ quá hạn</th>
              </tr>
            </thead>
            <tbody>
              {data.lateProcedures.map((p) => (
                <tr key={p.procedureCode} data-procedure={p.procedureCode}>
                  <td>{p.procedureCode}</td>
                  <th scope="row">
                    {linkUnit
                      ? queueLinkOr(linkUnit, 'overdue', p.procedureName, { procedureCode: p.procedureCode })
                      : p.procedureName}
                  </th>
                  <td className="num">{num(p.resolved)}</td>
                  <td className="num">{num(p.late)}</td>
                  <td className="num">{share(p.lateShare)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        }
      />
      <PlotFigure
        id="units-by-on-time"
        title="Xếp hạng đơn vị theo tỷ lệ giải quyết trước hạn và đúng hạn"
        description="Tỷ lệ hồ sơ có kết quả trước hạn hoặc đúng hạn trên số đã giải quyết trong kỳ, cao nhất ở trên."
        plot={ranking}
        empty={data.unitsByOnTime.length === 0 ? 'Chưa có đơn vị nào có hồ sơ giải quyết trong kỳ.' : null}
        table={
          <table data-testid="table-units-by-on-time">
            <thead>
              <tr>
                <th scope="col">Đơn vị</th>
                <th scope="col">Đã giải quyết</th>
                <th scope="col">Trước hạn</th>
                <th scope="col">Đúng hạn</th>
                <th scope="col">Quá hạn</th>
                <th scope="col">Tỷ lệ trước hạn, đúng hạn</th>
              </tr>
            </thead>
            <tbody>
              {data.unitsByOnTime.map((u) => (
                <tr key={u.unitId} data-unit={u.unitId}>
                  <th scope="row">{u.unitName}</th>
                  <td className="num">{num(u.resolved)}</td>
                  <td className="num">{num(u.early)}</td>
                  <td className="num">{num(u.onTime)}</td>
                  <td className="num">{num(u.late)}</td>
                  <td className="num">{share(u.onTimeShare)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        }
      />
    </div>
  );
}

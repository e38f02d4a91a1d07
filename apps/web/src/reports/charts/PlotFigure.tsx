import { type ReactNode, useEffect, useRef, useState } from 'react';
import * as Plot from '@observablehq/plot';
import { useLocation } from 'wouter';

/**
 * One chart of the dashboard, drawn with Observable Plot. Why Plot: it draws SVG (text stays text, the marks carry
 * aria-label/aria-description and links, so a screen reader and a keyboard reach them — canvas charts such as uPlot
 * cannot), its axes take any formatter (Intl.NumberFormat('vi-VN'): 26.286, 73,5%), and it is ~90 KB gzip with the
 * d3 modules it uses, loaded only with the dashboard's chunk (ECharts is ~350 KB gzip; uPlot is 20 KB but canvas).
 * Every chart has its numbers as a table under «Xem số liệu», and its bars link to the dossiers behind them.
 */
export function PlotFigure({
  id,
  title,
  description,
  plot,
  table,
  empty,
}: {
  id: string;
  title: string;
  description: string;
  /** The chart's options for a width (px). */
  plot: (width: number) => Plot.PlotOptions;
  table: ReactNode;
  /** Nothing to draw: said instead of an empty chart. */
  empty?: string | null;
}) {
  const holder = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(560);
  const [, navigate] = useLocation();

  useEffect(() => {
    const element = holder.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => {
      const next = Math.max(280, Math.floor(entry?.contentRect.width ?? 560));
      setWidth((w) => (Math.abs(w - next) > 8 ? next : w));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    const element = holder.current;
    if (!element) return;
    if (empty) {
      element.replaceChildren();
      return;
    }
    const chart = Plot.plot({
      ...plot(width),
      width,
      ariaLabel: title,
      ariaDescription: `${description} Số liệu chi tiết trong bảng «Xem số liệu» bên dưới.`,
      style: { fontFamily: 'inherit', fontSize: '13px', background: 'transparent', overflow: 'visible' },
    });
    accessible(chart);
    element.replaceChildren(chart);
    return () => chart.remove();
  }, [plot, width, title, description, empty]);

  // Links inside the SVG go through the app's router (no reload); Enter on a focused bar clicks it.
  const follow = (event: React.MouseEvent) => {
    const link = (event.target as Element).closest('a');
    const href = link?.getAttribute('href');
    if (href?.startsWith('/')) {
      event.preventDefault();
      navigate(href);
    }
  };

  return (
    <figure className="chart card" aria-labelledby={`${id}-title`} data-chart={id}>
      <figcaption id={`${id}-title`}>
        <h2>{title}</h2>
        <p className="muted">{description}</p>
      </figcaption>
      {empty && <p className="chart-empty">{empty}</p>}
      <div className="plot" ref={holder} onClick={follow} hidden={!!empty} />
      <details>
        <summary>Xem số liệu</summary>
        {table}
      </details>
    </figure>
  );
}

const XLINK = 'http://www.w3.org/1999/xlink';

/**
 * Plot's SVG made clean for assistive technology: its groups carry aria-label without a role (a 'group' now), its
 * rules are decoration (hidden), and its links get a plain href (Plot writes xlink:href) for the router and tests.
 */
function accessible(chart: Element): void {
  for (const g of chart.querySelectorAll('g[aria-label]')) {
    if (g.getAttribute('aria-label') === 'rule') {
      g.removeAttribute('aria-label');
      g.setAttribute('aria-hidden', 'true');
    } else if (!g.hasAttribute('role')) g.setAttribute('role', 'group');
  }
  for (const a of chart.querySelectorAll('a')) {
    const href = a.getAttributeNS(XLINK, 'href');
    if (href) {
      a.removeAttributeNS(XLINK, 'href');
      a.setAttribute('href', href);
    }
  }
}

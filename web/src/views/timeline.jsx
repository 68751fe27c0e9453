// Events by month (uPlot) and the dated list under it.
import { useEffect, useRef, useState } from 'preact/hooks';
import uPlot from 'uplot';
import { useApi, Status, num, EVENT_NAMES } from '../util.jsx';
import { EventRows } from './entity.jsx';

const monthOf = (d) => (d && d.length >= 7 ? d.slice(0, 7) : d ? d.slice(0, 4) + '-01' : null);
const ts = (m) => Date.UTC(+m.slice(0, 4), +m.slice(5, 7) - 1, 1) / 1000;

function Chart({ events }) {
  const ref = useRef(null);
  useEffect(() => {
    const months = new Map();
    for (const e of events) {
      const m = monthOf(e.date);
      if (!m) continue;
      const r = months.get(m) || { n: 0, killed: 0 };
      r.n += 1;
      r.killed += e.killed || 0;
      months.set(m, r);
    }
    if (months.size === 0 || !ref.current) return undefined;
    // Every month from the first to the last, so gaps show as gaps.
    const keys = [...months.keys()].sort();
    const all = [];
    let [y, mo] = keys[0].split('-').map(Number);
    const [ly, lm] = keys[keys.length - 1].split('-').map(Number);
    while (y < ly || (y === ly && mo <= lm)) {
      all.push(`${y}-${String(mo).padStart(2, '0')}`);
      mo += 1; if (mo > 12) { mo = 1; y += 1; }
    }
    const data = [all.map(ts), all.map((k) => months.get(k)?.n ?? 0), all.map((k) => months.get(k)?.killed ?? null)];
    // A stray old date ("since 2013") would squeeze the rest into a corner:
    // the chart starts at the 5th percentile of events (the list has them all).
    const sorted = events.map((e) => monthOf(e.date)).filter(Boolean).sort();
    const first = sorted[Math.floor(sorted.length * 0.05)];
    const xmin = ts(first) - 20 * 86400, xmax = ts(keys[keys.length - 1]) + 20 * 86400;
    const width = Math.max(320, ref.current.clientWidth);
    const plot = new uPlot({
      width, height: 260,
      legend: { live: false },
      scales: { x: { time: true, range: () => [xmin, xmax] }, n: { auto: true }, k: { auto: true } },
      axes: [
        { stroke: '#444' },
        { scale: 'n', label: 'أحداث', stroke: '#1d4e5f' },
        { scale: 'k', side: 1, label: 'قتلى', stroke: '#b3362c', grid: { show: false } },
      ],
      series: [
        { label: 'الشهر', value: (u, v) => (v == null ? '' : new Date(v * 1000).toISOString().slice(0, 7)) },
        { label: 'أحداث', scale: 'n', stroke: '#1d4e5f', fill: 'rgba(29,78,95,0.35)', paths: uPlot.paths.bars({ size: [0.7, 40] }), points: { show: false } },
        { label: 'قتلى', scale: 'k', stroke: '#b3362c', width: 2, spanGaps: true, points: { size: 6 } },
      ],
    }, data, ref.current);
    return () => plot.destroy();
  }, [events]);
  return <div class="chart-ltr timeline-chart" dir="ltr" ref={ref} />;
}

export function TimelineView({ params }) {
  const from = params.get('from') || '';
  const to = params.get('to') || '';
  const type = params.get('type') || '';
  const [f, setF] = useState(from);
  const [t, setT] = useState(to);
  const [data, error, loading] = useApi('events', { from, to, type, limit: 5000 }, [from, to, type]);
  const link = (p) => {
    const s = new URLSearchParams({ from, to, type, ...p });
    for (const [k, v] of [...s]) if (!v) s.delete(k);
    return '#/timeline?' + s;
  };
  const dated = data ? data.events.filter((e) => e.date) : [];
  const byMonth = new Map();
  for (const e of dated) {
    const m = monthOf(e.date);
    if (!byMonth.has(m)) byMonth.set(m, []);
    byMonth.get(m).push(e);
  }
  return (
    <section>
      <h1>الخط الزمني للأحداث</h1>
      <form class="filters" onSubmit={(e) => { e.preventDefault(); location.hash = link({ from: f.trim(), to: t.trim() }); }}>
        <label>من <input name="from" value={f} onInput={(e) => setF(e.currentTarget.value)} placeholder="2023-01" pattern="\d{4}(-\d{2}(-\d{2})?)?" /></label>
        <label>إلى <input name="to" value={t} onInput={(e) => setT(e.currentTarget.value)} placeholder="2024-12" pattern="\d{4}(-\d{2}(-\d{2})?)?" /></label>
        <button type="submit">اعرض</button>
        <div class="tabs">
          {['', ...Object.keys(EVENT_NAMES)].map((k) => (
            <a class={k === type ? 'active' : ''} href={link({ type: k })}>{k ? EVENT_NAMES[k] : 'الكل'}</a>
          ))}
        </div>
      </form>
      <Status error={error} loading={loading} data={data}>
        {data && (
          <>
            <p class="muted">{num(data.events.length)} حدثًا، منها {num(dated.length)} مؤرَّخًا.</p>
            {/* "Shown: the first N of M events; narrow the dates to see the rest." */}
            {data.total > data.events.length && (
              <p class="muted">المعروض أول {num(data.events.length)} من {num(data.total)} حدثًا؛ ضيّق التواريخ لترى الباقي.</p>
            )}
            {dated.length > 0 ? <Chart events={dated} /> : <p class="muted">لا أحداث مؤرخة.</p>}
            {[...byMonth.keys()].sort().map((m) => (
              <div class="month">
                <h3>{m}</h3>
                <EventRows events={byMonth.get(m)} />
              </div>
            ))}
            {data.events.length > dated.length && (
              <div class="month"><h3>بلا تاريخ</h3><EventRows events={data.events.filter((e) => !e.date)} /></div>
            )}
          </>
        )}
      </Status>
    </section>
  );
}

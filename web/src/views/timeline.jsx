// Events by month (uPlot), the happenings several documents tell, and the
// dated list under them, newest first.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import uPlot from 'uplot';
import { api } from '../api.js';
import { useLoad, useUrlField, Status, num, EVENT_NAMES } from '../util.jsx';
import { ClaimRows, EventRows } from './entity.jsx';

// An event dated to a year alone ("2019", date_precision "year") has no
// month: it is listed under its year and left out of the monthly chart,
// not put in January.
const yearOnly = (e) => !!e.date && (e.date_precision === 'year' || e.date.length < 7);
// The heading an event is listed under: its month ("2019-05"), or its year.
const periodOf = (e) => (!e.date ? null : yearOnly(e) ? e.date.slice(0, 4) : e.date.slice(0, 7));
const ts = (m) => Date.UTC(+m.slice(0, 4), +m.slice(5, 7) - 1, 1) / 1000;

// The happenings the events tell, each once. Several records may report one
// happening: the events of one incident (`incident`, as the server links
// them), and the events of a near-duplicate document (`doc_duplicate_of`:
// the document it copies, as the server records it) with those of its original,
// the k-th event of a type in one paired with the k-th of that type in the
// other, in text order (a copy tells the same things in the same order).
// Each happening: { events, date (its earliest month- or day-precise date,
// else its earliest year), yearOnly, killed }.
function happenings(events) {
  const up = events.map((_, i) => i);
  const find = (i) => { while (up[i] !== i) i = up[i] = up[up[i]]; return i; };
  const join = (i, j) => { up[find(i)] = find(j); };
  // The document a copy is of, its copies' copies too.
  const dupOf = new Map(events.filter((e) => e.doc_duplicate_of != null).map((e) => [e.doc, e.doc_duplicate_of]));
  const original = (d) => {
    const seen = new Set();
    while (dupOf.has(d) && !seen.has(d)) { seen.add(d); d = dupOf.get(d); }
    return d;
  };
  const order = events.map((_, i) => i).sort((a, b) => events[a].doc - events[b].doc || events[a].start - events[b].start);
  const nth = new Map(), first = new Map();
  for (const i of order) {
    const e = events[i];
    const k = `${e.doc}|${e.type}`;
    nth.set(k, (nth.get(k) ?? -1) + 1);
    for (const key of [`i${e.incident ?? `e${e.id}`}`, `d${original(e.doc)}|${e.type}|${nth.get(k)}`]) {
      if (first.has(key)) join(i, first.get(key)); else first.set(key, i);
    }
  }
  const groups = new Map();
  events.forEach((e, i) => {
    const r = find(i);
    if (!groups.has(r)) groups.set(r, []);
    groups.get(r).push(e);
  });
  return [...groups.values()].map((list) => {
    const precise = list.filter((e) => e.date && !yearOnly(e)).map((e) => e.date).sort();
    const dates = list.filter((e) => e.date).map((e) => e.date.slice(0, 4)).sort();
    // One figure for the happening, not the sum of its reports: the largest
    // toll any of them gives (later reports count more of the dead).
    const killed = list.reduce((m, e) => (e.killed == null ? m : Math.max(m ?? 0, e.killed)), null);
    return { events: list, date: precise[0] || dates[0] || null, yearOnly: !precise.length, killed };
  });
}

function Chart({ happened }) {
  const ref = useRef(null);
  const monthly = happened.filter((h) => h.date && !h.yearOnly);
  useEffect(() => {
    const months = new Map();
    for (const h of monthly) {
      const m = h.date.slice(0, 7);
      const r = months.get(m) || { n: 0, killed: 0 };
      r.n += 1;
      r.killed += h.killed || 0;
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
    // A stray old date ("since 2013") or a far one ("by 2030") would squeeze
    // the rest into a corner: the chart spans the 5th to the 99th percentile
    // of happenings (the list has them all).
    const sorted = monthly.map((h) => h.date.slice(0, 7)).sort();
    const first = sorted[Math.floor(sorted.length * 0.05)];
    const last = sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))];
    const xmin = ts(first) - 20 * 86400, xmax = ts(last) + 20 * 86400;
    const width = Math.max(320, ref.current.clientWidth);
    const plot = new uPlot({
      width, height: 260,
      legend: { live: false },
      scales: { x: { time: true, range: () => [xmin, xmax] }, n: { auto: true }, k: { auto: true } },
      axes: [
        { stroke: '#444' },
        { scale: 'n', label: 'حوادث', stroke: '#1d4e5f' },
        { scale: 'k', side: 1, label: 'قتلى', stroke: '#b3362c', grid: { show: false } },
      ],
      series: [
        { label: 'الشهر', value: (u, v) => (v == null ? '' : new Date(v * 1000).toISOString().slice(0, 7)) },
        { label: 'حوادث', scale: 'n', stroke: '#1d4e5f', fill: 'rgba(29,78,95,0.35)', paths: uPlot.paths.bars({ size: [0.7, 40] }), points: { show: false } },
        { label: 'قتلى', scale: 'k', stroke: '#b3362c', width: 2, spanGaps: true, points: { size: 6 } },
      ],
    }, data, ref.current);
    return () => plot.destroy();
  }, [happened]);
  const reports = monthly.reduce((n, h) => n + h.events.length, 0);
  const killed = monthly.reduce((n, h) => n + (h.killed || 0), 0);
  const years = happened.length - monthly.length;
  return (
    <>
      {monthly.length > 0 && <div class="chart-ltr timeline-chart" dir="ltr" ref={ref} />}
      {/* "Happenings in the chart: N, reports: M, killed: K (a happening counts
          once however many report it, its toll the largest they give)", and
          "Happenings dated by their year alone (not in the monthly chart,
          listed under their year): N". Counts after the nouns, no agreement. */}
      <p class="muted chart-note">
        {monthly.length > 0 && <>الحوادث في الرسم: <span class="chart-happenings">{num(monthly.length)}</span>،
          الروايات: <span class="chart-reports">{num(reports)}</span>، القتلى: <span class="chart-killed">{num(killed)}</span>
          {' '}(تُعَدّ الحادثة مرة واحدة مهما تعددت رواياتها، وقتلاها أكبر رقم فيها). </>}
        {years > 0 && <>حوادث مؤرَّخة بالسنة وحدها (ليست في الرسم الشهري، وتجدها تحت سنتها في القائمة): <span class="chart-years">{num(years)}</span>.</>}
      </p>
    </>
  );
}

// Events come oldest first, the undated last, and an old date named in
// passing ("since 1258") sorts first: the first pages of a big corpus are
// history, not the news of its own days. So the page shows the newest
// NEWEST dated events (in the chosen range, if any) and the first UNDATED
// undated ones, and says when there are more.
const NEWEST = 10000, UNDATED = 500, PAGE = 5000;

// The day before a date's first day ("2013-04" → "2013-03-31"): the end of
// the range that holds only what is older.
function dayBefore(d) {
  const t = new Date(0);
  t.setUTCFullYear(+d.slice(0, 4), d.length >= 7 ? +d.slice(5, 7) - 1 : 0, (d.length >= 10 ? +d.slice(8, 10) : 1) - 1);
  return t.toISOString().slice(0, 10);
}

async function loadEvents(from, to, type) {
  // A date filter leaves the undated out, so from=0000 counts the dated.
  const range = { type, from: from || '0000', to };
  const [all, dated] = await Promise.all([
    api('events', { type, from, to, limit: 1 }),
    api('events', { ...range, limit: 1 }),
  ]);
  const start = Math.max(0, dated.total - NEWEST);
  const pages = [];
  for (let o = start; o < dated.total; o += PAGE) {
    pages.push(api('events', { ...range, offset: o, limit: Math.min(PAGE, dated.total - o) }));
  }
  const undatedTotal = all.total - dated.total;
  const undated = undatedTotal > 0
    ? api('events', { type, offset: dated.total, limit: Math.min(UNDATED, undatedTotal) }) : null;
  const events = (await Promise.all(pages)).flatMap((r) => r.events);
  return {
    events, datedTotal: dated.total, skipped: start,
    undated: undated ? (await undated).events.filter((e) => !e.date) : [], undatedTotal,
  };
}

// Events by month (those dated by their year alone, by year), in the order
// given (the dated newest first), drawn STEP rows at a time: thousands of
// rows of Arabic sentences take seconds to lay out.
const STEP = 500;
function MonthList({ events }) {
  const [n, setN] = useState(STEP);
  const byMonth = new Map();
  for (const e of events.slice(0, n)) {
    const m = periodOf(e) || 'بلا تاريخ';
    if (!byMonth.has(m)) byMonth.set(m, []);
    byMonth.get(m).push(e);
  }
  return (
    <>
      {[...byMonth].map(([m, list]) => (
        <div class="month">
          {/* A year's events with no month: "(the year alone)" */}
          <h3>{m}{/^\d{4}$/.test(m) && <small class="muted"> (بالسنة وحدها)</small>}</h3>
          <EventRows events={list} />
        </div>
      ))}
      {events.length > n && (
        <p class="more">
          <small class="muted">معروض {num(n)} من {num(events.length)}</small>{' '}
          <button type="button" class="link" onClick={() => setN(n + STEP)}>المزيد</button>
        </p>
      )}
    </>
  );
}

// An incident's figures: "12–15" for a range, "—" when none is given.
const span = (lo, hi) => (lo === null ? '—' : lo === hi ? num(lo) : `${num(lo)}–${num(hi)}`);
// Whether the sources of its figures give the same toll: "it agrees", "it
// differs", "one source".
const TOLL = { agree: ['الحصيلة متفقة', 'ok'], conflict: ['الحصيلة مختلفة', 'bad'], single: ['مصدر واحد', 'neutral'] };

// One happening told by several documents: a line with its figures, and its
// reports on request.
function Incident({ r }) {
  const [told, setTold] = useState(null);  // { events, claims }
  const [error, setError] = useState(null);
  const open = async () => {
    if (told) { setTold(null); return; }
    setError(null);
    try {
      const [events, claims] = await Promise.all([
        api('events', { incident: r.id, limit: 1000 }), api('claims', { incident: r.id, limit: 1000 })]);
      setTold({ events: events.events, claims: claims.claims });
    } catch (e) { setError(e.message); }
  };
  const [label, cls] = TOLL[r.verdict] || [];
  return (
    <li class="incident">
      <bdi class="nowrap">{r.date || '—'}</bdi>{' '}
      <span class={`badge ev-${r.type}`}>{EVENT_NAMES[r.type] || r.type}</span>{' '}
      {r.place && <bdi>{r.place}</bdi>}{' '}
      {/* "documents: N, publishing outlets: M" (a count before the noun would
          need its agreement). Outlets, not sources: the verdict counts the
          sources the figures are attributed to, and two outlets may quote one. */}
      <small class="muted">الوثائق: {num(r.docs)}، الوسائل الناشرة: {num(r.outlets)}</small>
      {(r.killed_low !== null || r.injured_low !== null) && (
        <small> — قتلى {span(r.killed_low, r.killed_high)} / جرحى {span(r.injured_low, r.injured_high)}</small>
      )}
      {label && <span class={`verdict ${cls}`}>{label}</span>}{' '}
      <button type="button" class="link" onClick={open}>{told ? 'إخفاء الروايات' : 'الروايات'}</button>
      {error && <p class="error">{error}</p>}
      {/* "Figures, and who gives them" */}
      {told && told.claims.length > 0 && <><h4>الأرقام ومن يقولها</h4><ClaimRows claims={told.claims} /></>}
      {told && <EventRows events={told.events} />}
    </li>
  );
}

// The happenings most documents tell, in the page's range and type.
const INCIDENTS = 20;
function Incidents({ from, to, type }) {
  const [data, error, loading] = useLoad(() => api('incidents', { from, to, type, limit: INCIDENTS }), [from, to, type]);
  if (data && data.total === 0) return null;
  return (
    <Status error={error} loading={loading} data={data}>
      {data && (
        <div class="incidents">
          {/* "Happenings told by several documents (the first N of M)" */}
          <h2>حوادث روتها أكثر من وثيقة <small class="muted">({data.total > INCIDENTS ? `أول ${num(INCIDENTS)} من ${num(data.total)}` : num(data.total)})</small></h2>
          <ul>{data.incidents.map((r) => <Incident key={r.id} r={r} />)}</ul>
        </div>
      )}
    </Status>
  );
}

export function TimelineView({ params }) {
  const from = params.get('from') || '';
  const to = params.get('to') || '';
  const type = params.get('type') || '';
  const [f, setF] = useUrlField(from);
  const [t, setT] = useUrlField(to);
  const [data, error, loading] = useLoad(() => loadEvents(from, to, type), [from, to, type]);
  const link = (p) => {
    const s = new URLSearchParams({ from, to, type, ...p });
    for (const [k, v] of [...s]) if (!v) s.delete(k);
    return '#/timeline?' + s;
  };
  const dated = useMemo(() => (data ? data.events.filter((e) => e.date) : []), [data]);
  const happened = useMemo(() => happenings(dated), [dated]);
  const oldest = dated.length ? dated[0].date : '';
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
            <p class="muted">{num(data.datedTotal + data.undatedTotal)} حدثًا، منها {num(data.datedTotal)} مؤرَّخًا.</p>
            {/* "Shown: the newest N of M dated events, from D on; choose the dates to see others. Older ones." */}
            {data.skipped > 0 && (
              <p class="muted sample-note">
                المعروض أحدث {num(dated.length)} من {num(data.datedTotal)} حدثًا مؤرَّخًا، من <bdi>{oldest}</bdi> فصاعدًا؛
                اختر «من» و«إلى» لترى غيرها، أو <a href={link({ to: dayBefore(oldest) })}>اعرض ما قبلها</a>.
              </p>
            )}
            {dated.length > 0 ? <Chart happened={happened} /> : <p class="muted">لا أحداث مؤرخة.</p>}
            <Incidents from={from} to={to} type={type} />
            <MonthList key={`${from}|${to}|${type}`} events={[...dated].reverse()} />
            {data.undatedTotal > 0 && (
              <>
                {/* "Shown: the first N of M undated events." */}
                {data.undatedTotal > data.undated.length && (
                  <p class="muted sample-note">المعروض أول {num(data.undated.length)} من {num(data.undatedTotal)} حدثًا بلا تاريخ.</p>
                )}
                <MonthList key={`${from}|${to}|${type}|undated`} events={data.undated} />
              </>
            )}
          </>
        )}
      </Status>
    </section>
  );
}

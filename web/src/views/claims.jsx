// Figures grouped by what is counted and where, each source's figure on one
// scale, so agreement and conflict are seen side by side.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api.js';
import { useLoad, useUrlField, Status, SourceName, Evidence, EntityLink, num, figure } from '../util.jsx';

const UNITS = { person: 'شخص', percent: '٪', USD: 'دولار', IQD: 'دينار', days: 'يوم', hours: 'ساعة', age_years: 'سنة من العمر' };

// The interval a claim allows: a range, ±10% for an approximate figure,
// open-ended for "more than" / "at least".
export function interval(c) {
  let lo = c.low ?? c.value, hi = c.high ?? c.value;
  if (c.approx && lo === hi) { lo = c.value * 0.9; hi = c.value * 1.1; }
  if (c.qualifier === 'more_than' || c.qualifier === 'at_least') hi = Infinity;
  if (c.qualifier === 'less_than' || c.qualifier === 'at_most') lo = 0;
  return [lo, hi];
}

const who = (c) => (c.source && c.source.name) || c.outlet || `المقال ${c.doc}`;

// "agree" when every pair of intervals from different sources overlaps,
// "conflict" when some pair does not, "single" with one source.
export function verdict(claims) {
  const sources = new Set(claims.map(who));
  if (sources.size < 2) return 'single';
  const iv = claims.map(interval);
  for (let i = 0; i < iv.length; i++) {
    for (let j = i + 1; j < iv.length; j++) {
      if (who(claims[i]) === who(claims[j])) continue;
      if (iv[i][1] < iv[j][0] || iv[j][1] < iv[i][0]) return 'conflict';
    }
  }
  return 'agree';
}

const VERDICT = { agree: ['تتفق المصادر', 'ok'], conflict: ['تتعارض المصادر', 'bad'], single: ['مصدر واحد', 'neutral'] };

// One claim's interval on the group's common scale [0, max]: a bar for the
// range (dashed when open-ended), a dot at the figure.
function RangeBar({ c, max }) {
  const W = 180, H = 18, pad = 6;
  const x = (v) => pad + (Math.min(v, max) / max) * (W - 2 * pad);
  const [lo, hi] = interval(c);
  return (
    <svg class="range-bar" viewBox={`0 0 ${W} ${H}`} width={W} height={H} dir="ltr" aria-hidden="true">
      <line x1={pad} x2={W - pad} y1={H / 2} y2={H / 2} class="axis" />
      <line x1={x(lo)} x2={x(Number.isFinite(hi) ? hi : max)} y1={H / 2} y2={H / 2} class={Number.isFinite(hi) ? 'span' : 'span open'} />
      <circle cx={x(c.value)} cy={H / 2} r="4.5" class="dot" />
    </svg>
  );
}

function Group({ g }) {
  const v = verdict(g.claims);
  const max = Math.max(1, ...g.claims.flatMap((c) => interval(c)).filter((x) => Number.isFinite(x))) * 1.05;
  const [label, cls] = VERDICT[v];
  return (
    <div class={`card group ${cls}`}>
      <h3>
        {g.counted || 'رقم'}{g.place && <> في <EntityLink id={g.placeEntity} name={g.place} /></>}
        {g.unit && <small class="muted"> ({UNITS[g.unit] || g.unit})</small>}
        <span class={`verdict ${cls}`}>{label}</span>
      </h3>
      <table class="grid compact">
          <thead><tr><th>من يقول</th><th>الرقم</th><th class="scale-head"><span dir="ltr">0 — {num(Math.round(max))}</span></th><th>الوسيلة</th><th>التاريخ</th><th></th></tr></thead>
          <tbody>
            {g.claims.map((c) => (
              <tr>
                <td><SourceName source={c.source} outlet={c.outlet} /></td>
                <td class="fig">{figure(c)}</td>
                <td><RangeBar c={c} max={max} /></td>
                <td>{c.outlet || '—'}</td>
                <td class="nowrap">{c.date || c.published}</td>
                <td><Evidence doc={c.doc} start={c.start} end={c.end} label="الجملة" /></td>
              </tr>
            ))}
          </tbody>
      </table>
    </div>
  );
}

// The server sorts claims by topic ("unit|counted|place"), and within a unit
// the figures without a counted thing come first: on a big corpus a first
// page of thousands can hold no counted figure at all. So a corpus of up to
// FULL claims is read whole; a bigger one is read through the places named
// most (each a short list, read whole), which is where the figures sources
// can agree or disagree on gather. `about` asks the server directly.
const FULL = 3000, ABOUT = 5000, PLACES = 6, PER_PLACE = 1000;

async function loadClaims(about) {
  if (about) {
    const r = await api('claims', { about, limit: ABOUT });
    return { claims: r.claims, total: r.total, places: null };
  }
  const head = await api('claims', { limit: 1 });
  if (head.total <= FULL) {
    const r = await api('claims', { limit: FULL });
    return { claims: r.claims, total: r.total, places: null };
  }
  const locs = await api('entities', { type: 'LOC', limit: PLACES });
  const lists = await Promise.all(locs.entities.map((e) => api('claims', { about: e.name, limit: PER_PLACE })));
  // A claim can be about two of the places.
  const byId = new Map();
  for (const l of lists) for (const c of l.claims) byId.set(c.id, c);
  return { claims: [...byId.values()], total: head.total, places: locs.entities };
}

const GROUPS = 40;  // shown at first, and added by "more"

export function ClaimsView({ params }) {
  const about = params.get('about') || '';
  const [text, setText] = useUrlField(about);
  const [showOther, setShowOther] = useState(false);
  const [shown, setShown] = useState(GROUPS);
  useEffect(() => setShown(GROUPS), [about]);
  const [data, error, loading] = useLoad(() => loadClaims(about), [about]);
  let groups = [], other = [];
  if (data) {
    const by = new Map();
    for (const c of data.claims) {
      if (!by.has(c.topic)) {
        by.set(c.topic, { topic: c.topic, counted: c.counted, place: c.place, placeEntity: c.place_entity, unit: c.unit, claims: [] });
      }
      by.get(c.topic).claims.push(c);
    }
    // Most useful first: the figures most sources give, where they can
    // agree or conflict; then the most figures.
    const all = [...by.values()];
    for (const g of all) g.sources = new Set(g.claims.map(who)).size;
    all.sort((a, b) => b.sources - a.sources || b.claims.length - a.claims.length);
    groups = all.filter((g) => g.counted);
    other = all.filter((g) => !g.counted);
  }
  const aboutHref = (t) => '#/claims' + (t ? '?about=' + encodeURIComponent(t) : '');
  return (
    <section>
      <h1>الأرقام ومن يقولها</h1>
      <form class="filters" onSubmit={(e) => { e.preventDefault(); location.hash = aboutHref(text.trim()); }}>
        <label>عن (المعدود أو المكان) <input name="about" value={text} onInput={(e) => setText(e.currentTarget.value)} placeholder="مقاتل، كركوك…" /></label>
        <button type="submit">اعرض</button>
      </form>
      <Status error={error} loading={loading} data={data}>
        {data && (
          <>
            <p class="muted">{num(data.claims.length)} رقمًا في {num(groups.length + other.length)} موضوعًا، منها {num(groups.length)} بمعدود محدد. كل صف يشير إلى الجملة التي ورد فيها.</p>
            {/* "The corpus has M figures; shown: those about the places named most (A, B…). Write a counted thing or another place in «about»." */}
            {data.places && (
              <p class="muted sample-note">
                في المدونة {num(data.total)} رقمًا؛ المعروض منها ما يخص أكثر الأماكن ورودًا:{' '}
                {data.places.map((e, i) => <>{i > 0 && '، '}<a href={aboutHref(e.name)}>{e.name}</a></>)}.
                {' '}اكتب في «عن» معدودًا أو مكانًا آخر لترى غيرها.
              </p>
            )}
            {/* "Shown: the first N of M figures; narrow the search to see the rest." */}
            {!data.places && data.total > data.claims.length && (
              <p class="muted sample-note">المعروض أول {num(data.claims.length)} من {num(data.total)} رقمًا؛ ضيّق البحث لترى الباقي.</p>
            )}
            {groups.slice(0, shown).map((g) => <Group key={g.topic} g={g} />)}
            {groups.length > shown && (
              <p class="more">
                <small class="muted">معروض {num(shown)} من {num(groups.length)} موضوعًا</small>{' '}
                <button type="button" class="link" onClick={() => setShown(shown + GROUPS)}>المزيد</button>
              </p>
            )}
            {other.length > 0 && (
              <>
                <button type="button" class="link" onClick={() => setShowOther(!showOther)}>
                  {showOther ? 'إخفاء' : 'إظهار'} أرقام بلا معدود محدد ({num(other.reduce((n, g) => n + g.claims.length, 0))})
                </button>
                {showOther && other.map((g) => <Group key={g.topic} g={g} />)}
              </>
            )}
          </>
        )}
      </Status>
    </section>
  );
}

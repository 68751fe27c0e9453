// Figures grouped by what is counted and where, each source's figure on one
// scale, so agreement and conflict are seen side by side.
import { useState } from 'preact/hooks';
import { api } from '../api.js';
import { useLoad, useUrlField, Status, ErrorBox, SourceName, Evidence, EntityLink, num, figure } from '../util.jsx';

const UNITS = { person: 'شخص', percent: '٪', USD: 'دولار', IQD: 'دينار', days: 'يوم', hours: 'ساعة', age_years: 'سنة من العمر' };

// The interval a claim allows: a range, ±10% for an approximate figure,
// open-ended for "more than" / "at least".
function interval(c) {
  let lo = c.low ?? c.value, hi = c.high ?? c.value;
  if (c.approx && lo === hi) { lo = c.value * 0.9; hi = c.value * 1.1; }
  if (c.qualifier === 'more_than' || c.qualifier === 'at_least') hi = Infinity;
  if (c.qualifier === 'less_than' || c.qualifier === 'at_most') lo = 0;
  return [lo, hi];
}

// "Sources agree", "sources conflict", "one source", "sources of different
// times" (never near enough in time to be of one fact), "figures not
// compared" (nothing says they are of one thing: percentages, sums, ages).
const VERDICT = {
  agree: ['تتفق المصادر', 'ok'], conflict: ['تتعارض المصادر', 'bad'], single: ['مصدر واحد', 'neutral'],
  apart: ['مصادر في أوقات مختلفة', 'neutral'], not_compared: ['أرقام لا تقارن', 'neutral'],
};

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

// A topic's card: the server's verdict over all its claims, and its first
// claims (all of them on request) on one scale.
function Group({ g }) {
  const [all, setAll] = useState(null);  // the topic's list: {claims, total}
  const [error, setError] = useState(null);
  const claims = all ? all.claims : g.first;
  const max = Math.max(1, ...claims.flatMap((c) => interval(c)).filter((x) => Number.isFinite(x))) * 1.05;
  const [label, cls] = VERDICT[g.verdict] || VERDICT.single;
  const showAll = () => api('claims', { topic: g.topic, limit: ALL }).then(setAll, (e) => setError(e.message));
  return (
    <div class={`card group ${cls}`}>
      <h3>
        {/* "age of X" for one person's ages; "N in PLACE" otherwise */}
        {g.counted || 'رقم'}{g.about && <> <EntityLink id={g.about.id} name={g.about.name} /></>}
        {g.place && <> في <EntityLink id={g.place_entity} name={g.place} /></>}
        {g.unit && <small class="muted"> ({UNITS[g.unit] || g.unit})</small>}
        <span class={`verdict ${cls}`}>{label}</span>
      </h3>
      {/* "Figures: N, sources: S, articles: D" */}
      <p class="muted counts">الأرقام: {num(g.claims)}، المصادر: {num(g.sources)}، المقالات: {num(g.docs)}</p>
      <table class="grid compact">
          <thead><tr><th>من يقول</th><th>الرقم</th><th class="scale-head"><span dir="ltr">0 — {num(Math.round(max))}</span></th><th>الوسيلة</th><th>التاريخ</th><th></th></tr></thead>
          <tbody>
            {claims.map((c) => (
              <tr key={c.id}>
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
      {error && <ErrorBox error={error} />}
      {/* "The first N of M figures; narrow with «about» to see the rest." */}
      {all && all.total > all.claims.length && (
        <p class="more"><small class="muted">أول {num(all.claims.length)} من {num(all.total)} رقمًا</small></p>
      )}
      {/* "Shown: N of M figures. Show all" */}
      {!all && g.claims > claims.length && (
        <p class="more">
          <small class="muted">معروض {num(claims.length)} من {num(g.claims)} رقمًا</small>{' '}
          <button type="button" class="link" onClick={showAll}>اعرضها كلها</button>
        </p>
      )}
    </div>
  );
}

// The server groups the claims and ranks the groups: a figure of a counted
// thing at a place first (what sources can agree or disagree on), most
// sources first. Pages of GROUPS are asked for as the user reads on, each
// topic with its first CLAIMS figures; a topic's whole list, up to ALL, on
// request.
const GROUPS = 40, CLAIMS = 10, ALL = 1000;

export function ClaimsView({ params }) {
  const about = params.get('about') || '';
  const [text, setText] = useUrlField(about);
  const [data, error, loading] = useLoad(() => api('claims/groups', { about, limit: GROUPS, claims: CLAIMS }), [about]);
  // Further pages, appended; cleared when the question changes.
  const [more, setMore] = useState({ about, groups: [], loading: false, error: null });
  const extra = more.about === about ? more : { groups: [], loading: false, error: null };
  const groups = data ? [...data.groups, ...extra.groups] : [];
  const loadMore = () => {
    setMore({ ...extra, about, loading: true, error: null });
    api('claims/groups', { about, limit: GROUPS, offset: groups.length, claims: CLAIMS }).then(
      (r) => setMore((m) => (m.about === about ? { ...m, groups: [...m.groups, ...r.groups], loading: false } : m)),
      (e) => setMore((m) => (m.about === about ? { ...m, loading: false, error: e.message } : m)));
  };
  const aboutHref = (t) => '#/claims' + (t ? '?about=' + encodeURIComponent(t) : '');
  return (
    <section>
      <h1>الأرقام ومن يقولها</h1>
      <form class="filters" onSubmit={(e) => { e.preventDefault(); location.hash = aboutHref(text.trim()); }}>
        <label>عن (المعدود أو المكان أو الشخص) <input name="about" value={text} onInput={(e) => setText(e.currentTarget.value)} placeholder="مقاتل، كركوك…" /></label>
        <button type="submit">اعرض</button>
      </form>
      <Status error={error} loading={loading} data={data}>
        {data && (
          <>
            {/* "N topics, first those counting something at a place that most sources give. Sources' figures are compared when near enough in time to be of one fact: a day for an incident's toll, a week for other counts, a month for a person's age. Each row points to its sentence." */}
            <p class="muted">{num(data.total)} موضوعًا، أولها ما يعدّ شيئًا في مكان وتذكره مصادر أكثر. تُقارَن أرقام المصادر إذا تقاربت أيامها بما يكفي لتكون عن واقعة واحدة: يوم لحصيلة حادث، وأسبوع لسائر الأعداد، وشهر لعمر شخص. كل صف يشير إلى الجملة التي ورد فيها.</p>
            {groups.map((g) => <Group key={g.topic} g={g} />)}
            {extra.error && <ErrorBox error={extra.error} />}
            {data.total > groups.length && (
              <p class="more">
                <small class="muted">معروض {num(groups.length)} من {num(data.total)} موضوعًا</small>{' '}
                <button type="button" class="link" disabled={extra.loading} onClick={loadMore}>المزيد</button>
              </p>
            )}
          </>
        )}
      </Status>
    </section>
  );
}

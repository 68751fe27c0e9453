import { useState } from 'preact/hooks';
import { api } from '../api.js';
import {
  useApi, useUrlField, intParam, Status, TypeBadge, EntityLink, SourceName, Evidence, num, figure,
  TYPE_NAMES, EVENT_NAMES, RELATION_NAMES, ROLE_NAMES,
} from '../util.jsx';

export function EntitiesView({ params }) {
  const type = params.get('type') || '';
  const q = params.get('q') || '';
  const offset = intParam(params, 'offset', 0);
  const limit = 50;
  const [text, setText] = useUrlField(q);
  const [data, error, loading] = useApi('entities', { type, q, limit, offset }, [type, q, offset]);
  const link = (p) => {
    const s = new URLSearchParams({ type, q, offset, ...p });
    for (const [k, v] of [...s]) if (!v || v === '0') s.delete(k);
    return '#/entities?' + s;
  };
  return (
    <section>
      <h1>الكيانات</h1>
      <form class="filters" onSubmit={(e) => { e.preventDefault(); location.hash = link({ q: text.trim(), offset: 0 }); }}>
        <label>الاسم (بأي تهجئة) <input name="q" value={text} onInput={(e) => setText(e.currentTarget.value)} /></label>
        <div class="tabs">
          {['', 'PER', 'ORG', 'LOC', 'MISC'].map((t) => (
            <a class={t === type ? 'active' : ''} href={link({ type: t, offset: 0 })}>{t ? TYPE_NAMES[t] : 'الكل'}</a>
          ))}
        </div>
      </form>
      <Status error={error} loading={loading} data={data}>
        {data && (
          <>
            <table class="grid">
              <thead><tr><th>الاسم</th><th>النوع</th><th>بالحروف اللاتينية</th><th>صيغ أخرى</th><th>المقالات</th><th>الذكر</th></tr></thead>
              <tbody>
                {data.entities.map((e) => (
                  <tr>
                    <td><a href={`#/entity/${e.id}`}>{e.name}</a></td>
                    <td><TypeBadge type={e.type} /></td>
                    <td class="ltr">{e.latin}</td>
                    <td class="muted">{e.aliases.filter((a) => a.name !== e.name).slice(0, 3).map((a) => a.name).join('، ')}</td>
                    <td>{num(e.doc_count)}</td>
                    <td>{num(e.mentions)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {data.entities.length === 0 && <p class="muted">لا كيان يطابق.</p>}
            <p class="pager">
              {offset > 0 && <a href={link({ offset: Math.max(0, offset - limit) })}>→ السابق</a>}
              {data.entities.length === limit && <a href={link({ offset: offset + limit })}>التالي ←</a>}
            </p>
          </>
        )}
      </Status>
    </section>
  );
}

function Aliases({ entity }) {
  const max = Math.max(1, ...entity.aliases.map((a) => a.mentions));
  return (
    <table class="grid aliases">
      <thead><tr><th>الصيغة كما كُتبت</th><th>مرات الذكر</th><th>المقالات</th></tr></thead>
      <tbody>
        {entity.aliases.map((a) => (
          <tr>
            <td class="alias-name">{a.name}</td>
            <td><span class="bar" style={{ width: `${Math.round((60 * a.mentions) / max)}px` }} /> {num(a.mentions)}</td>
            <td>{num(a.docs)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function EntityView({ id }) {
  const [p, error, loading] = useApi(`entities/${encodeURIComponent(id)}`, {}, [id]);
  // Keyed by the entity: another entity starts with its own first pages.
  return (
    <Status error={error} loading={loading} data={p}>
      {p && <Profile key={p.entity.id} p={p} />}
    </Status>
  );
}

// A profile list: the first page the profile holds, then the next pages
// from the list route (`path` with entity=ID) as the reader asks for them.
const PAGE = 100;
function usePaged(first, total, path, key, entity) {
  const [state, setState] = useState({ more: [], busy: false, error: null });
  const items = state.more.length ? first.concat(state.more) : first;
  const next = async () => {
    setState((s) => ({ ...s, busy: true, error: null }));
    try {
      const r = await api(path, { entity, offset: items.length, limit: PAGE });
      setState((s) => ({ more: s.more.concat(r[key]), busy: false, error: null }));
    } catch (e) {
      setState((s) => ({ ...s, busy: false, error: e.message }));
    }
  };
  return { items, total, next, busy: state.busy, error: state.error };
}

// "Shown of total" and the button for the next page.
export function More({ list }) {
  if (list.items.length >= list.total && !list.error) return null;
  return (
    <p class="more">
      <small class="muted">معروض {num(list.items.length)} من {num(list.total)}</small>{' '}
      {list.items.length < list.total && (
        <button type="button" class="link" disabled={list.busy} onClick={list.next}>
          {list.busy ? 'جارٍ التحميل…' : 'المزيد'}
        </button>
      )}
      {list.error && <span class="error" role="alert"> خطأ: {list.error}</span>}
    </p>
  );
}

function Profile({ p }) {
  const [showAll, setShowAll] = useState(false);
  const e = p.entity;
  const docs = usePaged(p.documents, p.documents_total, 'docs', 'docs', e.id);
  const quotes = usePaged(p.quotes, p.quotes_total, 'quotes', 'quotes', e.id);
  const claims = usePaged(p.claims, p.claims_total, 'claims', 'claims', e.id);
  const events = usePaged(p.events, p.events_total, 'events', 'events', e.id);
  return (
    <section class="profile">
      <h1>{e.name} <TypeBadge type={e.type} /></h1>
      <p class="latin ltr" lang="en">{e.latin}</p>
      <p class="muted">ورد {num(e.mentions)} مرة في {num(e.doc_count)} مقالًا.</p>
      <div class="two-col">
        <div>
          <h2>صيغ الاسم</h2>
          <Aliases entity={e} />
          <h2>كيانات مرتبطة</h2>
          {p.related.length === 0 ? <p class="muted">لا شيء.</p> : (
            <ul class="related">
              {(showAll ? p.related : p.related.slice(0, 12)).map((r) => (
                <li><EntityLink id={r.id} name={r.name} /> <TypeBadge type={r.type} />{' '}
                  <small class="muted">{RELATION_NAMES[r.relation] || r.relation} · {num(r.docs)} مقالًا معًا</small></li>
              ))}
            </ul>
          )}
          {p.related.length > 12 && (
            <button type="button" class="link" onClick={() => setShowAll(!showAll)}>
              {showAll ? 'أقل' : `كل الكيانات المرتبطة (${num(p.related.length)})`}
            </button>
          )}
          <h2>التدقيق في قوائم العقوبات</h2>
          {!p.watch_list ? <p class="muted">لم تُحمَّل قائمة تدقيق (شغّل <code dir="ltr">marsad serve --list FILE</code>).</p>
            : p.screening.length === 0 ? <p class="muted">لا تطابق في القائمة.</p> : (
              <table class="grid screening">
                <thead><tr><th>المدخل</th><th>الاسم في القائمة</th><th>الدرجة</th><th title="وزن الكلمات المتطابقة: 1 لكل كلمة لا يحملها إلا مدخل واحد">قوة الدليل</th><th>السبب</th></tr></thead>
                <tbody>{p.screening.map((h) => (
                  <tr><td class="ltr">{h.list_entry_id}</td><td>{h.list_name}<br /><small class="muted">{h.name} ↔ {h.matched_alias}</small></td>
                    <td>{num(h.score)}</td><td>{num(h.evidence)}</td><td class="ltr small">{h.why}</td></tr>))}</tbody>
              </table>
            )}
        </div>
        <div>
          <h2>المقالات ({num(docs.total)})</h2>
          <ul class="doclist">
            {docs.items.map((d) => (
              <li><a href={`#/doc/${d.id}`}>{d.title || `المقال ${d.id}`}</a> <small class="muted nowrap"><bdi>{[d.source, d.published].filter(Boolean).join(' · ')}</bdi></small></li>
            ))}
          </ul>
          <More list={docs} />
        </div>
      </div>
      <h2>أقوال ({num(quotes.total)})</h2>
      {quotes.total === 0 ? <p class="muted">لا أقوال منسوبة.</p> : (
        <ul class="quotes">
          {quotes.items.map((q) => (
            <li><blockquote>{q.text}</blockquote>
              <div class="muted small"><SourceName source={q.speaker} /> · {q.published} · <Evidence doc={q.doc} start={q.start} end={q.end} /></div></li>
          ))}
        </ul>
      )}
      <More list={quotes} />
      <h2>أرقام ({num(claims.total)})</h2>
      {claims.total === 0 ? <p class="muted">لا أرقام.</p> : <ClaimRows claims={claims.items} />}
      <More list={claims} />
      <h2>أحداث ({num(events.total)})</h2>
      {events.total === 0 ? <p class="muted">لا أحداث.</p> : <EventRows events={events.items} />}
      <More list={events} />
    </section>
  );
}

export function ClaimRows({ claims }) {
  return (
    <table class="grid">
      <thead><tr><th>الرقم</th><th>المعدود</th><th>المكان</th><th>من يقول</th><th>الوسيلة</th><th>التاريخ</th><th>الدليل</th></tr></thead>
      <tbody>
        {claims.map((c) => (
          <tr>
            <td class="fig">{figure(c)} <small class="muted">{c.unit}</small></td>
            <td>{c.counted}</td>
            <td><EntityLink id={c.place_entity} name={c.place || ''} /></td>
            <td><SourceName source={c.source} outlet={c.outlet} /></td>
            <td>{c.outlet}</td>
            <td>{c.date || c.published}</td>
            <td><Evidence doc={c.doc} start={c.start} end={c.end} label={`المقال ${c.doc}`} /></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function EventRows({ events }) {
  return (
    <table class="grid">
      <thead><tr><th>التاريخ</th><th>الحدث</th><th>المكان</th><th>المشاركون</th><th>قتلى / جرحى</th><th>الجملة</th></tr></thead>
      <tbody>
        {events.map((ev) => (
          <tr>
            <td class="nowrap">{ev.date || '—'}</td>
            <td><span class={`badge ev-${ev.type}`}>{EVENT_NAMES[ev.type] || ev.type}</span></td>
            <td><EntityLink id={ev.place_entity} name={ev.place || ''} /></td>
            <td>{ev.participants.map((x, i) => (
              <>{i > 0 && '، '}<EntityLink id={x.id} name={x.name} />{ROLE_NAMES[x.role] && <small class="muted role"> ({ROLE_NAMES[x.role]})</small>}</>
            ))}</td>
            <td>{[ev.killed, ev.injured].map((v) => (v === null ? '—' : num(v))).join(' / ')}</td>
            <td class="sentence">{ev.sentence} <Evidence doc={ev.doc} start={ev.start} end={ev.end} label="↩" /></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

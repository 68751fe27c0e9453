import { useState } from 'preact/hooks';
import {
  useApi, Status, TypeBadge, EntityLink, SourceName, Evidence, num, figure,
  TYPE_NAMES, EVENT_NAMES, RELATION_NAMES,
} from '../util.jsx';

export function EntitiesView({ params }) {
  const type = params.get('type') || '';
  const q = params.get('q') || '';
  const offset = +(params.get('offset') || 0);
  const limit = 50;
  const [text, setText] = useState(q);
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
                    <td>{num(e.docs.length)}</td>
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
  const [showAll, setShowAll] = useState(false);
  return (
    <Status error={error} loading={loading} data={p}>
      {p && (() => {
        const e = p.entity;
        return (
          <section class="profile">
            <h1>{e.name} <TypeBadge type={e.type} /></h1>
            <p class="latin ltr" lang="en">{e.latin}</p>
            <p class="muted">ورد {num(e.mentions)} مرة في {num(e.docs.length)} مقالًا.</p>
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
                      <thead><tr><th>المدخل</th><th>الاسم في القائمة</th><th>الدرجة</th><th>السبب</th></tr></thead>
                      <tbody>{p.screening.map((h) => (
                        <tr><td class="ltr">{h.list_entry_id}</td><td>{h.list_name}<br /><small class="muted">{h.name} ↔ {h.matched_alias}</small></td>
                          <td>{num(h.score)}</td><td class="ltr small">{h.why}</td></tr>))}</tbody>
                    </table>
                  )}
              </div>
              <div>
                <h2>المقالات ({num(p.documents_total)})</h2>
                <ul class="doclist">
                  {p.documents.map((d) => (
                    <li><a href={`#/doc/${d.id}`}>{d.title || `المقال ${d.id}`}</a> <small class="muted nowrap"><bdi>{[d.source, d.published].filter(Boolean).join(' · ')}</bdi></small></li>
                  ))}
                </ul>
              </div>
            </div>
            <h2>أقوال ({num(p.quotes.length)})</h2>
            {p.quotes.length === 0 ? <p class="muted">لا أقوال منسوبة.</p> : (
              <ul class="quotes">
                {p.quotes.map((q) => (
                  <li><blockquote>{q.text}</blockquote>
                    <div class="muted small"><SourceName source={q.speaker} /> · {q.published} · <Evidence doc={q.doc} start={q.start} end={q.end} /></div></li>
                ))}
              </ul>
            )}
            <h2>أرقام ({num(p.claims.length)})</h2>
            {p.claims.length === 0 ? <p class="muted">لا أرقام.</p> : <ClaimRows claims={p.claims} />}
            <h2>أحداث ({num(p.events.length)})</h2>
            {p.events.length === 0 ? <p class="muted">لا أحداث.</p> : <EventRows events={p.events} />}
          </section>
        );
      })()}
    </Status>
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
            <td><SourceName source={c.source} /></td>
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
            <td>{ev.participants.map((x, i) => <>{i > 0 && '، '}<EntityLink id={x.entity} name={x.name} /></>)}</td>
            <td>{[ev.killed, ev.injured].map((v) => (v === null ? '—' : num(v))).join(' / ')}</td>
            <td class="sentence">{ev.sentence} <Evidence doc={ev.doc} start={ev.start} end={ev.end} label="↩" /></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

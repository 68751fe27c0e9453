import { useState } from 'preact/hooks';
import { api } from '../api.js';
import { useLoad, useUrlField, Status, Snippet, num } from '../util.jsx';
import { More } from './entity.jsx';

// Hits a page: the first with the search, the next ones on request.
const LIMIT = 50;

// The hits of one search: the first page, then the next ones (offset = the
// hits received so far) as the reader asks for them. `total` is the number
// of matching documents; a server that gives none pages nothing.
function usePagedHits(first) {
  const [state, setState] = useState({ of: null, more: [], busy: false, error: null });
  // Pages asked for another search (the query changed) are not this one's.
  const mine = state.of === first;
  const hits = mine && state.more.length ? first.hits.concat(state.more) : first.hits;
  // An empty page (documents removed since) ends the list.
  const total = typeof first.total === 'number' && !(mine && state.end) ? first.total : hits.length;
  const next = async () => {
    setState((s) => ({ of: first, more: s.of === first ? s.more : [], busy: true, error: null }));
    try {
      const r = await api('search', { ...first.ask, offset: (first.offset || 0) + hits.length, limit: LIMIT });
      setState((s) => (s.of === first ? { ...s, more: s.more.concat(r.hits), end: !r.hits.length, busy: false } : s));
    } catch (e) {
      setState((s) => (s.of === first ? { ...s, busy: false, error: e.message } : s));
    }
  };
  return { items: hits, total, next, busy: mine && state.busy, error: mine ? state.error : null };
}

function Hits({ data }) {
  const list = usePagedHits(data);
  return (
    <>
      <p class="muted">{list.total ? `${num(list.total)} نتيجة لـ «${data.query}»` : 'لا مقال يطابق البحث.'}</p>
      <ol class="results">
        {list.items.map((h) => (
          <li class="result">
            <a class="title" href={`#/doc/${h.doc}`}>{h.title || `المقال ${h.doc}`}</a>
            <div class="meta muted">
              {h.source && <span>{h.source}</span>}
              {h.published && <span>{h.published}</span>}
              {!h.exact && <span class="badge warn">تهجئة أخرى</span>}
              {h.duplicate_of && <span class="badge">نسخة من <a href={`#/doc/${h.duplicate_of}`}>{h.duplicate_of}</a></span>}
            </div>
            <p class="snippet"><Snippet text={h.snippet} highlights={h.highlights} /></p>
          </li>
        ))}
      </ol>
      <More list={list} />
    </>
  );
}

export function SearchView({ params }) {
  const q = params.get('q') || '';
  const source = params.get('source') || '';
  const exact = params.get('exact') === '1';
  const [text, setText] = useUrlField(q);
  const [src, setSrc] = useUrlField(source);
  const [ex, setEx] = useUrlField(exact);
  // The search's parameters go with its hits: the next pages are of the
  // search shown, even while another one loads.
  const [data, error, loading] = useLoad(async () => {
    if (!q) return api('stats');
    const ask = { q, source, exact: exact ? 1 : '' };
    return { ...(await api('search', { ...ask, limit: LIMIT })), ask };
  }, [q, source, exact]);
  const submit = (e) => {
    e.preventDefault();
    const p = new URLSearchParams({ q: text.trim() });
    if (src.trim()) p.set('source', src.trim());
    if (ex) p.set('exact', '1');
    location.hash = '#/search?' + p;
  };
  return (
    <section>
      <h1>البحث في المقالات</h1>
      <form class="filters" onSubmit={submit}>
        <label>الكلمات <input name="q" value={text} onInput={(e) => setText(e.currentTarget.value)} required /></label>
        <label>الوسيلة <input name="source" value={src} onInput={(e) => setSrc(e.currentTarget.value)} placeholder="كل الوسائل" /></label>
        <label class="check"><input type="checkbox" checked={ex} onChange={(e) => setEx(e.currentTarget.checked)} /> التهجئة المكتوبة فقط</label>
        <button type="submit">ابحث</button>
      </form>
      {q && (
        <Status error={error} loading={loading} data={data}>
          {data && data.hits && <Hits data={data} />}
        </Status>
      )}
    </section>
  );
}

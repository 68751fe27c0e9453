import { useApi, useUrlField, Status, Snippet, num } from '../util.jsx';

export function SearchView({ params }) {
  const q = params.get('q') || '';
  const source = params.get('source') || '';
  const exact = params.get('exact') === '1';
  const [text, setText] = useUrlField(q);
  const [src, setSrc] = useUrlField(source);
  const [ex, setEx] = useUrlField(exact);
  const [data, error, loading] = useApi(q ? 'search' : 'stats', q ? { q, source, exact: exact ? 1 : '', limit: 50 } : {}, [q, source, exact]);
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
          {data && data.hits && (
            <>
              <p class="muted">{data.hits.length ? `${num(data.hits.length)} نتيجة لـ «${data.query}»` : 'لا مقال يطابق البحث.'}</p>
              <ol class="results">
                {data.hits.map((h) => (
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
            </>
          )}
        </Status>
      )}
    </section>
  );
}

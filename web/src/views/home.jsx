import { useState } from 'preact/hooks';
import { useApi, Status, TypeBadge, num } from '../util.jsx';
import { AddArticle } from './add.jsx';

export function HomeView() {
  // Counted again after an article is added.
  const [version, setVersion] = useState(0);
  const [stats, err, loading] = useApi('stats', {}, [version]);
  const [ents, entsErr] = useApi('entities', { limit: 12 }, [version]);
  return (
    <section>
      <h1>مرصد</h1>
      <p class="lead">سجلّ قابل للبحث لما تقوله المقالات: من، وأين، وماذا، وكم، ومن يقول ذلك.</p>
      <Status error={err} loading={loading} data={stats}>
        {stats && (
          <div class="cards">
            <div class="card stat"><b>{num(stats.documents)}</b><span>مقالًا</span></div>
            <div class="card stat"><b>{num(stats.entities ?? 0)}</b><span>كيانًا</span></div>
            <div class="card stat"><b>{stats.watch_list ? num(stats.watch_list.entries) : '—'}</b>
              <span>{stats.watch_list ? 'مدخلًا في قائمة التدقيق' : 'لا قائمة تدقيق محمّلة'}</span></div>
          </div>
        )}
      </Status>
      {stats && stats.ingest && <AddArticle onAdded={() => setVersion((v) => v + 1)} />}
      {entsErr && <Status error={entsErr} />}
      {ents && ents.entities.length > 0 && (
        <>
          <h2>أكثر الكيانات ورودًا</h2>
          <ul class="chips">
            {ents.entities.map((e) => (
              <li><a href={`#/entity/${e.id}`}><TypeBadge type={e.type} /> {e.name} <small class="muted">({num(e.doc_count)})</small></a></li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

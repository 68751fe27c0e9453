import { useEffect, useState } from 'preact/hooks';
import { useApi, Status, Marked, TYPE_NAMES } from '../util.jsx';

const REASONS = {
  navigation: 'قائمة تنقل', comments: 'تعليقات', comment_form: 'نموذج تعليق', author_list: 'قائمة كتّاب',
  prompt: 'دعوة للمشاركة', repeated: 'سطر يتكرر في الوسيلة', low_density: 'خارج النص الرئيسي',
  header: 'رأس الصفحة', footer: 'تذييل', title: 'العنوان', aside: 'هامش', form: 'نموذج', 'outside-main': 'خارج النص الرئيسي',
  'link-list': 'قائمة روابط', byline: 'سطر الكاتب', share: 'أزرار المشاركة', related: 'مقالات ذات صلة',
};

export function DocView({ id, params }) {
  const [doc, error, loading] = useApi(`docs/${encodeURIComponent(id)}`, {}, [id]);
  const [showBoiler, setShowBoiler] = useState(false);
  const hl = (params.get('hl') || '').match(/^(\d+)-(\d+)$/);
  useEffect(() => {
    if (doc && hl) document.getElementById('evidence')?.scrollIntoView({ block: 'center' });
  }, [doc, params.get('hl')]);
  return (
    <Status error={error} loading={loading} data={doc}>
      {doc && (() => {
        const ranges = (doc.mentions || []).map((m) => ({
          start: m.start, end: m.end, cls: `mention t-${m.type}`,
          href: m.entity ? `#/entity/${m.entity}` : undefined,
          title: TYPE_NAMES[m.type] || m.type,
        }));
        let evidence = null;
        if (hl) evidence = { start: +hl[1], end: +hl[2], cls: 'evidence-span', id: 'evidence', title: 'الدليل' };
        // The evidence wins over a mention it overlaps.
        const all = evidence ? [evidence, ...ranges.filter((r) => r.end <= evidence.start || r.start >= evidence.end)] : ranges;
        const boiler = doc.boilerplate || [];
        return (
          <article class="doc">
            <h1 class="doc-title">{doc.title || `المقال ${doc.id}`}</h1>
            <dl class="meta-grid">
              <dt>الوسيلة</dt><dd>{doc.source || '—'}</dd>
              <dt>التاريخ</dt><dd>{doc.published || '—'}</dd>
              <dt>الرابط</dt><dd class="ltr">{doc.url || '—'}</dd>
              <dt>الملف</dt><dd class="ltr">{doc.path}</dd>
              {doc.duplicate_of && <><dt>نسخة من</dt><dd><a href={`#/doc/${doc.duplicate_of}`}>المقال {doc.duplicate_of}</a></dd></>}
            </dl>
            <p class="legend muted">
              الأسماء المعلَّمة: <span class="mention t-PER">شخص</span> <span class="mention t-ORG">تنظيم</span>{' '}
              <span class="mention t-LOC">مكان</span> <span class="mention t-MISC">أخرى</span>
              {evidence && <> · <span class="evidence-span">الجملة المستشهد بها</span></>}
            </p>
            <div class="doc-text"><Marked text={doc.text} ranges={all} /></div>
            <div class="boiler">
              {boiler.length > 0
                ? <button type="button" class="link" onClick={() => setShowBoiler(!showBoiler)} aria-expanded={showBoiler}>
                    {showBoiler ? 'إخفاء' : 'إظهار'} ما حُذف من الصفحة ({boiler.length})
                  </button>
                : <p class="muted">لم يُحذف شيء من هذه الصفحة.</p>}
              {showBoiler && (
                <ul class="boiler-list">
                  {boiler.map((b) => (
                    <li><span class="badge">{REASONS[b.reason] || b.reason}</span> <span class="removed">{b.text}</span></li>
                  ))}
                </ul>
              )}
            </div>
          </article>
        );
      })()}
    </Status>
  );
}

import { useEffect, useState } from 'preact/hooks';
import { useApi, Status, Marked, TYPE_NAMES, chars } from '../util.jsx';

// The sentence around [start, end): back to the previous full stop, question
// mark or line break, on to the next.
function sentenceAround(cs, start, end) {
  const stop = (c) => c === '.' || c === '!' || c === '?' || c === '؟' || c === '\n';
  let s = Math.min(start, cs.length), e = Math.min(end, cs.length);
  while (s > 0 && !stop(cs[s - 1])) s -= 1;
  while (e < cs.length && !stop(cs[e - 1] ?? '')) e += 1;
  while (s < e && /\s/.test(cs[s])) s += 1;
  return [s, e];
}

// Ranges clipped to [from, to) and shifted to start there.
const clip = (ranges, from, to) => ranges
  .filter((r) => r.end > from && r.start < to)
  .map((r) => ({ ...r, start: Math.max(r.start, from) - from, end: Math.min(r.end, to) - from }));

// Why a part of the page was removed: every reason src/ingest gives (the
// HTML extractor's zones and lists, the plain-text filter's lines and
// tails); any other is shown as it comes.
const REASONS = {
  navigation: 'قائمة تنقل', comments: 'تعليقات', comment_form: 'نموذج تعليق', author_list: 'قائمة كتّاب',
  prompt: 'دعوة للمشاركة', repeated: 'سطر يتكرر في الوسيلة', low_density: 'خارج النص الرئيسي',
  header: 'رأس الصفحة', footer: 'تذييل', title: 'العنوان', aside: 'هامش', form: 'نموذج', 'outside-main': 'خارج النص الرئيسي',
  'link-list': 'قائمة روابط', byline: 'سطر الكاتب', share: 'أزرار المشاركة', related: 'مقالات ذات صلة',
  'short-line': 'سطر قصير على طرف النص', copyright: 'حقوق النشر', link: 'رابط أو بريد إلكتروني',
  'repeated-line': 'سطر يتكرر في الوسيلة', 'title-echo': 'العنوان مكررًا بعد النص', 'tag-list': 'قائمة وسوم',
  'above-headline': 'فوق العنوان',
};

// The evidence range of a link (`hl=START-END`, character offsets), or null
// when it is empty, reversed or past the end of the text: a stale or edited
// link marks nothing rather than the first or last sentence.
function evidenceRange(hl, length) {
  if (!hl) return null;
  const start = +hl[1], end = +hl[2];
  return start < end && end <= length ? { start, end } : null;
}

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
        const cs = chars(doc.text);
        const range = evidenceRange(hl, cs.length);
        const evidence = range && { ...range, cls: 'evidence-span', title: 'الدليل' };
        // The evidence wins over a mention it overlaps.
        const all = evidence ? [evidence, ...ranges.filter((r) => r.end <= evidence.start || r.start >= evidence.end)] : ranges;
        let body = <Marked text={doc.text} ranges={all} />;
        if (evidence) {
          // The whole sentence is the evidence; the words it rests on stand out in it.
          const [s, e] = sentenceAround(cs, evidence.start, evidence.end);
          const part = (a, b) => <Marked text={cs.slice(a, b).join('')} ranges={clip(all, a, b)} />;
          body = <>{part(0, s)}<span class="evidence-sentence" id="evidence">{part(s, e)}</span>{part(e, cs.length)}</>;
        }
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
              {evidence && <> · <span class="evidence-sentence">الجملة المستشهد بها</span></>}
            </p>
            {/* "The place the link cites is not in this document's text: nothing is marked." */}
            {hl && !evidence && <p class="muted bad-hl">موضع الاستشهاد في الرابط خارج نص المقال، فلم يُعلَّم شيء.</p>}
            <div class="doc-text">{body}</div>
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

// Adding one article through POST /api/ingest (a server started with
// `marsad serve --ingest`): the article as a JSON document, read, stored and
// analysed by the server as `marsad ingest` does.
import { useEffect, useRef, useState } from 'preact/hooks';
import { apiPost } from '../api.js';
import { ErrorBox } from '../util.jsx';

const EMPTY = { title: '', text: '', source: '', published: '', url: '' };

// What the server answered, or why nothing was sent.
function Result({ result }) {
  if (!result) return null;
  const reasons = (result.problems || [])
    .map((p) => p.reason)
    .filter((r, i, all) => r && all.indexOf(r) === i && !(result.message || '').includes(r));
  const problems = reasons.length > 0 && (
    <ul class="problems small">{reasons.map((r) => <li>{r}</li>)}</ul>
  );
  switch (result.kind) {
    case 'added':
      return (
        <div class="notice ok" role="status">
          <b>أُضيف المقال</b>{' '}
          <a class="added-doc" href={`#/doc/${result.doc}`}>اعرض المقال {result.doc}</a>
          {/* "A near copy of a stored article: the document view names it." */}
          {result.near && <p class="small muted">وهو نسخة قريبة من مقال محفوظ، وصفحته تسمّيه.</p>}
          {problems}
        </div>
      );
    case 'stored':
      return (
        <div class="notice" role="status">
          <b>المقال محفوظ من قبل</b> <span class="muted">— لم يُضف مرة أخرى.</span>
          {problems}
        </div>
      );
    default:
      return <div class="add-error"><ErrorBox error={result.message} />{problems}</div>;
  }
}

// The «أضف مقالًا» control and its form. `onAdded` runs after a document
// was stored (to refresh the counts).
export function AddArticle({ onAdded }) {
  const [open, setOpen] = useState(false);
  const [fields, setFields] = useState(EMPTY);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState(null);
  const first = useRef(null);
  // An answer that comes after the view is gone is dropped.
  const live = useRef(true);
  useEffect(() => () => { live.current = false; }, []);
  useEffect(() => { if (open) first.current?.focus(); }, [open]);

  const field = (name) => ({
    name, value: fields[name],
    onInput: (e) => { const v = e.currentTarget.value; setFields((f) => ({ ...f, [name]: v })); },
  });

  const submit = async (e) => {
    e.preventDefault();
    if (busy) return;
    if (!fields.text.trim()) {
      // "The text is required: paste the article's text."
      setResult({ kind: 'refused', message: 'النص مطلوب: الصق نص المقال قبل إضافته.' });
      return;
    }
    // Only what was filled in; the server dates and names what is left out.
    const doc = {};
    for (const [k, v] of Object.entries(fields)) if (v.trim()) doc[k] = k === 'text' ? v : v.trim();
    setBusy(true);
    setResult(null);
    try {
      const r = await apiPost('ingest', doc);
      if (!live.current) return;
      if (r.added >= 1 && r.docs && r.docs.length) {
        setResult({ kind: 'added', doc: r.docs[0], near: r.near_duplicates >= 1, problems: r.problems });
        setFields(EMPTY);
        onAdded?.();
      } else if (r.already_stored >= 1) {
        setResult({ kind: 'stored', problems: r.problems });
      } else {
        // "Nothing was added."
        setResult({ kind: 'error', message: 'لم يُضف شيء.', problems: r.problems });
      }
    } catch (err) {
      if (!live.current) return;
      setResult({ kind: 'error', message: err.message, problems: err.body?.problems });
    } finally {
      if (live.current) setBusy(false);
    }
  };

  return (
    <div class="add">
      <button type="button" class="add-toggle" aria-expanded={open} aria-controls="add-article"
        onClick={() => setOpen(!open)}>{open ? 'إغلاق النموذج' : 'أضف مقالًا'}</button>
      {open && (
        <form id="add-article" class="add-article card" onSubmit={submit} noValidate aria-busy={busy}>
          <h2>أضف مقالًا</h2>
          <p class="small muted">يُحفظ المقال في قاعدة البيانات ويُحلَّل كما تُحلَّل المقالات المستوردة، وقد يستغرق ذلك ثواني.</p>
          <label>العنوان<input type="text" {...field('title')} ref={first} /></label>
          <label><span>النص <small>(مطلوب)</small></span>
            <textarea {...field('text')} rows={10} required aria-required="true" /></label>
          <div class="add-row">
            <label>المصدر<input type="text" {...field('source')} /></label>
            <label>تاريخ النشر<input type="date" {...field('published')} /></label>
            <label class="grow">الرابط<input type="url" dir="ltr" {...field('url')} /></label>
          </div>
          <div class="add-actions">
            <button type="submit" disabled={busy}>{busy ? 'جارٍ التحليل…' : 'أضف المقال'}</button>
          </div>
          <Result result={result} />
        </form>
      )}
    </div>
  );
}

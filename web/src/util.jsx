// Small shared pieces. Article text is only ever rendered as text nodes
// (JSX children), never as HTML.
import { useEffect, useState } from 'preact/hooks';
import { api } from './api.js';

export const TYPE_NAMES = { PER: 'شخص', ORG: 'تنظيم', LOC: 'مكان', MISC: 'أخرى' };
// One name for each of the types the server knows (extract::EventTypes).
export const EVENT_NAMES = {
  joined: 'انضمام', left: 'مغادرة', attack: 'هجوم', killed: 'مقتل', injured: 'إصابة',
  arrested: 'اعتقال', charged: 'اتهام', sentenced: 'حكم', escaped: 'فرار', riot: 'شغب',
  returned: 'عودة / إعادة', agreement: 'اتفاق', statement: 'بيان',
};
// A participant's part in an event (extract::Participant::role).
export const ROLE_NAMES = {
  member: 'عضو', group: 'جماعة', perpetrator: 'منفذ', target: 'مستهدف', victim: 'ضحية',
  suspect: 'مشتبه به', agent: 'جهة منفذة', defendant: 'متهم', court: 'محكمة', returnee: 'عائد',
  party: 'طرف', speaker: 'متحدث', subject: 'معني',
};
export const RELATION_NAMES = {
  'co-occurs': 'يرد معه', part_of: 'فرع من', has_part: 'له فرع', alias_of: 'اسم آخر لـ',
};
export const KIND_NAMES = { entity: '', described: 'مصدر موصوف', outlet: 'الوسيلة الناشرة' };

const fmt = new Intl.NumberFormat('ar-EG-u-nu-latn', { maximumFractionDigits: 2 });
export const num = (v) => (v === null || v === undefined ? '' : fmt.format(v));

// Code points, so offsets from the server (characters) index correctly.
export const chars = (s) => Array.from(s || '');

// The text of `s` with [start, end) character ranges marked. `ranges` are
// {start, end, cls, href, title}; overlapping ranges keep the first.
export function Marked({ text, ranges }) {
  const cs = chars(text);
  const sorted = [...(ranges || [])].filter((r) => r.end > r.start).sort((a, b) => a.start - b.start);
  const out = [];
  let at = 0;
  sorted.forEach((r, i) => {
    if (r.start < at) return;
    if (r.start > at) out.push(cs.slice(at, r.start).join(''));
    const t = cs.slice(r.start, r.end).join('');
    out.push(r.href
      ? <a key={i} class={r.cls} href={r.href} title={r.title} id={r.id}>{t}</a>
      : <mark key={i} class={r.cls} title={r.title} id={r.id}>{t}</mark>);
    at = r.end;
  });
  if (at < cs.length) out.push(cs.slice(at).join(''));
  return <>{out}</>;
}

// A search snippet with its highlights ([start, end] pairs).
export const Snippet = ({ text, highlights }) =>
  <Marked text={text} ranges={(highlights || []).map(([start, end]) => ({ start, end, cls: 'hit' }))} />;

// Runs the async `load` on mount and whenever `deps` change, for a view
// that needs more than one request: [data, error, loading].
export function useLoad(load, deps) {
  const [state, setState] = useState({ data: null, error: null, loading: true });
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true, error: null }));
    load().then(
      (data) => live && setState({ data, error: null, loading: false }),
      (e) => live && setState({ data: null, error: e.message, loading: false }));
    return () => { live = false; };
  }, deps);
  return [state.data, state.error, state.loading];
}

// Fetches on mount and whenever `deps` change: [data, error, loading].
export const useApi = (path, params, deps) => useLoad(() => api(path, params), deps);

// A whole-number URL parameter, or `fallback` when it is missing or not one
// ("abc", "-1", "2.5"): a NaN in a hook's dependencies differs from itself,
// so the hook would run, and fetch, on every render.
export function intParam(params, name, fallback) {
  const v = params.get(name);
  const n = v !== null && /^[0-9]+$/.test(v) ? Number(v) : NaN;
  return Number.isSafeInteger(n) ? n : fallback;
}

// A form field that follows the URL: it starts as `value` and is set to it
// again whenever the URL changes it (a search from the header, Back), while
// typing changes the field alone.
export function useUrlField(value) {
  const [v, setV] = useState(value);
  useEffect(() => setV(value), [value]);
  return [v, setV];
}

export const Loading = () => <p class="muted">جارٍ التحميل…</p>;
export const ErrorBox = ({ error }) => <p class="error" role="alert">خطأ: {error}</p>;

export function Status({ error, loading, data, children }) {
  if (error) return <ErrorBox error={error} />;
  if (loading && !data) return <Loading />;
  return children;
}

// A link to the evidence: the document, scrolled to the sentence.
export const evidenceHref = (doc, start, end) =>
  `#/doc/${doc}` + (start !== undefined && end !== undefined ? `?hl=${start}-${end}` : '');

export const Evidence = ({ doc, start, end, label }) =>
  <a class="evidence" href={evidenceHref(doc, start, end)} title="افتح المقال عند الجملة">{label || `المقال ${doc}`} ↩</a>;

export const EntityLink = ({ id, name }) =>
  id ? <a href={`#/entity/${id}`}>{name}</a> : <span>{name}</span>;

// Who a figure or quote is attributed to; a claim attributed to no one is
// its outlet's (`outlet`, the claim's source being null).
export function SourceName({ source, outlet }) {
  if (!source) {
    return outlet ? <span>{outlet}<small class="muted"> ({KIND_NAMES.outlet})</small></span> : <span class="muted">—</span>;
  }
  const kind = KIND_NAMES[source.kind];
  return <span><EntityLink id={source.id} name={source.name} />{kind ? <small class="muted"> ({kind})</small> : null}</span>;
}

export const TypeBadge = ({ type }) => <span class={`badge t-${type}`}>{TYPE_NAMES[type] || type}</span>;

// A claim's figure as a reader says it: "نحو 2000", "بين 1500 و2000".
export function figure(c) {
  const approx = c.approx ? 'نحو ' : '';
  const q = { at_least: 'لا يقل عن ', at_most: 'لا يزيد على ', more_than: 'أكثر من ', less_than: 'أقل من ' }[c.qualifier] || '';
  if (c.low !== null && c.low !== undefined && c.high !== null && c.high !== undefined && c.low !== c.high) {
    return `${q}${approx}${num(c.low)} – ${num(c.high)}`;
  }
  return `${q}${approx}${num(c.value)}`;
}

// The co-occurrence network (Cytoscape): entities named in the same articles.
import { useEffect, useRef } from 'preact/hooks';
import cytoscape from 'cytoscape';
import { useApi, intParam, Status, num, TYPE_NAMES } from '../util.jsx';

const COLORS = { PER: '#c0392b', ORG: '#8e44ad', LOC: '#1f7a4d', MISC: '#7f8c8d' };

export function NetworkView({ params }) {
  const minDocs = intParam(params, 'min_docs', 2);
  const [data, error, loading] = useApi('graph', { min_docs: minDocs, max_nodes: 60 }, [minDocs]);
  const ref = useRef(null);
  useEffect(() => {
    if (!data || !ref.current || data.nodes.length === 0) return undefined;
    const maxDocs = Math.max(1, ...data.nodes.map((n) => (n.docs && n.docs.length) || n.mentions || 1));
    const maxEdge = Math.max(1, ...data.edges.map((e) => e.docs));
    const ids = new Set(data.nodes.map((n) => n.id));
    // Each entity keeps its strongest ties (at most 4), so the drawing shows
    // structure instead of a hairball; the counts above are of all ties.
    const strongest = new Set();
    const byNode = new Map();
    for (const e of data.edges) {
      if (!ids.has(e.a) || !ids.has(e.b)) continue;
      for (const n of [e.a, e.b]) { if (!byNode.has(n)) byNode.set(n, []); byNode.get(n).push(e); }
    }
    for (const list of byNode.values()) {
      list.sort((x, y) => y.docs - x.docs).slice(0, 4).forEach((e) => strongest.add(e));
    }
    const cy = cytoscape({
      container: ref.current,
      elements: [
        ...data.nodes.map((n) => ({
          data: { id: String(n.id), label: n.name, type: n.type, w: (n.docs && n.docs.length) || n.mentions || 1 },
        })),
        ...[...strongest].map((e) => ({
          data: { id: `${e.a}-${e.b}`, source: String(e.a), target: String(e.b), w: e.docs },
        })),
      ],
      style: [
        { selector: 'node', style: {
          label: 'data(label)', 'font-family': 'Noto Sans Arabic, Noto Naskh Arabic, Tahoma, sans-serif',
          'font-size': 12, 'min-zoomed-font-size': 7, 'text-valign': 'bottom', 'text-margin-y': 3, color: '#222',
          'text-background-color': '#fff', 'text-background-opacity': 0.7, 'text-background-padding': 1,
          'background-color': (n) => COLORS[n.data('type')] || '#555',
          width: (n) => 12 + (28 * n.data('w')) / maxDocs, height: (n) => 12 + (28 * n.data('w')) / maxDocs,
        } },
        { selector: 'edge', style: {
          width: (e) => 1 + (5 * e.data('w')) / maxEdge, 'line-color': '#9aa9b1', opacity: 0.55, 'curve-style': 'haystack',
        } },
        { selector: 'node:selected', style: { 'border-width': 3, 'border-color': '#f2c14e' } },
      ],
      layout: { name: 'cose', animate: false, randomize: false, nodeRepulsion: () => 400000, idealEdgeLength: () => 110,
        nodeOverlap: 40, componentSpacing: 80, gravity: 0.25, numIter: 1000, padding: 30 },
      minZoom: 0.3, maxZoom: 2.5,
    });
    // A small graph is not blown up to fill the box.
    if (cy.zoom() > 1.1) { cy.zoom(1.1); cy.center(); }
    cy.on('tap', 'node', (ev) => { location.hash = `#/entity/${ev.target.id()}`; });
    return () => cy.destroy();
  }, [data]);
  return (
    <section>
      <h1>شبكة الورود المشترك</h1>
      <p class="muted">
        كل عقدة كيان، وكل خط يصل كيانين ذُكرا في المقالات نفسها (سُمكه بعدد المقالات). انقر عقدة لفتح ملفها.{' '}
        {Object.entries(COLORS).map(([t, c]) => <span class="legend-dot"><i style={{ background: c }} />{TYPE_NAMES[t]}</span>)}
      </p>
      <p class="tabs">
        {[1, 2, 3, 5].map((m) => <a class={m === minDocs ? 'active' : ''} href={`#/network?min_docs=${m}`}>{m}+ مقالات</a>)}
      </p>
      <Status error={error} loading={loading} data={data}>
        {data && (data.nodes.length === 0
          ? <p class="muted">لا كيانات كافية.</p>
          : <><p class="muted small">{num(data.nodes.length)} كيانًا، {num(data.edges.length)} صلة.</p>
              <div class="network" dir="ltr" ref={ref} /></>)}
      </Status>
    </section>
  );
}

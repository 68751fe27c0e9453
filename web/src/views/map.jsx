// Places named in the articles, on an SVG world map drawn offline (d3-geo).
import { geoNaturalEarth1, geoPath } from 'd3-geo';
import { useApi, Status, num } from '../util.jsx';
import { locate, worldFeatures } from '../places.js';

const W = 960, H = 560;

export function MapView() {
  const [data, error, loading] = useApi('entities', { type: 'LOC', limit: 1000 }, []);
  let body = null;
  if (data) {
    const placed = [], unplaced = [];
    for (const e of data.entities) {
      let hit = locate(e.name);
      for (const a of e.aliases) { if (hit) break; hit = locate(a.name); }
      if (hit) placed.push({ e, hit }); else unplaced.push(e);
    }
    const countriesNamed = new Set(placed.map((p) => p.hit.country).filter((c) => c));
    // Fit the view to the places named (with a margin), the world if none.
    const points = { type: 'MultiPoint', coordinates: placed.map((p) => p.hit.coords) };
    const projection = geoNaturalEarth1();
    if (placed.length >= 2) projection.fitExtent([[60, 40], [W - 60, H - 40]], points);
    else projection.fitSize([W, H], { type: 'Sphere' });
    const path = geoPath(projection);
    const maxDocs = Math.max(1, ...placed.map((p) => p.e.doc_count));
    body = (
      <>
        <div class="map-wrap" dir="ltr">
          <svg class="map" viewBox={`0 0 ${W} ${H}`} role="img" aria-label="خريطة الأماكن">
            <rect width={W} height={H} class="sea" />
            {worldFeatures.map((f) => <path d={path(f)} class={countriesNamed.has(f.id) ? 'land named' : 'land'} />)}
            {[...placed].sort((a, b) => b.e.doc_count - a.e.doc_count).map(({ e, hit }, rank) => {
              const [x, y] = projection(hit.coords);
              const r = 4 + 14 * Math.sqrt(e.doc_count / maxDocs);
              return (
                <a href={`#/entity/${e.id}`}>
                  <circle cx={x} cy={y} r={r} class="place"><title>{`${e.name} — ${e.doc_count} مقالًا`}</title></circle>
                  {rank < 12 && <text x={x} y={y - r - 3} class="place-label" text-anchor="middle">{e.name}</text>}
                </a>
              );
            })}
          </svg>
        </div>
        <p class="muted small">
          {num(placed.length)} مكانًا على الخريطة. الحدود: Natural Earth عبر world-atlas.
          {unplaced.length > 0 && ` بلا إحداثيات معروفة (${num(unplaced.length)}): `}
          {unplaced.map((e, i) => <>{i > 0 && '، '}<a href={`#/entity/${e.id}`}>{e.name}</a></>)}
        </p>
      </>
    );
  }
  return (
    <section>
      <h1>خريطة الأماكن</h1>
      <Status error={error} loading={loading} data={data}>{body}</Status>
    </section>
  );
}

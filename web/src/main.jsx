// The marsad dashboard: hash routes, one view each.
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import 'uplot/dist/uPlot.min.css';
import './style.css';
import { SearchView } from './views/search.jsx';
import { DocView } from './views/doc.jsx';
import { EntitiesView, EntityView } from './views/entity.jsx';
import { ClaimsView } from './views/claims.jsx';
import { TimelineView } from './views/timeline.jsx';
import { NetworkView } from './views/network.jsx';
import { MapView } from './views/map.jsx';
import { HomeView } from './views/home.jsx';

// "#/entity/3?x=1" -> {parts: ['entity', '3'], params: URLSearchParams}
function parseHash() {
  const h = location.hash.replace(/^#\/?/, '');
  const [path, query] = h.split('?');
  // A malformed escape (#/entity/%E0) is kept as written rather than
  // throwing and blanking the page.
  const decode = (p) => { try { return decodeURIComponent(p); } catch { return p; } };
  return { parts: path.split('/').filter(Boolean).map(decode), params: new URLSearchParams(query || '') };
}

export const go = (hash) => { location.hash = hash; };

const NAV = [
  ['', 'الرئيسية'], ['search', 'البحث'], ['entities', 'الكيانات'], ['claims', 'الأرقام'],
  ['timeline', 'الخط الزمني'], ['network', 'الشبكة'], ['map', 'الخريطة'],
];

function Header({ route }) {
  const [q, setQ] = useState(route.parts[0] === 'search' ? route.params.get('q') || '' : '');
  useEffect(() => { if (route.parts[0] === 'search') setQ(route.params.get('q') || ''); }, [route]);
  const submit = (e) => {
    e.preventDefault();
    if (q.trim()) go('#/search?q=' + encodeURIComponent(q.trim()));
  };
  const current = route.parts[0] || '';
  return (
    <header class="top">
      <a class="brand" href="#/"><span class="logo" aria-hidden="true">◎</span> مرصد</a>
      <nav>
        {NAV.map(([k, label]) => (
          <a href={'#/' + k} class={current === k || (k === 'entities' && current === 'entity') ? 'active' : ''}>{label}</a>
        ))}
      </nav>
      <form class="quick" onSubmit={submit} role="search">
        <input type="search" name="q" value={q} onInput={(e) => setQ(e.currentTarget.value)}
          placeholder="ابحث في المقالات…" aria-label="بحث" />
      </form>
    </header>
  );
}

function App() {
  const [route, setRoute] = useState(parseHash());
  useEffect(() => {
    const on = () => { setRoute(parseHash()); window.scrollTo(0, 0); };
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  const [view, id] = route.parts;
  let body;
  switch (view) {
    case 'search': body = <SearchView params={route.params} />; break;
    case 'doc': body = <DocView id={id} params={route.params} />; break;
    case 'entities': body = <EntitiesView params={route.params} />; break;
    case 'entity': body = <EntityView id={id} />; break;
    case 'claims': body = <ClaimsView params={route.params} />; break;
    case 'timeline': body = <TimelineView params={route.params} />; break;
    case 'network': body = <NetworkView params={route.params} />; break;
    case 'map': body = <MapView />; break;
    default: body = <HomeView />;
  }
  return (
    <>
      <Header route={route} />
      <main id="main">{body}</main>
      <footer class="foot muted">مرصد — كل رقم وكل اسم مربوط بالجملة والمقال اللذين ورد فيهما.</footer>
    </>
  );
}

const root = document.getElementById('app');
root.textContent = '';  // the static "loading" line
render(<App />, root);

// API latency on loopback: a bounded load loop against a running
// `marsad serve`, p50/p90/p99 per route. Not a test: prints figures.
//
//   node tests/serve/latency.mjs http://127.0.0.1:8080/ [requests-per-route] [concurrency]
//
// Search runs words that news text holds (each query once per round);
// entity profiles run the 200 most-documented entities, each once cold,
// then again warm. Keep-alive
// connections, as a browser uses. Each route stops after its count or 120 s.
import http from 'node:http';

const base = new URL(process.argv[2] || 'http://127.0.0.1:8080/');
if (!['127.0.0.1', 'localhost', '[::1]'].includes(base.hostname)) {
  console.error('latency.mjs measures loopback servers only');
  process.exit(1);
}
const perRoute = +(process.argv[3] || 400);
const concurrency = +(process.argv[4] || 1);
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });

function get(path) {
  return new Promise((ok, fail) => {
    const t0 = process.hrtime.bigint();
    const req = http.get({ host: base.hostname, port: base.port, path, agent, headers: { 'Accept-Encoding': 'gzip' } }, (res) => {
      let n = 0;
      res.on('data', (c) => { n += c.length; });
      res.on('end', () => ok({ ms: Number(process.hrtime.bigint() - t0) / 1e6, status: res.statusCode, bytes: n }));
    });
    req.on('error', fail);
  });
}

async function run(name, paths, count = perRoute) {
  const times = [];
  let i = 0, bad = 0, bytes = 0;
  const deadline = Date.now() + 120_000;
  async function worker() {
    while (i < count && Date.now() < deadline) {
      const p = paths[i++ % paths.length];
      const r = await get(p);
      if (r.status !== 200) bad += 1;
      bytes += r.bytes;
      times.push(r.ms);
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  times.sort((a, b) => a - b);
  const q = (f) => times[Math.min(times.length - 1, Math.floor(f * times.length))].toFixed(2);
  console.log(`${name.padEnd(16)} n=${times.length} concurrency=${concurrency} p50=${q(0.5)} ms p90=${q(0.9)} ms ` +
              `p99=${q(0.99)} ms max=${times[times.length - 1].toFixed(2)} ms non-200=${bad} avg-bytes=${Math.round(bytes / times.length)}`);
}

const words = ['سوريا', 'العراق', 'الرياض', 'مقاتل', 'الحكومة', 'النفط', 'الاقتصاد', 'وزارة الداخلية', 'مجلس الأمن',
  'الأمم المتحدة', 'هجوم', 'اعتقال', 'طاجيكستان', 'إسطنبول', 'الملك', 'مكة', 'التعليم', 'الصحة', 'كرة القدم', 'الهلال'];
const searches = words.map((w) => `/api/search?q=${encodeURIComponent(w)}&limit=20`);
const top = JSON.parse(await new Promise((ok, fail) => {
  http.get(new URL('/api/entities?limit=200', base), (res) => {
    let s = '';
    res.on('data', (c) => { s += c; });
    res.on('end', () => ok(s));
  }).on('error', fail);
}));
const profiles = top.entities.map((e) => `/api/entities/${e.id}`);
const stats = await (await fetch(new URL('/api/stats', base))).json();
console.log(`# ${stats.documents} documents, ${stats.entities} entities`);
await run('stats', ['/api/stats']);
await run('search', searches);
// The server keeps profiles until the database changes: the first request
// for each entity is cold (the store's queries), the rest warm.
if (profiles.length) {
  await run('profile (cold)', profiles, profiles.length);
  await run('profile (warm)', profiles);
}
await run('entities list', ['/api/entities?limit=50', '/api/entities?type=PER&limit=50', '/api/entities?type=LOC&limit=50']);
agent.destroy();

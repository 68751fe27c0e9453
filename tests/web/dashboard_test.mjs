// The dashboard in a real browser: Debian's chromium driven by playwright-core
// (from web/node_modules), over `marsad serve` on a free port with a database
// ingested from examples/. Screenshots go to $SCREENSHOTS (build/screenshots).
//
//   MARSAD=build/marsad CHROMIUM=/usr/bin/chromium node tests/web/dashboard_test.mjs
//
// Prints "N passed, M failed" last; exits non-zero on any failure.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

const root = resolve(new URL('../..', import.meta.url).pathname);
const require = createRequire(join(root, 'web/package.json'));
const { chromium } = require('playwright-core');

const marsad = resolve(process.env.MARSAD || join(root, 'build/marsad'));
const browserPath = process.env.CHROMIUM || '/usr/bin/chromium';
const shots = resolve(process.env.SCREENSHOTS || join(root, 'build/screenshots'));
mkdirSync(shots, { recursive: true });

const dir = mkdtempSync(join(tmpdir(), 'marsad-web-'));
const db = join(dir, 'examples.db');
// However the script ends (the last line, a failed ingest, an exception or a
// rejected await): the servers stopped and the folder removed.
let server = null, ingestServer = null;
process.on('exit', () => {
  if (server) server.kill('SIGTERM');
  if (ingestServer) ingestServer.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
});
const ingest = spawnSync(marsad, ['--db', db, 'ingest', join(root, 'examples/corpus')], { encoding: 'utf8' });
if (ingest.status !== 0) {
  console.error('ingest failed:', ingest.stderr);
  process.exit(1);
}

// `marsad serve` on a free port: the URL it prints first.
const urlOf = (proc) => new Promise((ok, fail) => {
  const timer = setTimeout(() => fail(new Error('marsad serve printed no URL')), 15000);
  createInterface({ input: proc.stdout }).once('line', (line) => { clearTimeout(timer); ok(line.trim()); });
  proc.once('exit', (code) => fail(new Error(`marsad serve exited with ${code}`)));
});
server = spawn(marsad, ['--db', db, 'serve', '--port', '0', '--list', join(root, 'tests/serve/watchlist.xml')],
  { stdio: ['ignore', 'pipe', 'inherit'] });
const url = await urlOf(server);

const browser = await chromium.launch({
  executablePath: browserPath,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
});
const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'ar' });
const page = await context.newPage();

// Anything from article content that runs is a failure: alert(), a
// console error, or a request leaving the server.
const problems = [];
const watch = (p, base) => {
  p.on('dialog', (d) => { problems.push(`dialog opened: ${d.message()}`); d.dismiss(); });
  p.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  p.on('console', (m) => { if (m.type() === 'error') problems.push(`console error: ${m.text()}`); });
  p.on('request', (r) => { if (!r.url().startsWith(base.replace(/\/$/, ''))) problems.push(`request left the server: ${r.url()}`); });
};
watch(page, url);

let passed = 0, failed = 0;
async function step(name, fn) {
  try {
    await fn();
    passed += 1;
    console.log(`ok - ${name}`);
  } catch (e) {
    failed += 1;
    console.log(`not ok - ${name}\n  ${String(e.stack || e).split('\n').slice(0, 4).join('\n  ')}`);
  }
}
function assert(cond, message) { if (!cond) throw new Error(message); }
// The whole page, or only the first screen of a long one.
const shot = (name, fullPage = true) => page.screenshot({ path: join(shots, `${name}.png`), fullPage });
const open = async (hash, selector) => {
  await page.goto(url + hash);
  if (selector) await page.waitForSelector(selector, { timeout: 15000 });
};

await step('first load: right-to-left Arabic page, stats shown', async () => {
  const t0 = Date.now();
  await open('', '.stat b');
  const ms = Date.now() - t0;
  assert(await page.getAttribute('html', 'dir') === 'rtl', 'html dir is not rtl');
  assert(await page.getAttribute('html', 'lang') === 'ar', 'html lang is not ar');
  const bytes = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    return [nav, ...performance.getEntriesByType('resource')].reduce(
      (n, e) => [n[0] + (e.transferSize || 0), n[1] + (e.decodedBodySize || 0)], [0, 0]);
  });
  console.log(`# first load: ${bytes[0]} bytes transferred (${bytes[1]} decoded), ${ms} ms to the stats`);
  const docs = await page.textContent('.stat b');
  assert(/20|٢٠/.test(docs), `document count shows ${docs}`);
  await shot('01-home');
});

await step('a server started without --ingest: no control to add an article', async () => {
  await open('', '.stat b');
  const stats = await page.evaluate(async () => (await fetch('/api/stats')).json());
  assert(stats.ingest === false, `stats.ingest is ${stats.ingest}`);
  // The entities load after the stats: the page is drawn in full.
  await page.waitForSelector('#main ul.chips a');
  const controls = await page.locator('#main .add-toggle, #main form.add-article').count();
  assert(controls === 0, `${controls} controls to add an article`);
  assert(!(await page.textContent('#main')).includes('أضف مقالًا'), 'the page offers to add an article');
});

await step('search from the header: other spellings, highlighted snippets', async () => {
  await page.fill('header input[type=search]', 'سورية');
  await page.press('header input[type=search]', 'Enter');
  await page.waitForSelector('.result mark.hit');
  const n = await page.locator('.result').count();
  assert(n >= 3, `only ${n} results`);
  await shot('02-search');
});

await step('entity profile: aliases with counts, romanisation, documents', async () => {
  await open('#/entities?q=' + encodeURIComponent('رحيموف'), 'table.grid tbody tr a');
  await shot('03-entities');
  // The entity with the most spellings among those found.
  await page.locator('table.grid tbody tr a').first().click();
  await page.waitForSelector('.profile table.aliases');
  const aliases = await page.locator('.profile table.aliases tbody tr').count();
  assert(aliases >= 2, `${aliases} aliases shown`);
  const latin = (await page.textContent('.profile .latin')).trim();
  assert(/[A-Za-z]/.test(latin), `no romanisation: "${latin}"`);
  assert(await page.locator('.profile .doclist li').count() >= 1, 'no documents listed');
  // Counts come from the profile's doc_count and list totals ("في 3 مقالًا": in 3 articles).
  const counts = await page.textContent('.profile > p.muted');
  assert(/في \d+ مقالًا/.test(counts), `no document count: "${counts}"`);
  const heading = await page.locator('.profile h2', { hasText: 'المقالات' }).textContent();
  assert(/\(\d+\)/.test(heading), `no document total: "${heading}"`);
  assert(await page.locator('.profile table.screening tbody tr').count() >= 1, 'no screening hit for the listed man');
  // The hit's evidence, a number, in its own column (قوة الدليل: strength of evidence).
  const evidence = (await page.locator('.profile table.screening tbody tr td').nth(3).textContent()).trim();
  assert(/^[0-9٠-٩]/.test(evidence), `no evidence shown: "${evidence}"`);
  await shot('04-entity');
});

await step('claims grouped by topic with agreement and conflict', async () => {
  await open('#/claims', '.group');
  const groups = await page.locator('.group').count();
  assert(groups >= 1, 'no claim groups');
  assert(await page.locator('.group .verdict').count() === groups, 'a group has no verdict');
  assert(await page.locator('.group a.evidence').count() >= 1, 'no evidence links');
  await shot('05-claims', false);
});

await step('an evidence link opens the document at its sentence', async () => {
  await open('#/claims', '.group a.evidence');
  await page.locator('.group a.evidence').first().click();
  await page.waitForSelector('#evidence .evidence-span');
  assert((await page.textContent('#evidence')).length > (await page.textContent('#evidence .evidence-span')).length,
    'the evidence sentence is not wider than the figure');
  await shot('06-evidence', false);
});

await step('timeline of events draws a chart', async () => {
  await open('#/timeline', '.month');
  await page.waitForSelector('.timeline-chart canvas');
  // Participants link to their entities (the fourth column, المشاركون).
  const participants = await page.locator('.month table.grid tbody tr td:nth-child(4) a').count();
  assert(participants >= 1, 'no participant is a link');
  // Each with its part in the event, in Arabic (منفذ، ضحية ...).
  const roles = await page.locator('.month table.grid tbody tr td:nth-child(4) .role').allTextContents();
  assert(roles.length >= 1 && roles.every((r) => /^ \([\u0600-\u06FF ]+\)$/.test(r)), `roles: ${roles.slice(0, 5).join('|')}`);
  // The examples tell an attack and an arrest in two documents each: listed
  // as incidents, each opening to its two reports.
  await page.waitForSelector('.incidents li.incident');
  assert(await page.locator('.incidents li.incident').count() === 2, 'not two incidents');
  const attack = page.locator('.incidents li.incident', { has: page.locator('.ev-attack') });
  assert(/32/.test(await attack.textContent()), `the attack's toll is not shown: ${await attack.textContent()}`);
  await attack.locator('button.link').click();
  await attack.locator('table.grid tbody tr').nth(1).waitFor();
  const reports = await attack.locator('table.grid tbody tr td.sentence').allTextContents();
  assert(reports.length === 2 && reports[0] !== reports[1], `reports: ${reports.join(' | ')}`);
  // With the figures its reports give, and who gives them.
  const figures = await attack.locator('table.grid tbody tr td.fig').allTextContents();
  assert(figures.some((f) => /32/.test(f)), `figures: ${figures.join(' | ')}`);
  await shot('07-timeline', false);
});

await step('co-occurrence network draws', async () => {
  await open('#/network?min_docs=2', '.network canvas');
  await page.waitForTimeout(500);
  await shot('08-network');
});

await step('map places named locations', async () => {
  await open('#/map', 'svg.map');
  const places = await page.locator('svg.map circle.place').count();
  assert(places >= 5, `${places} places on the map`);
  await shot('09-map');
});

await step('document view: mentions highlighted, removed boilerplate on demand', async () => {
  const list = await page.evaluate(async () => (await (await fetch('/api/docs?limit=100')).json()).docs);
  const html = list.find((d) => d.path.endsWith('tajikistan-repatriation.html')) || list[0];
  await open(`#/doc/${html.id}`, '.doc-text');
  assert(await page.locator('.doc-text .mention').count() >= 1, 'no mentions highlighted');
  await page.click('.boiler button');
  await page.waitForSelector('.boiler-list li');
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot('10-document');
});

await step('article HTML is shown as text, never run (injection document)', async () => {
  const list = await page.evaluate(async () => (await (await fetch('/api/docs?limit=100')).json()).docs);
  const doc = list.find((d) => d.title.includes('<script>'));
  assert(doc, 'the examples have no document whose title holds <script>');
  await page.evaluate(() => { window.__injected = false; });
  await open(`#/doc/${doc.id}`, '.doc-text');
  await page.waitForFunction(() => document.querySelector('.doc-title')?.textContent.includes('<script>'));
  const title = await page.textContent('.doc-title');
  assert(title.includes('<script>alert(1)</script>'), `title not shown as text: ${title}`);
  const text = await page.textContent('.doc-text');
  assert(text.includes('<img src=x onerror=alert(2)>'), 'img tag not shown as text');
  assert(await page.locator('#main script').count() === 0, 'a script element was created from the article');
  assert(await page.locator('#main img').count() === 0, 'an img element was created from the article');
  // In search results and in the entity pages too.
  await open('#/search?q=' + encodeURIComponent('قراصنة'), '.result');
  assert((await page.textContent('.result .title')).includes('<script>'), 'search title not shown as text');
  assert(await page.locator('#main script, #main img').count() === 0, 'markup created in search results');
  await shot('11-injection');
});

// Waits until the page's field `selector` holds `value`.
const fieldIs = (selector, value) => page.waitForFunction(([s, v]) => document.querySelector(s)?.value === v,
  [selector, value], { timeout: 5000 }).catch(async () => {
  throw new Error(`${selector} holds "${await page.inputValue(selector).catch(() => '?')}", not "${value}"`);
});

await step('a malformed number in a link is read as the default: the page once, no flood of requests', async () => {
  // NaN in a hook's dependencies made the page fetch on every render.
  for (const [hash, path, selector] of [
    ['#/entities?offset=abc', '/api/entities', 'table.grid tbody tr a'],
    ['#/entities?offset=-50', '/api/entities', 'table.grid tbody tr a'],
    ['#/entities?offset=2.5', '/api/entities', 'table.grid tbody tr a'],
    ['#/network?min_docs=x', '/api/graph', '.network canvas'],
  ]) {
    await open('#/', '.stat b');  // the view mounts afresh
    const seen = [];
    const count = (r) => { if (new URL(r.url()).pathname === path) seen.push(r.url()); };
    page.on('request', count);
    try {
      await open(hash, selector);
      await page.waitForTimeout(1000);
    } finally {
      page.off('request', count);
    }
    assert(seen.length >= 1 && seen.length <= 2, `${hash}: ${seen.length} requests to ${path}`);
    assert(!seen.some((u) => u.includes('NaN')), `${hash}: requested ${seen.find((u) => u.includes('NaN'))}`);
  }
  // The default is the one the tabs show as chosen.
  assert((await page.textContent('.tabs a.active')).startsWith('2'), 'min_docs=x is not shown as 2+');
});

await step('claims: topics the server ranks, read a page at a time, a topic in full on request', async () => {
  // The examples give a page of topics. A big corpus is played by answering
  // /api/claims/groups with as many topics as asked for, out of 500, each
  // holding more claims than it shows.
  const asked = [];
  const big = async (route) => {
    const u = new URL(route.request().url());
    const offset = +(u.searchParams.get('offset') || 0), limit = +u.searchParams.get('limit');
    asked.push(`${offset}:${limit}`);
    const response = await route.fetch();
    const body = await response.json();
    const real = body.groups;
    const groups = Array.from({ length: limit }, (_, i) =>
      ({ ...real[i % real.length], topic: `${real[i % real.length].topic}#${offset + i}`, claims: 99 }));
    return route.fulfill({ response, json: { ...body, groups, total: 500 } });
  };
  const isGroups = (u) => u.pathname === '/api/claims/groups';
  await page.route(isGroups, big);
  try {
    await open('#/claims', '.group');
    assert(await page.locator('.group').count() === 40, 'the first page is not 40 topics');
    await page.locator('.more button').last().click();
    await page.waitForFunction(() => document.querySelectorAll('.group').length === 80);
    // The second page only, appended.
    assert(asked.join() === '0:40,40:40', `pages asked for: ${asked.join()}`);
    // A topic in full: its claims by topic, from the claims list.
    const first = page.locator('.group').first();
    const request = page.waitForRequest((r) => new URL(r.url()).pathname === '/api/claims' && new URL(r.url()).searchParams.has('topic'));
    await first.locator('.more button').click();
    const t = new URL((await request).url()).searchParams.get('topic');
    assert(t && t.endsWith('#0'), `the topic asked for: ${t}`);
    await shot('12-claims-big', false);
  } finally {
    await page.unroute(isGroups, big);
  }
  // A person's ages: the topic is headed by his name, linked to him.
  const ages = async (route) => {
    const response = await route.fetch();
    const body = await response.json();
    const groups = body.groups.map((g, i) => (i ? g : {
      ...g, unit: 'age_years', counted: 'عمر', place: null, place_entity: null,
      about: { id: 7, name: 'سامر الخطيب' }, topic: 'age_years|عمر|#7',
    }));
    return route.fulfill({ response, json: { ...body, groups } });
  };
  await page.route(isGroups, ages);
  try {
    await open('#/claims');
    await page.reload();  // the same address: asked for again only on a reload
    await page.waitForSelector('.group', { timeout: 15000 });
    const head = page.locator('.group h3').first();
    assert((await head.textContent()).startsWith('عمر سامر الخطيب'), `an age topic's head: ${await head.textContent()}`);
    assert(await head.locator('a[href="#/entity/7"]').count() === 1, 'the person is not linked');
  } finally {
    await page.unroute(isGroups, ages);
  }
  // Unfaked: the examples' first topic counts something at a place, and its
  // verdict and counts are shown.
  await page.reload();
  await page.waitForSelector('.group', { timeout: 15000 });
  const head = await page.locator('.group h3').first().textContent();
  assert(!head.startsWith('رقم') && head.includes(' في '), `the first topic: ${head}`);
  assert(/[0-9٠-٩]/.test(await page.locator('.group .counts').first().textContent()), 'no counts on a topic');
});

// Answers /api/events from `events` the way the server pages them: oldest
// first, the undated last and none of them within a date range.
const fakeEvents = (events) => async (route) => {
  const q = new URL(route.request().url()).searchParams;
  const from = q.get('from') || '', to = q.get('to') || '';
  const first = from && from + ['', '', '', '', '-01-01', '', '', '-01'][from.length];
  const last = to && to + ['', '', '', '', '-12-31', '', '', '-31'][to.length];
  const list = events.filter((e) => (!from && !to) || (e.date && (!first || e.date >= first) && (!last || e.date <= last)));
  const offset = +(q.get('offset') || 0), limit = +(q.get('limit') || 1000);
  await route.fulfill({ json: { events: list.slice(offset, offset + limit), total: list.length, limit, offset } });
};
const isEvents = (u) => u.pathname === '/api/events';

await step('timeline on a big corpus: the newest events, and a note of what is left out', async () => {
  // 11,000 dated events, old history first (1990-2009), the corpus's own
  // days last (July and August 2015), then 1,000 undated; served the way
  // the server pages them (oldest first, the undated last, none of them
  // within a date range).
  const day = (i, from, days) => new Date(Date.parse(from) + (i % days) * 86400000).toISOString().slice(0, 10);
  const dates = [...Array.from({ length: 6000 }, (_, i) => day(i * 3, '1990-01-01', 7300)).sort(),
    ...Array.from({ length: 5000 }, (_, i) => day(i, '2015-07-01', 62)).sort()];
  const events = [...dates, ...Array(1000).fill(null)].map((date, i) => ({
    id: i + 1, doc: 1, type: 'attack', date, date_precision: date ? 'day' : null, place: null, place_entity: null,
    participants: [], killed: null, injured: null, count: null, breakdown: [], sentence: `حدث ${i + 1}`, start: 0, end: 3,
  }));
  const fake = fakeEvents(events);
  await page.route(isEvents, fake);
  try {
    await open('#/timeline', '.month');
    const months = await page.locator('.month h3').allTextContents();
    assert(months[0] === '2015-08', `the newest month is not first: ${months.slice(0, 3).join(', ')}`);
    const note = await page.textContent('.sample-note');
    assert(/10,000/.test(note) && /11,000/.test(note), `no note of what is shown: "${note}"`);
    // Not every row is drawn at once; the rest come on demand.
    const rows = await page.locator('.month tbody tr').count();
    assert(rows <= 1000, `${rows} rows drawn at once`);
    await page.locator('.more button').first().click();
    await page.waitForFunction((n) => document.querySelectorAll('.month tbody tr').length > n, rows);
    // The older ones are a link away.
    await page.click('.sample-note a');
    await page.waitForFunction(() => /to=/.test(location.hash) && !document.querySelector('.sample-note'));
    await page.waitForSelector('.month h3');
    const older = await page.locator('.month h3').first().textContent();
    assert(older < '2010', `after "older" the newest month is ${older}`);
    assert(await page.inputValue('#main input[name=to]') !== '', 'the "to" field does not show the range');
  } finally {
    await page.unroute(isEvents, fake);
  }
});

await step('timeline chart counts happenings once, and a year-only date is no January', async () => {
  // Two reports of one incident (tolls 10 and 12), an attack told by a
  // document and its near-duplicate (12 each), a killing (3), and an arrest
  // dated 2019 alone: three happenings in the monthly chart, 27 killed, and
  // one happening under 2019, none in January.
  const ev = (id, doc, type, date, killed, incident = id, start = 10) => ({
    id, doc, type, date, date_precision: date.length === 4 ? 'year' : date.length === 7 ? 'month' : 'day',
    place: null, place_entity: null, participants: [], killed, injured: null, count: null, breakdown: [],
    sentence: `حدث ${id}`, start, end: start + 3, trigger: 'حدث', incident, doc_duplicate_of: doc === 3 ? 4 : null,
  });
  const events = [ev(6, 5, 'arrested', '2019', null, 6, 40), ev(1, 1, 'attack', '2023-10-18', 10), ev(2, 2, 'attack', '2023-10-18', 12, 1),
    ev(3, 3, 'attack', '2023-10-19', 12), ev(4, 4, 'attack', '2023-10-19', 12), ev(5, 5, 'killed', '2023-11-02', 3)];
  const fake = fakeEvents(events);
  await page.route(isEvents, fake);
  try {
    await open('#/', '.stat b');  // the view mounts afresh, with none of the last one's figures
    await open('#/timeline', '.chart-note .chart-happenings');
    const figure = async (cls) => (await page.textContent(`.chart-note .${cls}`)).trim();
    assert(await figure('chart-happenings') === '3', `happenings in the chart: ${await figure('chart-happenings')}`);
    assert(await figure('chart-reports') === '5', `reports in the chart: ${await figure('chart-reports')}`);
    assert(await figure('chart-killed') === '27', `killed in the chart: ${await figure('chart-killed')}`);
    assert(await figure('chart-years') === '1', `happenings dated by the year alone: ${await figure('chart-years')}`);
    const heads = (await page.locator('.month h3').allTextContents()).map((h) => h.split(' ')[0]);
    assert(heads.join() === '2023-11,2023-10,2019', `month headings: ${heads.join()}`);
  } finally {
    await page.unroute(isEvents, fake);
  }
});

await step('a document link with a bad highlight range marks no sentence', async () => {
  const list = await page.evaluate(async () => (await (await fetch('/api/docs?limit=100')).json()).docs);
  const doc = list.find((d) => d.chars > 40);
  // A good range marks its sentence; one past the end, reversed or empty none.
  for (const [hl, marked] of [['10-20', true], ['99999-100000', false], [`${doc.chars - 2}-${doc.chars + 5}`, false],
    ['20-10', false], ['15-15', false]]) {
    await open('#/', '.stat b');
    await open(`#/doc/${doc.id}?hl=${hl}`, '.doc-text');
    const sentences = await page.locator('#main #evidence, #main .doc-text .evidence-span').count();
    assert(marked ? sentences === 2 : sentences === 0, `hl=${hl}: ${sentences} evidence marks`);
    assert(await page.locator('#main .bad-hl').count() === (marked ? 0 : 1), `hl=${hl}: the note on the range`);
  }
});

await step('search shows the number of matching documents and pages through them', async () => {
  // Pages of 5 instead of 50, so the examples make several.
  const small = async (route) => {
    const u = new URL(route.request().url());
    u.searchParams.set('limit', '5');
    await route.fulfill({ response: await route.fetch({ url: u.toString() }) });
  };
  const isSearch = (u) => u.pathname === '/api/search';
  await page.route(isSearch, small);
  try {
    await open('#/search?q=' + encodeURIComponent('سورية'), '.result');
    const total = await page.evaluate(async () => (await (await fetch('/api/search?q=' + encodeURIComponent('سورية'))).json()).total);
    assert(total > 10, `the examples match ${total} documents`);
    const head = await page.textContent('#main p.muted');
    assert(head.includes(`${total} نتيجة`), `the count shown: "${head}"`);
    assert(await page.locator('.result').count() === 5, 'the first page is not 5 hits');
    await page.click('.more button');
    await page.waitForFunction(() => document.querySelectorAll('.result').length === 10);
    const docs = await page.locator('.result a.title').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert(new Set(docs).size === 10, `a page repeats hits: ${docs.join(' ')}`);
  } finally {
    await page.unroute(isSearch, small);
  }
});

await step('map places countries too small for the 110m atlas', async () => {
  // None is named in the examples: the place list gets three more.
  const small = ['البحرين', 'سنغافورة', 'المالديف'];
  const more = async (route) => {
    const response = await route.fetch();
    const body = await response.json();
    small.forEach((name, i) => body.entities.push({ id: 1e6 + i, name, type: 'LOC', latin: '', aliases: [], doc_count: 1, mentions: 1 }));
    await route.fulfill({ response, json: body });
  };
  const isPlaces = (u) => u.pathname === '/api/entities' && u.searchParams.get('type') === 'LOC';
  await page.route(isPlaces, more);
  try {
    await open('#/map', 'svg.map');
    const titles = (await page.locator('svg.map circle.place title').allTextContents()).join(' ');
    const unplaced = await page.textContent('#main p.small');
    for (const name of small) {
      assert(titles.includes(name) && !unplaced.includes(name), `${name} is not on the map`);
    }
  } finally {
    await page.unroute(isPlaces, more);
  }
});

await step('page forms follow the URL: a search from the header, Back, claims and timeline', async () => {
  await open('#/search?q=' + encodeURIComponent('كركوك'), '.result');
  await fieldIs('#main input[name=q]', 'كركوك');
  await page.fill('header input[type=search]', 'بغداد');
  await page.press('header input[type=search]', 'Enter');
  await fieldIs('#main input[name=q]', 'بغداد');
  await page.goBack();
  await fieldIs('#main input[name=q]', 'كركوك');
  await fieldIs('header input[type=search]', 'كركوك');
  await open('#/entities?q=' + encodeURIComponent('رحيموف'), 'table.grid');
  await page.evaluate(() => { location.hash = '#/entities?type=LOC'; });
  await fieldIs('#main input[name=q]', '');
  await open('#/claims?about=' + encodeURIComponent('مقاتل'), '.group');
  await page.evaluate(() => { location.hash = '#/claims?about=' + encodeURIComponent('كركوك'); });
  await fieldIs('#main input[name=about]', 'كركوك');
  await page.goBack();
  await fieldIs('#main input[name=about]', 'مقاتل');
  await open('#/timeline?from=2023&to=2023-12', '.timeline-chart');
  await page.evaluate(() => { location.hash = '#/timeline?from=2024-01'; });
  await fieldIs('#main input[name=from]', '2024-01');
  await fieldIs('#main input[name=to]', '');
  await page.goBack();
  await fieldIs('#main input[name=to]', '2023-12');
});

// A second server, with --ingest, over a database of its own: the form to
// add one article. Its own page, so requests to it are not "outside".
const ingestDb = join(dir, 'ingest.db');
ingestServer = spawn(marsad, ['--db', ingestDb, 'serve', '--port', '0', '--ingest'],
  { stdio: ['ignore', 'pipe', 'inherit'] });
const ingestUrl = await urlOf(ingestServer);
const page2 = await context.newPage();
watch(page2, ingestUrl);
// A police statement naming an officer by rank and a city.
const article = {
  title: 'شرطة كركوك: اعتقال ثلاثة مطلوبين في حي الواسطي',
  text: 'قال العقيد خالد الجبوري، المتحدث باسم شرطة محافظة كركوك، في بيان صدر اليوم إن قوة أمنية اعتقلت ثلاثة '
    + 'مطلوبين في حي الواسطي جنوبي مدينة كركوك بعد عملية استمرت ساعتين.\n'
    + 'وأضاف الجبوري أن المعتقلين متهمون بتنفيذ هجمات على نقاط التفتيش خلال الأشهر الماضية، '
    + 'وأن التحقيق معهم جارٍ لمعرفة بقية أفراد الشبكة.',
  source: 'وكالة الأنباء التجريبية',
  published: '2024-03-05',
  url: 'https://example.org/news/kirkuk-police-statement',
};
const form = '#main form.add-article';
const submitButton = `${form} button[type=submit]`;
// The form open on the home view, filled with `fields`.
async function fillForm(fields) {
  // Loaded afresh: the same address with a hash alone is no new page.
  await page2.goto(ingestUrl + '#/');
  await page2.reload();
  await page2.waitForSelector('#main .add-toggle', { timeout: 15000 });
  await page2.click('#main .add-toggle');
  await page2.waitForSelector(form);
  for (const name of ['title', 'text', 'source', 'published', 'url']) {
    await page2.fill(`${form} [name=${name}]`, fields[name] ?? '');
  }
}
const ingestPosts = [];
page2.on('request', (r) => {
  if (new URL(r.url()).pathname === '/api/ingest' && r.method() === 'POST') ingestPosts.push(r.postDataJSON());
});
const isIngest = (u) => u.pathname === '/api/ingest';
const docCount = () => page2.textContent('#main .stat b').then((t) => t.trim());

await step('a server started with --ingest: add an article, then open it', async () => {
  await page2.goto(ingestUrl + '#/');
  await page2.waitForSelector('#main .stat b', { timeout: 15000 });
  assert(await docCount() === '0', `the new database holds ${await docCount()} documents`);
  assert((await page2.textContent('#main .add-toggle')).includes('أضف مقالًا'), 'no «أضف مقالًا» control');
  assert(await page2.locator(form).count() === 0, 'the form is open before it is asked for');
  await fillForm(article);
  await page2.screenshot({ path: join(shots, '13-add-form.png'), fullPage: true });
  // The analysis takes a while on a big database: held back here, the
  // button says so and cannot be pressed twice.
  // (A route unrouted meanwhile, by a failed assertion, is passed on by Playwright.)
  const slow = async (route) => {
    await new Promise((ok) => setTimeout(ok, 1000));
    await route.continue().catch(() => {});
  };
  await page2.route(isIngest, slow);
  try {
    await page2.click(submitButton);
    assert(await page2.isDisabled(submitButton), 'the button is not disabled while the article is analysed');
    const label = (await page2.textContent(submitButton)).trim();
    assert(label === 'جارٍ التحليل…', `the button says "${label}" while the article is analysed`);
    await page2.waitForSelector(`${form} .notice.ok`, { timeout: 30000 });
  } finally {
    await page2.unroute(isIngest, slow);
  }
  assert(ingestPosts.length === 1, `${ingestPosts.length} requests to add the article`);
  const sent = ingestPosts[0];
  assert(Object.keys(article).every((k) => sent[k] === article[k]), `sent: ${JSON.stringify(sent)}`);
  assert(!(await page2.isDisabled(submitButton)), 'the button stays disabled');
  assert((await page2.textContent(`${form} .notice.ok`)).includes('أُضيف المقال'), 'no «أُضيف المقال»');
  // The form is emptied, and the counts are read again.
  for (const name of ['title', 'text', 'source', 'published', 'url']) {
    const v = await page2.inputValue(`${form} [name=${name}]`);
    assert(v === '', `${name} still holds "${v}"`);
  }
  await page2.waitForFunction(() => document.querySelector('#main .stat b')?.textContent.trim() === '1', null, { timeout: 5000 })
    .catch(async () => { throw new Error(`the count shows ${await docCount()} after the article was added`); });
  await page2.screenshot({ path: join(shots, '14-added.png'), fullPage: true });
  const href = await page2.getAttribute(`${form} a.added-doc`, 'href');
  assert(/^#\/doc\/\d+$/.test(href || ''), `the link to the new document: ${href}`);
  await page2.click(`${form} a.added-doc`);
  await page2.waitForSelector('.doc-title', { timeout: 15000 });
  assert(page2.url().endsWith(href), `the link opened ${page2.url()}`);
  const title = (await page2.textContent('.doc-title')).trim();
  assert(title === article.title, `the document's title: "${title}"`);
  const meta = await page2.textContent('.meta-grid');
  for (const k of ['source', 'published', 'url']) assert(meta.includes(article[k]), `the document's ${k} is not shown: ${meta}`);
  assert((await page2.textContent('.doc-text')).includes('اعتقلت ثلاثة مطلوبين'), 'the text is not shown');
  // Analysed: the officer is a person, linked to his profile.
  const people = await page2.locator('.doc-text a.mention.t-PER').allTextContents();
  assert(people.some((p) => p.includes('خالد الجبوري')), `the persons marked: ${people.join(' | ')}`);
});

await step('the same article again: already stored, nothing added', async () => {
  const before = ingestPosts.length;
  await fillForm(article);
  await page2.click(submitButton);
  await page2.waitForSelector(`${form} .notice`, { timeout: 30000 });
  assert(ingestPosts.length === before + 1, 'the article was not sent');
  const notice = await page2.textContent(`${form} .notice`);
  assert(notice.includes('المقال محفوظ من قبل'), `the answer shown: "${notice}"`);
  assert(await page2.locator(`${form} .notice.ok, ${form} a.added-doc`).count() === 0, 'shown as added');
  assert(await docCount() === '1', `the count shows ${await docCount()}`);
});

await step('an article without text is refused before it is sent', async () => {
  const before = ingestPosts.length;
  await fillForm({ ...article, text: '  \n ' });
  await page2.click(submitButton);
  await page2.waitForSelector(`${form} .error`, { timeout: 5000 });
  const message = await page2.textContent(`${form} .error`);
  assert(message.includes('النص مطلوب'), `the refusal: "${message}"`);
  await page2.waitForTimeout(300);
  assert(ingestPosts.length === before, 'an empty article was sent');
  assert(await page2.locator(`${form} .notice`).count() === 0, 'a notice besides the refusal');
  await page2.screenshot({ path: join(shots, '15-refused.png'), fullPage: true });
});

const beforeRefusal = problems.length;
await step("the server's refusal is shown with its reasons", async () => {
  // The server reads no document (what it answers to a page of boilerplate
  // alone): played here, its answer as /api/ingest gives it.
  const refuse = (route) => route.fulfill({ status: 400, json: {
    added: 0, already_stored: 0, read: 0, analyzed: 0, entities: 1, docs: [],
    error: 'no document could be read: no article text',
    problems: [{ path: 'upload:x.json', reason: 'no article text' }, { path: 'upload:x.json', reason: 'a second reason' }],
  } });
  await page2.route(isIngest, refuse);
  try {
    await fillForm({ text: 'تابعونا على فيسبوك' });
    await page2.click(submitButton);
    await page2.waitForSelector(`${form} .add-error`, { timeout: 5000 });
  } finally {
    await page2.unroute(isIngest, refuse);
  }
  const shown = await page2.textContent(`${form} .add-error`);
  assert(shown.includes('no document could be read: no article text'), `the error shown: "${shown}"`);
  assert(shown.includes('a second reason'), `the problems' reasons are not shown: "${shown}"`);
  // What was typed is kept, to be corrected.
  assert(await page2.inputValue(`${form} [name=text]`) === 'تابعونا على فيسبوك', 'the text was cleared after a refusal');
  assert(!(await page2.isDisabled(submitButton)), 'the button stays disabled after a refusal');
});
// The 400 just played, which Chromium logs as a console error: not a problem.
const played = problems.findIndex((p, i) => i >= beforeRefusal && /status of 400/.test(p));
if (played >= 0) problems.splice(played, 1);
await page2.close();

await step('no dialog, page error or outside request', async () => {
  // The first few: a request loop repeats one problem thousands of times.
  assert(problems.length === 0, problems.slice(0, 5).join('; ') + (problems.length > 5 ? ` (${problems.length} in all)` : ''));
});

await browser.close();
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);

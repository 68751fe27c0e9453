// The JSON API, same origin; the token (if any) travels as the cookie the
// server set when the page was opened with ?token=.
export class ApiError extends Error {}

export async function api(path, params = {}) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  }
  const url = '/api/' + path + (q.toString() ? '?' + q : '');
  const res = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  let body = null;
  try { body = await res.json(); } catch { /* not JSON */ }
  if (!res.ok) throw new ApiError((body && body.error) || `HTTP ${res.status}`);
  return body;
}

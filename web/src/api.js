// The JSON API, same origin; the token (if any) travels as the cookie the
// server set when the page was opened with ?token=.
export class ApiError extends Error {
  // `body` is the server's JSON answer when there is one (its `error`, and
  // for POST /api/ingest its `problems` too), else null.
  constructor(message, body = null) {
    super(message);
    this.body = body;
  }
}

const query = (params) => {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  }
  return q.toString() ? '?' + q : '';
};

async function answer(res) {
  let body = null;
  try { body = await res.json(); } catch { /* not JSON */ }
  if (!res.ok) throw new ApiError((body && body.error) || `HTTP ${res.status}`, body);
  return body;
}

export async function api(path, params = {}) {
  const res = await fetch('/api/' + path + query(params),
    { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  return answer(res);
}

// POSTs `data` as JSON; errors as api() gives them.
export async function apiPost(path, data, params = {}) {
  const res = await fetch('/api/' + path + query(params), {
    method: 'POST', credentials: 'same-origin',
    headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
    body: JSON.stringify(data),
  });
  return answer(res);
}

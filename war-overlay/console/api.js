// The console's only way to the server: the public admin API at /api/v1, authenticated by the rollcall_session
// cookie (same-origin) plus the X-Rollcall-Csrf header the server requires for cookie calls.

/** A refusal from the API: `detail` and `code` come from its RFC 9457 problem details. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || `The server answered ${status}`);
    this.status = status;
    this.code = problem.code;
    this.detail = problem.detail || this.message;
    this.requestId = problem.requestId;
  }
}

let running = 0;
function progress(delta) {
  running += delta;
  const el = document.getElementById('progress');
  if (el) el.textContent = running > 0 ? 'Working…' : '';
  document.body.setAttribute('aria-busy', running > 0 ? 'true' : 'false');
}

/** call('GET', '/me') -> parsed JSON (or null for 204); throws ApiError. Every call shows progress while it runs. */
export async function call(method, path, body) {
  const headers = { 'X-Rollcall-Csrf': '1', Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  progress(1);
  try {
    let response;
    try {
      response = await fetch(`/api/v1${path}`, {
        method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (e) {
      throw new ApiError(0, { detail: 'The server could not be reached. Check your connection and try again.' });
    }
    const text = await response.text();
    let json = null;
    if (text) {
      try {
        json = JSON.parse(text);
      } catch (e) {
        json = null;
      }
    }
    if (!response.ok) {
      throw new ApiError(response.status, json || { detail: `The server answered ${response.status}` });
    }
    return json;
  } finally {
    progress(-1);
  }
}

/** Path segment encoding for ids in URLs. */
export const seg = (value) => encodeURIComponent(value);

/** A query string from an object, leaving out empty values: qs({q: 'a', page: 0}) -> '?q=a&page=0'. */
export function qs(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

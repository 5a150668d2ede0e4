// The shop's HTTP API (API.md), called through the same origin with the signed-in user's bearer token.
// Shared by the storefront and the admin site; each keeps its own session, so a shopper and a manager
// can be signed in side by side in one browser.

/** An answer that is not a success, with its application/problem+json body (or one made up for it). */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `The shop answered ${status}`);
    this.status = status;
    this.problem = problem;
  }

  /** The invalid fields the problem names: [{field, message}]. */
  get fieldErrors() {
    return Array.isArray(this.problem.errors) ? this.problem.errors : [];
  }
}

/**
 * The signed-in user of one site: the token from POST /api/auth/login with the username, role and expiry
 * that came with it. The password is never kept. Stored in localStorage so that a second tab (a printed
 * invoice, say) is signed in too; an expired token counts as signed out.
 */
export class Session {
  constructor(storageKey) {
    this.storageKey = storageKey;
  }

  get current() {
    let stored;
    try {
      stored = JSON.parse(localStorage.getItem(this.storageKey));
    } catch {
      stored = null;
    }
    if (!stored || !stored.token) {
      return null;
    }
    if (stored.expiresAt && Date.parse(stored.expiresAt) <= Date.now()) {
      this.end();
      return null;
    }
    return stored;
  }

  get token() {
    return this.current?.token ?? null;
  }

  start({ token, username, role, expiresAt }) {
    localStorage.setItem(this.storageKey, JSON.stringify({ token, username, role, expiresAt }));
  }

  end() {
    localStorage.removeItem(this.storageKey);
  }
}

async function problemOf(response) {
  const type = response.headers.get('Content-Type') || '';
  if (type.includes('json')) {
    try {
      const body = await response.json();
      if (body && typeof body === 'object') {
        return body;
      }
    } catch {
      // A broken error body is reported like a missing one, below.
    }
  }
  return { status: response.status, title: response.statusText || `Error ${response.status}`, errors: [] };
}

const UNREACHABLE = {
  title: 'The shop cannot be reached',
  detail: 'Check your connection and try again in a moment.',
  errors: [],
};

/**
 * An API client for one site. `onSignedOut` runs when the server no longer accepts the session's token
 * (it expired or the keys changed), after the session has been ended.
 */
export function createApi(session, { onSignedOut } = {}) {
  function headers(extra, withBody) {
    const all = { Accept: 'application/json', ...extra };
    if (withBody) {
      all['Content-Type'] = 'application/json';
    }
    const token = session.token;
    if (token) {
      all.Authorization = `Bearer ${token}`;
    }
    return all;
  }

  async function send(method, path, { body, headers: extra, signal, withTag = false } = {}) {
    const hadToken = Boolean(session.token);
    let response;
    try {
      response = await fetch(path, {
        method,
        headers: headers(extra, body !== undefined),
        body: body === undefined ? undefined : JSON.stringify(body),
        signal,
      });
    } catch (error) {
      if (error.name === 'AbortError') {
        throw error;
      }
      throw new ApiError(0, UNREACHABLE);
    }
    if (response.status === 401 && hadToken) {
      session.end();
      onSignedOut?.();
    }
    if (!response.ok) {
      throw new ApiError(response.status, await problemOf(response));
    }
    const type = response.headers.get('Content-Type') || '';
    const answer = response.status === 204 || !type.includes('json') ? null : await response.json();
    return withTag ? { body: answer, tag: response.headers.get('ETag') } : answer;
  }

  /**
   * Follows an order's live progress (GET /api/orders/{id}/stream, text/event-stream). EventSource cannot
   * send the Authorization header, so the stream is read with fetch. Calls `onOrder` with the order at
   * once and after each change; resolves when the server closes the stream (after a terminal state).
   */
  async function followOrder(id, onOrder, signal) {
    let response;
    try {
      response = await fetch(`/api/orders/${encodeURIComponent(id)}/stream`, {
        headers: headers({ Accept: 'text/event-stream' }, false),
        signal,
      });
    } catch (error) {
      if (error.name === 'AbortError') {
        throw error;
      }
      throw new ApiError(0, UNREACHABLE);
    }
    if (!response.ok) {
      throw new ApiError(response.status, await problemOf(response));
    }
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) {
        return;
      }
      buffer = (buffer + value).replace(/\r\n?/g, '\n');
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const data = buffer.slice(0, end).split('\n')
          .filter((line) => line.startsWith('data:'))
          .map((line) => line.slice(5).replace(/^ /, ''))
          .join('\n');
        buffer = buffer.slice(end + 2);
        if (data) {
          onOrder(JSON.parse(data));
        }
      }
    }
  }

  return {
    get: (path, options) => send('GET', path, options),
    /** The resource with its ETag, {body, tag}: send the tag back as If-Match to change it only as it was loaded. */
    getTagged: (path, options) => send('GET', path, { ...options, withTag: true }),
    post: (path, body, options) => send('POST', path, { ...options, body }),
    put: (path, body, options) => send('PUT', path, { ...options, body }),
    delete: (path, options) => send('DELETE', path, options),
    followOrder,
  };
}

/** A query string from the filters that have a value: {q: 'tea', categoryId: ''} → '?q=tea'. */
export function query(filters) {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) {
    if (value !== undefined && value !== null && String(value).trim() !== '') {
      params.set(name, String(value).trim());
    }
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** A path segment: ids come from URLs the user can edit. */
export const seg = (value) => encodeURIComponent(value);

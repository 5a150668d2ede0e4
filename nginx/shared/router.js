// Hash routing for a static site: '#/orders/1234?x=1' → the route 'orders/:id' with {id: '1234'} and the
// query. Protected routes send a signed-out visitor to the login form, which comes back afterwards.

import { ApiError } from './api.js';
import { h } from './dom.js';

/** The current location: its path (no leading slash) and query. */
export function currentLocation() {
  const [path, search = ''] = location.hash.replace(/^#\/?/, '').split('?');
  return { path: path.replace(/\/$/, ''), query: new URLSearchParams(search), hash: location.hash || '#/' };
}

export function navigate(hash, { replace = false } = {}) {
  if (location.hash === hash) {
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } else if (replace) {
    location.replace(hash);
  } else {
    location.hash = hash;
  }
}

function match(pattern, path) {
  const wanted = pattern.split('/').filter(Boolean);
  const actual = path.split('/').filter(Boolean);
  if (wanted.length !== actual.length) {
    return null;
  }
  const params = {};
  for (let i = 0; i < wanted.length; i++) {
    if (wanted[i].startsWith(':')) {
      try {
        params[wanted[i].slice(1)] = decodeURIComponent(actual[i]);
      } catch {
        return null;
      }
    } else if (wanted[i] !== actual[i]) {
      return null;
    }
  }
  return params;
}

/**
 * Starts routing. `routes`: [{path: 'orders/:id', view, auth, title}], where `view({params, query, signal})`
 * returns the page (a node, or a promise of one; a `data-title` on it overrides the route's title). `signal` is aborted when the user leaves the page, which
 * stops its streams and timers. `isSignedIn()` guards routes with `auth`; `onRender` runs after each
 * navigation (the site's header); `siteTitle` ends every document title.
 */
export function startRouter({ routes, outlet, isSignedIn, onRender, siteTitle }) {
  let leave = new AbortController();

  async function render() {
    leave.abort();
    leave = new AbortController();
    const { signal } = leave;
    const { path, query, hash } = currentLocation();
    const flashRegion = document.getElementById('flash');
    if (flashRegion) {
      if (flashRegion.dataset.keep === '1') {
        flashRegion.dataset.keep = '0';
      } else {
        flashRegion.replaceChildren();
      }
    }

    let route = null;
    let params = null;
    for (const candidate of routes) {
      params = match(candidate.path, path);
      if (params) {
        route = candidate;
        break;
      }
    }
    onRender?.(route);
    if (!route) {
      show(outlet, notFound('There is no such page.'), 'Not found', siteTitle);
      return;
    }
    if (route.auth && !isSignedIn()) {
      navigate(`#/login?next=${encodeURIComponent(hash)}`, { replace: true });
      return;
    }

    outlet.setAttribute('aria-busy', 'true');
    try {
      const page = await route.view({ params, query, signal });
      if (!signal.aborted) {
        show(outlet, page, page.dataset?.title || route.title, siteTitle);
      }
    } catch (error) {
      if (signal.aborted || error.name === 'AbortError') {
        return;
      }
      if (!(error instanceof ApiError)) {
        throw error;
      }
      if (error.status === 401) {
        navigate(`#/login?next=${encodeURIComponent(hash)}`, { replace: true });
      } else if (error.status === 404) {
        show(outlet, notFound('What this page shows is not there: it was removed, or the address is mistyped.',
          error.message), 'Not found', siteTitle);
      } else {
        show(outlet, failed(error), 'Error', siteTitle);
      }
    } finally {
      if (!signal.aborted) {
        outlet.removeAttribute('aria-busy');
      }
    }
  }

  window.addEventListener('hashchange', render);
  render();
  return { refresh: render };
}

function show(outlet, page, title, siteTitle) {
  outlet.replaceChildren(page);
  document.title = title ? `${title} · ${siteTitle}` : siteTitle;
  outlet.removeAttribute('aria-busy');
  outlet.focus({ preventScroll: true });
  window.scrollTo(0, 0);
}

function notFound(message, detail) {
  return h('section', { class: 'panel notice' },
    h('h1', {}, 'Not found'),
    h('p', {}, message),
    detail && h('p', { class: 'muted' }, detail),
    h('p', {}, h('a', { href: '#/' }, 'Back to the start')));
}

function failed(error) {
  return h('section', { class: 'panel notice error' },
    h('h1', {}, error.problem?.title || 'Something went wrong'),
    h('p', {}, error.message),
    h('p', {}, h('button', { onclick: () => window.dispatchEvent(new HashChangeEvent('hashchange')) }, 'Try again')));
}

/** Renders the current page again, e.g. after a change it shows. */
export function reload() {
  navigate(location.hash || '#/');
}

// The managers' log-in.

import { ApiError } from '/shared/api.js';
import { field, flash, h, onSubmit } from '/shared/dom.js';
import { navigate } from '/shared/router.js';
import { api, session } from './admin.js';

function nextPage(query) {
  const next = query.get('next') ?? '';
  return next.startsWith('#/') && !next.startsWith('#/login') ? next : '#/';
}

export function login({ query }) {
  const next = nextPage(query);
  const form = h('form', { class: 'stacked', id: 'login-form', novalidate: true },
    field('Username', 'username', { autocomplete: 'username', autocapitalize: 'none', spellcheck: 'false' }),
    field('Password', 'password', { type: 'password', autocomplete: 'current-password' }),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Log in')));
  onSubmit(form, async ({ username, password }) => {
    const answer = await api.post('/api/auth/login', { username, password });
    if (answer.role !== 'manager') {
      throw new ApiError(403, {
        title: 'Not a manager',
        detail: 'This account is not a manager\'s. Shoppers log in on the storefront.',
        errors: [],
      });
    }
    session.start(answer);
    flash(`Logged in as ${answer.username}.`, 'ok');
    navigate(next, { replace: true });
  }, { 401: 'password' });
  return h('section', { class: 'panel narrow' },
    h('h1', {}, 'Managers log in'),
    query.get('next') && h('p', { class: 'muted' }, 'Please log in to see that page.'),
    form,
    h('p', { class: 'muted' }, 'Shopping? ', h('a', { href: '/' }, 'Go to the storefront'), '.'));
}

// Registration, log-in, and the shopper's profile, password and credit.

import { ApiError } from '/shared/api.js';
import { field, flash, h, money, onSubmit, showError, date } from '/shared/dom.js';
import { navigate } from '/shared/router.js';
import { api, session } from './shop.js';

/** Where to go after logging in: the page that asked for it, if it is one of ours. */
function nextPage(query) {
  const next = query.get('next') ?? '';
  return next.startsWith('#/') && !next.startsWith('#/login') && !next.startsWith('#/register') ? next : '#/';
}

async function logIn(username, password) {
  const login = await api.post('/api/auth/login', { username, password });
  if (login.role !== 'customer') {
    throw new ApiError(403, {
      title: 'Not a shopper account',
      detail: 'This is a manager account: managers log in on the admin site.',
      errors: [],
    });
  }
  session.start(login);
  return login;
}

export function login({ query }) {
  const next = nextPage(query);
  const form = h('form', { class: 'stacked', id: 'login-form', novalidate: true },
    field('Username', 'username', { autocomplete: 'username', autocapitalize: 'none', spellcheck: 'false' }),
    field('Password', 'password', { type: 'password', autocomplete: 'current-password' }),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Log in')));
  onSubmit(form, async ({ username, password }) => {
    const { username: name } = await logIn(username, password);
    flash(`Welcome back, ${name}.`, 'ok');
    navigate(next, { replace: true });
  }, { 401: 'password' });
  return h('section', { class: 'panel narrow' },
    h('h1', {}, 'Log in'),
    query.get('next') && h('p', { class: 'muted' }, 'Please log in to see that page.'),
    form,
    h('p', {}, 'New here? ', h('a', { href: `#/register?next=${encodeURIComponent(next)}` }, 'Create an account'), '.'),
    h('p', { class: 'muted small' }, 'Managers: ', h('a', { href: '/admin/' }, 'the admin site'), '.'));
}

export function register({ query }) {
  const next = nextPage(query);
  const form = h('form', { class: 'stacked', id: 'register-form', novalidate: true },
    field('Username', 'username', {
      autocomplete: 'username', autocapitalize: 'none', spellcheck: 'false',
      hint: '3 to 32 characters: letters, digits, dot, dash or underscore.',
    }),
    field('Full name', 'fullName', { autocomplete: 'name' }),
    field('Email', 'email', { type: 'email', autocomplete: 'email' }),
    field('Password', 'password', { type: 'password', autocomplete: 'new-password', hint: 'At least 8 characters.' }),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Create account')));
  onSubmit(form, async (input) => {
    const customer = await api.post('/api/customers', input);
    await logIn(input.username, input.password);
    flash(`Welcome, ${customer.fullName}! Your credit is ${money(customer.credit)}.`, 'ok');
    navigate(next, { replace: true });
  }, { 409: 'username' });
  return h('section', { class: 'panel narrow' },
    h('h1', {}, 'Create an account'),
    form,
    h('p', {}, 'Already have one? ', h('a', { href: `#/login?next=${encodeURIComponent(next)}` }, 'Log in'), '.'));
}

function saved(form, text) {
  form.querySelector('.saved')?.remove();
  form.querySelector('.actions').append(h('span', { class: 'saved', role: 'status' }, text));
}

export async function profile({ signal }) {
  const me = await api.get('/api/customers/me', { signal });

  const profileForm = h('form', { class: 'stacked', id: 'profile-form', novalidate: true },
    field('Full name', 'fullName', { value: me.fullName, autocomplete: 'name' }),
    field('Email', 'email', { type: 'email', value: me.email, autocomplete: 'email' }),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Save')));
  onSubmit(profileForm, async (input) => {
    const updated = await api.put('/api/customers/me', input);
    profileForm.elements.fullName.value = updated.fullName;
    profileForm.elements.email.value = updated.email;
    saved(profileForm, 'Saved.');
  });

  const passwordForm = h('form', { class: 'stacked', id: 'password-form', novalidate: true },
    // Lets password managers know whose password this is.
    h('input', { type: 'text', name: 'username', value: me.username, autocomplete: 'username', hidden: true }),
    field('Current password', 'currentPassword', { type: 'password', autocomplete: 'current-password' }),
    field('New password', 'newPassword', { type: 'password', autocomplete: 'new-password', hint: 'At least 8 characters.' }),
    field('New password again', 'confirmation', { type: 'password', autocomplete: 'new-password' }),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Change password')));
  onSubmit(passwordForm, async ({ currentPassword, newPassword, confirmation }) => {
    if (newPassword !== confirmation) {
      showError(passwordForm, new ApiError(400, {
        title: 'Passwords differ',
        errors: [{ field: 'confirmation', message: 'The two new passwords are not the same.' }],
      }));
      return;
    }
    await api.put('/api/customers/me/password', { currentPassword, newPassword });
    passwordForm.reset();
    saved(passwordForm, 'Password changed.');
  }, { 403: 'currentPassword' });

  return h('section', { class: 'profile' },
    h('h1', {}, 'My profile'),
    h('div', { class: 'panel credit-box' },
      h('p', { class: 'muted' }, 'Your credit'),
      h('p', { class: 'credit', id: 'credit' }, money(me.credit)),
      h('p', { class: 'muted' }, `Username ${me.username} · customer since ${date(me.createdAt)}`)),
    h('div', { class: 'panel' }, h('h2', {}, 'Name and email'), profileForm),
    h('div', { class: 'panel' }, h('h2', {}, 'Password'), passwordForm));
}

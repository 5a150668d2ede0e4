// The storefront: routes, the header's navigation and search.

import { h, flash } from '/shared/dom.js';
import { currentLocation, navigate, startRouter } from '/shared/router.js';
import * as account from './account.js';
import * as catalog from './catalog.js';
import * as orders from './orders.js';
import { isSignedIn, session } from './shop.js';

const routes = [
  { path: '', view: catalog.home, title: null },
  { path: 'category/:id', view: catalog.category, title: 'Category' },
  { path: 'search', view: catalog.search, title: 'Search' },
  { path: 'product/:id', view: catalog.product, title: 'Product' },
  { path: 'orders', view: orders.list, auth: true, title: 'My orders' },
  { path: 'orders/:id', view: orders.detail, auth: true, title: 'Order' },
  { path: 'invoices', view: orders.invoices, auth: true, title: 'My invoices' },
  { path: 'invoices/:id', view: orders.invoice, auth: true, title: 'Invoice' },
  { path: 'profile', view: account.profile, auth: true, title: 'My profile' },
  { path: 'login', view: account.login, title: 'Log in' },
  { path: 'register', view: account.register, title: 'Create an account' },
];

function logOut() {
  session.end();
  flash('You are logged out.', 'ok');
  navigate('#/');
}

function renderNav() {
  const section = currentLocation().path.split('/')[0];
  const link = (href, text, sections) => h('a', {
    href,
    'aria-current': sections.includes(section) ? 'page' : null,
  }, text);
  const nav = document.getElementById('nav');
  const user = session.current;
  nav.replaceChildren(...(isSignedIn()
    ? [
      link('#/', 'Shop', ['', 'category', 'product', 'search']),
      link('#/orders', 'My orders', ['orders']),
      link('#/invoices', 'Invoices', ['invoices']),
      link('#/profile', 'Profile', ['profile']),
      h('button', { type: 'button', id: 'logout', onclick: logOut, title: `Logged in as ${user.username}` },
        `Log out (${user.username})`),
    ]
    : [
      link('#/', 'Shop', ['', 'category', 'product', 'search']),
      link('#/login', 'Log in', ['login']),
      link('#/register', 'Register', ['register']),
    ]));
  const search = document.getElementById('search-q');
  if (document.activeElement !== search) {
    search.value = section === 'search' ? currentLocation().query.get('q') ?? '' : '';
  }
}

document.getElementById('search').addEventListener('submit', (event) => {
  event.preventDefault();
  const q = new FormData(event.target).get('q').trim();
  navigate(q ? `#/search?q=${encodeURIComponent(q)}` : '#/');
});

window.addEventListener('polyshop:session', renderNav);

startRouter({
  routes,
  outlet: document.getElementById('page'),
  isSignedIn,
  onRender: renderNav,
  siteTitle: 'Polyshop',
});

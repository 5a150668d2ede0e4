// The admin site for product managers: routes, navigation and the dead-letter count in the header.

import { h, flash } from '/shared/dom.js';
import { currentLocation, navigate, startRouter } from '/shared/router.js';
import { api, isSignedIn, session } from './admin.js';
import * as catalog from './catalog.js';
import * as customers from './customers.js';
import * as events from './events.js';
import * as login from './login.js';
import * as sales from './sales.js';

const routes = [
  { path: '', view: sales.dashboard, auth: true, title: 'Dashboard' },
  { path: 'categories', view: catalog.categories, auth: true, title: 'Categories' },
  { path: 'products', view: catalog.products, auth: true, title: 'Products' },
  { path: 'products/new', view: catalog.newProduct, auth: true, title: 'New product' },
  { path: 'products/:id/edit', view: catalog.editProduct, auth: true, title: 'Edit product' },
  { path: 'customers', view: customers.list, auth: true, title: 'Customers' },
  { path: 'orders', view: sales.orders, auth: true, title: 'Orders' },
  { path: 'orders/:id', view: sales.order, auth: true, title: 'Order' },
  { path: 'invoices', view: sales.invoices, auth: true, title: 'Invoices' },
  { path: 'invoices/:id', view: sales.invoice, auth: true, title: 'Invoice' },
  { path: 'events', view: events.log, auth: true, title: 'Event log' },
  { path: 'trace/:id', view: events.trace, auth: true, title: 'Saga trace' },
  { path: 'login', view: login.login, title: 'Log in' },
];

function logOut() {
  session.end();
  flash('You are logged out.', 'ok');
  navigate('#/login');
}

/** The number of dead-lettered messages, on every page: a manager should notice when it grows. */
async function showDeadLetters() {
  const badge = document.getElementById('dead-letters');
  if (!isSignedIn()) {
    badge.hidden = true;
    return;
  }
  try {
    const { count } = await api.get('/api/events/dead-letters');
    badge.textContent = count === 1 ? '1 dead letter' : `${count} dead letters`;
    badge.dataset.count = count;
    badge.classList.toggle('warn', count > 0);
    badge.title = 'Messages that could not be processed and were set aside';
    badge.hidden = false;
  } catch (error) {
    if (error.status === undefined) {
      throw error;
    }
    badge.hidden = true;
  }
}

function renderNav() {
  const section = currentLocation().path.split('/')[0];
  const link = (href, text, sections) => h('a', {
    href,
    'aria-current': sections.includes(section) ? 'page' : null,
  }, text);
  const nav = document.getElementById('nav');
  if (!isSignedIn()) {
    nav.replaceChildren(h('a', { href: '/' }, 'Storefront'));
  } else {
    nav.replaceChildren(
      link('#/', 'Dashboard', ['']),
      link('#/categories', 'Categories', ['categories']),
      link('#/products', 'Products', ['products']),
      link('#/customers', 'Customers', ['customers']),
      link('#/orders', 'Orders', ['orders', 'trace']),
      link('#/invoices', 'Invoices', ['invoices']),
      link('#/events', 'Events', ['events']),
      h('button', { type: 'button', id: 'logout', onclick: logOut }, `Log out (${session.current.username})`));
  }
  showDeadLetters();
}

window.addEventListener('polyshop:session', renderNav);

startRouter({
  routes,
  outlet: document.getElementById('page'),
  isSignedIn,
  onRender: renderNav,
  siteTitle: 'Polyshop admin',
});

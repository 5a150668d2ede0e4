// Sales: the revenue dashboard, all orders with their history, and invoices.

import { query, seg } from '/shared/api.js';
import { confirmAction, dateTime, field, flash, flashFailure, h, money, shortId } from '/shared/dom.js';
import {
  STATUSES, historyList, invoiceDocument, progressTracker, reasonInWords, rejection, statusBadge,
} from '/shared/orders.js';
import { navigate, reload } from '/shared/router.js';
import { api } from './admin.js';
import { monthName, revenueChart } from './chart.js';

export async function dashboard({ query: params, signal }) {
  const thisYear = new Date().getUTCFullYear();
  const year = /^\d{4}$/.test(params.get('year') ?? '') ? Number(params.get('year')) : thisYear;
  const [revenue, deadLetters] = await Promise.all([
    api.get(`/api/revenue?year=${year}`, { signal }),
    api.get('/api/events/dead-letters', { signal }),
  ]);
  const yearLink = (value, text) => h('a', { class: 'button small secondary', href: `#/?year=${value}` }, text);

  return h('section', { class: 'dashboard', dataset: { year } },
    h('h1', {}, 'Dashboard'),
    h('div', { class: 'stats' },
      h('div', { class: 'panel stat' }, h('p', { class: 'muted' }, `Revenue ${year}`),
        h('p', { class: 'big', id: 'revenue-total', dataset: { total: Number(revenue.total).toFixed(2) } },
          money(revenue.total))),
      h('div', { class: 'panel stat' }, h('p', { class: 'muted' }, 'Invoices'),
        h('p', { class: 'big', id: 'invoice-count' }, revenue.invoiceCount)),
      h('a', { class: ['panel', 'stat', deadLetters.count > 0 && 'warn'], href: '#/events' },
        h('p', { class: 'muted' }, 'Dead-lettered messages'),
        h('p', { class: 'big', id: 'dead-letter-count' }, deadLetters.count))),
    h('div', { class: 'panel' },
      h('div', { class: 'row spread' },
        h('h2', {}, `Revenue by month, ${year}`),
        h('div', { class: 'row' }, yearLink(year - 1, `‹ ${year - 1}`),
          year < thisYear && yearLink(year + 1, `${year + 1} ›`))),
      h('div', { class: 'chart-scroll' }, revenueChart(revenue)),
      h('details', {}, h('summary', {}, 'As a table'),
        h('div', { class: 'table-scroll' }, h('table', { id: 'revenue-table' },
          h('thead', {}, h('tr', {}, h('th', {}, 'Month'), h('th', { class: 'num' }, 'Invoices'),
            h('th', { class: 'num' }, 'Revenue'))),
          h('tbody', {}, revenue.months.map((entry) => h('tr', {},
            h('td', {}, monthName(entry.month, 'long')),
            h('td', { class: 'num' }, entry.invoiceCount),
            h('td', { class: 'num' }, money(entry.total))))),
          h('tfoot', {}, h('tr', {}, h('th', {}, 'Year'), h('td', { class: 'num' }, revenue.invoiceCount),
            h('td', { class: 'num' }, money(revenue.total)))))))));
}

export async function orders({ query: params, signal }) {
  const filters = { status: params.get('status') ?? '', customer: params.get('customer') ?? '' };
  const all = await api.get(`/api/orders${query({ customer: filters.customer.toLowerCase() })}`, { signal });
  const shown = filters.status ? all.filter((order) => order.status === filters.status) : all;

  const form = h('form', { class: 'filters', id: 'order-filters' },
    field('Status', 'status', {
      type: 'select', value: filters.status,
      options: [{ value: '', label: 'Any status' }, ...Object.entries(STATUSES).map(([value, label]) => ({ value, label }))],
    }),
    field('Customer', 'customer', { type: 'search', value: filters.customer, placeholder: 'Username' }),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Filter')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const input = new FormData(form);
    navigate(`#/orders${query({ status: input.get('status'), customer: input.get('customer') })}`);
  });

  return h('section', {},
    h('h1', {}, 'Orders'),
    h('div', { class: 'panel' }, form),
    h('p', { class: 'muted', id: 'order-count' }, `${shown.length} order${shown.length === 1 ? '' : 's'}, newest first`),
    shown.length === 0
      ? h('p', { class: 'panel muted empty' }, 'No orders match.')
      : h('div', { class: 'table-scroll' }, h('table', { id: 'orders' },
        h('thead', {}, h('tr', {}, h('th', {}, 'Order'), h('th', {}, 'Placed'), h('th', {}, 'Customer'),
          h('th', {}, 'Product'), h('th', { class: 'num' }, 'Qty'), h('th', { class: 'num' }, 'Total'), h('th', {}, 'Status'))),
        h('tbody', {}, shown.map((order) => h('tr', { dataset: { orderId: order.id, status: order.status } },
          h('td', {}, h('a', { href: `#/orders/${seg(order.id)}` }, shortId(order.id))),
          h('td', {}, dateTime(order.placedAt)),
          h('td', {}, h('a', { href: `#/orders?customer=${seg(order.customer)}` }, order.customer)),
          h('td', {}, order.productName ?? h('span', { class: 'muted' }, shortId(order.productId))),
          h('td', { class: 'num' }, order.quantity),
          h('td', { class: 'num' }, money(order.total)),
          h('td', {}, statusBadge(order.status),
            order.status === 'REJECTED' && h('small', { class: 'reason-words' }, ' ', reasonInWords(order.reason)))))))));
}

export async function order({ params, signal }) {
  const [item, invoiceList] = await Promise.all([
    api.get(`/api/orders/${seg(params.id)}`, { signal }),
    api.get(`/api/invoices?orderId=${seg(params.id)}`, { signal }),
  ]);
  const cancel = async () => {
    const confirmed = await confirmAction(`Cancel order ${shortId(item.id)} of ${item.customer}?`, {
      confirm: 'Cancel order',
      detail: 'Its reservations are released and its invoice, if any, is credited.',
    });
    if (!confirmed) {
      return;
    }
    try {
      await api.post(`/api/orders/${seg(item.id)}/cancel`);
      flash('Order cancelled.', 'ok');
    } catch (error) {
      flashFailure(error);
    }
    reload();
  };
  return h('section', { class: 'order-page', dataset: { title: `Order ${shortId(item.id)}`, orderId: item.id, status: item.status } },
    h('div', { class: 'row spread' }, h('h1', {}, `Order ${shortId(item.id)}`), statusBadge(item.status)),
    h('div', { class: 'panel' }, progressTracker(item), rejection(item)),
    h('div', { class: 'panel' },
      h('dl', { class: 'facts' },
        h('dt', {}, 'Order id'), h('dd', {}, h('code', {}, item.id)),
        h('dt', {}, 'Customer'), h('dd', {}, h('a', { href: `#/orders?customer=${seg(item.customer)}` }, item.customer)),
        h('dt', {}, 'Product'), h('dd', {}, item.productName ?? '—', ' ', h('small', { class: 'muted' }, shortId(item.productId))),
        h('dt', {}, 'Quantity'), h('dd', {}, item.quantity),
        h('dt', {}, 'Unit price'), h('dd', {}, money(item.unitPrice)),
        h('dt', {}, 'Total'), h('dd', {}, money(item.total)),
        h('dt', {}, 'Stock'), h('dd', {}, item.stockStatus),
        h('dt', {}, 'Credit'), h('dd', {}, item.creditStatus),
        h('dt', {}, 'Placed'), h('dd', {}, dateTime(item.placedAt)),
        h('dt', {}, 'Last change'), h('dd', {}, dateTime(item.updatedAt)),
        h('dt', {}, 'Invoice'), h('dd', {}, invoiceList.length === 0 ? '—' : invoiceList.map((invoice) => h('span', {},
          h('a', { href: `#/invoices/${seg(invoice.id)}` }, invoice.number), ' ', statusBadge(invoice.status), ' ')))),
      h('div', { class: 'actions' },
        h('a', { class: 'button', id: 'saga-trace', href: `#/trace/${seg(item.id)}` }, 'Saga trace'),
        h('button', { class: 'secondary', onclick: reload }, 'Refresh'),
        (item.status === 'PENDING' || item.status === 'APPROVED')
          && h('button', { class: 'danger', onclick: cancel }, 'Cancel order'))),
    h('div', { class: 'panel' }, h('h2', {}, 'Status history'), historyList(item)));
}

export async function invoices({ query: params, signal }) {
  const all = await api.get('/api/invoices', { signal });
  const customer = (params.get('customer') ?? '').trim().toLowerCase();
  const shown = customer ? all.filter((invoice) => invoice.customer === customer) : all;
  const form = h('form', { class: 'filters', id: 'invoice-filters' },
    field('Customer', 'customer', { type: 'search', value: customer, placeholder: 'Username' }),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Filter')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    navigate(`#/invoices${query({ customer: new FormData(form).get('customer') })}`);
  });
  return h('section', {},
    h('h1', {}, 'Invoices'),
    h('div', { class: 'panel' }, form),
    shown.length === 0
      ? h('p', { class: 'panel muted empty' }, 'No invoices match.')
      : h('div', { class: 'table-scroll' }, h('table', { id: 'invoices' },
        h('thead', {}, h('tr', {}, h('th', {}, 'Number'), h('th', {}, 'Issued'), h('th', {}, 'Customer'),
          h('th', {}, 'Product'), h('th', { class: 'num' }, 'Qty'), h('th', { class: 'num' }, 'Total'),
          h('th', {}, 'Status'), h('th', {}, 'Order'))),
        h('tbody', {}, shown.map((invoice) => h('tr', { dataset: { orderId: invoice.orderId } },
          h('td', {}, h('a', { href: `#/invoices/${seg(invoice.id)}` }, invoice.number)),
          h('td', {}, dateTime(invoice.issuedAt)),
          h('td', {}, invoice.customer),
          h('td', {}, invoice.productName),
          h('td', { class: 'num' }, invoice.quantity),
          h('td', { class: 'num' }, money(invoice.total)),
          h('td', {}, statusBadge(invoice.status)),
          h('td', {}, h('a', { href: `#/orders/${seg(invoice.orderId)}` }, shortId(invoice.orderId)))))))));
}

export async function invoice({ params, signal }) {
  const item = await api.get(`/api/invoices/${seg(params.id)}`, { signal });
  return h('div', { dataset: { title: item.number } },
    h('p', { class: 'no-print' }, h('a', { href: '#/invoices' }, '‹ Invoices'), ' · ',
      h('a', { href: `#/orders/${seg(item.orderId)}` }, 'its order')),
    invoiceDocument(item));
}

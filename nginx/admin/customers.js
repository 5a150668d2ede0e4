// Customers with their credit, and setting a customer's credit.

import { seg } from '/shared/api.js';
import { date, field, h, money, number, onSubmit } from '/shared/dom.js';
import { api } from './admin.js';

function creditForm(customer, creditCell) {
  const form = h('form', { class: 'inline-form credit-form', novalidate: true },
    field(`New credit for ${customer.username}`, 'credit', {
      type: 'number', value: Number(customer.credit).toFixed(2), min: 0, step: '0.01', inputmode: 'decimal',
    }),
    h('button', { type: 'submit', class: 'small' }, 'Set'));
  form.querySelector('label').classList.add('visually-hidden');
  return onSubmit(form, async ({ credit }) => {
    const updated = await api.put(`/api/customers/${seg(customer.username)}/credit`, { credit: number(credit) });
    creditCell.textContent = money(updated.credit);
    form.elements.credit.value = Number(updated.credit).toFixed(2);
    form.querySelector('.saved')?.remove();
    form.append(h('span', { class: 'saved', role: 'status' }, 'Set.'));
  });
}

export async function list({ query: params, signal }) {
  const all = await api.get('/api/customers', { signal });
  const rows = all.map((customer) => {
    const creditCell = h('td', { class: 'num credit' }, money(customer.credit));
    return h('tr', {
      dataset: { username: customer.username, search: `${customer.username} ${customer.fullName} ${customer.email}`.toLowerCase() },
    },
    h('td', {}, h('strong', {}, customer.username), h('br'), customer.fullName),
    h('td', {}, customer.email),
    h('td', {}, date(customer.createdAt)),
    creditCell,
    h('td', {}, creditForm(customer, creditCell)),
    h('td', {}, h('a', { href: `#/orders?customer=${seg(customer.username)}` }, 'Orders')));
  });

  const filter = h('input', {
    type: 'search', id: 'customer-filter', placeholder: 'Username, name or email', value: params.get('q') ?? '',
  });
  const count = h('p', { class: 'muted', id: 'customer-count' });
  const apply = () => {
    const wanted = filter.value.trim().toLowerCase();
    let shown = 0;
    for (const row of rows) {
      row.hidden = wanted !== '' && !row.dataset.search.includes(wanted);
      shown += row.hidden ? 0 : 1;
    }
    count.textContent = `${shown} of ${rows.length} customers`;
  };
  filter.addEventListener('input', apply);
  apply();

  return h('section', {},
    h('h1', {}, 'Customers'),
    h('div', { class: 'panel' }, h('label', { class: 'visually-hidden', for: 'customer-filter' }, 'Find a customer'),
      filter, count),
    rows.length === 0
      ? h('p', { class: 'panel muted empty' }, 'No customers yet.')
      : h('div', { class: 'table-scroll' }, h('table', { id: 'customers' },
        h('thead', {}, h('tr', {}, h('th', {}, 'Customer'), h('th', {}, 'Email'), h('th', {}, 'Since'),
          h('th', { class: 'num' }, 'Credit'), h('th', {}, 'Set credit'), h('th', {}, ''))),
        h('tbody', {}, rows))));
}

// The shopper's orders (with live progress while the saga runs) and invoices.

import { seg } from '/shared/api.js';
import { confirmAction, dateTime, fill, h, money, shortId } from '/shared/dom.js';
import {
  historyList, invoiceDocument, isTerminal, progressTracker, reasonInWords, rejection, statusBadge,
} from '/shared/orders.js';
import { api } from './shop.js';

const RETRY_MS = 2000;
const INVOICE_ATTEMPTS = 15;

/** Waits, unless the user leaves the page first. */
function pause(ms, signal) {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    }, { once: true });
  });
}

export async function list({ signal }) {
  const orders = await api.get('/api/orders', { signal });
  return h('section', {},
    h('h1', {}, 'My orders'),
    orders.length === 0
      ? h('p', { class: 'panel muted empty' }, 'No orders yet. ', h('a', { href: '#/' }, 'Browse the shop'), '.')
      : h('div', { class: 'cards order-list' }, orders.map((order) => h('article', {
        class: 'card order', dataset: { orderId: order.id, status: order.status },
      },
      h('div', { class: 'row spread' },
        h('h3', {}, h('a', { href: `#/orders/${seg(order.id)}` }, order.productName ?? `Order ${shortId(order.id)}`)),
        statusBadge(order.status)),
      h('p', { class: 'muted' }, `${order.quantity} × ${money(order.unitPrice)} · total ${money(order.total)}`),
      h('p', { class: 'muted' }, 'Placed ', dateTime(order.placedAt)),
      order.status === 'REJECTED' && h('p', { class: 'reason' }, reasonInWords(order.reason)),
      h('details', {}, h('summary', {}, 'Status history'), historyList(order))))));
}

/**
 * An order, followed live: the stream sends the order at once and after every change of the saga. If it
 * breaks before the order ends, it is opened again; leaving the page closes it.
 */
export async function detail({ params, signal }) {
  const page = h('section', { class: 'order-page', dataset: { title: `Order ${shortId(params.id)}` } });
  const state = { order: null, invoice: null, invoiceChecked: false, interrupted: false };

  const render = () => {
    const { order } = state;
    page.dataset.orderId = order.id;
    page.dataset.status = order.status;
    fill(page,
      h('div', { class: 'row spread' },
        h('h1', {}, `Order ${shortId(order.id)}`),
        statusBadge(order.status)),
      !isTerminal(order) && h('p', { class: 'live', id: 'live' },
        state.interrupted ? 'Connection lost, reconnecting…' : 'Following your order live…'),
      h('div', { class: 'panel' }, progressTracker(order), rejection(order)),
      h('div', { class: 'panel' },
        h('dl', { class: 'facts' },
          h('dt', {}, 'Product'),
          h('dd', {}, h('a', { href: `#/product/${seg(order.productId)}` }, order.productName ?? 'Not known yet')),
          h('dt', {}, 'Quantity'), h('dd', { id: 'quantity' }, order.quantity),
          h('dt', {}, 'Unit price'), h('dd', {}, money(order.unitPrice)),
          h('dt', {}, 'Total'), h('dd', { id: 'total' }, money(order.total)),
          h('dt', {}, 'Placed'), h('dd', {}, dateTime(order.placedAt)),
          h('dt', {}, 'Last change'), h('dd', {}, dateTime(order.updatedAt))),
        invoiceLine(),
        h('div', { class: 'actions' },
          (order.status === 'PENDING' || order.status === 'APPROVED')
            && h('button', { class: 'danger', id: 'cancel-order', onclick: cancel }, 'Cancel order'),
          h('a', { class: 'button secondary', href: '#/orders' }, 'All my orders'))),
      h('div', { class: 'panel' }, h('h2', {}, 'Status history'), historyList(order)));
  };

  const invoiceLine = () => {
    if (state.invoice) {
      return h('p', { id: 'invoice-link' }, 'Invoice ',
        h('a', { href: `#/invoices/${seg(state.invoice.id)}` }, state.invoice.number));
    }
    if (state.order.status === 'APPROVED') {
      return h('p', { class: 'muted' }, state.invoiceChecked ? 'No invoice found.' : 'The invoice is being issued…');
    }
    return null;
  };

  // The invoice is issued by another service after the approval: look for it a few times.
  const findInvoice = async () => {
    try {
      for (let attempt = 0; attempt < INVOICE_ATTEMPTS && !signal.aborted && !state.invoice; attempt++) {
        const [invoice] = await api.get(`/api/invoices?orderId=${seg(params.id)}`, { signal });
        if (invoice) {
          state.invoice = invoice;
        } else {
          await pause(RETRY_MS / 2 * (attempt < 5 ? 1 : 3), signal);
        }
      }
    } catch (error) {
      if (signal.aborted || error.name === 'AbortError') {
        return;
      }
      if (error.status === undefined) {
        throw error;
      }
    }
    state.invoiceChecked = true;
    if (!signal.aborted) {
      render();
    }
  };

  const update = (order) => {
    const wasApproved = state.order?.status === 'APPROVED';
    state.order = order;
    state.interrupted = false;
    render();
    if (order.status === 'APPROVED' && !wasApproved) {
      findInvoice();
    }
  };

  async function cancel() {
    const confirmed = await confirmAction('Cancel this order?', {
      confirm: 'Cancel order',
      detail: 'Its reservations are released and an invoice, if any, is credited.',
    });
    if (!confirmed) {
      return;
    }
    try {
      update(await api.post(`/api/orders/${seg(params.id)}/cancel`, undefined, { signal }));
    } catch (error) {
      if (error.status === undefined) {
        throw error;
      }
      page.prepend(h('p', { class: 'form-error', role: 'alert' }, error.message));
    }
  }

  let shown;
  let failed;
  const firstOrder = new Promise((resolve, reject) => {
    shown = resolve;
    failed = reject;
  });
  signal.addEventListener('abort', () => failed(new DOMException('The page was left.', 'AbortError')), { once: true });

  const follow = async () => {
    while (!signal.aborted) {
      try {
        await api.followOrder(params.id, (order) => {
          update(order);
          shown();
        }, signal);
      } catch (error) {
        if (signal.aborted || error.name === 'AbortError') {
          return;
        }
        if (!state.order) {
          failed(error);
          return;
        }
        state.interrupted = true;
        render();
      }
      if (!state.order) {
        failed(new Error('The order stream closed without sending the order.'));
        return;
      }
      if (isTerminal(state.order)) {
        return;
      }
      await pause(RETRY_MS, signal);
    }
  };

  // The first message decides what the page shows (or a 404); the rest arrives while the user watches.
  follow();
  await firstOrder;
  return page;
}

export async function invoices({ signal }) {
  const all = await api.get('/api/invoices', { signal });
  return h('section', {},
    h('h1', {}, 'My invoices'),
    all.length === 0
      ? h('p', { class: 'panel muted empty' }, 'No invoices yet: one is issued for every approved order.')
      : h('div', { class: 'table-scroll' }, h('table', { id: 'invoices' },
        h('thead', {}, h('tr', {}, h('th', {}, 'Number'), h('th', {}, 'Date'), h('th', {}, 'Product'),
          h('th', { class: 'num' }, 'Qty'), h('th', { class: 'num' }, 'Total'), h('th', {}, 'Status'))),
        h('tbody', {}, all.map((invoice) => h('tr', { dataset: { orderId: invoice.orderId } },
          h('td', {}, h('a', { href: `#/invoices/${seg(invoice.id)}` }, invoice.number)),
          h('td', {}, dateTime(invoice.issuedAt)),
          h('td', {}, invoice.productName),
          h('td', { class: 'num' }, invoice.quantity),
          h('td', { class: 'num' }, money(invoice.total)),
          h('td', {}, statusBadge(invoice.status))))))));
}

export async function invoice({ params, signal }) {
  const item = await api.get(`/api/invoices/${seg(params.id)}`, { signal });
  return h('div', { dataset: { title: item.number } },
    h('p', { class: 'no-print' }, h('a', { href: '#/invoices' }, '‹ My invoices')),
    invoiceDocument(item));
}

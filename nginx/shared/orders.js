// How an order and an invoice are shown on both sites: statuses and rejection reasons in words, the saga's
// steps as a progress tracker, the status history, and the printable invoice.

import { dateTime, date, h, money, shortId } from './dom.js';

export const REASONS = {
  OUT_OF_STOCK: 'Out of stock',
  INSUFFICIENT_CREDIT: 'Not enough credit',
  PRODUCT_NOT_FOUND: 'Product no longer available',
  TIMEOUT: 'The shop did not answer in time',
};

export const STATUSES = {
  PENDING: 'In progress',
  APPROVED: 'Approved',
  REJECTED: 'Rejected',
  CANCELLED: 'Cancelled',
};

export const isTerminal = (order) => order.status !== 'PENDING';

export const reasonInWords = (reason) => REASONS[reason] ?? reason ?? '';

export function statusBadge(status) {
  return h('span', { class: ['badge', `status-${String(status).toLowerCase()}`], dataset: { status } },
    STATUSES[status] ?? status);
}

/**
 * The saga's steps as the order shows them: placed → stock reserved → credit reserved → approved, each
 * done, failed, waiting or skipped (a step the saga never reached because an earlier one failed).
 */
export function sagaSteps(order) {
  const ended = isTerminal(order);
  const reservation = (status, deniedNote) => {
    switch (status) {
      case 'RESERVED':
        return { state: 'done' };
      case 'RELEASED':
        return { state: 'done', note: 'released again' };
      case 'DENIED':
        return { state: 'failed', note: deniedNote };
      default:
        return { state: ended ? 'skipped' : 'waiting' };
    }
  };
  const stockDenied = order.reason === 'PRODUCT_NOT_FOUND' ? REASONS.PRODUCT_NOT_FOUND : REASONS.OUT_OF_STOCK;
  const stock = reservation(order.stockStatus, stockDenied);
  const credit = reservation(order.creditStatus, REASONS.INSUFFICIENT_CREDIT);
  let outcome;
  switch (order.status) {
    case 'APPROVED':
      outcome = { key: 'approved', label: 'Approved', state: 'done', note: order.total != null ? `total ${money(order.total)}` : '' };
      break;
    case 'REJECTED':
      outcome = { key: 'rejected', label: 'Rejected', state: 'failed', note: reasonInWords(order.reason) };
      break;
    case 'CANCELLED':
      outcome = { key: 'cancelled', label: 'Cancelled', state: 'failed', note: '' };
      break;
    default:
      outcome = { key: 'approved', label: 'Approved', state: 'waiting' };
  }
  return [
    { key: 'placed', label: 'Placed', state: 'done', note: dateTime(order.placedAt) },
    { key: 'stock', label: 'Stock reserved', ...stock },
    { key: 'credit', label: 'Credit reserved', ...credit },
    outcome,
  ];
}

const STATE_WORDS = { done: 'done', failed: 'failed', waiting: 'waiting', skipped: 'not reached' };

export function progressTracker(order) {
  return h('ol', { class: 'progress', 'aria-label': 'Order progress' },
    sagaSteps(order).map((step) => h('li', {
      class: ['step', step.state],
      dataset: { step: step.key, state: step.state },
    },
    h('span', { class: 'marker', 'aria-hidden': 'true' }),
    h('span', { class: 'label' }, step.label),
    h('span', { class: 'visually-hidden' }, ` (${STATE_WORDS[step.state]})`),
    step.note && h('span', { class: 'note' }, step.note))));
}

/** The order's status history, oldest first, as the order service recorded it. */
export function historyList(order) {
  const entries = order.history ?? [];
  if (entries.length === 0) {
    return h('p', { class: 'muted' }, 'No history yet.');
  }
  return h('ol', { class: 'history' }, entries.map((entry) => h('li', {},
    h('time', { datetime: entry.at }, dateTime(entry.at)),
    ' ', statusBadge(entry.status),
    entry.detail && h('span', { class: 'detail' }, entry.detail))));
}

/** The rejection in plain words, or nothing. */
export function rejection(order) {
  return order.status === 'REJECTED'
    ? h('p', { class: 'reason', role: 'status', dataset: { reason: order.reason ?? '' } },
      'Rejected: ', h('strong', {}, reasonInWords(order.reason)))
    : null;
}

/** A printable invoice (the page's print style hides everything else). */
export function invoiceDocument(invoice, { seller = 'Polyshop' } = {}) {
  return h('article', { class: 'invoice-document', dataset: { invoice: invoice.number } },
    h('header', {},
      h('p', { class: 'seller' }, seller),
      h('div', { class: 'invoice-meta' },
        h('h1', {}, invoice.status === 'CREDITED' ? 'Invoice (credited)' : 'Invoice'),
        h('dl', {},
          h('dt', {}, 'Number'), h('dd', { class: 'number' }, invoice.number),
          h('dt', {}, 'Date'), h('dd', {}, date(invoice.issuedAt)),
          h('dt', {}, 'Customer'), h('dd', {}, invoice.customer),
          h('dt', {}, 'Order'), h('dd', { title: invoice.orderId }, shortId(invoice.orderId))))),
    h('table', { class: 'lines' },
      h('thead', {}, h('tr', {}, h('th', {}, 'Product'), h('th', { class: 'num' }, 'Quantity'),
        h('th', { class: 'num' }, 'Unit price'), h('th', { class: 'num' }, 'Amount'))),
      h('tbody', {}, h('tr', {}, h('td', {}, invoice.productName), h('td', { class: 'num' }, invoice.quantity),
        h('td', { class: 'num' }, money(invoice.unitPrice)), h('td', { class: 'num' }, money(invoice.total)))),
      h('tfoot', {}, h('tr', {}, h('th', { colspan: 3 }, 'Total'), h('td', { class: 'num total' }, money(invoice.total))))),
    invoice.status === 'CREDITED'
      ? h('p', { class: 'credited' }, 'This invoice was credited: its order was cancelled after approval.')
      : h('p', { class: 'muted' }, 'Paid from the customer\'s shop credit. Thank you for your order.'),
    h('p', { class: 'no-print actions' }, h('button', { onclick: () => window.print() }, 'Print')));
}

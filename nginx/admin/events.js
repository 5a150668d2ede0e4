// The event log with its filters, and an order's saga trace: every event with the order's correlation id
// on a timeline, one lane per producing service.

import { query, seg } from '/shared/api.js';
import { dateTime, field, h, money, shortId } from '/shared/dom.js';
import { reasonInWords, statusBadge } from '/shared/orders.js';
import { navigate } from '/shared/router.js';
import { api } from './admin.js';

const EVENT_TYPES = {
  customer: ['CustomerRegistered', 'CustomerProfileUpdated', 'CustomerPasswordChanged', 'CreditSet', 'CreditReserved',
    'CreditReservationFailed', 'CreditReleased'],
  category: ['CategoryCreated', 'CategoryRenamed', 'CategoryDeleted'],
  // One stream per category name, through which names stay unique.
  'category-name': ['CategoryNameClaimed', 'CategoryNameReleased'],
  product: ['ProductCreated', 'ProductUpdated', 'ProductDeleted', 'StockReserved', 'StockReservationFailed',
    'StockReleased'],
  // An order for a product that never existed is refused on a stream of the order's own, not on a product stream.
  'missing-product': ['StockReservationFailed'],
  order: ['OrderPlaced', 'OrderApproved', 'OrderRejected', 'OrderCancelled'],
  invoice: ['InvoiceIssued', 'InvoiceCredited'],
};
const STREAM_TYPES = Object.keys(EVENT_TYPES);
const FILTERS = ['streamType', 'type', 'streamId', 'correlationId', 'afterPosition', 'limit'];
const DEFAULT_LIMIT = 100;
const TRACE_LIMIT = 1000;

/** How an event ended for the saga: failures and rejections stand out, approvals too. */
function outcome(type) {
  if (/Failed|Rejected|Cancelled|Credited|Deleted/.test(type)) {
    return 'bad';
  }
  return /Approved|Issued|Reserved/.test(type) ? 'good' : 'neutral';
}

export async function log({ query: params, signal }) {
  const filters = Object.fromEntries(FILTERS.map((name) => [name, params.get(name) ?? '']));
  const limit = Number(filters.limit) || DEFAULT_LIMIT;
  const [events, deadLetters] = await Promise.all([
    api.get(`/api/events${query(filters)}`, { signal }),
    api.get('/api/events/dead-letters', { signal }),
  ]);

  const form = h('form', { class: 'filters', id: 'event-filters', novalidate: true },
    field('Stream type', 'streamType', {
      type: 'select', value: filters.streamType,
      options: [{ value: '', label: 'Any' }, ...STREAM_TYPES.map((type) => ({ value: type, label: type }))],
    }),
    field('Event type', 'type', { value: filters.type, list: 'event-types', placeholder: 'e.g. OrderPlaced' }),
    h('datalist', { id: 'event-types' },
      [...new Set(Object.values(EVENT_TYPES).flat())].map((type) => h('option', { value: type }))),
    field('Stream id', 'streamId', { value: filters.streamId }),
    field('Correlation id', 'correlationId', { value: filters.correlationId }),
    field('After position', 'afterPosition', { type: 'number', min: 0, value: filters.afterPosition }),
    field('Limit', 'limit', { type: 'number', min: 1, max: 1000, value: filters.limit, placeholder: String(DEFAULT_LIMIT) }),
    h('div', { class: 'actions' },
      h('button', { type: 'submit' }, 'Show'),
      h('a', { class: 'button secondary', href: '#/events' }, 'Clear')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    navigate(`#/events${query(Object.fromEntries(new FormData(form)))}`);
  });

  const filterLink = (name, value, text) => h('a', {
    href: `#/events${query({ ...filters, afterPosition: '', [name]: value })}`, title: `Only ${name} ${value}`,
  }, text);
  const last = events.at(-1);

  return h('section', {},
    h('div', { class: 'row spread' },
      h('h1', {}, 'Event log'),
      h('p', { class: ['badge', deadLetters.count > 0 ? 'status-rejected' : 'status-approved'], id: 'dead-letter-total' },
        `${deadLetters.count} dead-lettered message${deadLetters.count === 1 ? '' : 's'}`)),
    h('div', { class: 'panel' }, form),
    h('p', { class: 'muted', id: 'event-count' }, `${events.length} event${events.length === 1 ? '' : 's'} by position`),
    events.length === 0
      ? h('p', { class: 'panel muted empty' }, 'No events match.')
      : h('div', { class: 'table-scroll' }, h('table', { id: 'events', class: 'events' },
        h('thead', {}, h('tr', {}, ['#', 'Recorded', 'Stream', 'v', 'Type', 'Producer', 'Correlation', 'Data']
          .map((title) => h('th', {}, title)))),
        h('tbody', {}, events.map((event) => h('tr', { dataset: { position: event.position, type: event.type } },
          h('td', { class: 'num' }, event.position),
          h('td', { class: 'nowrap' }, dateTime(event.recordedAt)),
          h('td', {}, filterLink('streamType', event.streamType, event.streamType), ' ',
            filterLink('streamId', event.streamId, shortId(event.streamId))),
          h('td', { class: 'num' }, event.version),
          h('td', {}, h('span', { class: ['event-type', outcome(event.type)] }, event.type)),
          h('td', {}, event.producer),
          h('td', {}, event.correlationId
            ? h('a', { href: `#/trace/${seg(event.correlationId)}`, title: 'Saga trace' }, shortId(event.correlationId))
            : '—'),
          h('td', {}, h('details', {}, h('summary', {}, 'data'),
            h('pre', {}, JSON.stringify(event.data, null, 2))))))))),
    events.length >= limit && last && h('p', {}, h('a', {
      class: 'button secondary', id: 'next-page', href: `#/events${query({ ...filters, afterPosition: last.position })}`,
    }, 'Next page ›')));
}

/** The data of a saga event in words: what moved and, for a failure, why. */
function summary(event) {
  const data = event.data ?? {};
  const parts = [];
  if (data.quantity !== undefined) {
    parts.push(`${data.quantity} unit${data.quantity === 1 ? '' : 's'}`);
  }
  if (data.productName) {
    parts.push(data.productName);
  }
  if (data.unitPrice !== undefined) {
    parts.push(`at ${money(data.unitPrice)}`);
  }
  if (data.amount !== undefined) {
    parts.push(money(data.amount));
  }
  if (data.total !== undefined) {
    parts.push(`total ${money(data.total)}`);
  }
  if (data.number) {
    parts.push(data.number);
  }
  if (data.reason) {
    parts.push(reasonInWords(data.reason));
  }
  return parts.join(' · ');
}

function elapsed(from, to) {
  const ms = Date.parse(to) - Date.parse(from);
  return ms < 1000 ? `+${ms} ms` : `+${(ms / 1000).toFixed(ms < 10000 ? 2 : 1)} s`;
}

export async function trace({ params, signal }) {
  const correlationId = params.id;
  const [events, order] = await Promise.all([
    api.get(`/api/events${query({ correlationId, limit: TRACE_LIMIT })}`, { signal }),
    api.get(`/api/orders/${seg(correlationId)}`, { signal }).catch((error) => {
      if (error.status === 404 || error.status === 400) {
        return null;
      }
      throw error;
    }),
  ]);

  const lanes = [];
  const laneOf = (event) => event.producer || event.streamType;
  for (const event of events) {
    const key = laneOf(event);
    let lane = lanes.find((candidate) => candidate.key === key);
    if (!lane) {
      lane = { key, streamTypes: new Set() };
      lanes.push(lane);
    }
    lane.streamTypes.add(event.streamType);
  }
  const byId = new Map(events.map((event) => [event.id, event]));
  const first = events[0];

  const header = h('section', { class: 'panel' },
    h('div', { class: 'row spread' },
      h('h1', {}, 'Saga trace'),
      order && statusBadge(order.status)),
    h('p', {}, 'Every event with the correlation id ', h('code', {}, correlationId),
      order ? [' — the order of ', h('strong', {}, order.customer), ' for ', order.quantity, ' × ',
        order.productName ?? 'a product', '. ', h('a', { href: `#/orders/${seg(order.id)}` }, 'The order')] : '.'),
    h('p', { class: 'muted' }, `${events.length} event${events.length === 1 ? '' : 's'} in ${lanes.length} service${lanes.length === 1 ? '' : 's'}`,
      first && events.length > 1 ? `, over ${elapsed(first.recordedAt, events.at(-1).recordedAt).slice(1)}` : '', '.'));

  if (events.length === 0) {
    return h('div', { dataset: { title: `Trace ${shortId(correlationId)}` } }, header,
      h('p', { class: 'panel muted empty' }, 'No event carries this correlation id.'));
  }

  const timeline = h('div', {
    class: 'timeline', id: 'saga-trace', 'aria-label': 'Saga events by service',
    style: `grid-template-columns: 5.5rem repeat(${lanes.length}, minmax(12rem, 1fr)); grid-template-rows: auto repeat(${events.length}, auto);`,
  },
  h('div', { class: 'lane-head time', style: 'grid-column: 1; grid-row: 1;' }, 'Time'),
  lanes.map((lane, index) => [
    h('div', { class: 'lane-bg', style: `grid-column: ${index + 2}; grid-row: 2 / span ${events.length};`, 'aria-hidden': 'true' }),
    h('div', {
      class: 'lane-head', style: `grid-column: ${index + 2}; grid-row: 1;`, dataset: { lane: lane.key },
    }, h('strong', {}, lane.key), h('br'), h('small', {}, [...lane.streamTypes].join(', '))),
  ]),
  events.map((event, row) => {
    const cause = byId.get(event.causationId);
    return [
      h('div', { class: 'time', style: `grid-column: 1; grid-row: ${row + 2};`, title: dateTime(event.recordedAt) },
        row === 0 ? new Date(event.recordedAt).toLocaleTimeString() : elapsed(first.recordedAt, event.recordedAt)),
      h('article', {
        class: ['trace-event', outcome(event.type)],
        style: `grid-column: ${lanes.findIndex((lane) => lane.key === laneOf(event)) + 2}; grid-row: ${row + 2};`,
        dataset: { type: event.type, lane: laneOf(event), position: event.position },
      },
      h('p', { class: 'type' }, event.type),
      h('p', { class: 'stream' }, `${event.streamType} ${shortId(event.streamId)} · v${event.version} · #${event.position}`),
      summary(event) && h('p', { class: 'summary' }, summary(event)),
      cause && h('p', { class: 'cause' }, `after ${cause.type}`)),
    ];
  }));

  return h('div', { dataset: { title: `Trace ${shortId(correlationId)}` } },
    header,
    h('div', { class: 'timeline-scroll' }, timeline),
    h('p', {}, h('a', { href: `#/events${query({ correlationId })}` }, 'The same events in the event log')));
}

// Browsing: categories, products, search by name, and a product's page with the order form.

import { query, seg } from '/shared/api.js';
import { field, h, money, number, onSubmit } from '/shared/dom.js';
import { navigate } from '/shared/router.js';
import { api, isSignedIn, session } from './shop.js';

function stock(product) {
  return product.unitsInStock > 0
    ? h('span', { class: 'stock' }, `${product.unitsInStock} in stock`)
    : h('span', { class: 'stock out' }, 'Out of stock');
}

function productCard(product) {
  return h('article', { class: 'card product', dataset: { productId: product.id } },
    h('h3', {}, h('a', { href: `#/product/${seg(product.id)}` }, product.name)),
    h('p', { class: 'muted' }, product.categoryName),
    h('div', { class: 'row spread' }, h('span', { class: 'price' }, money(product.price)), stock(product)));
}

function productList(products, empty) {
  return products.length === 0
    ? h('p', { class: 'panel muted empty' }, empty)
    : h('div', { class: 'cards', id: 'products' }, products.map(productCard));
}

function categoryChips(categories, currentId) {
  return h('nav', { class: 'chips', 'aria-label': 'Categories' },
    h('a', { class: 'chip', href: '#/', 'aria-current': currentId ? null : 'page' }, 'All products'),
    categories.map((category) => h('a', {
      class: 'chip',
      href: `#/category/${seg(category.id)}`,
      'aria-current': category.id === currentId ? 'page' : null,
    }, `${category.name} (${category.productCount})`)));
}

async function catalogPage({ signal, categoryId }) {
  const [categories, products] = await Promise.all([
    api.get('/api/categories', { signal }),
    api.get(`/api/products${query({ categoryId })}`, { signal }),
  ]);
  const current = categories.find((category) => category.id === categoryId);
  if (categoryId && !current) {
    return h('section', { class: 'panel notice' }, h('h1', {}, 'Not found'),
      h('p', {}, 'This category no longer exists.'), h('a', { href: '#/' }, 'All products'));
  }
  return h('div', { class: 'two-columns', dataset: { title: current?.name ?? '' } },
    h('aside', {}, categoryChips(categories, categoryId)),
    h('section', {},
      h('h1', {}, current ? current.name : 'All products'),
      productList(products, current ? 'This category holds no products yet.' : 'The shop has no products yet.')));
}

export const home = ({ signal }) => catalogPage({ signal });

export const category = ({ params, signal }) => catalogPage({ signal, categoryId: params.id });

export async function search({ query: params, signal }) {
  const q = (params.get('q') ?? '').trim();
  if (!q) {
    navigate('#/', { replace: true });
    return h('div');
  }
  const products = await api.get(`/api/products${query({ q })}`, { signal });
  return h('section', { dataset: { title: `“${q}”` } },
    h('h1', {}, 'Results for ', h('q', {}, q)),
    h('p', { class: 'muted', id: 'result-count' },
      products.length === 1 ? '1 product' : `${products.length} products`),
    productList(products, 'No product has that in its name. Try a shorter word.'));
}

function orderForm(product) {
  const form = h('form', { class: 'stacked order-form', novalidate: true },
    field('Quantity', 'quantity', { type: 'number', value: 1, min: 1, max: 100, step: 1, inputmode: 'numeric' }),
    h('div', { class: 'actions' },
      h('button', { type: 'submit', id: 'place-order', disabled: product.unitsInStock === 0 }, 'Order')));
  return onSubmit(form, async ({ quantity }) => {
    const order = await api.post('/api/orders', { productId: product.id, quantity: number(quantity) });
    navigate(`#/orders/${seg(order.id)}`);
  });
}

function orderBox(product) {
  if (isSignedIn()) {
    return h('div', { class: 'panel' }, h('h2', {}, 'Order'),
      product.unitsInStock === 0 ? h('p', { class: 'muted' }, 'Out of stock for now.') : null,
      orderForm(product));
  }
  if (session.current) {
    return h('p', { class: 'panel muted' }, 'Managers cannot order. Log in with a shopper account to order.');
  }
  const next = encodeURIComponent(`#/product/${product.id}`);
  return h('p', { class: 'panel' }, h('a', { href: `#/login?next=${next}` }, 'Log in'), ' or ',
    h('a', { href: `#/register?next=${next}` }, 'create an account'), ' to order.');
}

export async function product({ params, signal }) {
  const item = await api.get(`/api/products/${seg(params.id)}`, { signal });
  return h('div', { class: 'product-page', dataset: { title: item.name, productId: item.id } },
    h('p', { class: 'crumbs' }, h('a', { href: '#/' }, 'Shop'), ' › ',
      h('a', { href: `#/category/${seg(item.categoryId)}` }, item.categoryName)),
    h('div', { class: 'product-layout' },
      h('section', { class: 'panel' },
        h('h1', {}, item.name),
        h('p', { class: 'price big' }, money(item.price)),
        h('p', {}, stock(item)),
        item.description && h('p', { class: 'description' }, item.description),
        h('dl', { class: 'facts' }, h('dt', {}, 'Supplier'), h('dd', {}, item.supplier || '—'),
          h('dt', {}, 'Category'), h('dd', {}, item.categoryName))),
      orderBox(item)));
}

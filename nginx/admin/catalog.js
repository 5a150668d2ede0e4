// The catalog: categories (create, rename, delete) and products (create, edit, delete).

import { query, seg } from '/shared/api.js';
import { confirmAction, field, flash, flashFailure, h, money, number, onSubmit } from '/shared/dom.js';
import { navigate, reload } from '/shared/router.js';
import { api } from './admin.js';

export async function categories({ signal }) {
  const all = await api.get('/api/categories', { signal });
  const message = h('div', { id: 'category-message', 'aria-live': 'polite' });

  const createForm = h('form', { class: 'inline-form', id: 'new-category', novalidate: true },
    field('New category', 'name', { placeholder: 'Name', required: true }),
    h('button', { type: 'submit' }, 'Create'));
  onSubmit(createForm, async ({ name }) => {
    const created = await api.post('/api/categories', { name });
    flash(`Category “${created.name}” created.`, 'ok');
    reload();
  }, { 409: 'name' });

  const row = (category) => {
    const nameCell = h('td', { class: 'name' }, category.name);
    const rename = () => {
      const form = h('form', { class: 'inline-form rename', novalidate: true },
        field('Name', 'name', { value: category.name, required: true }),
        h('button', { type: 'submit', class: 'small' }, 'Save'),
        h('button', { type: 'button', class: 'small secondary', onclick: reload }, 'Cancel'));
      onSubmit(form, async ({ name }) => {
        const renamed = await api.put(`/api/categories/${seg(category.id)}`, { name });
        flash(`Category renamed to “${renamed.name}”.`, 'ok');
        reload();
      }, { 409: 'name' });
      nameCell.replaceChildren(form);
      form.elements.name.select();
    };
    const remove = async () => {
      message.replaceChildren();
      const confirmed = await confirmAction(`Delete the category “${category.name}”?`);
      if (!confirmed) {
        return;
      }
      try {
        await api.delete(`/api/categories/${seg(category.id)}`);
        flash(`Category “${category.name}” deleted.`, 'ok');
        reload();
      } catch (error) {
        if (error.status === undefined) {
          throw error;
        }
        message.replaceChildren(h('p', { class: 'form-error', role: 'alert' }, error.status === 409
          ? `“${category.name}” still holds products, so it cannot be deleted. Move its products to another category or delete them first.`
          : error.message));
      }
    };
    return h('tr', { dataset: { categoryId: category.id, name: category.name } },
      nameCell,
      h('td', { class: 'num' }, h('a', { href: `#/products?categoryId=${seg(category.id)}` }, category.productCount)),
      h('td', { class: 'actions' },
        h('button', { class: 'small secondary', onclick: rename }, 'Rename'), ' ',
        h('button', { class: 'small danger', onclick: remove }, 'Delete')));
  };

  return h('section', {},
    h('h1', {}, 'Categories'),
    h('div', { class: 'panel' }, createForm),
    message,
    h('div', { class: 'table-scroll' }, h('table', { id: 'categories' },
      h('thead', {}, h('tr', {}, h('th', {}, 'Name'), h('th', { class: 'num' }, 'Products'), h('th', {}, ''))),
      h('tbody', {}, all.map(row)))));
}

export async function products({ query: params, signal }) {
  const filters = { categoryId: params.get('categoryId') ?? '', q: params.get('q') ?? '' };
  const [categoryList, all] = await Promise.all([
    api.get('/api/categories', { signal }),
    api.get(`/api/products${query(filters)}`, { signal }),
  ]);

  const filterForm = h('form', { class: 'filters', id: 'product-filters' },
    field('Category', 'categoryId', {
      type: 'select', value: filters.categoryId,
      options: [{ value: '', label: 'All categories' }, ...categoryList.map((c) => ({ value: c.id, label: c.name }))],
    }),
    field('Name contains', 'q', { type: 'search', value: filters.q }),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Filter')));
  filterForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const form = new FormData(filterForm);
    navigate(`#/products${query({ categoryId: form.get('categoryId'), q: form.get('q') })}`);
  });

  const remove = async (product) => {
    const confirmed = await confirmAction(`Delete the product “${product.name}”?`, {
      detail: 'Orders already placed keep their history; new orders for it are rejected.',
    });
    if (!confirmed) {
      return;
    }
    try {
      await api.delete(`/api/products/${seg(product.id)}`);
      flash(`Product “${product.name}” deleted.`, 'ok');
    } catch (error) {
      flashFailure(error);
    }
    reload();
  };

  return h('section', {},
    h('div', { class: 'row spread' },
      h('h1', {}, 'Products'),
      h('a', { class: 'button', id: 'new-product', href: `#/products/new${query({ categoryId: filters.categoryId })}` },
        'New product')),
    h('div', { class: 'panel' }, filterForm),
    all.length === 0
      ? h('p', { class: 'panel muted empty' }, 'No products match.')
      : h('div', { class: 'table-scroll' }, h('table', { id: 'products' },
        h('thead', {}, h('tr', {}, h('th', {}, 'Name'), h('th', {}, 'Category'), h('th', { class: 'num' }, 'Price'),
          h('th', { class: 'num' }, 'In stock'), h('th', {}, ''))),
        h('tbody', {}, all.map((product) => h('tr', { dataset: { productId: product.id, name: product.name } },
          h('td', {}, product.name, h('br'), h('small', { class: 'muted' }, product.supplier)),
          h('td', {}, product.categoryName),
          h('td', { class: 'num price' }, money(product.price)),
          h('td', { class: 'num stock' }, product.unitsInStock),
          h('td', { class: 'actions' },
            h('a', { class: 'button small secondary', href: `#/products/${seg(product.id)}/edit` }, 'Edit'), ' ',
            h('button', { class: 'small danger', onclick: () => remove(product) }, 'Delete'))))))));
}

/** A price as the form shows it: always two decimals, so 0.5 reads 0.50. */
const decimals = (value) => (value === null || value === undefined ? '' : Number(value).toFixed(2));

/** The product form; every field shows the product's own value when editing. */
function productForm(categoryList, product, save) {
  const form = h('form', { class: 'stacked', id: 'product-form', novalidate: true },
    field('Name', 'name', { value: product.name, required: true }),
    field('Description', 'description', { type: 'textarea', value: product.description }),
    field('Supplier', 'supplier', { value: product.supplier }),
    field('Category', 'categoryId', {
      type: 'select', value: product.categoryId,
      options: [{ value: '', label: 'Choose a category' }, ...categoryList.map((c) => ({ value: c.id, label: c.name }))],
    }),
    field('Price (€)', 'price', {
      type: 'number', value: decimals(product.price), min: 0, step: '0.01', inputmode: 'decimal',
      hint: 'Up to two decimals, e.g. 12.50.',
    }),
    field('Units in stock', 'unitsInStock', {
      type: 'number', value: product.unitsInStock ?? '', min: 0, step: 1, inputmode: 'numeric',
      hint: '0 is allowed: the product shows as out of stock.',
    }),
    h('div', { class: 'actions' },
      h('button', { type: 'submit' }, 'Save'),
      h('a', { class: 'button secondary', href: '#/products' }, 'Cancel')));
  return onSubmit(form, async (input) => {
    const saved = await save({
      name: input.name,
      description: input.description,
      supplier: input.supplier,
      categoryId: input.categoryId || null,
      price: number(input.price),
      unitsInStock: number(input.unitsInStock),
    });
    flash(`Product “${saved.name}” saved.`, 'ok');
    navigate(`#/products${query({ categoryId: saved.categoryId })}`);
  });
}

export async function newProduct({ query: params, signal }) {
  const categoryList = await api.get('/api/categories', { signal });
  return h('section', { class: 'panel' },
    h('h1', {}, 'New product'),
    productForm(categoryList, { categoryId: params.get('categoryId') ?? '' },
      (body) => api.post('/api/products', body)));
}

// The form saves the product only as it was loaded (If-Match): if an order reserved stock meanwhile, the
// stock in the form is out of date, and the shop answers 412 instead of overwriting the reservation.
export async function editProduct({ params, signal }) {
  const [categoryList, { body: product, tag }] = await Promise.all([
    api.get('/api/categories', { signal }),
    api.getTagged(`/api/products/${seg(params.id)}`, { signal }),
  ]);
  const save = async (body) => {
    try {
      return await api.put(`/api/products/${seg(product.id)}`, body, { headers: tag ? { 'If-Match': tag } : {} });
    } catch (error) {
      if (error.status === 412) {
        error.message = 'This product has changed since the form was opened (an order may have reserved stock). '
          + 'Reload the page to edit its current values.';
      }
      throw error;
    }
  };
  return h('section', { class: 'panel', dataset: { title: `Edit ${product.name}`, productId: product.id } },
    h('h1', {}, 'Edit ', h('q', {}, product.name)),
    productForm(categoryList, product, save));
}

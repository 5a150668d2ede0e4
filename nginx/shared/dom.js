// Small DOM helpers shared by the two sites: building elements, formatting money and times, forms that
// show a problem+json answer next to the fields it names, and a confirmation dialog.

/**
 * Creates an element. `props`: `class`, `text`, `on<Event>` handlers, `dataset`, `style`, boolean and
 * string attributes (false/null/undefined ones are left out). Children: nodes, strings, numbers, arrays,
 * and null/false (skipped).
 */
export function h(tag, props = {}, ...children) {
  const isSvg = ['svg', 'g', 'rect', 'line', 'text', 'title', 'path'].includes(tag);
  const element = isSvg ? document.createElementNS('http://www.w3.org/2000/svg', tag) : document.createElement(tag);
  for (const [name, value] of Object.entries(props ?? {})) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (name === 'class') {
      element.setAttribute('class', Array.isArray(value) ? value.filter(Boolean).join(' ') : value);
    } else if (name === 'text') {
      element.textContent = value;
    } else if (name === 'dataset') {
      Object.assign(element.dataset, value);
    } else if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2).toLowerCase(), value);
    } else if (name === 'value' && 'value' in element && !isSvg) {
      element.value = value;
    } else {
      element.setAttribute(name, value === true ? '' : value);
    }
  }
  append(element, children);
  return element;
}

/** Replaces an element's children, with the same rules as `h` (null and false are skipped). */
export function fill(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

function append(parent, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    if (Array.isArray(child)) {
      append(parent, child);
    } else {
      parent.append(child instanceof Node ? child : String(child));
    }
  }
}

/** Money as the API sends it (a JSON number with at most two decimals), shown with two decimals. */
export function money(value) {
  if (value === null || value === undefined || value === '') {
    return '—';
  }
  const number = Number(value);
  return Number.isFinite(number) ? `€${number.toFixed(2)}` : '—';
}

export function dateTime(iso) {
  return iso ? new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' }) : '—';
}

export function date(iso) {
  return iso ? new Date(iso).toLocaleDateString(undefined, { dateStyle: 'medium' }) : '—';
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A UUID's first eight characters, enough for people to tell orders apart; any other id (a username) whole. */
export const shortId = (id) => {
  const text = String(id ?? '');
  return UUID.test(text) ? text.slice(0, 8) : text;
};

let fieldCounter = 0;

/**
 * A labelled form field with a place for its error. `name` is the JSON property the API validates, so a
 * problem's `errors[].field` finds it. `options` for a select: [{value, label}].
 */
export function field(label, name, { type = 'text', value, options, hint, ...attributes } = {}) {
  const id = `field-${name}-${++fieldCounter}`;
  const errorId = `${id}-error`;
  const common = { id, name, 'aria-describedby': errorId, ...attributes };
  let control;
  if (type === 'select') {
    control = h('select', common, options.map((option) => h('option', {
      value: option.value,
      selected: String(option.value) === String(value ?? ''),
    }, option.label)));
  } else if (type === 'textarea') {
    control = h('textarea', { ...common, rows: attributes.rows ?? 3 });
    control.value = value ?? '';
  } else {
    control = h('input', { ...common, type, value: value ?? '' });
  }
  return h('div', { class: 'field' },
    h('label', { for: id }, label),
    control,
    hint && h('small', { class: 'hint' }, hint),
    h('p', { class: 'field-error', id: errorId, dataset: { errorFor: name }, 'aria-live': 'polite' }));
}

/** The form's values by field name, trimmed; numbers stay strings until `number()`. */
export function values(form) {
  const result = {};
  for (const [name, value] of new FormData(form)) {
    result[name] = typeof value === 'string' ? value.trim() : value;
  }
  return result;
}

/**
 * A number for the API, or null when the field is empty or not a number (the server then names the field
 * in its 400 answer, so the message is the server's own).
 */
export function number(text) {
  if (text === undefined || text === null || String(text).trim() === '') {
    return null;
  }
  const parsed = Number(text);
  return Number.isFinite(parsed) ? parsed : null;
}

export function clearErrors(form) {
  form.querySelectorAll('.field-error').forEach((element) => { element.textContent = ''; });
  form.querySelectorAll('[aria-invalid]').forEach((element) => element.removeAttribute('aria-invalid'));
  const message = form.querySelector('.form-error');
  if (message) {
    message.textContent = '';
    message.hidden = true;
  }
}

/**
 * Shows an error: each of the problem's field errors next to its field, and the problem's own detail
 * above the button when no field takes it. `fieldFor` maps a status to a field for answers that name
 * none (e.g. {403: 'currentPassword'}).
 */
export function showError(form, error, fieldFor = {}) {
  clearErrors(form);
  const fieldErrors = error.fieldErrors ? [...error.fieldErrors] : [];
  const statusField = fieldFor[error.status];
  if (statusField && fieldErrors.length === 0) {
    fieldErrors.push({ field: statusField, message: error.problem?.detail || error.message });
  }
  const unplaced = [];
  for (const { field: name, message } of fieldErrors) {
    const place = form.querySelector(`.field-error[data-error-for="${CSS.escape(String(name))}"]`);
    if (place) {
      place.textContent = place.textContent ? `${place.textContent} ${message}` : message;
      form.querySelector(`[name="${CSS.escape(String(name))}"]`)?.setAttribute('aria-invalid', 'true');
    } else {
      unplaced.push(name ? `${name}: ${message}` : message);
    }
  }
  if (fieldErrors.length === 0 || unplaced.length > 0) {
    let message = form.querySelector('.form-error');
    if (!message) {
      message = h('p', { class: 'form-error', role: 'alert' });
      form.querySelector('.actions')?.before(message) ?? form.append(message);
    }
    message.textContent = [fieldErrors.length === 0 ? error.message : null, ...unplaced].filter(Boolean).join(' ');
    message.hidden = false;
  }
  form.querySelector('[aria-invalid="true"]')?.focus();
}

/**
 * Runs `action` on submit with the button disabled meanwhile; a failure is shown in the form. Returns the
 * form. An error that is not an API answer is one of ours: it is rethrown, so it is never hidden.
 */
export function onSubmit(form, action, fieldFor) {
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const buttons = form.querySelectorAll('button');
    buttons.forEach((button) => { button.disabled = true; });
    clearErrors(form);
    try {
      await action(values(form), form);
    } catch (error) {
      if (error.name === 'AbortError') {
        return;
      }
      if (error.status === undefined) {
        throw error;
      }
      showError(form, error, fieldFor);
    } finally {
      buttons.forEach((button) => { button.disabled = false; });
    }
  });
  return form;
}

/** Asks before something that cannot be undone; resolves true when confirmed. */
export function confirmAction(question, { confirm = 'Delete', detail } = {}) {
  return new Promise((resolve) => {
    const dialog = h('dialog', { class: 'confirm', 'aria-labelledby': 'confirm-question' },
      h('form', { method: 'dialog' },
        h('p', { id: 'confirm-question', class: 'question' }, question),
        detail && h('p', { class: 'muted' }, detail),
        h('div', { class: 'actions' },
          h('button', { value: 'cancel', class: 'secondary', autofocus: true }, 'Cancel'),
          h('button', { value: 'confirm', class: 'danger', dataset: { confirm: '' } }, confirm))));
    dialog.addEventListener('close', () => {
      dialog.remove();
      resolve(dialog.returnValue === 'confirm');
    });
    document.body.append(dialog);
    dialog.showModal();
  });
}

/** A short message at the top of the page that survives one navigation (e.g. "Saved"). */
export function flash(text, kind = 'info') {
  const region = document.getElementById('flash');
  if (!region) {
    return;
  }
  region.replaceChildren(h('p', { class: ['flash', kind] }, text,
    h('button', { class: 'link', 'aria-label': 'Dismiss', onclick: () => region.replaceChildren() }, '×')));
  region.dataset.keep = '1';
}

/** Shows a failed API call at the top of the page. Anything else is a bug of ours and is rethrown. */
export function flashFailure(error) {
  if (error.status === undefined) {
    throw error;
  }
  flash(error.message, 'error');
}

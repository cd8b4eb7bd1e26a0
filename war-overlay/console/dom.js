// Small DOM helpers for the console: elements are built with createElement and textContent only (never innerHTML),
// so nothing the API returns is ever parsed as markup.

/**
 * h('button', {type: 'button', onclick: fn, class: 'primary'}, 'Save') -> HTMLButtonElement.
 * Attributes starting with "on" become listeners; false/null/undefined attributes are left out; children may be
 * strings, nodes, arrays or null.
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === false || value === null || value === undefined) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      el.addEventListener(name.slice(2), value);
    } else if (name === 'class') {
      el.className = value;
    } else if (name === 'value') {
      el.value = value;
    } else if (name === 'checked' || name === 'disabled' || name === 'selected') {
      el[name] = Boolean(value);
    } else {
      el.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces an element's content. */
export function replace(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

let ids = 0;
/** A unique id for label/aria wiring. */
export function uid(prefix = 'f') {
  ids += 1;
  return `${prefix}-${ids}`;
}

/** A labelled form field: field('E-mail', h('input', {...})) -> <div class=field><label for>…</label>input</div>. */
export function field(label, control, hint) {
  const id = control.id || uid('field');
  control.id = id;
  const hintEl = hint ? h('p', { class: 'hint', id: `${id}-hint` }, hint) : null;
  if (hintEl) control.setAttribute('aria-describedby', hintEl.id);
  return h('div', { class: 'field' }, h('label', { for: id }, label), control, hintEl);
}

/** An error line shown in place (role=alert); empty until set. */
export function errorLine() {
  return h('p', { class: 'error', role: 'alert' });
}

/** Shows an error's RFC 9457 `detail` (or message) in an errorLine. */
export function showError(line, error) {
  replace(line, error ? (error.detail || error.message || 'Something went wrong') : '');
}

/**
 * A modal <dialog>: showModal() keeps focus inside the dialog and Escape closes it (both native behaviour).
 * build(close) returns the dialog's content; the dialog is removed from the page when it closes.
 */
export function openDialog(title, build) {
  const titleId = uid('dialog-title');
  const dialog = h('dialog', { 'aria-labelledby': titleId });
  const opener = document.activeElement;
  const close = () => dialog.close();
  dialog.addEventListener('close', () => {
    dialog.remove();
    // Keyboard users continue where they were; if a reload replaced that element, from the page's start.
    if (document.querySelector('dialog[open]')) return;
    if (opener && opener.isConnected && opener.offsetParent !== null) opener.focus();
    else document.getElementById('main')?.focus();
  });
  dialog.append(h('h2', { id: titleId }, title), ...[build(close)].flat());
  // showModal() makes the page behind inert, but Tab past the last control still leaves for the browser's own UI:
  // wrap it, so keyboard users cycle through the dialog's controls until Escape or a button closes it.
  dialog.addEventListener('keydown', (event) => {
    if (event.key !== 'Tab') return;
    const controls = focusable(dialog);
    if (!controls.length) return;
    const first = controls[0];
    const last = controls[controls.length - 1];
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  });
  document.body.append(dialog);
  dialog.showModal();
  const first = dialog.querySelector('input:not([disabled]), select, textarea, button:not(.close-x)');
  if (first) first.focus();
  return dialog;
}

/** The controls Tab stops at inside el, in order: enabled, shown, and of a radio group only its checked radio. */
function focusable(el) {
  return [...el.querySelectorAll('input, select, textarea, button, a[href]')].filter((c) => !c.disabled
    && c.tabIndex >= 0 && c.getClientRects().length > 0
    && !(c.type === 'radio' && !c.checked && el.querySelector(`input[type=radio][name="${c.name}"]:checked`)));
}

/** A confirmation dialog; resolves true when the person confirms. */
export function confirmDialog(title, message, confirmLabel, action) {
  openDialog(title, (close) => {
    const error = errorLine();
    const confirm = h('button', {
      type: 'button', class: 'danger',
      onclick: async () => {
        confirm.disabled = true;
        try {
          await action();
          close();
        } catch (e) {
          showError(error, e);
          confirm.disabled = false;
        }
      },
    }, confirmLabel);
    return [h('p', {}, message), error,
      h('div', { class: 'actions' }, h('button', { type: 'button', onclick: close }, 'Cancel'), confirm)];
  });
}

/**
 * A "⋮" menu button: items are [{label, action}], shown in a popup list that arrow keys move through and Escape
 * closes (WAI-ARIA menu button pattern).
 */
export function menuButton(label, items) {
  const menuId = uid('menu');
  const button = h('button', {
    type: 'button', class: 'kebab', 'aria-haspopup': 'menu', 'aria-expanded': 'false', 'aria-controls': menuId,
    'aria-label': label,
  }, '⋮');
  const menu = h('ul', { class: 'menu', role: 'menu', id: menuId, hidden: true });
  const close = (focusButton) => {
    menu.hidden = true;
    button.setAttribute('aria-expanded', 'false');
    document.removeEventListener('click', outside, true);
    if (focusButton) button.focus();
  };
  const outside = (event) => {
    if (!menu.contains(event.target) && event.target !== button) close(false);
  };
  for (const item of items) {
    const entry = h('button', {
      type: 'button', role: 'menuitem', tabindex: '-1', class: item.danger ? 'danger-text' : null,
      onclick: () => {
        close(true);
        item.action();
      },
    }, item.label);
    menu.append(h('li', { role: 'none' }, entry));
  }
  const entries = () => [...menu.querySelectorAll('[role=menuitem]')];
  menu.addEventListener('keydown', (event) => {
    const list = entries();
    const at = list.indexOf(document.activeElement);
    if (event.key === 'Escape') {
      event.preventDefault();
      close(true);
    } else if (event.key === 'ArrowDown') {
      event.preventDefault();
      list[(at + 1) % list.length].focus();
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      list[(at - 1 + list.length) % list.length].focus();
    } else if (event.key === 'Tab') {
      close(false);
    }
  });
  button.addEventListener('click', () => {
    if (!menu.hidden) {
      close(false);
      return;
    }
    menu.hidden = false;
    button.setAttribute('aria-expanded', 'true');
    document.addEventListener('click', outside, true);
    entries()[0]?.focus();
  });
  return h('div', { class: 'menu-wrap' }, button, menu);
}

/** Pager: "Page 2 of 7 (312)" with Previous/Next; onPage(newPage). */
export function pager(page, size, total, onPage) {
  const pages = Math.max(1, Math.ceil(total / size));
  return h('div', { class: 'pager' },
    h('button', { type: 'button', disabled: page <= 0, onclick: () => onPage(page - 1) }, 'Previous'),
    h('span', {}, `Page ${page + 1} of ${pages} (${total} in all)`),
    h('button', { type: 'button', disabled: page + 1 >= pages, onclick: () => onPage(page + 1) }, 'Next'));
}

/** A pager over state.page: another page sets state.page and calls reload(). */
export function statePager(state, size, total, reload) {
  return pager(state.page, size, total, (p) => {
    state.page = p;
    reload();
  });
}

/** A copy button for a value shown beside it. */
export function copyButton(value, what) {
  const button = h('button', {
    type: 'button', class: 'small',
    onclick: async () => {
      try {
        await navigator.clipboard.writeText(value);
        replace(button, 'Copied');
      } catch (e) {
        replace(button, 'Select and copy');
      }
      setTimeout(() => replace(button, 'Copy'), 2000);
    },
  }, 'Copy');
  button.setAttribute('aria-label', `Copy ${what}`);
  return button;
}

/** Formats an ISO instant for people (local time), or '—'. */
export function when(iso) {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
}

/** A table with a caption, header cells with scope=col, and rows of cells. */
export function table(caption, headers, rows, emptyText) {
  return h('table', {},
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, headers.map((x) => h('th', { scope: 'col' }, x)))),
    h('tbody', {}, rows.length ? rows : h('tr', {}, h('td', { colspan: headers.length, class: 'muted' }, emptyText))));
}

/** A labelled search form (role=search); onSearch(text) runs on submit with the trimmed text. */
export function searchForm(label, placeholder, onSearch, name = 'q') {
  const input = h('input', { type: 'search', name, placeholder });
  return h('form', {
    role: 'search', class: 'inline',
    onsubmit: (event) => {
      event.preventDefault();
      onSearch(input.value.trim());
    },
  }, field(label, input), h('button', { type: 'submit' }, 'Search'));
}

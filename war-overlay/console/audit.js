// Audit log: every change by the admin API, SCIM and SSO, filtered by actor, action and time, paged on the server.
import { call, qs } from './api.js';
import { h, replace, field, errorLine, showError, statePager, table, when } from './dom.js';

const PAGE_SIZE = 25;

/** A datetime-local value (local time) as an ISO instant, or ''. */
function instant(value) {
  if (!value) return '';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? '' : date.toISOString();
}

export async function renderAudit(main, ctx) {
  if (!ctx.can('audit:read')) {
    main.append(h('p', {}, 'The audit log needs the audit:read permission.'));
    return;
  }
  // People are named by e-mail (the API resolves it to their account and member ids); ids stay in the API only.
  const actor = h('input', { name: 'actorEmail', type: 'email', placeholder: 'ada@example.com', autocomplete: 'off' });
  const action = h('input', { name: 'action', placeholder: 'member.updated' });
  const since = h('input', { name: 'since', type: 'datetime-local' });
  const until = h('input', { name: 'until', type: 'datetime-local' });
  const box = h('div', {});
  const state = { page: 0, filters: {} };
  main.append(h('form', {
    class: 'inline card',
    onsubmit: (event) => {
      event.preventDefault();
      state.page = 0;
      state.filters = {
        actorEmail: actor.value.trim(), action: action.value.trim(), since: instant(since.value), until: instant(until.value),
      };
      load();
    },
  }, field('Actor e-mail', actor), field('Action', action), field('From', since), field('Until', until),
  h('button', { type: 'submit' }, 'Filter')), box);

  async function load() {
    const error = errorLine();
    try {
      const page = await call('GET', `${ctx.base}/audit-events${qs({ ...state.filters, page: state.page, size: PAGE_SIZE })}`);
      replace(box, table('Audit events, newest first', ['Time', 'Actor', 'Action', 'Target', 'Details'],
        page.items.map((e) => h('tr', {}, h('td', {}, when(e.occurredAt)), h('td', { class: 'long' }, e.actor || e.actorId || e.actorType),
          h('td', {}, h('code', {}, e.action)),
          h('td', { class: 'long' }, `${e.targetType || ''} ${e.targetId || ''}`.trim() || '—'),
          h('td', { class: 'long' }, e.summary ? JSON.stringify(e.summary) : '—'))), 'No events match.'),
      statePager(state, PAGE_SIZE, page.total, load), error);
    } catch (e) {
      replace(box, error);
      showError(error, e);
    }
  }
  await load();
}

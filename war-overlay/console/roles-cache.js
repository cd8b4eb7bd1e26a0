// The workspace's roles (presets and custom), loaded once per page render for role pickers.
import { call } from './api.js';
import { h } from './dom.js';

/** GET /roles -> [{id, name, preset, permissions}] */
export function loadRoles(ctx) {
  return call('GET', `${ctx.base}/roles`);
}

/** A <select> of roles; `allowNone` adds a "No role" option with value "". */
export function roleSelect(roles, selected, allowNone) {
  const options = roles.map((r) => h('option', { value: r.id, selected: r.id === selected },
    r.preset ? r.name : `${r.name} (custom)`));
  if (allowNone) options.unshift(h('option', { value: '', selected: !selected }, 'No role'));
  return h('select', { name: 'role' }, options);
}

/** A role id shown as its name. */
export function roleName(roles, id) {
  if (!id) return '—';
  const role = roles.find((r) => r.id === id);
  return role ? role.name : id;
}

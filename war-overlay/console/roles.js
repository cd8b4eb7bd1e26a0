// Roles: the five presets (read-only) and the workspace's custom roles, edited with a permission grid.
import { call, seg } from './api.js';
import { h, replace, field, errorLine, showError, openDialog, confirmDialog, menuButton, table } from './dom.js';

export async function renderRoles(main, ctx) {
  const manage = ctx.can('roles:manage');
  const catalogue = await call('GET', '/permissions');
  const box = h('div', {});
  main.append(manage ? h('div', { class: 'toolbar' }, h('span', {}),
    h('button', { type: 'button', class: 'primary', onclick: () => roleDialog(ctx, catalogue, null, load) },
      'Create role')) : null, box);

  async function load() {
    const error = errorLine();
    try {
      const roles = await call('GET', `${ctx.base}/roles`);
      const presets = roles.filter((r) => r.preset);
      const custom = roles.filter((r) => !r.preset);
      replace(box,
        h('h2', {}, 'Preset roles'),
        table('Preset roles (read-only)', ['Role', 'Permissions'], presets.map((r) => h('tr', {},
          h('td', {}, r.name), h('td', {}, [...r.permissions].sort().join(', ')))), ''),
        h('h2', {}, 'Custom roles'),
        table('Custom roles of this workspace', ['Role', 'Description', 'Permissions', 'Actions'],
          custom.map((r) => h('tr', { 'data-role': r.id },
            h('td', {}, r.name), h('td', {}, r.description || '—'), h('td', {}, [...r.permissions].sort().join(', ')),
            h('td', {}, manage ? menuButton(`Actions for role ${r.name}`, [
              { label: 'Edit', action: () => roleDialog(ctx, catalogue, r, load) },
              {
                label: 'Delete', danger: true,
                action: () => confirmDialog(`Delete role ${r.name}?`, 'Roles still in use cannot be deleted.',
                  `Delete ${r.name}`, async () => {
                    await call('DELETE', `${ctx.base}/roles/${seg(r.id)}`);
                    load();
                  }),
              }]) : null))), 'No custom roles yet.'), error);
    } catch (e) {
      replace(box, error);
      showError(error, e);
    }
  }
  await load();
}

/** The permission catalogue as a grid: one row per area, one column per action, a checkbox where it exists. */
function permissionGrid(catalogue, chosen) {
  const areas = [...new Set(catalogue.map((p) => p.id.split(':')[0]))];
  const actions = [...new Set(catalogue.map((p) => p.id.split(':')[1]))];
  const ids = new Set(catalogue.map((p) => p.id));
  const descriptions = new Map(catalogue.map((p) => [p.id, p.description]));
  return h('table', { class: 'grid' },
    h('caption', {}, 'Permissions (area × action)'),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Area'), actions.map((a) => h('th', { scope: 'col' }, a)))),
    h('tbody', {}, areas.map((area) => h('tr', {}, h('th', { scope: 'row' }, area), actions.map((action) => {
      const id = `${area}:${action}`;
      return h('td', {}, ids.has(id) ? h('input', {
        type: 'checkbox', name: 'permission', value: id, checked: chosen.has(id),
        'aria-label': `${id}: ${descriptions.get(id) || ''}`,
      }) : null);
    })))));
}

function roleDialog(ctx, catalogue, role, reload) {
  openDialog(role ? `Edit role ${role.name}` : 'Create a custom role', (close) => {
    const id = h('input', { name: 'id', required: true, pattern: '[a-z0-9][a-z0-9-]*', disabled: Boolean(role),
      value: role ? role.id : '' });
    const name = h('input', { name: 'name', required: true, value: role ? role.name : '' });
    const description = h('input', { name: 'description', value: role ? role.description || '' : '' });
    const grid = permissionGrid(catalogue, new Set(role ? role.permissions : []));
    const error = errorLine();
    return h('form', {
      onsubmit: async (event) => {
        event.preventDefault();
        const permissions = [...grid.querySelectorAll('input:checked')].map((c) => c.value);
        try {
          if (role) {
            await call('PATCH', `${ctx.base}/roles/${seg(role.id)}`, {
              name: name.value.trim(), description: description.value.trim() || null, permissions,
            });
          } else {
            await call('POST', `${ctx.base}/roles`, {
              id: id.value.trim(), name: name.value.trim(), description: description.value.trim() || null, permissions,
            });
          }
          close();
          reload();
        } catch (e) {
          showError(error, e);
        }
      },
    }, field('Id', id, 'Lower-case letters, digits and dashes; fixed once created.'), field('Name', name),
    field('Description', description), grid, error,
    h('div', { class: 'actions' }, h('button', { type: 'button', onclick: close }, 'Cancel'),
      h('button', { type: 'submit', class: 'primary' }, role ? 'Save' : 'Create')));
  });
}

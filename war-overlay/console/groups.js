// Groups: static groups (members managed here) and dynamic groups (members from the IdP, kept by claim rules).
import { call, seg, qs } from './api.js';
import {
  h, replace, field, errorLine, showError, openDialog,
  confirmDialog, menuButton, pager, statePager, table, uid, searchForm,
} from './dom.js';
import { loadRoles, roleSelect, roleName } from './roles-cache.js';

const PAGE_SIZE = 20;
const MATCHES = ['EQUALS', 'PREFIX', 'REGEX'];

export async function renderGroups(main, ctx) {
  const manage = ctx.can('groups:manage');
  const roles = await loadRoles(ctx);
  const state = { q: '', page: 0 };
  const box = h('section', { 'aria-label': 'Groups' });
  main.append(h('div', { class: 'toolbar' },
    searchForm('Search groups', 'Group name', (text) => {
      state.q = text;
      state.page = 0;
      load();
    }),
    manage ? h('button', { type: 'button', class: 'primary', onclick: () => createDialog(ctx, roles, load) },
      'Create group') : null), box);

  async function load() {
    const error = errorLine();
    try {
      const page = await call('GET', `${ctx.base}/groups${qs({ q: state.q, page: state.page, size: PAGE_SIZE })}`);
      // Member counts: one paged call per shown group (size=1, read 'total'), never a full member list.
      const counts = await Promise.all(page.items.map((g) => call('GET',
        `${ctx.base}/groups/${seg(g.id)}/members?size=1`).then((p) => p.total).catch(() => '—')));
      // Static and dynamic groups are separate name spaces: the type sits next to the name and in every label.
      const rows = page.items.map((g, i) => h('tr', { 'data-group': g.id, 'data-type': g.membershipType },
        h('td', {}, g.name),
        h('td', {}, typeBadge(g)),
        h('td', {}, g.description || '—'),
        h('td', {}, roleName(roles, g.role)),
        h('td', {}, String(counts[i])),
        h('td', {}, menuButton(`Actions for ${typeName(g).toLowerCase()} group ${g.name}`, [
          ...(manage ? [{ label: 'Edit details', action: () => editDialog(ctx, roles, g, load) }] : []),
          { label: manage ? 'Manage members' : 'View members', action: () => membersDialog(ctx, g, manage, load) },
          ...(manage ? [{
            label: 'Delete', danger: true,
            action: () => confirmDialog(`Delete ${typeName(g).toLowerCase()} group ${g.name}?`, `Its members lose the role the group gives.`,
              `Delete ${g.name}`, async () => {
                await call('DELETE', `${ctx.base}/groups/${seg(g.id)}`);
                load();
              }),
          }] : []),
        ]))));
      replace(box, table('Groups of the workspace', ['Name', 'Type', 'Description', 'Role', 'Members', 'Actions'],
        rows, 'No groups yet.'), statePager(state, PAGE_SIZE, page.total, load), error);
    } catch (e) {
      replace(box, error);
      showError(error, e);
    }
  }
  await load();
}

function typeName(g) {
  return g.membershipType === 'DYNAMIC' ? 'Dynamic' : 'Static';
}

/** The membership type as a badge; a static and a dynamic group may have the same name, the badge tells them apart. */
function typeBadge(g) {
  return h('span', { class: g.membershipType === 'DYNAMIC' ? 'badge dynamic' : 'badge static' }, typeName(g));
}

const expired = (t) => t.expiresAt && new Date(t.expiresAt) <= new Date();

/** Why Dynamic cannot be chosen, or null: a dynamic group needs an SSO connection or a SCIM token. */
async function dynamicBlocked(ctx) {
  const [sso, tokens] = await Promise.all([
    // Without a connection the API answers 200 {"configured": false}, not 404.
    call('GET', `${ctx.base}/sso`).then((sso) => Boolean(sso && sso.configured)).catch(() => null),
    call('GET', `${ctx.base}/scim-tokens`).then((list) => list.some((t) => !t.revokedAt && !expired(t)))
      .catch(() => null),
  ]);
  if (sso || tokens || sso === null || tokens === null) return null;
  return 'Dynamic groups take their members from your identity provider: set up SSO or create a SCIM token first.';
}

function createDialog(ctx, roles, reload) {
  openDialog('Create a group', (close) => {
    const name = h('input', { name: 'name', required: true, maxlength: '256' });
    const description = h('input', { name: 'description', maxlength: '1024' });
    const staticId = uid('type');
    const dynamicId = uid('type');
    const staticRadio = h('input', { type: 'radio', name: 'membershipType', value: 'STATIC', id: staticId, checked: true });
    const dynamicRadio = h('input', { type: 'radio', name: 'membershipType', value: 'DYNAMIC', id: dynamicId });
    const reason = h('p', { class: 'hint', id: uid('reason') });
    dynamicBlocked(ctx).then((why) => {
      if (why) {
        dynamicRadio.disabled = true;
        dynamicRadio.setAttribute('aria-describedby', reason.id);
        replace(reason, why);
      }
    });
    const select = roleSelect(roles, null, true);
    const error = errorLine();
    const submit = h('button', { type: 'submit', class: 'primary' }, 'Create');
    return h('form', {
      onsubmit: async (event) => {
        event.preventDefault();
        submit.disabled = true;
        try {
          const group = await call('POST', `${ctx.base}/groups`, {
            name: name.value.trim(), description: description.value.trim() || null,
            membershipType: dynamicRadio.checked ? 'DYNAMIC' : 'STATIC', role: select.value || null,
          });
          close();
          reload();
          nextStep(ctx, group, reload);
        } catch (e) {
          showError(error, e);
          submit.disabled = false;
        }
      },
    }, field('Name', name, 'Unique among groups of the same type: a static and a dynamic group may share a name.'),
    field('Description', description),
    h('fieldset', {}, h('legend', {}, 'Membership type (fixed once created)'),
      h('div', {}, staticRadio, h('label', { for: staticId }, ' Static: you add and remove members here')),
      h('div', {}, dynamicRadio, h('label', { for: dynamicId }, ' Dynamic: members come from the identity provider')),
      reason),
    field('Role', select, 'Every member of the group gets this role\'s permissions.'), error,
    h('div', { class: 'actions' }, h('button', { type: 'button', onclick: close }, 'Cancel'), submit));
  });
}

function nextStep(ctx, group, reload) {
  const dynamic = group.membershipType === 'DYNAMIC';
  openDialog(`${typeName(group)} group ${group.name} created`, (close) => [
    h('p', {}, dynamic ? 'Add claim rules so that sign-ins put the right people in it.' : 'Add its first members now?'),
    h('div', { class: 'actions' },
      h('button', { type: 'button', onclick: close }, 'Skip for now'),
      h('button', {
        type: 'button', class: 'primary',
        onclick: () => {
          close();
          membersDialog(ctx, group, true, reload);
        },
      }, dynamic ? 'Add claim rules' : 'Add members'))]);
}

function editDialog(ctx, roles, g, reload) {
  openDialog(`Edit ${typeName(g).toLowerCase()} group ${g.name}`, (close) => {
    const name = h('input', { name: 'name', required: true, value: g.name });
    const description = h('input', { name: 'description', value: g.description || '' });
    const select = roleSelect(roles, g.role, true);
    const error = errorLine();
    return h('form', {
      onsubmit: async (event) => {
        event.preventDefault();
        try {
          await call('PATCH', `${ctx.base}/groups/${seg(g.id)}`, {
            name: name.value.trim(), description: description.value.trim() || null, role: select.value || null,
          });
          close();
          reload();
        } catch (e) {
          showError(error, e);
        }
      },
    }, field('Name', name), field('Description', description), field('Role', select),
    h('p', {}, 'Membership type: ', typeBadge(g),
      ' (cannot be changed)'), error,
    h('div', { class: 'actions' }, h('button', { type: 'button', onclick: close }, 'Cancel'),
      h('button', { type: 'submit', class: 'primary' }, 'Save')));
  });
}

function membersDialog(ctx, g, manage, reload) {
  openDialog(`Members of ${typeName(g).toLowerCase()} group ${g.name}`, (close) => {
    const content = h('div', {});
    const done = () => {
      close();
      reload();
    };
    if (g.membershipType === 'DYNAMIC') dynamicMembers(ctx, g, manage, content);
    else staticMembers(ctx, g, manage, content, done);
    return [content, h('div', { class: 'actions' }, h('button', { type: 'button', onclick: done }, 'Close'))];
  });
}

async function currentMembers(ctx, g, page) {
  return call('GET', `${ctx.base}/groups/${seg(g.id)}/members${qs({ page, size: 10 })}`);
}

function staticMembers(ctx, g, manage, content, done) {
  const toAdd = new Map();
  const toRemove = new Set();
  const error = errorLine();
  const current = h('div', {});
  const results = h('div', {});
  const pending = h('p', { role: 'status', class: 'muted' });
  const showPending = () => replace(pending, toAdd.size || toRemove.size
    ? `Unsaved: ${toAdd.size} to add, ${toRemove.size} to remove.` : '');
  let page = 0;
  const loadCurrent = async () => {
    try {
      const list = await currentMembers(ctx, g, page);
      replace(current, table(`Current members of ${g.name}`, ['Member', 'Source', manage ? 'Remove' : ''],
        list.items.map((m) => h('tr', {}, h('td', {}, m.userName), h('td', {}, m.source),
          h('td', {}, manage ? h('input', {
            type: 'checkbox', 'aria-label': `Remove ${m.userName}`, checked: toRemove.has(m.memberId),
            onchange: (event) => {
              if (event.target.checked) toRemove.add(m.memberId);
              else toRemove.delete(m.memberId);
              showPending();
            },
          }) : null))), 'No members yet.'),
      pager(page, 10, list.total, (p) => {
        page = p;
        loadCurrent();
      }));
    } catch (e) {
      showError(error, e);
    }
  };
  const find = async (text) => {
    try {
      const found = await call('GET', `${ctx.base}/members${qs({ q: text, size: 10 })}`);
      replace(results, table('Matching members', ['Member', 'E-mail', 'Add'], found.items.map((m) => {
        const label = m.displayName || m.userName;
        return h('tr', {}, h('td', {}, label), h('td', {}, m.email || '—'), h('td', {}, h('button', {
          type: 'button', class: 'small', 'aria-label': `Add ${label}`,
          onclick: (e) => {
            toAdd.set(m.id, label);
            e.target.disabled = true;
            replace(e.target, 'Added');
            showPending();
          },
        }, 'Add')));
      }), 'No member matches.'), found.total > found.items.length
        ? h('p', { class: 'hint', role: 'status' }, `Showing ${found.items.length} of ${found.total} matches:`
          + ' type more of the name or e-mail to narrow them.') : null);
    } catch (e) {
      showError(error, e);
    }
  };
  const save = async () => {
    try {
      for (const id of toAdd.keys()) {
        await call('POST', `${ctx.base}/groups/${seg(g.id)}/members`, { memberId: id });
      }
      for (const id of toRemove) {
        await call('DELETE', `${ctx.base}/groups/${seg(g.id)}/members/${seg(id)}`);
      }
      done();
    } catch (e) {
      showError(error, e);
    }
  };
  replace(content, current, manage ? [
    h('h3', {}, 'Add members'),
    searchForm('Search the workspace\'s members', 'Name or e-mail', find, 'memberSearch'),
    results, pending, h('div', { class: 'actions' }, h('button', { type: 'button', class: 'primary', onclick: save },
      'Save'))] : null, error);
  loadCurrent();
}

function dynamicMembers(ctx, g, manage, content) {
  const error = errorLine();
  const current = h('div', {});
  const rulesBox = h('div', {});
  const dryRunResult = h('div', { role: 'status' });
  let page = 0;
  const loadCurrent = async () => {
    try {
      const list = await currentMembers(ctx, g, page);
      replace(current, table(`Members of ${g.name} (from the identity provider)`, ['Member', 'Source', 'Since'],
        list.items.map((m) => h('tr', {}, h('td', {}, m.userName), h('td', {}, m.source),
          h('td', {}, new Date(m.since).toLocaleString()))), 'No members yet: they arrive at sign-in or by SCIM.'),
      pager(page, 10, list.total, (p) => {
        page = p;
        loadCurrent();
      }));
    } catch (e) {
      showError(error, e);
    }
  };
  const ruleRow = (rule = { claim: 'groups', match: 'EQUALS', value: '' }) => {
    const row = h('div', { class: 'rule' },
      field('Claim', h('input', { name: 'claim', value: rule.claim, required: true, disabled: !manage })),
      field('Match', h('select', { name: 'match', disabled: !manage },
        MATCHES.map((m) => h('option', { value: m, selected: m === rule.match }, m.toLowerCase())))),
      field('Value', h('input', { name: 'value', value: rule.value, required: true, disabled: !manage })),
      manage ? h('button', { type: 'button', class: 'small', onclick: () => row.remove() }, 'Remove rule') : null);
    return row;
  };
  const rulesList = h('div', {});
  const readRules = () => [...rulesList.querySelectorAll('.rule')].map((r) => ({
    claim: r.querySelector('[name=claim]').value.trim(), match: r.querySelector('[name=match]').value,
    value: r.querySelector('[name=value]').value,
  }));
  const sample = h('textarea', { name: 'sampleClaims' }, '{"groups": ["/engineering"]}');
  const status = h('p', { role: 'status', class: 'muted' });
  const loadRules = async () => {
    try {
      const rules = await call('GET', `${ctx.base}/groups/${seg(g.id)}/claim-rules`);
      // Prepend: rows someone added while the saved rules were loading stay.
      rulesList.prepend(...rules.map(ruleRow));
    } catch (e) {
      showError(error, e);
    }
  };
  replace(rulesBox, h('h3', {}, 'Claim rules'),
    h('p', { class: 'hint' }, 'At each SSO sign-in, a person is in this group when any rule matches a claim.'),
    rulesList, manage ? h('div', { class: 'actions' },
      h('button', { type: 'button', onclick: () => rulesList.append(ruleRow()) }, 'Add rule'),
      h('button', {
        type: 'button', class: 'primary',
        onclick: async () => {
          try {
            await call('PUT', `${ctx.base}/groups/${seg(g.id)}/claim-rules`, readRules());
            replace(status, 'Rules saved.');
          } catch (e) {
            showError(error, e);
          }
        },
      }, 'Save rules')) : null, status,
    ctx.can('sso:manage') ? testRules(ctx, g, sample, error, dryRunResult) : null);
  replace(content, current, rulesBox, error);
  loadCurrent();
  loadRules();
}

/** The "Test rules" dry run (needs sso:manage): which dynamic groups a sign-in with sample claims would get. */
function testRules(ctx, g, sample, error, dryRunResult) {
  return [h('h3', {}, 'Test rules'),
    field('Sample claims (JSON)', sample, 'Tests the saved rules of all dynamic groups against these claims.'),
    h('button', {
      type: 'button',
      onclick: async () => {
        let claims;
        try {
          claims = JSON.parse(sample.value);
        } catch (e) {
          showError(error, { detail: 'The sample claims are not valid JSON.' });
          return;
        }
        try {
          const result = await call('POST', `${ctx.base}/sso/dry-run`, { claims });
          const hit = result.groups.some((x) => x.id === g.id);
          replace(dryRunResult, h('p', {}, hit ? `A sign-in with these claims would be in ${g.name}.`
            : `A sign-in with these claims would not be in ${g.name}.`),
          h('p', {}, 'Groups it would get: ', result.groups.length ? result.groups.map((x) => x.name).join(', ') : 'none'));
        } catch (e) {
          showError(error, e);
        }
      },
    }, 'Test rules'), dryRunResult];
}

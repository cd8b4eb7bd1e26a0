// Users: the workspace's members (searched and paged on the server), invites, and each member's ⋮ actions.
import { call, seg, qs } from './api.js';
import {
  h, replace, field, errorLine, showError, openDialog,
  confirmDialog, menuButton, pager, statePager, table, when, searchForm,
} from './dom.js';
import { loadRoles, roleSelect, roleName } from './roles-cache.js';

const PAGE_SIZE = 20;
const BREAK_GLASS_HINT = 'May sign in by e-mail link even while the workspace requires SSO';
const ORIGINS = { FOUNDER: 'Founder', INVITE: 'Invite', SCIM: 'SCIM', JIT: 'SSO (just in time)', SSO: 'SSO' };

export async function renderUsers(main, ctx) {
  const manage = ctx.can('members:manage');
  const roles = await loadRoles(ctx);
  const state = { q: '', page: 0 };
  const membersBox = h('section', { 'aria-labelledby': 'members-h' });
  const invitesBox = h('section', { 'aria-labelledby': 'invites-h' });
  const toolbar = h('div', { class: 'toolbar' },
    searchForm('Search members', 'Name or e-mail', (text) => {
      state.q = text;
      state.page = 0;
      loadMembers();
    }),
    manage ? h('button', { type: 'button', class: 'primary', onclick: () => inviteDialog(ctx, roles, loadInvites) },
      'Invite') : null);
  main.append(toolbar, membersBox, invitesBox);

  async function loadMembers() {
    const error = errorLine();
    try {
      const page = await call('GET', `${ctx.base}/members${qs({ q: state.q, page: state.page, size: PAGE_SIZE })}`);
      const rows = page.items.map((m) => memberRow(ctx, roles, m, manage, loadMembers));
      replace(membersBox, h('h2', { id: 'members-h' }, 'Members'),
        table('Members of the workspace', ['Name', 'E-mail', 'Role', 'Groups', 'Joined through', 'Status',
          manage ? 'Actions' : null].filter(Boolean), rows,
          state.q ? 'No member matches this search.' : 'No members yet.'),
        statePager(state, PAGE_SIZE, page.total, loadMembers), error);
    } catch (e) {
      replace(membersBox, h('h2', { id: 'members-h' }, 'Members'), error);
      showError(error, e);
    }
  }

  async function loadInvites(page = 0) {
    const error = errorLine();
    try {
      // Open invites only: an accepted one is a member now (listed above), a revoked one is in the audit log.
      const invites = await call('GET', `${ctx.base}/invites${qs({ state: 'pending,expired', page, size: PAGE_SIZE })}`);
      const rows = invites.items.map((i) => inviteRow(ctx, roles, i, manage, () => loadInvites(page)));
      replace(invitesBox, h('h2', { id: 'invites-h' }, 'Pending invites'),
        table('Invites not yet accepted, with their delivery', ['E-mail', 'Role', 'State', 'Expires', 'Actions'], rows,
          'No pending invites.'),
        pager(page, PAGE_SIZE, invites.total, loadInvites), error);
    } catch (e) {
      replace(invitesBox, h('h2', { id: 'invites-h' }, 'Pending invites'), error);
      showError(error, e);
    }
  }

  // Invites are members:manage data: people without it see members only.
  if (!manage) invitesBox.remove();
  await Promise.all([loadMembers(), manage ? loadInvites() : null]);
}

function memberRow(ctx, roles, m, manage, reload) {
  const name = m.displayName || m.userName;
  const error = errorLine();
  const actions = [
    { label: 'Change role', action: () => changeRoleDialog(ctx, roles, m, reload) },
    m.active
      ? { label: 'Deactivate', action: () => setActive(ctx, m, false, error, reload) }
      : { label: 'Reactivate', action: () => setActive(ctx, m, true, error, reload) },
    // Break-glass: owner-only, and only for owners (the API refuses anything else; the menu does not offer it).
    ...(isOwner(ctx) && m.role === 'owner' ? [{
      label: m.breakGlass ? 'Remove break-glass' : 'Mark as break-glass',
      action: () => setBreakGlass(ctx, m, !m.breakGlass, error, reload),
    }] : []),
    {
      label: 'Delete', danger: true,
      action: () => confirmDialog(`Delete ${name}?`,
        `${name} (${m.email || m.userName}) loses access to this workspace and is removed from all its groups.`
        + ' This cannot be undone.', `Delete ${name}`,
        async () => {
          await call('DELETE', `${ctx.base}/members/${seg(m.id)}`);
          reload();
        }),
    },
  ];
  return h('tr', { 'data-member': m.id },
    h('td', { class: 'long' }, h('button', { type: 'button', class: 'link', onclick: () => memberPanel(ctx, roles, m, reload) },
      name)),
    h('td', { class: 'long' }, m.email || '—'),
    h('td', {}, roleName(roles, m.role)),
    h('td', {}, m.groups && m.groups.length ? m.groups.join(', ') : '—'),
    h('td', {}, ORIGINS[m.origin] || m.origin),
    h('td', {}, m.active ? h('span', { class: 'badge ok' }, 'Active') : h('span', { class: 'badge' }, 'Deactivated'),
      m.breakGlass ? [' ', h('span', { class: 'badge warn', title: BREAK_GLASS_HINT }, 'Break-glass')] : null),
    manage ? h('td', {}, menuButton(`Actions for ${name}`, actions), error) : null);
}

/** Whether the signed-in person is an owner of the shown workspace (sso.required and break-glass are owner-only). */
export function isOwner(ctx) {
  return ctx.member && ctx.member.role === 'owner';
}

async function setBreakGlass(ctx, m, breakGlass, error, reload) {
  try {
    await call('PATCH', `${ctx.base}/members/${seg(m.id)}`, { breakGlass });
    reload();
  } catch (e) {
    showError(error, e);
  }
}

async function setActive(ctx, m, active, error, reload) {
  try {
    await call('PATCH', `${ctx.base}/members/${seg(m.id)}`, { active });
    reload();
  } catch (e) {
    showError(error, e);
  }
}

function changeRoleDialog(ctx, roles, m, reload) {
  const name = m.displayName || m.userName;
  openDialog(`Change the role of ${name}`, (close) => {
    const select = roleSelect(roles, m.role, false);
    const error = errorLine();
    return h('form', {
      method: 'dialog',
      onsubmit: async (event) => {
        event.preventDefault();
        try {
          await call('PATCH', `${ctx.base}/members/${seg(m.id)}`, { role: select.value });
          close();
          reload();
        } catch (e) {
          showError(error, e);
        }
      },
    }, field('Role', select), error, h('div', { class: 'actions' },
      h('button', { type: 'button', onclick: close }, 'Cancel'), h('button', { type: 'submit', class: 'primary' }, 'Save')));
  });
}

function inviteDialog(ctx, roles, reload) {
  openDialog('Invite a person', (close) => {
    const email = h('input', { type: 'email', name: 'email', required: true, autocomplete: 'off' });
    const select = roleSelect(roles, 'viewer', false);
    const error = errorLine();
    const result = h('div', { role: 'status' });
    const submit = h('button', { type: 'submit', class: 'primary' }, 'Send invite');
    return h('form', {
      onsubmit: async (event) => {
        event.preventDefault();
        submit.disabled = true;
        try {
          const invite = await call('POST', `${ctx.base}/invites`, { email: email.value.trim(), role: select.value });
          close();
          reload();
          showInviteToken('Invite created', invite);
        } catch (e) {
          showError(error, e);
          submit.disabled = false;
        }
      },
    }, h('p', {}, 'One person, one role. They join when they accept.'),
    field('E-mail', email), field('Role', select), error, result,
    h('div', { class: 'actions' }, h('button', { type: 'button', onclick: close }, 'Cancel'), submit));
  });
}

/** Where the API hands back the invite token (no mail server configured), shows it once. */
function showInviteToken(title, invite) {
  if (!invite || !invite.token) return;
  openDialog(title, (done) => [
    h('p', {}, `No mail server is configured, so give ${invite.email} this invite token (shown once):`),
    h('pre', { class: 'secret' }, invite.token),
    h('div', { class: 'actions' }, h('button', { type: 'button', onclick: done }, 'Close'))]);
}

/**
 * The invite's state and, while it is pending and e-mail is on, its delivery: queued, sent, or failed, with the SMTP
 * server's reason of the last failure (a queued message with a reason is being retried).
 */
function inviteState(invite) {
  const state = invite.state.toLowerCase();
  const d = invite.state === 'PENDING' ? invite.delivery : null;
  if (!d) return state;
  const retrying = d.state === 'queued' && d.detail;
  const label = retrying ? 'e-mail retrying'
    : { queued: 'e-mail queued', sent: 'e-mail sent', failed: 'e-mail failed' }[d.state] || d.state;
  const tone = d.state === 'failed' ? 'badge bad' : d.state === 'sent' ? 'badge ok' : retrying ? 'badge warn' : 'badge';
  return [state, ' · ', h('span', { class: tone, 'data-delivery': d.state, title: d.at ? `since ${when(d.at)}` : null },
    label), d.state !== 'sent' && d.detail ? h('div', { class: 'muted delivery-detail' }, d.detail) : null];
}

function inviteRow(ctx, roles, invite, manage, reload) {
  const error = errorLine();
  const pending = invite.state === 'PENDING';
  const act = (method, path) => async () => {
    try {
      const answer = await call(method, path);
      reload();
      showInviteToken('Invite sent again', answer);
    } catch (e) {
      showError(error, e);
    }
  };
  return h('tr', { 'data-invite': invite.id },
    h('td', {}, invite.email),
    h('td', {}, roleName(roles, invite.role)),
    h('td', {}, inviteState(invite)),
    h('td', {}, when(invite.expiresAt)),
    h('td', {}, manage && pending ? [
      h('button', { type: 'button', class: 'small', onclick: act('POST', `${ctx.base}/invites/${seg(invite.id)}/resend`),
        'aria-label': `Resend the invite to ${invite.email}` }, 'Resend'),
      h('button', { type: 'button', class: 'small danger-text', onclick: act('DELETE', `${ctx.base}/invites/${seg(invite.id)}`),
        'aria-label': `Revoke the invite to ${invite.email}` }, 'Revoke')] : null, error));
}

async function memberPanel(ctx, roles, m, reload) {
  const name = m.displayName || m.userName;
  openDialog(name, (close) => {
    const body = h('div', {}, h('p', { class: 'muted' }, 'Loading…'));
    const show = (effective) => {
      const rows = effective.permissions.map((p) => h('tr', {},
        h('td', {}, h('code', {}, p.permission)),
        h('td', {}, p.grantedBy.map((g) => (g.type === 'group'
          ? `group ${g.name} (role ${roleName(roles, g.role)})` : `direct role ${roleName(roles, g.role)}`)).join('; '))));
      replace(body,
        h('dl', { class: 'facts' }, h('dt', {}, 'E-mail'), h('dd', {}, m.email || '—'), h('dt', {}, 'User name'),
          h('dd', {}, m.userName), h('dt', {}, 'Direct role'), h('dd', {}, roleName(roles, m.role)),
          h('dt', {}, 'Status'), h('dd', {}, m.active ? 'Active' : 'Deactivated (no permissions)'),
          m.role === 'owner' ? [h('dt', {}, 'Break-glass owner'), h('dd', {}, h('span', { id: 'break-glass-state' },
            m.breakGlass ? `Yes: ${BREAK_GLASS_HINT.toLowerCase()}` : 'No'), breakGlassToggle(effective))] : null),
        table('Effective permissions and what grants each', ['Permission', 'Granted by'], rows,
          'No permissions.'));
    };
    // Where an owner looks at another owner: the break-glass switch sits with the fact it changes (also in ⋮).
    const breakGlassToggle = (effective) => {
      if (!isOwner(ctx)) return null;
      const error = errorLine();
      const toggle = h('button', {
        type: 'button', class: 'small break-glass-toggle', 'aria-describedby': 'break-glass-state',
        onclick: async () => {
          toggle.disabled = true;
          try {
            const updated = await call('PATCH', `${ctx.base}/members/${seg(m.id)}`, { breakGlass: !m.breakGlass });
            m.breakGlass = updated ? Boolean(updated.breakGlass) : !m.breakGlass;
            show(effective);
            body.querySelector('.break-glass-toggle')?.focus();
            reload();
          } catch (e) {
            showError(error, e);
            toggle.disabled = false;
          }
        },
      }, m.breakGlass ? 'Remove break-glass' : 'Mark as break-glass');
      return h('div', {}, toggle, error);
    };
    call('GET', `${ctx.base}/members/${seg(m.id)}/permissions`).then(show).catch((e) => {
      const error = errorLine();
      replace(body, error);
      showError(error, e);
    });
    return [body, h('div', { class: 'actions' }, h('button', { type: 'button', onclick: close }, 'Close'))];
  });
}

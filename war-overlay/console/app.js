// The console's entry point: sign-in, the workspace and the caller's permissions, and the page router (#/users, ...).
import { call, seg } from './api.js';
import { h, replace, field, errorLine, showError } from './dom.js';
import { renderUsers } from './users.js';
import { renderGroups } from './groups.js';
import { renderRoles } from './roles.js';
import { renderSso } from './sso.js';
import { renderAudit } from './audit.js';

const PAGES = {
  users: { title: 'Users', render: renderUsers },
  groups: { title: 'Groups', render: renderGroups },
  roles: { title: 'Roles', render: renderRoles },
  sso: { title: 'SSO & SCIM', render: renderSso },
  audit: { title: 'Audit log', render: renderAudit },
};
const WORKSPACE_KEY = 'rollcall.workspace';
const main = document.getElementById('main');

function signInView(message) {
  document.getElementById('nav').hidden = true;
  document.getElementById('sign-out').hidden = true;
  const wsInput = h('input', {
    name: 'workspace', autocomplete: 'organization', required: true, pattern: '[a-z0-9][a-z0-9-]*',
    value: localStorage.getItem(WORKSPACE_KEY) || '',
  });
  const form = h('form', {
    class: 'card narrow',
    onsubmit: (event) => {
      event.preventDefault();
      const ws = wsInput.value.trim();
      localStorage.setItem(WORKSPACE_KEY, ws);
      window.location.assign(`/sso/${seg(ws)}/login?returnUrl=${encodeURIComponent('/')}`);
    },
  },
  field('Workspace id', wsInput, 'The short id of your workspace, for example "acme".'),
  h('button', { type: 'submit', class: 'primary' }, 'Sign in with SSO'),
  h('p', {}, 'No single sign-on? ', h('a', { href: '/login' }, 'Sign in with an e-mail link')));
  replace(main, h('h1', {}, 'Sign in to Rollcall'), message ? h('p', { class: 'error', role: 'alert' }, message) : null,
    form);
  document.title = 'Sign in · Rollcall console';
}

async function signOut() {
  try {
    await call('DELETE', '/me/session');
  } finally {
    window.location.assign('/');
  }
}

/** Loads who the caller is, which workspace is shown, and what the caller may do there. */
async function loadContext() {
  const me = await call('GET', '/me');
  const active = me.memberships.filter((m) => m.active);
  if (!active.length) return { me, none: true };
  const wanted = localStorage.getItem(WORKSPACE_KEY);
  const member = active.find((m) => m.workspace === wanted) || active[0];
  const ws = member.workspace;
  localStorage.setItem(WORKSPACE_KEY, ws);
  const effective = await call('GET', `/workspaces/${seg(ws)}/members/${seg(member.id)}/permissions`);
  const perms = new Set(effective.permissions.map((p) => p.permission));
  return {
    me, member, ws, memberships: active, perms,
    can: (permission) => perms.has(permission),
    base: `/workspaces/${seg(ws)}`,
  };
}

function header(ctx) {
  replace(document.getElementById('who'), ctx.me.account.email);
  const label = document.getElementById('workspace-label');
  if (ctx.memberships.length > 1) {
    const select = h('select', {
      id: 'workspace-select', 'aria-label': 'Workspace',
      onchange: () => {
        localStorage.setItem(WORKSPACE_KEY, select.value);
        window.location.reload();
      },
    }, ctx.memberships.map((m) => h('option', { value: m.workspace, selected: m.workspace === ctx.ws }, m.workspace)));
    replace(label, select);
  } else {
    replace(label, `Workspace ${ctx.ws}`);
  }
  const out = document.getElementById('sign-out');
  out.hidden = false;
  out.onclick = signOut;
  document.getElementById('nav').hidden = false;
}

async function route(ctx) {
  const name = (window.location.hash.match(/^#\/([a-z]+)/) || [])[1] || 'users';
  const page = PAGES[name] || PAGES.users;
  for (const link of document.querySelectorAll('#nav a')) {
    if (link.dataset.page === name) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  document.title = `${page.title} · Rollcall console`;
  const error = errorLine();
  replace(main, h('h1', {}, page.title), error);
  try {
    await page.render(main, ctx);
  } catch (e) {
    showError(error, e);
  }
}

async function start() {
  let ctx;
  try {
    ctx = await loadContext();
  } catch (e) {
    signInView(e.status === 401 ? null : e.detail);
    return;
  }
  if (ctx.none) {
    signInView(`${ctx.me.account.email} is not an active member of any workspace.`);
    document.getElementById('sign-out').hidden = false;
    document.getElementById('sign-out').onclick = signOut;
    return;
  }
  header(ctx);
  window.addEventListener('hashchange', () => {
    route(ctx);
    main.focus();
  });
  route(ctx);
}

start();

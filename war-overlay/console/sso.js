// SSO & SCIM setup for the customer's IT admin: Rollcall's URLs to enter at the IdP, the SSO connection (SAML or
// OIDC), just-in-time membership, and SCIM tokens.
import { call } from './api.js';
import { h, replace, field, errorLine, showError, openDialog, confirmDialog, copyButton, table, when, uid } from './dom.js';
import { loadRoles, roleSelect } from './roles-cache.js';

const IDP_STEPS = {
  Okta: ['Applications → Create App Integration → SAML 2.0 (or OIDC – Web Application).',
    'SAML: Single sign-on URL = ACS URL, Audience URI = Entity id; add a "groups" attribute statement.',
    'OIDC: Sign-in redirect URI = Redirect URI; add a "groups" claim. Paste the issuer and client here.',
    'Provisioning: enable SCIM 2.0 with the SCIM base URL and a token from this page (HTTP header auth).'],
  'Entra ID': ['Enterprise applications → New application → Create your own → Integrate any other application.',
    'Single sign-on → SAML: Identifier = Entity id, Reply URL = ACS URL; download "Federation Metadata XML" and'
    + ' paste it here.',
    'Provisioning → Automatic: Tenant URL = SCIM base URL, Secret token = a SCIM token from this page.'],
  Keycloak: ['Clients → Import client: paste Rollcall\'s metadata URL (SAML), or create an OpenID Connect client with'
    + ' the Redirect URI and PKCE S256.',
    'Add a group-membership mapper named "groups" (full path).',
    'SAML: paste https://<keycloak>/realms/<realm>/protocol/saml/descriptor here as metadata XML;'
    + ' OIDC: issuer https://<keycloak>/realms/<realm>.'],
};

export async function renderSso(main, ctx) {
  const ssoManage = ctx.can('sso:manage');
  const scimManage = ctx.can('scim:manage');
  if (!ssoManage && !scimManage) {
    main.append(h('p', {}, 'SSO and SCIM setup needs the sso:manage or scim:manage permission.'));
    return;
  }
  const sections = [];
  if (ssoManage) sections.push(spSection(ctx), connectionSection(ctx), ssoRequiredSection(ctx), jitSection(ctx));
  if (scimManage) sections.push(scimSection(ctx));
  sections.push(stepsSection());
  main.append(...sections.map((s) => s.el));
  await Promise.all(sections.map((s) => s.load && s.load()));
}

function urlRow(label, value) {
  return h('tr', {}, h('th', { scope: 'row' }, label), h('td', {}, h('code', {}, value)),
    h('td', {}, copyButton(value, label)));
}

function spSection(ctx) {
  const el = h('section', { 'aria-labelledby': 'sp-h' }, h('h2', { id: 'sp-h' }, 'Enter these at your identity provider'));
  const error = errorLine();
  return {
    el,
    load: async () => {
      try {
        const sp = (await call('GET', `${ctx.base}/sso`)).serviceProvider;
        el.append(h('table', {}, h('caption', {}, 'Rollcall\'s service-provider URLs'), h('tbody', {},
          urlRow('Entity id (SAML)', sp.entityId), urlRow('ACS URL (SAML)', sp.acsUrl),
          urlRow('Metadata URL (SAML)', sp.metadataUrl), urlRow('Redirect URI (OIDC)', sp.redirectUri),
          urlRow('Sign-in URL', sp.loginUrl))), error);
      } catch (e) {
        el.append(error);
        showError(error, e);
      }
    },
  };
}

function connectionSection(ctx) {
  const el = h('section', { 'aria-labelledby': 'conn-h' });
  const load = async () => {
    const error = errorLine();
    let connection = null;
    try {
      connection = await call('GET', `${ctx.base}/sso`);
      if (!connection.configured) connection = null;
    } catch (e) {
      if (e.status !== 404) {
        replace(el, h('h2', { id: 'conn-h' }, 'SSO connection'), error);
        showError(error, e);
        return;
      }
    }
    const summary = connection
      ? h('dl', { class: 'facts' },
        h('dt', {}, 'Protocol'), h('dd', {}, connection.type.toUpperCase()),
        connection.type === 'saml' ? [h('dt', {}, 'IdP entity id'), h('dd', {}, connection.idpEntityId),
          h('dt', {}, 'IdP sign-in URL'), h('dd', {}, connection.ssoUrl),
          h('dt', {}, 'Signing certificates'), h('dd', {}, String(connection.certificates.length))]
          : [h('dt', {}, 'Issuer'), h('dd', {}, connection.issuer), h('dt', {}, 'Client id'),
            h('dd', {}, connection.clientId)],
        h('dt', {}, 'Groups claim'), h('dd', {}, connection.groupsClaim || 'groups'),
        h('dt', {}, 'Updated'), h('dd', {}, when(connection.updatedAt)))
      : h('p', {}, 'No SSO connection yet.');
    replace(el, h('h2', { id: 'conn-h' }, 'SSO connection'), summary, h('div', { class: 'button-row' },
      h('button', { type: 'button', class: 'primary', onclick: () => samlDialog(ctx, load) }, 'Configure SAML'),
      h('button', { type: 'button', class: 'primary', onclick: () => oidcDialog(ctx, load) }, 'Configure OIDC'),
      connection ? h('button', {
        type: 'button', class: 'danger',
        onclick: () => confirmDialog('Remove the SSO connection?', 'People can no longer sign in through it.',
          'Remove connection', async () => {
            await call('DELETE', `${ctx.base}/sso`);
            load();
          }),
      }, 'Remove') : null), error);
  };
  return { el, load };
}

function samlDialog(ctx, reload) {
  openDialog('Configure SAML', (close) => {
    const xml = h('textarea', { name: 'metadataXml' });
    const entity = h('input', { name: 'idpEntityId' });
    const url = h('input', { name: 'ssoUrl', type: 'url' });
    const cert = h('textarea', { name: 'certificate' });
    const groups = h('input', { name: 'groupsClaim', value: 'groups' });
    const error = errorLine();
    return h('form', {
      onsubmit: async (event) => {
        event.preventDefault();
        const body = { type: 'saml', groupsClaim: groups.value.trim() || null };
        if (xml.value.trim()) body.metadataXml = xml.value.trim();
        else Object.assign(body, { idpEntityId: entity.value.trim(), ssoUrl: url.value.trim(), certificates: [cert.value.trim()] });
        try {
          await call('PUT', `${ctx.base}/sso`, body);
          close();
          reload();
        } catch (e) {
          showError(error, e);
        }
      },
    }, field('IdP metadata XML', xml, 'Paste the metadata document, or leave empty and fill in the fields below.'),
    h('fieldset', {}, h('legend', {}, 'Or by fields'), field('IdP entity id', entity), field('IdP sign-in URL', url),
      field('Signing certificate (PEM)', cert)),
    field('Groups attribute', groups), error,
    h('div', { class: 'actions' }, h('button', { type: 'button', onclick: close }, 'Cancel'),
      h('button', { type: 'submit', class: 'primary' }, 'Save')));
  });
}

function oidcDialog(ctx, reload) {
  openDialog('Configure OIDC', (close) => {
    const issuer = h('input', { name: 'issuer', type: 'url', required: true });
    const clientId = h('input', { name: 'clientId', required: true });
    const secret = h('input', { name: 'clientSecret', type: 'password', autocomplete: 'off' });
    const scopes = h('input', { name: 'scopes', value: 'openid email profile' });
    const groups = h('input', { name: 'groupsClaim', value: 'groups' });
    const error = errorLine();
    return h('form', {
      onsubmit: async (event) => {
        event.preventDefault();
        try {
          await call('PUT', `${ctx.base}/sso`, {
            type: 'oidc', issuer: issuer.value.trim(), clientId: clientId.value.trim(),
            clientSecret: secret.value || null, scopes: scopes.value.trim().split(/\s+/).filter(Boolean),
            groupsClaim: groups.value.trim() || null,
          });
          close();
          reload();
        } catch (e) {
          showError(error, e);
        }
      },
    }, field('Issuer', issuer), field('Client id', clientId), field('Client secret', secret),
    field('Scopes', scopes), field('Groups claim', groups), error,
    h('div', { class: 'actions' }, h('button', { type: 'button', onclick: close }, 'Cancel'),
      h('button', { type: 'submit', class: 'primary' }, 'Save')));
  });
}

/**
 * The workspace setting sso.required: e-mail sign-in links are refused except for break-glass owners. Only an owner
 * may change it (the API refuses others with owner-only); others see the state read-only.
 */
function ssoRequiredSection(ctx) {
  const el = h('section', { 'aria-labelledby': 'sso-required-h' });
  const title = () => h('h2', { id: 'sso-required-h' }, 'Require SSO');
  const owner = ctx.member.role === 'owner';
  const load = async () => {
    const error = errorLine();
    try {
      const workspace = await call('GET', ctx.base);
      const required = Boolean(workspace.sso && workspace.sso.required);
      const id = uid('sso-required');
      const hintId = uid('hint');
      const box = h('input', { type: 'checkbox', id, name: 'ssoRequired', role: 'switch', checked: required,
        disabled: !owner, 'aria-describedby': hintId });
      const status = h('p', { role: 'status', class: 'muted' });
      const save = h('button', { type: 'submit', class: 'primary' }, 'Save');
      replace(el, title(), h('form', {
        class: 'card',
        onsubmit: async (event) => {
          event.preventDefault();
          save.disabled = true;
          replace(status, 'Saving…');
          try {
            const saved = await call('PATCH', ctx.base, { sso: { required: box.checked } });
            replace(status, saved.sso.required ? 'Saved: SSO is required.' : 'Saved: e-mail sign-in is allowed.');
            showError(error, null);
          } catch (e) {
            replace(status, '');
            showError(error, e);
          } finally {
            save.disabled = false;
          }
        },
      }, h('div', { class: 'field' }, h('label', { for: id }, box, ' Members must sign in through SSO')),
      h('p', { id: hintId, class: 'muted' }, 'E-mail sign-in links are then refused, except for break-glass owners'
        + ' (mark them from the ⋮ menu on the Users page). Keep one or two, in case the identity provider is down.',
      owner ? null : ' Only an owner can change this setting.'),
      error, status, owner ? save : null));
    } catch (e) {
      replace(el, title(), error);
      showError(error, e);
    }
  };
  return { el, load };
}

function jitSection(ctx) {
  const el = h('section', { 'aria-labelledby': 'jit-h' });
  const load = async () => {
    const error = errorLine();
    try {
      const [workspace, roles] = await Promise.all([call('GET', ctx.base), loadRoles(ctx)]);
      const jit = workspace.jit || {};
      const enabledId = uid('jit');
      const enabled = h('input', { type: 'checkbox', id: enabledId, name: 'jitEnabled', checked: jit.enabled });
      const domains = h('input', { name: 'jitDomains', value: (jit.domains || []).join(', ') });
      const role = roleSelect(roles, jit.role || 'viewer', false);
      const status = h('p', { role: 'status', class: 'muted' });
      replace(el, h('h2', { id: 'jit-h' }, 'Just-in-time membership'), h('form', {
        class: 'card',
        onsubmit: async (event) => {
          event.preventDefault();
          try {
            await call('PATCH', ctx.base, {
              jit: {
                enabled: enabled.checked, role: role.value,
                domains: domains.value.split(',').map((d) => d.trim()).filter(Boolean),
              },
            });
            replace(status, 'Saved.');
            showError(error, null);
          } catch (e) {
            showError(error, e);
          }
        },
      }, h('div', { class: 'field' }, h('label', { for: enabledId }, enabled,
        ' Create a member at the first SSO sign-in of someone from these domains')),
      field('E-mail domains (comma separated)', domains), field('Role of new members', role), error, status,
      h('button', { type: 'submit', class: 'primary' }, 'Save JIT settings')));
    } catch (e) {
      replace(el, h('h2', { id: 'jit-h' }, 'Just-in-time membership'), error);
      showError(error, e);
    }
  };
  return { el, load };
}

function scimSection(ctx) {
  const el = h('section', { 'aria-labelledby': 'scim-h' });
  const scimUrl = `${window.location.origin}/scim/v2`;
  const load = async () => {
    const error = errorLine();
    try {
      const tokens = await call('GET', `${ctx.base}/scim-tokens`);
      const name = h('input', { name: 'tokenName', required: true, placeholder: 'okta' });
      replace(el, h('h2', { id: 'scim-h' }, 'SCIM provisioning'),
        h('p', {}, 'SCIM base URL: ', h('code', {}, scimUrl), ' ', copyButton(scimUrl, 'SCIM base URL')),
        h('form', {
          class: 'inline',
          onsubmit: async (event) => {
            event.preventDefault();
            try {
              const created = await call('POST', `${ctx.base}/scim-tokens`, { name: name.value.trim() });
              load();
              openDialog('SCIM token created', (close) => [
                h('p', {}, 'Copy it now: it is shown only once. Give it to your IdP as "Bearer" token.'),
                h('pre', { class: 'secret', id: 'new-scim-token' }, created.token),
                h('div', { class: 'actions' }, copyButton(created.token, 'SCIM token'),
                  h('button', { type: 'button', onclick: close }, 'Done'))]);
            } catch (e) {
              showError(error, e);
            }
          },
        }, field('Token name', name), h('button', { type: 'submit', class: 'primary' }, 'Create SCIM token')),
        table('SCIM tokens', ['Name', 'Hint', 'Created', 'Created by', 'Last used', 'State', 'Actions'],
          tokens.map((t) => h('tr', { 'data-token': t.id },
          h('td', {}, t.name), h('td', {}, h('code', {}, t.hint || '')), h('td', {}, when(t.createdAt)),
          h('td', { class: 'long' }, t.createdBy || '—'), h('td', {}, t.lastUsedAt ? when(t.lastUsedAt) : 'never'), h('td', {}, t.revokedAt ? 'revoked' : 'active'),
          h('td', {}, t.revokedAt ? null : h('button', {
            type: 'button', class: 'small danger-text', 'aria-label': `Revoke SCIM token ${t.name}`,
            onclick: () => confirmDialog(`Revoke SCIM token ${t.name}?`,
              'The IdP connector using it stops provisioning at once.', 'Revoke token', async () => {
                await call('DELETE', `${ctx.base}/scim-tokens/${encodeURIComponent(t.id)}`);
                load();
              }),
          }, 'Revoke')))), 'No SCIM tokens yet.'), error);
    } catch (e) {
      replace(el, h('h2', { id: 'scim-h' }, 'SCIM provisioning'), error);
      showError(error, e);
    }
  };
  return { el, load };
}

function stepsSection() {
  return {
    el: h('section', { 'aria-labelledby': 'steps-h' }, h('h2', { id: 'steps-h' }, 'Steps per identity provider'),
      Object.entries(IDP_STEPS).map(([idp, steps]) => h('details', {}, h('summary', {}, idp),
        h('ol', {}, steps.map((s) => h('li', {}, s)))))),
  };
}

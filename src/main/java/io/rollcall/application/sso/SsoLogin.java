package io.rollcall.application.sso;

import io.rollcall.config.RollcallConfig;
import io.rollcall.config.SsoSettings;
import io.rollcall.domain.mapping.ClaimSet;
import io.rollcall.domain.shared.ConcurrentWriteConflict;
import io.rollcall.domain.shared.DomainException;
import io.rollcall.domain.shared.Emails;
import io.rollcall.domain.sso.LoginState;
import io.rollcall.domain.sso.SamlAssertionLog;
import io.rollcall.domain.sso.SsoConnection;
import io.rollcall.domain.sso.SsoConnectionRepository;
import io.rollcall.domain.workspace.WorkspaceRepository;
import io.rollcall.security.oidc.AuthorizationRequest;
import io.rollcall.security.oidc.ClientCredentials;
import io.rollcall.security.oidc.IdTokenExpectations;
import io.rollcall.security.oidc.OidcProviderException;
import io.rollcall.security.oidc.OidcProviderMetadata;
import io.rollcall.security.oidc.OidcRejection;
import io.rollcall.security.oidc.TokenResponse;
import io.rollcall.security.oidc.ValidatedIdToken;
import io.rollcall.security.saml.SamlAuthnRequest;
import io.rollcall.security.saml.SamlAuthnRequestFactory;
import io.rollcall.security.saml.SamlExpectations;
import io.rollcall.security.saml.SamlIdentity;
import io.rollcall.security.saml.SamlRejection;
import io.rollcall.security.saml.SamlResponseValidator;
import io.rollcall.security.saml.SpMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The SSO login flows, start to finish. Not transactional itself: the login state is consumed in its own
 * transaction first (one use, even if the login then fails), the protocol checks run without holding a transaction
 * (they may call the IdP), and the member/group work runs in one transaction ({@link LoginCompletion}). Every refusal
 * is audited with its reason code ({@link SsoAuditTrail}) and leaves as an {@link SsoFailure}.
 */
@ApplicationScoped
public class SsoLogin {

    private static final Logger LOG = Logger.getLogger(SsoLogin.class.getName());
    /** Attribute names under which IdPs send the email (Keycloak/Okta, LDAP, Entra/ADFS, OID form). */
    static final List<String> EMAIL_ATTRIBUTES = List.of("email", "mail",
            "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress", "urn:oid:0.9.2342.19200300.100.1.3");
    static final List<String> NAME_ATTRIBUTES = List.of("displayName", "name",
            "http://schemas.microsoft.com/identity/claims/displayname", "urn:oid:2.16.840.1.113730.3.1.241");
    static final int MAX_SUBJECT = 512;

    private final SsoConnectionRepository connections;
    private final WorkspaceRepository workspaces;
    private final LoginStates states;
    private final SamlAssertionLog assertionLog;
    private final OidcProviders oidc;
    private final SecretVault vault;
    private final LoginCompletion completion;
    private final SessionService sessions;
    private final SsoAuditTrail trail;
    private final URI publicUrl;
    private final SsoSettings settings;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final SamlResponseValidator samlValidator;
    private final SamlAuthnRequestFactory samlRequests;

    @Inject
    public SsoLogin(SsoConnectionRepository connections, WorkspaceRepository workspaces, LoginStates states,
            SamlAssertionLog assertionLog, OidcProviders oidc, SecretVault vault, LoginCompletion completion,
            SessionService sessions, SsoAuditTrail trail, RollcallConfig config, SsoSettings settings, Clock clock) {
        this.connections = connections;
        this.workspaces = workspaces;
        this.states = states;
        this.assertionLog = assertionLog;
        this.oidc = oidc;
        this.vault = vault;
        this.completion = completion;
        this.sessions = sessions;
        this.trail = trail;
        this.publicUrl = config == null ? null : config.publicUrl();
        this.settings = settings;
        this.clock = clock;
        this.samlValidator = config == null ? null : new SamlResponseValidator();
        this.samlRequests = config == null ? null : new SamlAuthnRequestFactory(clock, random);
    }

    /** For CDI proxies only. */
    protected SsoLogin() {
        this(null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** Where to send the browser, and the value of the login-state cookie to set. */
    public record Started(URI location, String stateCookie, SsoConnection.Type protocol) {
    }

    /** A finished login: the session JWT, its lifetime and where to send the browser. */
    public record Finished(String session, Duration lifetime, String returnUrl) {
    }

    public Started start(String workspaceId, String rawReturnUrl) {
        try {
            return begin(workspaceId, rawReturnUrl);
        } catch (SsoFailure e) {
            trail.refused(workspaceId, "-", e.code(), null, null);
            throw e;
        }
    }

    private Started begin(String workspaceId, String rawReturnUrl) {
        String returnUrl = ReturnUrls.validate(publicUrl, rawReturnUrl);
        SsoConnection connection = connection(workspaceId);
        SpUrls sp = SpUrls.of(publicUrl, workspaceId);
        Instant now = clock.instant();
        Instant expires = now.plus(settings.loginTimeout());
        if (connection.type() == SsoConnection.Type.SAML) {
            SamlAuthnRequest request = samlRequests.create(sp.entityId(), sp.acs(),
                    URI.create(connection.samlSsoUrl()), null);
            String cookie = states.begin(id -> LoginState.saml(id, workspaceId, request.id(), returnUrl, now, expires));
            return new Started(request.redirectUrl(), cookie, SsoConnection.Type.SAML);
        }
        OidcProviderMetadata provider = provider(workspaceId, connection);
        AuthorizationRequest request = AuthorizationRequest.start(provider, connection.oidcClientId(),
                sp.oidcCallback(), scopes(connection), random);
        String cookie = states.begin(id -> LoginState.oidc(id, workspaceId, request.state(), request.nonce(),
                request.pkce().verifier(), returnUrl, now, expires));
        return new Started(request.uri(), cookie, SsoConnection.Type.OIDC);
    }

    public Finished finishSaml(String workspaceId, String stateCookie, String samlResponse) {
        String protocol = "SAML";
        try {
            LoginState state = take(workspaceId, stateCookie, SsoConnection.Type.SAML);
            SsoConnection connection = connection(workspaceId);
            if (connection.type() != SsoConnection.Type.SAML) {
                throw SsoFailure.noConnection();
            }
            SpUrls sp = SpUrls.of(publicUrl, workspaceId);
            SamlExpectations expected = new SamlExpectations(connection.samlIdpEntityId(),
                    Certificates.parse(connection.samlCertificates()), sp.entityId(), sp.acs().toString(),
                    id -> id.equals(state.samlRequestId()),
                    (id, expiresAt) -> assertionLog.recordFirstUse(workspaceId, connection.samlIdpEntityId(), id,
                            expiresAt), clock, settings.clockSkew());
            SamlIdentity saml;
            try {
                saml = samlValidator.validate(samlResponse, expected);
            } catch (SamlRejection e) {
                LOG.fine(() -> "SAML response refused: " + e.reason());
                throw new SsoFailure(e.reason() == SamlRejection.Reason.MALFORMED
                        || e.reason() == SamlRejection.Reason.DTD_FORBIDDEN ? 400 : 401,
                        "saml-" + code(e.reason().name()), "the login could not be accepted: " + e.getMessage());
            }
            LoginIdentity identity = samlIdentity(saml);
            return complete(workspaceId, identity, state.returnUrl());
        } catch (AuditedFailure e) {
            throw e;
        } catch (SsoFailure e) {
            trail.refused(workspaceId, protocol, e.code(), null, null);
            throw e;
        }
    }

    public Finished finishOidc(String workspaceId, String stateCookie, String stateParam, String code, String error) {
        try {
            LoginState state = take(workspaceId, stateCookie, SsoConnection.Type.OIDC);
            SsoConnection connection = connection(workspaceId);
            if (connection.type() != SsoConnection.Type.OIDC) {
                throw SsoFailure.noConnection();
            }
            LoginIdentity identity = oidcIdentity(workspaceId, connection, state, stateParam, code, error);
            return complete(workspaceId, identity, state.returnUrl());
        } catch (AuditedFailure e) {
            throw e;
        } catch (SsoFailure e) {
            trail.refused(workspaceId, "OIDC", e.code(), null, null);
            throw e;
        }
    }

    /** Rollcall's SP metadata for the workspace (served even before a connection exists: the IdP needs it first). */
    public String spMetadata(String workspaceId) {
        if (workspaces.find(workspaceId).isEmpty()) {
            throw SsoFailure.noConnection();
        }
        SpUrls sp = SpUrls.of(publicUrl, workspaceId);
        return SpMetadata.xml(sp.entityId(), sp.acs());
    }

    private Finished complete(String workspaceId, LoginIdentity identity, String returnUrl) {
        LoginCompletion.Completed done;
        try {
            done = completion.complete(workspaceId, identity);
        } catch (SsoFailure e) {
            trail.refused(workspaceId, identity.protocol().name(), e.code(), identity.subject(),
                    identity.email().orElse(null));
            // Already audited with the identity; the caller's generic audit must not add a second event.
            throw new AuditedFailure(e);
        } catch (ConcurrentWriteConflict e) {
            // Two first logins of the same person at once: the SSO web layer answers "start again", not a refusal.
            throw e;
        } catch (DomainException e) {
            // e.g. an invite that expired in between, or a user name taken: the person's situation, not our bug.
            SsoFailure failure = new SsoFailure(409, e.code(), e.getMessage());
            trail.refused(workspaceId, identity.protocol().name(), e.code(), identity.subject(),
                    identity.email().orElse(null));
            throw new AuditedFailure(failure);
        }
        String session = sessions.issue(done.accountId(), done.email(), workspaceId);
        trail.succeeded(identity.protocol().name());
        return new Finished(session, sessions.lifetime(), returnUrl);
    }

    private LoginIdentity oidcIdentity(String workspaceId, SsoConnection connection, LoginState state,
            String stateParam, String code, String error) {
        try {
            AuthorizationRequest.checkState(state.oidcState(), stateParam);
            if (error != null) {
                String safe = error.matches("[a-z_]{1,64}") ? error : "unknown_error";
                throw new OidcRejection(OidcRejection.Reason.IDP_ERROR, "the identity provider refused the login ("
                        + safe + ")");
            }
            if (code == null || code.isBlank() || code.length() > 4096) {
                throw new OidcRejection(OidcRejection.Reason.MALFORMED, "the identity provider sent no code");
            }
            OidcProviderMetadata provider = provider(workspaceId, connection);
            String secret = vault.box().orElseThrow(() -> new SsoFailure(503, "secret-key-missing",
                    "single sign-on is misconfigured on the server (ROLLCALL_SECRET_KEY); tell an owner"))
                    .open(connection.oidcClientSecretEncrypted(), SsoConnectionService.secretContext(workspaceId));
            ClientCredentials.AuthMethod method = provider.tokenEndpointAuthMethods().isEmpty()
                    || provider.tokenEndpointAuthMethods().contains("client_secret_basic")
                    ? ClientCredentials.AuthMethod.CLIENT_SECRET_BASIC : ClientCredentials.AuthMethod.CLIENT_SECRET_POST;
            TokenResponse tokens = oidc.tokenEndpoint().exchange(provider.tokenEndpoint(),
                    new ClientCredentials(connection.oidcClientId(), secret, method), code,
                    SpUrls.of(publicUrl, workspaceId).oidcCallback(), state.pkceVerifier());
            ValidatedIdToken token = oidc.validator().validate(tokens.idToken(),
                    IdTokenExpectations.forProvider(provider, connection.oidcClientId()), state.oidcNonce());
            ClaimSet claims = ClaimSet.fromJwtClaims(token.claims());
            return new LoginIdentity(SsoConnection.Type.OIDC,
                    subjectKey(token.issuer(), token.subject()), token.email().flatMap(SsoLogin::normalisedEmail),
                    token.emailVerified(), claims.values("name").stream().findFirst(), claims);
        } catch (OidcRejection e) {
            LOG.fine(() -> "OIDC login refused: " + e.reason());
            throw new SsoFailure(401, "oidc-" + code(e.reason().name()), "the login could not be accepted: "
                    + e.getMessage());
        } catch (OidcProviderException e) {
            LOG.warning(() -> "OIDC provider of workspace " + workspaceId + " failed: " + e.getMessage());
            throw unavailable();
        }
    }

    private LoginIdentity samlIdentity(SamlIdentity saml) {
        ClaimSet claims = ClaimSet.of(saml.attributes());
        Optional<String> email = EMAIL_ATTRIBUTES.stream().flatMap(n -> claims.values(n).stream()).findFirst()
                .or(() -> saml.nameIdFormat().filter(f -> f.endsWith(":emailAddress")).map(f -> saml.nameId()))
                .flatMap(SsoLogin::normalisedEmail);
        Optional<String> name = NAME_ATTRIBUTES.stream().flatMap(n -> claims.values(n).stream()).findFirst();
        // The configured IdP signed the assertion: its email is taken as verified (documented in SsoIdentityLinker).
        return new LoginIdentity(SsoConnection.Type.SAML, subjectKey(saml.issuer(), saml.nameId()), email,
                email.isPresent(), name, claims);
    }

    /** Binds the subject to the IdP that asserted it, so two IdPs' equal subjects never meet. */
    static String subjectKey(String issuer, String subject) {
        String key = issuer + "|" + subject;
        if (key.length() > MAX_SUBJECT) {
            throw new SsoFailure(400, "subject-too-long", "the identity provider's subject identifier is too long");
        }
        return key;
    }

    private static Optional<String> normalisedEmail(String raw) {
        try {
            return Optional.of(Emails.normalise(raw));
        } catch (DomainException e) {
            return Optional.empty();
        }
    }

    private LoginState take(String workspaceId, String cookie, SsoConnection.Type protocol) {
        LoginState state = states.take(cookie).orElseThrow(SsoFailure::loginStateMissing);
        if (!state.workspaceId().equals(workspaceId) || state.protocol() != protocol) {
            throw SsoFailure.loginStateMissing();
        }
        return state;
    }

    private SsoConnection connection(String workspaceId) {
        return connections.find(workspaceId).orElseThrow(SsoFailure::noConnection);
    }

    private OidcProviderMetadata provider(String workspaceId, SsoConnection connection) {
        try {
            return oidc.metadata(connection.oidcIssuer());
        } catch (OidcProviderException e) {
            LOG.warning(() -> "OIDC discovery for workspace " + workspaceId + " failed: " + e.getMessage());
            throw unavailable();
        }
    }

    private static List<String> scopes(SsoConnection connection) {
        String scopes = connection.oidcScopes();
        return scopes == null || scopes.isBlank() ? SsoConnectionService.DEFAULT_SCOPES
                : Arrays.asList(scopes.trim().split("\\s+"));
    }

    private static SsoFailure unavailable() {
        return new SsoFailure(502, "idp-unavailable", "the identity provider cannot be reached right now; try again"
                + " later");
    }

    private static String code(String reason) {
        return reason.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** An {@link SsoFailure} whose audit event is already written. */
    public static final class AuditedFailure extends SsoFailure {

        private static final long serialVersionUID = 1L;

        AuditedFailure(SsoFailure failure) {
            super(failure.status(), failure.code(), failure.getMessage());
        }
    }
}

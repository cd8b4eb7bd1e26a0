package io.rollcall.application.sso;

import io.rollcall.config.RollcallConfig;
import io.rollcall.config.SsoSettings;
import io.rollcall.domain.mapping.ClaimSet;
import io.rollcall.domain.sso.LoginState;
import io.rollcall.domain.sso.SamlAssertionLog;
import io.rollcall.domain.sso.SsoConnection;
import io.rollcall.domain.workspace.WorkspaceRepository;
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
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The SAML 2.0 Web Browser SSO profile for one workspace: an AuthnRequest by HTTP-Redirect, the Response by HTTP-POST
 * checked by {@link SamlResponseValidator} (signature, issuer, audience, recipient, InResponseTo, replay), and the
 * assertion read as a {@link LoginIdentity}. Refusals leave as {@link SsoFailure} with code {@code saml-<reason>};
 * auditing them is the {@link SsoLogin} facade's job.
 */
@ApplicationScoped
public class SamlLogin {

    private static final Logger LOG = Logger.getLogger(SamlLogin.class.getName());
    /** Attribute names under which IdPs send the email (Keycloak/Okta, LDAP, Entra/ADFS, OID form). */
    static final List<String> EMAIL_ATTRIBUTES = List.of(
            "email",
            "mail",
            "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress",
            "urn:oid:0.9.2342.19200300.100.1.3");

    static final List<String> NAME_ATTRIBUTES = List.of(
            "displayName",
            "name",
            "http://schemas.microsoft.com/identity/claims/displayname",
            "urn:oid:2.16.840.1.113730.3.1.241");

    private final WorkspaceRepository workspaces;
    private final LoginStates states;
    private final SamlAssertionLog assertionLog;
    private final URI publicUrl;
    private final SsoSettings settings;
    private final Clock clock;
    private final SamlResponseValidator validator;
    private final SamlAuthnRequestFactory requests;

    @Inject
    public SamlLogin(
            WorkspaceRepository workspaces,
            LoginStates states,
            SamlAssertionLog assertionLog,
            RollcallConfig config,
            SsoSettings settings,
            Clock clock) {
        this.workspaces = workspaces;
        this.states = states;
        this.assertionLog = assertionLog;
        this.publicUrl = config == null ? null : config.publicUrl();
        this.settings = settings;
        this.clock = clock;
        this.validator = config == null ? null : new SamlResponseValidator();
        this.requests = config == null ? null : new SamlAuthnRequestFactory(clock, new SecureRandom());
    }

    /** For CDI proxies only. */
    protected SamlLogin() {
        this(null, null, null, null, null, null);
    }

    /** Sends the browser to the IdP with a fresh AuthnRequest whose id the login state remembers. */
    SsoLogin.Started start(SsoConnection connection, String returnUrl) {
        String workspaceId = connection.workspaceId();
        SpUrls sp = SpUrls.of(publicUrl, workspaceId);
        Instant now = clock.instant();
        Instant expires = now.plus(settings.loginTimeout());
        SamlAuthnRequest request = requests.create(sp.entityId(), sp.acs(), URI.create(connection.samlSsoUrl()), null);
        String cookie = states.begin(id -> LoginState.saml(id, workspaceId, request.id(), returnUrl, now, expires));
        return new SsoLogin.Started(request.redirectUrl(), cookie, SsoConnection.Type.SAML);
    }

    /**
     * Checks the IdP's {@code SAMLResponse} (base64, as posted) against the connection and the login state.
     *
     * @throws SsoFailure {@link SsoFailure.Reason#MALFORMED_RESPONSE} for an unreadable response or a DTD,
     *         {@link SsoFailure.Reason#RESPONSE_REJECTED} for any other check that fails
     */
    LoginIdentity identify(SsoConnection connection, LoginState state, String samlResponse) {
        String workspaceId = connection.workspaceId();
        SpUrls sp = SpUrls.of(publicUrl, workspaceId);
        SamlExpectations expected = new SamlExpectations(
                connection.samlIdpEntityId(),
                Certificates.parse(connection.samlCertificates()),
                sp.entityId(),
                sp.acs().toString(),
                id -> id.equals(state.samlRequestId()),
                (id, expiresAt) ->
                        assertionLog.recordFirstUse(workspaceId, connection.samlIdpEntityId(), id, expiresAt),
                clock,
                settings.clockSkew());
        try {
            return identity(validator.validate(samlResponse, expected));
        } catch (SamlRejection e) {
            LOG.fine(() -> "SAML response refused: " + e.reason());
            boolean unreadable =
                    e.reason() == SamlRejection.Reason.MALFORMED || e.reason() == SamlRejection.Reason.DTD_FORBIDDEN;
            throw new SsoFailure(
                    unreadable ? SsoFailure.Reason.MALFORMED_RESPONSE : SsoFailure.Reason.RESPONSE_REJECTED,
                    "saml-" + e.reason().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                    "the login could not be accepted: " + e.getMessage());
        }
    }

    /** Rollcall's SP metadata for the workspace (served even before a connection exists: the IdP needs it first). */
    String spMetadata(String workspaceId) {
        if (workspaces.find(workspaceId).isEmpty()) {
            throw SsoFailure.noConnection();
        }
        SpUrls sp = SpUrls.of(publicUrl, workspaceId);
        return SpMetadata.xml(sp.entityId(), sp.acs());
    }

    private static LoginIdentity identity(SamlIdentity saml) {
        ClaimSet claims = ClaimSet.of(saml.attributes());
        Optional<String> email = EMAIL_ATTRIBUTES.stream()
                .flatMap(n -> claims.values(n).stream())
                .findFirst()
                .or(() -> saml.nameIdFormat()
                        .filter(f -> f.endsWith(":emailAddress"))
                        .map(f -> saml.nameId()))
                .flatMap(LoginIdentity::normalisedEmail);
        Optional<String> name =
                NAME_ATTRIBUTES.stream().flatMap(n -> claims.values(n).stream()).findFirst();
        // The configured IdP signed the assertion: its email is taken as verified (documented in SsoIdentityLinker).
        return new LoginIdentity(
                SsoConnection.Type.SAML,
                LoginIdentity.subjectKey(saml.issuer(), saml.nameId()),
                email,
                email.isPresent(),
                name,
                claims);
    }
}

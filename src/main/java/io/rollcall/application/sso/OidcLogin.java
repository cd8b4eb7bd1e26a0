package io.rollcall.application.sso;

import io.rollcall.config.RollcallConfig;
import io.rollcall.config.SsoSettings;
import io.rollcall.domain.mapping.ClaimSet;
import io.rollcall.domain.sso.LoginState;
import io.rollcall.domain.sso.SsoConnection;
import io.rollcall.security.crypto.SecretBox;
import io.rollcall.security.crypto.SecretKeyRing;
import io.rollcall.security.oidc.AuthorizationRequest;
import io.rollcall.security.oidc.ClientCredentials;
import io.rollcall.security.oidc.IdTokenExpectations;
import io.rollcall.security.oidc.OidcProviderException;
import io.rollcall.security.oidc.OidcProviderMetadata;
import io.rollcall.security.oidc.OidcRejection;
import io.rollcall.security.oidc.TokenResponse;
import io.rollcall.security.oidc.ValidatedIdToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.logging.Logger;

/**
 * The OpenID Connect authorization code flow for one workspace (with state, nonce and PKCE S256): the redirect to the
 * provider, then the callback's code exchanged at the token endpoint and the ID token validated. Refusals leave as
 * {@link SsoFailure} with code {@code oidc-<reason>} ({@link SsoFailure.Reason#RESPONSE_REJECTED}), an unreachable
 * provider as {@link SsoFailure.Reason#IDP_UNAVAILABLE}; auditing them is the {@link SsoLogin} facade's job.
 */
@ApplicationScoped
public class OidcLogin {

    private static final Logger LOG = Logger.getLogger(OidcLogin.class.getName());
    private static final int MAX_CODE = 4096;

    private final LoginStates states;
    private final OidcProviders oidc;
    private final SecretVault vault;
    private final URI publicUrl;
    private final SsoSettings settings;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    @Inject
    public OidcLogin(
            LoginStates states,
            OidcProviders oidc,
            SecretVault vault,
            RollcallConfig config,
            SsoSettings settings,
            Clock clock) {
        this.states = states;
        this.oidc = oidc;
        this.vault = vault;
        this.publicUrl = config == null ? null : config.publicUrl();
        this.settings = settings;
        this.clock = clock;
    }

    /** For CDI proxies only. */
    protected OidcLogin() {
        this(null, null, null, null, null, null);
    }

    /**
     * The connection's OIDC client secret, opened with the {@code ROLLCALL_SECRET_KEY} key ring.
     *
     * @throws SsoFailure {@link SsoFailure.Reason#SECRET_KEY_MISSING} when no key ring is configured, {@link
     *     SsoFailure.Reason#SECRET_KEY_MISMATCH} when the ring cannot open the stored secret (its key was dropped
     *     from the ring before {@code reencrypt-secrets} ran, or the value is damaged); the reason is logged with the
     *     key ids involved, never a key or the secret
     */
    String clientSecret(SsoConnection connection) {
        SecretBox box = vault.box()
                .orElseThrow(() -> new SsoFailure(
                        SsoFailure.Reason.SECRET_KEY_MISSING,
                        "single sign-on is misconfigured on the server (ROLLCALL_SECRET_KEY); tell an owner"));
        try {
            return box.open(connection.oidcClientSecretEncrypted(), connection.clientSecretContext());
        } catch (IllegalStateException e) {
            LOG.severe(() -> "The OIDC client secret of workspace " + connection.workspaceId()
                    + " cannot be opened: " + e.getMessage() + ". Put the key that sealed it back into "
                    + SecretKeyRing.SETTING + " and run 'reencrypt-secrets', or enter the client secret again.");
            throw new SsoFailure(
                    SsoFailure.Reason.SECRET_KEY_MISMATCH,
                    "single sign-on is misconfigured on the server (ROLLCALL_SECRET_KEY); tell an owner");
        }
    }

    /** Sends the browser to the provider's authorization endpoint; the login state keeps state, nonce and verifier. */
    SsoLogin.Started start(SsoConnection connection, String returnUrl) {
        String workspaceId = connection.workspaceId();
        OidcProviderMetadata provider = provider(connection);
        AuthorizationRequest request = AuthorizationRequest.start(
                provider,
                connection.oidcClientId(),
                SpUrls.of(publicUrl, workspaceId).oidcCallback(),
                connection.scopes(),
                random);
        Instant now = clock.instant();
        Instant expires = now.plus(settings.loginTimeout());
        String cookie = states.begin(id -> LoginState.oidc(
                id,
                workspaceId,
                request.state(),
                request.nonce(),
                request.pkce().verifier(),
                returnUrl,
                now,
                expires));
        return new SsoLogin.Started(request.uri(), cookie, SsoConnection.Type.OIDC);
    }

    /**
     * Checks the callback ({@code state}, then {@code error} or {@code code}), redeems the code and validates the ID
     * token against the connection and the login state.
     *
     * @throws SsoFailure {@link SsoFailure.Reason#RESPONSE_REJECTED}, {@link SsoFailure.Reason#IDP_UNAVAILABLE} or
     *         {@link SsoFailure.Reason#SECRET_KEY_MISSING}
     */
    LoginIdentity identify(SsoConnection connection, LoginState state, String stateParam, String code, String error) {
        try {
            AuthorizationRequest.checkState(state.oidcState(), stateParam);
            if (error != null) {
                String safe = error.matches("[a-z_]{1,64}") ? error : "unknown_error";
                throw new OidcRejection(
                        OidcRejection.Reason.IDP_ERROR, "the identity provider refused the login (" + safe + ")");
            }
            if (code == null || code.isBlank() || code.length() > MAX_CODE) {
                throw new OidcRejection(OidcRejection.Reason.MALFORMED, "the identity provider sent no code");
            }
            OidcProviderMetadata provider = provider(connection);
            String secret = clientSecret(connection);
            ClientCredentials.AuthMethod method =
                    provider.tokenEndpointAuthMethods().isEmpty()
                                    || provider.tokenEndpointAuthMethods().contains("client_secret_basic")
                            ? ClientCredentials.AuthMethod.CLIENT_SECRET_BASIC
                            : ClientCredentials.AuthMethod.CLIENT_SECRET_POST;
            TokenResponse tokens = oidc.tokenEndpoint()
                    .exchange(
                            provider.tokenEndpoint(),
                            new ClientCredentials(connection.oidcClientId(), secret, method),
                            code,
                            SpUrls.of(publicUrl, connection.workspaceId()).oidcCallback(),
                            state.pkceVerifier());
            ValidatedIdToken token = oidc.validator()
                    .validate(
                            tokens.idToken(),
                            IdTokenExpectations.forProvider(provider, connection.oidcClientId()),
                            state.oidcNonce());
            ClaimSet claims = ClaimSet.fromJwtClaims(token.claims());
            return new LoginIdentity(
                    SsoConnection.Type.OIDC,
                    LoginIdentity.subjectKey(token.issuer(), token.subject()),
                    token.email().flatMap(LoginIdentity::normalisedEmail),
                    token.emailVerified(),
                    claims.values("name").stream().findFirst(),
                    claims);
        } catch (OidcRejection e) {
            LOG.fine(() -> "OIDC login refused: " + e.reason());
            throw new SsoFailure(
                    SsoFailure.Reason.RESPONSE_REJECTED,
                    "oidc-" + e.reason().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                    "the login could not be accepted: " + e.getMessage());
        } catch (OidcProviderException e) {
            LOG.warning(() -> "OIDC provider of workspace " + connection.workspaceId() + " failed: " + e.getMessage());
            throw SsoFailure.idpUnavailable();
        }
    }

    private OidcProviderMetadata provider(SsoConnection connection) {
        try {
            return oidc.metadata(connection.oidcIssuer());
        } catch (OidcProviderException e) {
            LOG.warning(
                    () -> "OIDC discovery for workspace " + connection.workspaceId() + " failed: " + e.getMessage());
            throw SsoFailure.idpUnavailable();
        }
    }
}

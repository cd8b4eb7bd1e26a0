package io.rollcall.security.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OidcFlowTest {

    private TestOidcProvider provider;
    private final URI redirect = URI.create("http://localhost:8080/sso/acme/oidc/callback");
    /** RFC 7636 §4.1: 43 to 128 unreserved characters (the RFC's own example verifier). */
    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";

    @BeforeEach
    void setUp() throws Exception {
        provider = new TestOidcProvider();
    }

    @AfterEach
    void tearDown() {
        provider.close();
    }

    @Test
    void pkceMatchesTheRfc7636Example() {
        assertThat(Pkce.challengeOf("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"))
                .isEqualTo("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
        Pkce pkce = Pkce.generate(new SecureRandom());
        assertThat(pkce.verifier()).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(pkce.challenge()).isEqualTo(Pkce.challengeOf(pkce.verifier()));
    }

    @Test
    void discoveryChecksTheIssuer() throws Exception {
        OidcProviderMetadata metadata = new OidcDiscovery(OidcHttp.withDefaults()).discover(provider.issuer());
        assertThat(metadata.tokenEndpoint()).isEqualTo(provider.uri("/token"));
        assertThatThrownBy(() -> OidcDiscovery.parse("https://other.example", provider.discoveryJson()))
                .isInstanceOf(OidcProviderException.class)
                .hasMessageContaining("issuer");
    }

    @Test
    void plainHttpIsRefusedExceptOnLoopback() {
        assertThatThrownBy(() -> OidcHttp.requireSecure(URI.create("http://idp.example/jwks")))
                .isInstanceOf(OidcProviderException.class);
    }

    @Test
    void authorizationUrlCarriesStateNonceAndPkce() throws Exception {
        OidcProviderMetadata metadata = OidcDiscovery.parse(provider.issuer(), provider.discoveryJson());
        AuthorizationRequest request = AuthorizationRequest.start(
                metadata, "rollcall", redirect, List.of("email", "profile"), new SecureRandom());
        String url = request.uri().toString();
        // Parameter order is Nimbus's (and irrelevant to OAuth); each parameter must be there.
        assertThat(url)
                .startsWith(provider.issuer() + "/auth?")
                .contains(
                        "response_type=code",
                        "client_id=rollcall",
                        "scope=openid+email+profile",
                        "state=" + request.state(),
                        "nonce=" + request.nonce(),
                        "code_challenge=" + request.pkce().challenge(),
                        "code_challenge_method=S256",
                        "redirect_uri=http%3A%2F%2Flocalhost%3A8080%2Fsso%2Facme%2Foidc%2Fcallback");
        assertThat(request.state()).isNotEqualTo(request.nonce()).hasSize(43);
    }

    @Test
    void codeExchangeWithClientSecretPost() throws Exception {
        provider.tokenBody.set("{\"id_token\":\"a.b.c\",\"access_token\":\"at\",\"token_type\":\"Bearer\"}");
        TokenResponse response = new TokenEndpointClient(OidcHttp.withDefaults())
                .exchange(
                        provider.uri("/token"),
                        new ClientCredentials("rollcall", "s3cret&=", ClientCredentials.AuthMethod.CLIENT_SECRET_POST),
                        "the-code",
                        redirect,
                        VERIFIER);
        assertThat(response.idToken()).isEqualTo("a.b.c");
        assertThat(provider.lastTokenRequestBody.get())
                .contains(
                        "grant_type=authorization_code",
                        "code=the-code",
                        "code_verifier=" + VERIFIER,
                        "client_id=rollcall",
                        "client_secret=s3cret%26%3D");
        assertThat(provider.lastTokenAuthorization.get()).isNull();
    }

    @Test
    void codeExchangeWithClientSecretBasic() throws Exception {
        provider.tokenBody.set("{\"id_token\":\"a.b.c\",\"token_type\":\"Bearer\"}");
        new TokenEndpointClient(OidcHttp.withDefaults())
                .exchange(
                        provider.uri("/token"),
                        new ClientCredentials("rollcall", "s3cret", ClientCredentials.AuthMethod.CLIENT_SECRET_BASIC),
                        "c",
                        redirect,
                        VERIFIER);
        assertThat(provider.lastTokenAuthorization.get())
                .isEqualTo("Basic "
                        + Base64.getEncoder().encodeToString("rollcall:s3cret".getBytes(StandardCharsets.UTF_8)));
        assertThat(provider.lastTokenRequestBody.get()).doesNotContain("client_secret");
    }

    @Test
    void refusedCodeIsARejectionWithoutEchoingTheBody() {
        provider.tokenStatus.set(400);
        provider.tokenBody.set("{\"error\":\"invalid_grant\",\"error_description\":\"<script>\"}");
        assertThatThrownBy(() -> new TokenEndpointClient(OidcHttp.withDefaults())
                        .exchange(
                                provider.uri("/token"),
                                new ClientCredentials("rollcall", "s", ClientCredentials.AuthMethod.CLIENT_SECRET_POST),
                                "c",
                                redirect,
                                VERIFIER))
                .isInstanceOfSatisfying(
                        OidcRejection.class, r -> assertThat(r.reason()).isEqualTo(OidcRejection.Reason.CODE_REJECTED))
                .hasMessageContaining("invalid_grant")
                .hasMessageNotContaining("script");
    }

    @Test
    void serverErrorIsAProviderProblem() {
        provider.tokenStatus.set(503);
        provider.tokenBody.set("{}");
        assertThatThrownBy(() -> new TokenEndpointClient(OidcHttp.withDefaults())
                        .exchange(
                                provider.uri("/token"),
                                new ClientCredentials("rollcall", "s", ClientCredentials.AuthMethod.CLIENT_SECRET_POST),
                                "c",
                                redirect,
                                VERIFIER))
                .isInstanceOf(OidcProviderException.class);
    }

    @Test
    void secretsDoNotAppearInToString() {
        assertThat(new ClientCredentials("rollcall", "s3cret", ClientCredentials.AuthMethod.CLIENT_SECRET_BASIC)
                        .toString())
                .doesNotContain("s3cret");
    }
}

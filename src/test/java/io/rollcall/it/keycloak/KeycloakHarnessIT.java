package io.rollcall.it.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollcall.domain.mapping.ClaimMatch;
import io.rollcall.domain.mapping.ClaimRule;
import io.rollcall.domain.mapping.ClaimSet;
import io.rollcall.domain.mapping.DynamicGroupResolver;
import io.rollcall.domain.mapping.GroupRules;
import io.rollcall.security.oidc.AuthorizationRequest;
import io.rollcall.security.oidc.ClientCredentials;
import io.rollcall.security.oidc.IdTokenExpectations;
import io.rollcall.security.oidc.IdTokenValidator;
import io.rollcall.security.oidc.JwksCache;
import io.rollcall.security.oidc.OidcDiscovery;
import io.rollcall.security.oidc.OidcHttp;
import io.rollcall.security.oidc.OidcProviderMetadata;
import io.rollcall.security.oidc.TokenEndpointClient;
import io.rollcall.security.oidc.TokenResponse;
import io.rollcall.security.oidc.ValidatedIdToken;
import io.rollcall.security.saml.IdpMetadata;
import io.rollcall.security.saml.IdpMetadataParser;
import io.rollcall.security.saml.SamlAuthnRequest;
import io.rollcall.security.saml.SamlAuthnRequestFactory;
import io.rollcall.security.saml.SamlExpectations;
import io.rollcall.security.saml.SamlIdentity;
import io.rollcall.security.saml.SamlResponseValidator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Proves the harness and the protocol code against a real Keycloak: an OIDC login whose ID token passes
 * {@link IdTokenValidator}, and SAML logins whose responses pass {@link SamlResponseValidator}, before and after the
 * user's groups change in Keycloak. Uses the URLs Rollcall will use for workspace {@code default}.
 */
class KeycloakHarnessIT {

    private static final String PUBLIC_URL = "http://localhost:8080";
    private static final String WS = "default";
    private static final String SP_ENTITY_ID = PUBLIC_URL + "/sso/" + WS + "/saml/metadata";
    private static final URI ACS = URI.create(PUBLIC_URL + "/sso/" + WS + "/saml/acs");
    private static final URI OIDC_CALLBACK = URI.create(PUBLIC_URL + "/sso/" + WS + "/oidc/callback");

    private static KeycloakServer keycloak;

    private final SecureRandom random = new SecureRandom();

    @BeforeAll
    static void startKeycloak() {
        keycloak = KeycloakServer.shared();
    }

    @Test
    void oidcLoginGivesAnIdTokenThatPassesValidation() throws Exception {
        OidcHttp http = OidcHttp.withDefaults();
        OidcProviderMetadata provider = new OidcDiscovery(http).discover(keycloak.realmUrl());
        AuthorizationRequest request =
                AuthorizationRequest.start(provider, "rollcall", OIDC_CALLBACK, List.of("email", "profile"), random);

        KeycloakBrowser.Delivery delivery =
                new KeycloakBrowser(keycloak.baseUri()).oidcLogin(request.uri(), "ada", "ada-password");

        assertThat(delivery.target()).isEqualTo(OIDC_CALLBACK);
        AuthorizationRequest.checkState(request.state(), delivery.parameters().get("state"));
        TokenResponse tokens = new TokenEndpointClient(http)
                .exchange(
                        provider.tokenEndpoint(),
                        new ClientCredentials(
                                "rollcall", "rollcall-test-secret", ClientCredentials.AuthMethod.CLIENT_SECRET_BASIC),
                        delivery.parameters().get("code"),
                        OIDC_CALLBACK,
                        request.pkce().verifier());
        IdTokenValidator validator = new IdTokenValidator(
                new JwksCache(http, Duration.ofMinutes(1), Duration.ofHours(1)),
                Clock.systemUTC(),
                Duration.ofSeconds(30));
        ValidatedIdToken idToken = validator.validate(
                tokens.idToken(), IdTokenExpectations.forProvider(provider, "rollcall"), request.nonce());

        assertThat(idToken.subject()).isNotBlank();
        assertThat(idToken.email()).contains("ada@example.com");
        assertThat(idToken.emailVerified()).isTrue();
        ClaimSet claims = ClaimSet.fromJwtClaims(idToken.claims());
        assertThat(claims.values("groups")).contains("/engineering", "/engineering/backend");
        assertThat(new DynamicGroupResolver().resolve(rules(), claims)).containsExactlyInAnyOrder("eng");
    }

    @Test
    void samlLoginsFollowGroupChangesInKeycloak() throws Exception {
        KeycloakAdmin admin = new KeycloakAdmin(keycloak, KeycloakServer.REALM);
        String password = "pw-" + random.nextInt(1_000_000);
        String username = "grace" + random.nextInt(1_000_000);
        String userId = admin.createUser(username, username + "@example.com", password, List.of("/engineering"));

        SamlIdentity first = samlLogin(username, password);
        assertThat(first.nameId()).isNotBlank();
        assertThat(first.attributes().get("email")).containsExactly(username + "@example.com");
        assertThat(first.attributes().get("groups")).containsExactly("/engineering");
        assertThat(new DynamicGroupResolver().resolve(rules(), ClaimSet.of(first.attributes())))
                .containsExactly("eng");

        admin.setGroups(userId, Set.of("/sales", "/support"));
        SamlIdentity second = samlLogin(username, password);

        assertThat(second.nameId()).isEqualTo(first.nameId());
        assertThat(second.assertionId()).isNotEqualTo(first.assertionId());
        assertThat(second.attributes().get("groups")).containsExactlyInAnyOrder("/sales", "/support");
        assertThat(new DynamicGroupResolver().resolve(rules(), ClaimSet.of(second.attributes())))
                .containsExactly("sales");
    }

    private SamlIdentity samlLogin(String username, String password) throws Exception {
        IdpMetadata idp = new IdpMetadataParser().parse(fetch(keycloak.realmUrl() + "/protocol/saml/descriptor"));
        SamlAuthnRequest request = new SamlAuthnRequestFactory(Clock.systemUTC(), random)
                .create(SP_ENTITY_ID, ACS, idp.ssoRedirectUrl().orElseThrow(), "return-to-app");
        Set<String> issued = ConcurrentHashMap.newKeySet();
        issued.add(request.id());
        Set<String> seenAssertions = ConcurrentHashMap.newKeySet();

        // A fresh browser per login, so that Keycloak asks for the password again.
        KeycloakBrowser.Delivery delivery =
                new KeycloakBrowser(keycloak.baseUri()).samlLogin(request.redirectUrl(), username, password);

        assertThat(delivery.target()).isEqualTo(ACS);
        assertThat(delivery.parameters().get("RelayState")).isEqualTo("return-to-app");
        SamlExpectations expected = new SamlExpectations(
                idp.entityId(),
                idp.signingCertificates(),
                SP_ENTITY_ID,
                ACS.toString(),
                issued::remove,
                (id, expiresAt) -> seenAssertions.add(id),
                Clock.systemUTC(),
                Duration.ofSeconds(30));
        SamlIdentity identity =
                new SamlResponseValidator().validate(delivery.parameters().get("SAMLResponse"), expected);
        assertThat(identity.issuer()).isEqualTo(keycloak.realmUrl());
        assertThat(identity.inResponseTo()).isEqualTo(request.id());
        return identity;
    }

    private static List<GroupRules<String>> rules() {
        return List.of(
                new GroupRules<>("eng", List.of(new ClaimRule("groups", ClaimMatch.EQUALS, "/engineering"))),
                new GroupRules<>("sales", List.of(new ClaimRule("groups", ClaimMatch.PREFIX, "/sales"))));
    }

    private static String fetch(String url) throws Exception {
        HttpResponse<String> response = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .build()
                .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}

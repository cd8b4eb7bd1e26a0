package io.rollcall.it.keycloak;

import com.nimbusds.jose.util.JSONArrayUtils;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keycloak's admin REST API for tests: users and their groups in one realm. Gets a fresh admin token per call, which is
 * simple and cheap at test volume.
 */
public final class KeycloakAdmin {

    private final KeycloakServer server;
    private final String realm;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    public KeycloakAdmin(KeycloakServer server, String realm) {
        this.server = server;
        this.realm = realm;
    }

    /** Creates an enabled user with a verified email and a password; returns the user id. */
    public String createUser(String username, String email, String password, List<String> groupPaths) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("username", username);
        user.put("email", email);
        user.put("emailVerified", true);
        user.put("enabled", true);
        user.put("firstName", username);
        user.put("lastName", "Test");
        user.put("credentials", List.of(Map.of("type", "password", "value", password, "temporary", false)));
        user.put("groups", groupPaths);
        HttpResponse<String> response = send("POST", "/users", JSONObjectUtils.toJSONString(user));
        expect(response, 201);
        String location = response.headers().firstValue("Location").orElseThrow();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    /**
     * Creates a confidential OIDC client like the realm file's {@code rollcall} client (PKCE S256, full-path
     * {@code groups} claim in the ID token) for one Rollcall redirect URI, so tests need not assume a fixed Rollcall URL.
     */
    public void createOidcClient(String clientId, String secret, String redirectUri) {
        Map<String, Object> client = new LinkedHashMap<>();
        client.put("clientId", clientId);
        client.put("protocol", "openid-connect");
        client.put("enabled", true);
        client.put("publicClient", false);
        client.put("clientAuthenticatorType", "client-secret");
        client.put("secret", secret);
        client.put("standardFlowEnabled", true);
        client.put("directAccessGrantsEnabled", false);
        client.put("redirectUris", List.of(redirectUri));
        client.put("attributes", Map.of("pkce.code.challenge.method", "S256"));
        client.put(
                "protocolMappers",
                List.of(Map.of(
                        "name",
                        "groups",
                        "protocol",
                        "openid-connect",
                        "protocolMapper",
                        "oidc-group-membership-mapper",
                        "config",
                        Map.of(
                                "claim.name",
                                "groups",
                                "full.path",
                                "true",
                                "id.token.claim",
                                "true",
                                "access.token.claim",
                                "true",
                                "userinfo.token.claim",
                                "true"))));
        expect(send("POST", "/clients", JSONObjectUtils.toJSONString(client)), 201);
    }

    /**
     * Creates a SAML client like the realm file's (signed documents and assertions, persistent NameID, one
     * {@code groups} Attribute per group, {@code email} attribute) for one Rollcall workspace.
     */
    public void createSamlClient(String entityId, String acsUrl) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("saml_assertion_consumer_url_post", acsUrl);
        attributes.put("saml.assertion.signature", "true");
        attributes.put("saml.server.signature", "true");
        attributes.put("saml.client.signature", "false");
        attributes.put("saml.encrypt", "false");
        attributes.put("saml.authnstatement", "true");
        attributes.put("saml.signature.algorithm", "RSA_SHA256");
        attributes.put("saml_signature_canonicalization_method", "http://www.w3.org/2001/10/xml-exc-c14n#");
        attributes.put("saml_force_name_id_format", "true");
        attributes.put("saml_name_id_format", "persistent");
        Map<String, Object> client = new LinkedHashMap<>();
        client.put("clientId", entityId);
        client.put("protocol", "saml");
        client.put("enabled", true);
        client.put("frontchannelLogout", false);
        client.put("redirectUris", List.of(acsUrl));
        client.put("attributes", attributes);
        client.put(
                "protocolMappers",
                List.of(
                        Map.of(
                                "name",
                                "groups",
                                "protocol",
                                "saml",
                                "protocolMapper",
                                "saml-group-membership-mapper",
                                "config",
                                Map.of(
                                        "attribute.name",
                                        "groups",
                                        "attribute.nameformat",
                                        "Basic",
                                        "full.path",
                                        "true",
                                        "single",
                                        "false")),
                        Map.of(
                                "name",
                                "email",
                                "protocol",
                                "saml",
                                "protocolMapper",
                                "saml-user-property-mapper",
                                "config",
                                Map.of(
                                        "user.attribute",
                                        "email",
                                        "attribute.name",
                                        "email",
                                        "attribute.nameformat",
                                        "Basic"))));
        expect(send("POST", "/clients", JSONObjectUtils.toJSONString(client)), 201);
    }

    /** Replaces the given top-level fields of a user's representation (e.g. email, firstName, enabled). */
    public void updateUser(String userId, Map<String, Object> fields) {
        expect(send("PUT", "/users/" + userId, JSONObjectUtils.toJSONString(fields)), 204);
    }

    /** The id of the user with exactly this username. */
    public String userId(String username) {
        HttpResponse<String> response =
                send("GET", "/users?exact=true&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8), null);
        expect(response, 200);
        List<Object> users = array(response.body());
        if (users.size() != 1) {
            throw new IllegalStateException("expected one user " + username + ", found " + users.size());
        }
        return (String) ((Map<?, ?>) users.get(0)).get("id");
    }

    /** Makes the user a direct member of exactly these groups (full paths such as {@code /engineering}). */
    public void setGroups(String userId, Set<String> groupPaths) {
        HttpResponse<String> current = send("GET", "/users/" + userId + "/groups?briefRepresentation=true", null);
        expect(current, 200);
        Set<String> kept = new HashSet<>();
        for (Object group : array(current.body())) {
            Map<?, ?> g = (Map<?, ?>) group;
            if (groupPaths.contains((String) g.get("path"))) {
                kept.add((String) g.get("path"));
            } else {
                expect(send("DELETE", "/users/" + userId + "/groups/" + g.get("id"), null), 204);
            }
        }
        for (String path : groupPaths) {
            if (!kept.contains(path)) {
                expect(send("PUT", "/users/" + userId + "/groups/" + groupId(path), null), 204);
            }
        }
    }

    private String groupId(String path) {
        HttpResponse<String> response = send("GET", "/group-by-path" + path, null);
        expect(response, 200);
        try {
            return (String) JSONObjectUtils.parse(response.body()).get("id");
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    private String token() {
        String form = "grant_type=password&client_id=admin-cli&username=" + KeycloakServer.ADMIN_USER + "&password="
                + URLEncoder.encode(server.adminPassword(), StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(server.baseUri() + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        HttpResponse<String> response = exchange(request);
        expect(response, 200);
        try {
            return (String) JSONObjectUtils.parse(response.body()).get("access_token");
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> send(String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(server.baseUri() + "/admin/realms/" + realm + path))
                .header("Authorization", "Bearer " + token())
                .header("Accept", "application/json");
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(
                method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return exchange(request.build());
    }

    private HttpResponse<String> exchange(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak admin call failed: " + request.method() + " " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(
                    response.request().method() + " " + response.request().uri().getPath() + " answered "
                            + response.statusCode() + ": " + response.body());
        }
    }

    private static List<Object> array(String json) {
        try {
            return JSONArrayUtils.parse(json);
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }
}

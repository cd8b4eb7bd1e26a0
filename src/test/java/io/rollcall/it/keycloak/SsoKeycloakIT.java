package io.rollcall.it.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rollcall.it.Api;
import io.rollcall.it.RollcallServer;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * SSO end to end: the real Rollcall bundle against a real Keycloak, through {@code /sso/{ws}/login}, Keycloak's login
 * form (browserless) and Rollcall's ACS / OIDC callback. Each test has its own workspace and Keycloak client; both
 * servers start once for the class, in parallel. Rollcall runs with ROLLCALL_SECRET_KEY (needed for OIDC).
 */
class SsoKeycloakIT {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static RollcallServer rollcall;
    private static KeycloakServer keycloak;
    private static KeycloakAdmin keycloakAdmin;
    private static Api owner;

    @BeforeAll
    static void startServers() {
        RollcallWithKeycloak servers = RollcallWithKeycloak.start();
        rollcall = servers.rollcall();
        keycloak = servers.keycloak();
        keycloakAdmin = servers.keycloakAdmin();
        owner = servers.owner();
    }

    @AfterAll
    static void stopRollcall() {
        if (rollcall != null) {
            rollcall.stop();
        }
    }

    @Test
    void oidcLoginCreatesAJitMemberAndItsSsoGroupsFollowKeycloak() throws Exception {
        String ws = workspace("oidc");
        assertThat(owner.patch(
                                "/api/v1/workspaces/" + ws,
                                "{\"jit\":{\"enabled\":true,\"domains\":[\"example.com\"]," + "\"role\":\"viewer\"}}")
                        .status())
                .isEqualTo(200);
        String clientId = "rollcall-" + ws;
        String redirectUri = rollcall.baseUrl() + "/sso/" + ws + "/oidc/callback";
        keycloakAdmin.createOidcClient(clientId, "secret-" + ws, redirectUri);
        Api.Reply put = owner.put(
                "/api/v1/workspaces/" + ws + "/sso",
                "{\"type\":\"oidc\",\"issuer\":"
                        + Api.q(keycloak.realmUrl()) + ",\"clientId\":" + Api.q(clientId) + ",\"clientSecret\":"
                        + Api.q("secret-" + ws) + ",\"groupsClaim\":\"groups\"}");
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        assertThat(put.body()).doesNotContain("secret-" + ws);
        assertThat(put.json().path("clientSecretSet").asBoolean()).isTrue();
        assertThat(put.json().path("serviceProvider").path("redirectUri").asText())
                .isEqualTo(redirectUri);
        Api.Reply get = owner.get("/api/v1/workspaces/" + ws + "/sso");
        assertThat(get.json().path("type").asText()).isEqualTo("oidc");
        assertThat(get.json().path("clientSecretSet").asBoolean()).isTrue();
        assertThat(get.body()).doesNotContain("secret-" + ws);
        String engineering = dynamicGroup(ws, "Engineering", "EQUALS", "/engineering");
        String sales = dynamicGroup(ws, "Sales", "PREFIX", "/sales");
        String pets = group(ws, "Pets", "STATIC");
        String user = "oidc" + RANDOM.nextInt(1_000_000);
        String email = user + "@example.com";
        String keycloakUser = keycloakAdmin.createUser(user, email, "pw-" + user, List.of("/engineering"));

        Login first = oidcLogin(ws, user, "/app/home?x=1");

        assertThat(first.status()).isEqualTo(303);
        assertThat(first.location()).isEqualTo(rollcall.baseUrl() + "/app/home?x=1");
        assertThat(first.sessionCookie())
                .contains("HttpOnly")
                .contains("SameSite=Lax")
                .doesNotContain("Secure");
        Api me = owner.as(first.session());
        Api.Reply meReply = me.get("/api/v1/me");
        assertThat(meReply.status()).as(meReply.toString()).isEqualTo(200);
        assertThat(meReply.json().path("account").path("email").asText()).isEqualTo(email);
        JsonNode member = memberByEmail(ws, email);
        assertThat(member.path("origin").asText()).isEqualTo("JIT");
        assertThat(member.path("role").asText()).isEqualTo("viewer");
        String memberId = member.path("id").asText();
        assertThat(sources(ws, engineering, memberId)).containsExactly("SSO");
        assertThat(sources(ws, sales, memberId)).isEmpty();

        // A MANUAL membership in a static group, and a SCIM row in a dynamic group (as a SCIM push would leave it).
        assertThat(owner.post(
                                "/api/v1/workspaces/" + ws + "/groups/" + pets + "/members",
                                "{\"memberId\":" + Api.q(memberId) + "}")
                        .status())
                .isBetween(200, 204);
        insertScimRow(engineering, memberId);
        Api.Reply dryRun =
                owner.post("/api/v1/workspaces/" + ws + "/sso/dry-run", "{\"claims\":{\"groups\":[\"/sales/emea\"]}}");
        assertThat(names(dryRun.json().path("groups"))).containsExactly("Sales");

        keycloakAdmin.setGroups(keycloakUser, Set.of("/sales"));
        Login second = oidcLogin(ws, user, null);

        assertThat(second.status()).isEqualTo(303);
        assertThat(second.location()).isEqualTo(rollcall.baseUrl() + "/");
        assertThat(memberByEmail(ws, email).path("id").asText()).isEqualTo(memberId);
        assertThat(sources(ws, sales, memberId)).containsExactly("SSO");
        assertThat(sources(ws, engineering, memberId)).containsExactly("SCIM");
        assertThat(sources(ws, pets, memberId)).containsExactly("MANUAL");
        List<String> actions = auditActions(ws);
        assertThat(actions)
                .contains(
                        "sso.connection.updated",
                        "member.created",
                        "sso.login",
                        "group.member.added",
                        "group.member.removed");
    }

    @Test
    void oidcCallbackWithAForeignStateIsRefusedAndAudited() {
        String ws = workspace("oidcstate");
        String clientId = "rollcall-" + ws;
        keycloakAdmin.createOidcClient(clientId, "secret-" + ws, rollcall.baseUrl() + "/sso/" + ws + "/oidc/callback");
        assertThat(owner.put(
                                "/api/v1/workspaces/" + ws + "/sso",
                                "{\"type\":\"oidc\",\"issuer\":"
                                        + Api.q(keycloak.realmUrl()) + ",\"clientId\":" + Api.q(clientId)
                                        + ",\"clientSecret\":"
                                        + Api.q("secret-" + ws) + "}")
                        .status())
                .isEqualTo(200);
        Browser browser = new Browser();
        HttpResponse<String> start = browser.get(rollcall.baseUrl() + "/sso/" + ws + "/login", Map.of());
        KeycloakBrowser.Delivery delivery = new KeycloakBrowser(keycloak.baseUri())
                .oidcLogin(URI.create(start.headers().firstValue("Location").orElseThrow()), "ada", "ada-password");

        HttpResponse<String> callback = browser.get(
                delivery.target() + "?code=" + enc(delivery.parameters().get("code")) + "&state=forged",
                Map.of("Accept", "application/json", "Cookie", "rollcall_sso_state=" + Browser.stateValue(start)));

        assertThat(callback.statusCode()).isEqualTo(401);
        assertThat(callback.body()).contains("\"code\":\"oidc-state-mismatch\"").contains("requestId");
        assertThat(callback.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("rollcall_session="));
        assertThat(auditActions(ws)).contains("sso.login.refused");
    }

    @Test
    void samlLoginAcceptsAnInviteAndReplaysDeactivationAndStrangersAreRefused() throws Exception {
        String ws = workspace("saml");
        String base = rollcall.baseUrl() + "/sso/" + ws;
        keycloakAdmin.createSamlClient(base + "/saml/metadata", base + "/saml/acs");
        String idpMetadata = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .build()
                .send(
                        HttpRequest.newBuilder(URI.create(keycloak.realmUrl() + "/protocol/saml/descriptor"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        Api.Reply put = owner.put(
                "/api/v1/workspaces/" + ws + "/sso", "{\"type\":\"saml\",\"metadataXml\":" + Api.q(idpMetadata) + "}");
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        assertThat(put.json().path("idpEntityId").asText()).isEqualTo(keycloak.realmUrl());
        String engineering = dynamicGroup(ws, "Engineering", "EQUALS", "/engineering");
        String sales = dynamicGroup(ws, "Sales", "EQUALS", "/sales");
        String pets = group(ws, "Pets", "STATIC");
        String user = "saml" + RANDOM.nextInt(1_000_000);
        String email = user + "@example.com";
        String keycloakUser = keycloakAdmin.createUser(user, email, "pw-" + user, List.of("/engineering"));
        assertThat(owner.post(
                                "/api/v1/workspaces/" + ws + "/invites",
                                "{\"email\":" + Api.q(email) + ",\"role\":\"operator\"}")
                        .status())
                .isEqualTo(201);

        SamlAttempt attempt = samlAttempt(ws, user);
        Login login = attempt.post(attempt.stateCookie());

        assertThat(login.status()).as(login.body()).isEqualTo(303);
        JsonNode member = memberByEmail(ws, email);
        assertThat(member.path("origin").asText()).isEqualTo("INVITE");
        assertThat(member.path("role").asText()).isEqualTo("operator");
        assertThat(sources(ws, engineering, member.path("id").asText())).containsExactly("SSO");
        assertThat(owner.as(login.session())
                        .get("/api/v1/me")
                        .json()
                        .path("account")
                        .path("email")
                        .asText())
                .isEqualTo(email);

        // The same SAMLResponse again: its login state is gone, and under a fresh login it answers another request.
        Login sameBrowser = attempt.post(attempt.stateCookie());
        assertThat(sameBrowser.status()).isEqualTo(400);
        assertThat(sameBrowser.body()).contains("login-state-missing");
        String freshState = new Browser().startCookie(ws);
        Login freshBrowser = attempt.post(freshState);
        assertThat(freshBrowser.status()).isEqualTo(401);
        assertThat(freshBrowser.body()).contains("saml-unknown-in-response-to");

        // The person's IdP groups change: the next SAML login moves the SSO row, and leaves MANUAL and SCIM rows.
        String memberId = member.path("id").asText();
        assertThat(owner.post(
                                "/api/v1/workspaces/" + ws + "/groups/" + pets + "/members",
                                "{\"memberId\":" + Api.q(memberId) + "}")
                        .status())
                .isBetween(200, 204);
        insertScimRow(engineering, memberId);
        keycloakAdmin.setGroups(keycloakUser, Set.of("/sales"));
        SamlAttempt relogin = samlAttempt(ws, user);
        assertThat(relogin.post(relogin.stateCookie()).status()).isEqualTo(303);
        assertThat(sources(ws, sales, memberId)).containsExactly("SSO");
        assertThat(sources(ws, engineering, memberId)).containsExactly("SCIM");
        assertThat(sources(ws, pets, memberId)).containsExactly("MANUAL");

        // Deactivated members cannot log in.
        setActive(member.path("id").asText(), false);
        SamlAttempt again = samlAttempt(ws, user);
        Login deactivated = again.post(again.stateCookie());
        assertThat(deactivated.status()).isEqualTo(403);
        assertThat(deactivated.body()).contains("deactivated");

        // Someone without invite, in a workspace without JIT.
        String stranger = "stranger" + RANDOM.nextInt(1_000_000);
        keycloakAdmin.createUser(stranger, stranger + "@example.com", "pw-" + stranger, List.of("/engineering"));
        SamlAttempt strangerAttempt = samlAttempt(ws, stranger);
        Login refused = strangerAttempt.post(strangerAttempt.stateCookie());
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("not-invited").contains("ask an owner for an");
        assertThat(memberCount(ws, stranger + "@example.com")).isZero();
        assertThat(auditActions(ws)).contains("invite.accepted", "sso.login", "sso.login.refused");

        // Without a connection, login is a clear 404 page, not a redirect.
        assertThat(owner.delete("/api/v1/workspaces/" + ws + "/sso").status()).isEqualTo(204);
        HttpResponse<String> noSso = new Browser().get(base + "/login", Map.of());
        assertThat(noSso.statusCode()).isEqualTo(404);
        assertThat(noSso.body()).contains("no-connection");
        assertThat(auditActions(ws)).contains("sso.connection.deleted");
    }

    @Test
    void jwksPublishesOnlyPublicSessionKeys() {
        Api.Reply jwks = new Api(rollcall.baseUrl(), null).get("/.well-known/jwks.json");
        assertThat(jwks.status()).isEqualTo(200);
        for (JsonNode key : jwks.json().path("keys")) {
            assertThat(key.path("kty").asText()).isEqualTo("EC");
            assertThat(key.has("d")).isFalse();
        }
    }

    // --- flows ---------------------------------------------------------------------------------------------------

    /** The result of delivering the IdP's answer to Rollcall. */
    record Login(int status, String location, String sessionCookie, String session, String body) {}

    /** A SAML response obtained from Keycloak, ready to be posted (possibly several times). */
    record SamlAttempt(String ws, String stateCookie, KeycloakBrowser.Delivery delivery) {
        Login post(String cookie) {
            String form = "SAMLResponse=" + enc(delivery.parameters().get("SAMLResponse")) + "&RelayState="
                    + enc(delivery.parameters().getOrDefault("RelayState", ""));
            return toLogin(new Browser()
                    .send(HttpRequest.newBuilder(delivery.target())
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .header("Cookie", "rollcall_sso_state=" + cookie)
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build()));
        }
    }

    private static SamlAttempt samlAttempt(String ws, String user) {
        Browser browser = new Browser();
        HttpResponse<String> start = browser.get(rollcall.baseUrl() + "/sso/" + ws + "/login", Map.of());
        assertThat(start.statusCode()).as(start.body()).isEqualTo(303);
        KeycloakBrowser.Delivery delivery = new KeycloakBrowser(keycloak.baseUri())
                .samlLogin(URI.create(start.headers().firstValue("Location").orElseThrow()), user, "pw-" + user);
        assertThat(delivery.target().toString()).isEqualTo(rollcall.baseUrl() + "/sso/" + ws + "/saml/acs");
        return new SamlAttempt(ws, Browser.stateValue(start), delivery);
    }

    private static Login oidcLogin(String ws, String user, String returnUrl) {
        Browser browser = new Browser();
        String loginUrl = rollcall.baseUrl() + "/sso/" + ws + "/login"
                + (returnUrl == null ? "" : "?returnUrl=" + enc(returnUrl));
        HttpResponse<String> start = browser.get(loginUrl, Map.of());
        assertThat(start.statusCode()).as(start.body()).isEqualTo(303);
        assertThat(start.headers().firstValue("Set-Cookie").orElseThrow()).contains("HttpOnly");
        KeycloakBrowser.Delivery delivery = new KeycloakBrowser(keycloak.baseUri())
                .oidcLogin(URI.create(start.headers().firstValue("Location").orElseThrow()), user, "pw-" + user);
        String query = delivery.parameters().entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .reduce((a, b) -> a + "&" + b)
                .orElse("");
        return toLogin(browser.send(HttpRequest.newBuilder(URI.create(delivery.target() + "?" + query))
                .header("Cookie", "rollcall_sso_state=" + Browser.stateValue(start))
                .GET()
                .build()));
    }

    private static Login toLogin(HttpResponse<String> response) {
        String cookie = response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("rollcall_session="))
                .findFirst()
                .orElse(null);
        String session = cookie == null ? null : cookie.substring("rollcall_session=".length(), cookie.indexOf(';'));
        return new Login(
                response.statusCode(),
                response.headers().firstValue("Location").orElse(null),
                cookie,
                session,
                response.body());
    }

    /** Just enough of a browser for Rollcall: no redirects followed, cookies handled by the test. */
    static final class Browser {
        private static final HttpClient HTTP = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();

        HttpResponse<String> get(String url, Map<String, String> headers) {
            HttpRequest.Builder request =
                    HttpRequest.newBuilder(URI.create(url)).GET();
            headers.forEach(request::header);
            return send(request.build());
        }

        String startCookie(String ws) {
            return stateValue(get(rollcall.baseUrl() + "/sso/" + ws + "/login", Map.of()));
        }

        HttpResponse<String> send(HttpRequest request) {
            try {
                return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        static String stateValue(HttpResponse<String> start) {
            String cookie = start.headers().allValues("Set-Cookie").stream()
                    .filter(c -> c.startsWith("rollcall_sso_state="))
                    .findFirst()
                    .orElseThrow();
            return cookie.substring("rollcall_sso_state=".length(), cookie.indexOf(';'));
        }
    }

    // --- arrangement and checks through the admin API ---------------------------------------------------------------

    private static String workspace(String prefix) {
        String ws = prefix + "-" + HexFormat.of().formatHex(RANDOM.generateSeed(3));
        Api.Reply created = owner.post("/api/v1/workspaces", "{\"id\":" + Api.q(ws) + ",\"name\":" + Api.q(ws) + "}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return ws;
    }

    private static String group(String ws, String name, String type) {
        Api.Reply created = owner.post(
                "/api/v1/workspaces/" + ws + "/groups",
                "{\"name\":" + Api.q(name) + ",\"membershipType\":" + Api.q(type) + "}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().path("id").asText();
    }

    private static String dynamicGroup(String ws, String name, String match, String value) {
        String id = group(ws, name, "DYNAMIC");
        Api.Reply rules = owner.put(
                "/api/v1/workspaces/" + ws + "/groups/" + id + "/claim-rules",
                "[{\"claim\":\"groups\",\"match\":" + Api.q(match) + ",\"value\":" + Api.q(value) + "}]");
        assertThat(rules.status()).as(rules.toString()).isEqualTo(200);
        return id;
    }

    private static JsonNode memberByEmail(String ws, String email) {
        Api.Reply members = owner.get("/api/v1/workspaces/" + ws + "/members?q=" + enc(email));
        assertThat(members.json().path("items")).as(members.toString()).hasSize(1);
        return members.json().path("items").get(0);
    }

    private static int memberCount(String ws, String email) {
        return owner.get("/api/v1/workspaces/" + ws + "/members?q=" + enc(email))
                .json()
                .path("items")
                .size();
    }

    private static List<String> sources(String ws, String groupId, String memberId) {
        Api.Reply members = owner.get("/api/v1/workspaces/" + ws + "/groups/" + groupId + "/members?size=100");
        assertThat(members.status()).as(members.toString()).isEqualTo(200);
        return StreamSupport.stream(members.json().path("items").spliterator(), false)
                .filter(m -> m.path("memberId").asText().equals(memberId))
                .map(m -> m.path("source").asText())
                .sorted()
                .toList();
    }

    private static List<String> auditActions(String ws) {
        Api.Reply events = owner.get("/api/v1/workspaces/" + ws + "/audit-events?size=200");
        assertThat(events.status()).as(events.toString()).isEqualTo(200);
        List<String> actions = new ArrayList<>();
        events.json().path("items").forEach(e -> actions.add(e.path("action").asText()));
        return actions;
    }

    private static List<String> names(JsonNode groups) {
        List<String> names = new ArrayList<>();
        groups.forEach(g -> names.add(g.path("name").asText()));
        return names;
    }

    private static void insertScimRow(String groupId, String memberId) throws SQLException {
        try (Connection c = rollcall.jdbc();
                PreparedStatement s = c.prepareStatement("INSERT INTO group_membership"
                        + " (group_id, member_id, source, created_at) VALUES (?, ?, 'SCIM', ?)")) {
            s.setString(1, groupId);
            s.setString(2, memberId);
            s.setTimestamp(3, Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC)));
            s.executeUpdate();
        }
    }

    private static void setActive(String memberId, boolean active) throws SQLException {
        try (Connection c = rollcall.jdbc();
                PreparedStatement s = c.prepareStatement("UPDATE member SET active = ? WHERE id = ?")) {
            s.setBoolean(1, active);
            s.setString(2, memberId);
            s.executeUpdate();
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

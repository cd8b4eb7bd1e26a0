package io.rollcall.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rollcall.it.Api;
import io.rollcall.it.ListeningSockets;
import io.rollcall.it.OwnedWorkspace;
import io.rollcall.it.RollcallServer;
import io.rollcall.it.TestAccounts;
import io.rollcall.security.saml.SamlTestIdp;
import java.net.URI;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Three real bundles started at the same moment on one empty MariaDB database: {@code a} and {@code b} configured as a
 * two-member cluster on loopback, {@code c} with no cluster settings. Runs in the MariaDB execution only (H2 is
 * single-instance).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SeveralInstancesIT {

    private static final String TOKEN = "rcp_it_several-instances-" + Long.toHexString(System.nanoTime());
    private static final Pattern MEMBERS = Pattern.compile("Payara Data Grid State: .* DG Size: (\\d+)");
    /** The clustered instances sit behind one (imaginary) load balancer: one public URL. */
    private static final URI PUBLIC_URL = URI.create("http://rollcall-lb.it.example");

    private static RollcallServer a;
    private static RollcallServer b;
    private static RollcallServer c;
    private static int gridPortA;
    private static int gridPortB;

    @BeforeAll
    static void startThreeInstancesAtOnce() {
        // The H2 execution excludes this class; the guard is for runs that name it (-Dit.test=...).
        Assumptions.assumeTrue("mariadb".equals(System.getProperty("rollcall.it.db")), "needs MariaDB");
        String url = RollcallServer.newDatabase();
        gridPortA = RollcallServer.freePort();
        gridPortB = RollcallServer.freePort();
        String members = "127.0.0.1:" + gridPortA + ",127.0.0.1:" + gridPortB;
        String clusterName = "rollcall-it-" + Long.toHexString(System.nanoTime());
        Map<String, String> common = Map.of("ROLLCALL_DB_URL", url, "ROLLCALL_BOOTSTRAP_TOKEN", TOKEN);
        a = RollcallServer.launch(clustered(common, members, clusterName, gridPortA));
        b = RollcallServer.launch(clustered(common, members, clusterName, gridPortB));
        c = RollcallServer.launch(common);
        // Three boots share the machine's cores: allow three single boots' time.
        Duration timeout = RollcallServer.startTimeout().multipliedBy(3);
        CompletableFuture.allOf(
                        CompletableFuture.runAsync(() -> a.awaitReady(timeout)),
                        CompletableFuture.runAsync(() -> b.awaitReady(timeout)),
                        CompletableFuture.runAsync(() -> c.awaitReady(timeout)))
                .join();
    }

    private static Map<String, String> clustered(Map<String, String> common, String members, String name, int port) {
        Map<String, String> env = new HashMap<>(common);
        env.put("ROLLCALL_CLUSTER_MEMBERS", members);
        env.put("ROLLCALL_CLUSTER_NAME", name);
        env.put("ROLLCALL_CLUSTER_INTERFACE", "127.0.0.1");
        env.put("ROLLCALL_CLUSTER_PORT", Integer.toString(port));
        env.put("ROLLCALL_PUBLIC_URL", PUBLIC_URL.toString());
        return env;
    }

    @AfterAll
    static void stopAll() {
        for (RollcallServer server : new RollcallServer[] {a, b, c}) {
            if (server != null) {
                server.stop();
            }
        }
    }

    @Test
    void instancesStartedTogetherOnAnEmptyDatabaseAllServeOneBootstrappedWorkspace() throws Exception {
        for (RollcallServer server : List.of(a, b, c)) {
            Api api = new Api(server.baseUrl(), TOKEN);
            assertThat(api.get("/api/v1/me").json().get("memberships").findValuesAsText("workspace"))
                    .containsExactly("default");
        }
        try (Connection connection = a.jdbc();
                Statement s = connection.createStatement()) {
            assertThat(count(s, "SELECT COUNT(*) FROM workspace")).isEqualTo(1);
            assertThat(count(s, "SELECT COUNT(*) FROM member WHERE role_id = 'owner'"))
                    .isEqualTo(1);
            // Other tests add accounts and tokens of their own; the bootstrap's are counted by their names.
            assertThat(count(s, "SELECT COUNT(*) FROM account WHERE email = '" + RollcallServer.OWNER_EMAIL + "'"))
                    .isEqualTo(1);
            assertThat(count(s, "SELECT COUNT(*) FROM api_token WHERE name = 'bootstrap'"))
                    .isEqualTo(1);
        }
    }

    @Test
    void configuredInstancesFormAGridOfExactlyTheConfiguredMembersOnTheBoundInterface() throws Exception {
        // Payara logs the grid's state at boot and on changes: whichever joined second saw both members.
        List<Integer> sizes = new ArrayList<>(gridSizes(a));
        sizes.addAll(gridSizes(b));
        assertThat(sizes).allMatch(size -> size <= 2);
        assertThat(sizes).contains(2);
        assertThat(ListeningSockets.of(a.pid()).tcpListening())
                .containsExactlyInAnyOrder(a.baseUrl().getPort(), gridPortA);
        assertThat(ListeningSockets.of(b.pid()).tcpListening())
                .containsExactlyInAnyOrder(b.baseUrl().getPort(), gridPortB);
    }

    @Test
    void anInstanceWithoutClusterSettingsOnTheSameHostStaysAlone() throws Exception {
        ListeningSockets sockets = ListeningSockets.of(c.pid());

        assertThat(sockets.tcpListening()).containsExactly(c.baseUrl().getPort());
        assertThat(sockets.udpBound()).isEmpty();
        assertThat(Files.readString(c.log())).doesNotContain("DG Size:");
    }

    @Test
    void aScimTokenRevokedOnOneInstanceIsRefusedOnTheOtherWithinOneSecond() throws Exception {
        Api ownerOnA = new Api(a.baseUrl(), TOKEN);
        Api.Reply created = ownerOnA.post("/api/v1/workspaces/default/scim-tokens", "{\"name\":\"revoked-on-a\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        Api scimOnB = new Api(b.baseUrl(), created.json().get("token").asText());
        // B now trusts the token from memory (its trust window is 5 s).
        assertThat(scimOnB.send("GET", "/scim/v2/Users?count=1", null, null).status())
                .isEqualTo(200);

        assertThat(ownerOnA.delete("/api/v1/workspaces/default/scim-tokens/"
                                + created.json().get("id").asText())
                        .status())
                .isEqualTo(204);
        long revoked = System.nanoTime();

        int status = 200;
        while (status == 200 && System.nanoTime() - revoked < 1_000_000_000L) {
            status = scimOnB.send("GET", "/scim/v2/Users?count=1", null, null).status();
        }
        assertThat(status)
                .as("SCIM answer on B within 1 s of the revocation on A")
                .isEqualTo(401);
    }

    @Test
    void aMemberDeactivatedOnOneInstanceIsForbiddenOnTheOtherAtOnce() {
        Api ownerOnA = new Api(a.baseUrl(), TOKEN);
        TestAccounts.Person person = TestAccounts.create(a, "deactivated-on-a");
        Api.Reply invite = ownerOnA.post(
                "/api/v1/workspaces/default/invites", "{\"email\":\"" + person.email() + "\",\"role\":\"viewer\"}");
        assertThat(invite.status()).as(invite.toString()).isEqualTo(201);
        Api.Reply accepted = ownerOnA.as(person.token())
                .post(
                        "/api/v1/invites/accept",
                        "{\"token\":\"" + invite.json().get("token").asText() + "\"}");
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        Api personOnB = new Api(b.baseUrl(), person.token());
        assertThat(personOnB.get("/api/v1/workspaces/default/members").status()).isEqualTo(200);

        Api.Reply deactivated = ownerOnA.patch(
                "/api/v1/workspaces/default/members/"
                        + accepted.json().get("id").asText(),
                "{\"active\":false}");
        assertThat(deactivated.status()).as(deactivated.toString()).isEqualTo(200);

        assertThat(personOnB.get("/api/v1/workspaces/default/members").status()).isEqualTo(403);
    }

    @Test
    void aRateLimitBucketDrainedOnOneInstanceRefusesOnTheOtherWith429AndRetryAfter() {
        // The per-address sign-in bucket: 5 requests per 15 minutes, so nothing refills while the test runs (a
        // per-second bucket would, on a loaded machine, between one slow request and the next).
        String address = "drained-" + Long.toHexString(System.nanoTime()) + "@example.com";
        String body = "{\"email\":" + Api.q(address) + ",\"workspace\":\"default\"}";
        Api anonymousOnA = new Api(a.baseUrl(), null);
        for (int i = 0; i < 5; i++) {
            assertThat(anonymousOnA.post("/login/email", body).status())
                    .as("request %d on A", i + 1)
                    .isEqualTo(202);
        }

        // A bucket of B's own would still hold 5 requests.
        Api anonymousOnB = new Api(b.baseUrl(), null);
        Api.Reply refused = anonymousOnB.post("/login/email", body);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(429);
        assertThat(refused.json().path("code").asText()).isEqualTo("too-many-requests");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 15 * 60L);
        assertThat(anonymousOnA.post("/login/email", body).status())
                .as("and on A")
                .isEqualTo(429);
        assertThat(anonymousOnB
                        .post("/login/email", "{\"email\":" + Api.q("calm-" + address) + ",\"workspace\":\"default\"}")
                        .status())
                .as("another address")
                .isEqualTo(202);
    }

    @Test
    void aSamlAssertionAcceptedOnOneInstanceIsRefusedAsAReplayOnTheOther() {
        OwnedWorkspace workspace = OwnedWorkspace.create(a, "replay");
        String ws = workspace.id();
        SamlTestIdp idp = SamlTestIdp.create("replay");
        Api.Reply connected = workspace.api().put(workspace.path("/sso"), idp.connection(false));
        assertThat(connected.status()).as(connected.toString()).isEqualTo(200);
        String email = "ada@" + ws + ".example";
        Api.Reply invite =
                workspace.api().post(workspace.path("/invites"), "{\"email\":\"" + email + "\",\"role\":\"viewer\"}");
        assertThat(invite.status()).as(invite.toString()).isEqualTo(201);

        SamlTestIdp.Started onA = SamlTestIdp.start(a.baseUrl(), ws);
        String assertionId = "_a" + UUID.randomUUID();
        String response = idp.response(PUBLIC_URL, ws, onA.requestId(), assertionId, "ada", email);
        Api.Reply accepted = SamlTestIdp.post(a.baseUrl(), ws, onA.stateCookie(), response);
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(303);
        assertThat(accepted.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("rollcall_session=ey"));

        // The captured POST, cookie and all, sent to B: that login is used up.
        Api.Reply verbatim = SamlTestIdp.post(b.baseUrl(), ws, onA.stateCookie(), response);
        assertThat(verbatim.status()).as(verbatim.toString()).isEqualTo(400);
        assertThat(verbatim.json().path("code").asText()).isEqualTo("login-state-missing");
        // The same assertion answering a login of B's own: only the database's replay log can tell it was used on A.
        SamlTestIdp.Started onB = SamlTestIdp.start(b.baseUrl(), ws);
        Api.Reply replayed = SamlTestIdp.post(
                b.baseUrl(),
                ws,
                onB.stateCookie(),
                idp.response(PUBLIC_URL, ws, onB.requestId(), assertionId, "ada", email));
        assertThat(replayed.status()).as(replayed.toString()).isEqualTo(401);
        assertThat(replayed.json().path("code").asText()).isEqualTo("saml-replayed");
        assertThat(replayed.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("rollcall_session=ey"));
        // A fresh assertion on B is accepted: the refusal was the replay, not B's configuration.
        SamlTestIdp.Started again = SamlTestIdp.start(b.baseUrl(), ws);
        assertThat(SamlTestIdp.post(
                                b.baseUrl(),
                                ws,
                                again.stateCookie(),
                                idp.response(PUBLIC_URL, ws, again.requestId(), "_a" + UUID.randomUUID(), "ada", email))
                        .status())
                .isEqualTo(303);
    }

    @Test
    void aMemberDeactivatedOnOneInstanceIsDeniedByTheChecksOfTheOtherWithinOneSecond() {
        Api ownerOnA = new Api(a.baseUrl(), TOKEN);
        Api.Reply user = scimClient(ownerOnA, "deactivated-check")
                .send(
                        "POST",
                        "/scim/v2/Users",
                        "{\"schemas\":"
                                + "[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"checked-"
                                + Long.toHexString(System.nanoTime()) + "@example.com\"}",
                        "application/scim+json");
        assertThat(user.status()).as(user.toString()).isEqualTo(201);
        String member = user.json().get("id").asText();
        Api ownerOnB = new Api(b.baseUrl(), TOKEN);
        // B now answers from its snapshot of the member (kept up to 5 s without a broadcast).
        assertThat(check(ownerOnB, member, "workflows:read").get("allowed").asBoolean())
                .isTrue();

        Api.Reply deactivated = ownerOnA.patch("/api/v1/workspaces/default/members/" + member, "{\"active\":false}");
        assertThat(deactivated.status()).as(deactivated.toString()).isEqualTo(200);

        JsonNode decision = checkUntilDenied(ownerOnB, member, "workflows:read", System.nanoTime());
        assertThat(decision.get("allowed").asBoolean())
                .as("B's answer within 1 s of the change on A")
                .isFalse();
        assertThat(decision.get("reason").asText()).isEqualTo("member-deactivated");
    }

    @Test
    void aPermissionRemovedFromARoleOnOneInstanceIsDeniedByTheOtherWithinOneSecond() {
        Api ownerOnA = new Api(a.baseUrl(), TOKEN);
        String roleId = "deployer-" + Long.toHexString(System.nanoTime());
        Api.Reply role = ownerOnA.post(
                "/api/v1/workspaces/default/roles",
                "{\"id\":\"" + roleId + "\",\"name\":\"" + roleId
                        + "\",\"permissions\":[\"workflows:run\",\"workflows:read\"]}");
        assertThat(role.status()).as(role.toString()).isEqualTo(201);
        Api.Reply user = scimClient(ownerOnA, "role-check")
                .send(
                        "POST",
                        "/scim/v2/Users",
                        "{\"schemas\":"
                                + "[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"deployer-"
                                + Long.toHexString(System.nanoTime()) + "@example.com\"}",
                        "application/scim+json");
        assertThat(user.status()).as(user.toString()).isEqualTo(201);
        String member = user.json().get("id").asText();
        assertThat(ownerOnA.patch("/api/v1/workspaces/default/members/" + member, "{\"role\":\"" + roleId + "\"}")
                        .status())
                .isEqualTo(200);
        Api ownerOnB = new Api(b.baseUrl(), TOKEN);
        assertThat(check(ownerOnB, member, "workflows:run").get("allowed").asBoolean())
                .isTrue();

        Api.Reply edited =
                ownerOnA.patch("/api/v1/workspaces/default/roles/" + roleId, "{\"permissions\":[\"workflows:read\"]}");
        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);

        JsonNode decision = checkUntilDenied(ownerOnB, member, "workflows:run", System.nanoTime());
        assertThat(decision.get("allowed").asBoolean())
                .as("B's answer within 1 s of the change on A")
                .isFalse();
        assertThat(decision.get("reason").asText()).isEqualTo("no-permission");
        assertThat(check(ownerOnB, member, "workflows:read").get("allowed").asBoolean())
                .isTrue();
    }

    private static Api scimClient(Api owner, String name) {
        Api.Reply token = owner.post("/api/v1/workspaces/default/scim-tokens", "{\"name\":\"" + name + "\"}");
        assertThat(token.status()).as(token.toString()).isEqualTo(201);
        return owner.as(token.json().get("token").asText());
    }

    private static JsonNode check(Api api, String member, String permission) {
        Api.Reply reply = api.post(
                "/api/v1/workspaces/default/authz/check",
                "{\"member\":\"" + member + "\",\"permission\":\"" + permission + "\"}");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json();
    }

    /** Asks until the answer is a denial or a second has passed since {@code since}; returns the last answer. */
    private static JsonNode checkUntilDenied(Api api, String member, String permission, long since) {
        JsonNode decision = check(api, member, permission);
        while (decision.get("allowed").asBoolean() && System.nanoTime() - since < 1_000_000_000L) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            decision = check(api, member, permission);
        }
        return decision;
    }

    /** Last: it kills instance {@code a}. */
    @Test
    @Order(Integer.MAX_VALUE)
    void anInstanceKilledWithSigkillLosesNoAcknowledgedWrite() {
        Api.Reply token =
                new Api(a.baseUrl(), TOKEN).post("/api/v1/workspaces/default/scim-tokens", "{\"name\":\"sigkill\"}");
        assertThat(token.status()).as(token.toString()).isEqualTo(201);
        Api scimOnA = new Api(a.baseUrl(), token.json().get("token").asText());
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String userName = "sigkill-" + i + "@example.com";
            Api.Reply created = scimOnA.send(
                    "POST",
                    "/scim/v2/Users",
                    "{\"schemas\":[\"urn:ietf:params:scim:"
                            + "schemas:core:2.0:User\"],\"userName\":\"" + userName + "\",\"emails\":[{\"value\":\""
                            + userName + "\",\"primary\":true}]}",
                    "application/scim+json");
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            ids.add(created.json().get("id").asText());
        }

        a.kill();

        Api scimOnB = new Api(b.baseUrl(), token.json().get("token").asText());
        for (String id : ids) {
            assertThat(scimOnB.send("GET", "/scim/v2/Users/" + id, null, null).status())
                    .as(id)
                    .isEqualTo(200);
        }
        // B, whose grid just lost a member (and the buckets A held), goes on taking writes.
        Api.Reply afterKill = scimOnB.send(
                "POST",
                "/scim/v2/Users",
                "{\"schemas\":[\"urn:ietf:params:scim:"
                        + "schemas:core:2.0:User\"],\"userName\":\"after-sigkill@example.com\"}",
                "application/scim+json");
        assertThat(afterKill.status()).as(afterKill.toString()).isEqualTo(201);
        assertThat(scimOnB.send(
                                "GET",
                                "/scim/v2/Users/" + afterKill.json().get("id").asText(),
                                null,
                                null)
                        .status())
                .isEqualTo(200);
    }

    /** The grid sizes in the data-grid states Payara logged. */
    private static List<Integer> gridSizes(RollcallServer server) throws Exception {
        Matcher matcher = MEMBERS.matcher(Files.readString(server.log()));
        List<Integer> sizes = new ArrayList<>();
        while (matcher.find()) {
            sizes.add(Integer.parseInt(matcher.group(1)));
        }
        assertThat(sizes).as("data-grid states in %s", server.log()).isNotEmpty();
        return sizes;
    }

    private static long count(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}

package io.rollcall.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rollcall.it.Api;
import io.rollcall.it.OwnedWorkspace;
import io.rollcall.it.RawHttp;
import io.rollcall.it.RollcallServer;
import io.rollcall.it.TestAccounts;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Hostile input over HTTP on the real server: the inputs of issue 8 (items 9 to 11), each answered in the protocol's
 * own error format, never a 500, an HTML page or a class name.
 */
class HostileInputIT {

    private static final List<String> NOT_OBJECTS = List.of("null", "true", "\"str\"", "[]", "[{}]");

    private RollcallServer server;
    private Api owner;
    private Api stranger;
    private String ws;
    private String groupId;
    private String memberId;
    private String scimToken;

    @BeforeEach
    void newWorkspace() {
        server = RollcallServer.shared();
        OwnedWorkspace workspace = OwnedWorkspace.create(server, "hostile");
        owner = workspace.api();
        ws = workspace.id();
        stranger = owner.as(TestAccounts.create(server, "hostile-stranger").token());
        groupId = owner.post(path("/groups"), "{\"name\":\"Static\",\"membershipType\":\"STATIC\"}")
                .json()
                .path("id")
                .asText();
        memberId = owner.get(path("/members"))
                .json()
                .path("items")
                .get(0)
                .path("id")
                .asText();
        scimToken = owner.post(path("/scim-tokens"), "{\"name\":\"hostile\"}")
                .json()
                .path("token")
                .asText();
    }

    private String path(String suffix) {
        return "/api/v1/workspaces/" + ws + suffix;
    }

    /** Every admin endpoint that binds a JSON object, as method and path. */
    private List<String[]> objectEndpoints() {
        return List.of(
                new String[] {"PATCH", path("")},
                new String[] {"PATCH", path("/groups/" + groupId)},
                new String[] {"PATCH", path("/members/" + memberId)},
                new String[] {"PUT", path("/sso")},
                new String[] {"POST", path("/sso/dry-run")},
                new String[] {"POST", path("/invites")},
                new String[] {"POST", path("/groups")},
                new String[] {"POST", path("/roles")},
                new String[] {"POST", path("/scim-tokens")},
                new String[] {"POST", path("/authz/check")},
                new String[] {"POST", "/api/v1/workspaces"},
                new String[] {"POST", "/api/v1/me/tokens"},
                new String[] {"POST", "/api/v1/invites/accept"});
    }

    static void assertProblem(Api.Reply reply, int status, String code) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).as(reply.toString()).startsWith("application/problem+json");
        assertThat(reply.json().path("status").asInt()).isEqualTo(status);
        if (code != null) {
            assertThat(reply.json().path("code").asText()).as(reply.toString()).isEqualTo(code);
        }
        assertThat(reply.json().path("requestId").asText()).isNotBlank();
        assertNoLeak(reply);
    }

    static void assertScimError(Api.Reply reply, int status) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).as(reply.toString()).startsWith("application/scim+json");
        assertThat(reply.json().path("schemas").toString()).contains("urn:ietf:params:scim:api:messages:2.0:Error");
        assertThat(reply.json().path("status").asText()).isEqualTo(Integer.toString(status));
        assertNoLeak(reply);
    }

    static void assertNoLeak(Api.Reply reply) {
        assertThat(reply.body())
                .as(reply.toString())
                .doesNotContainIgnoringCase("<html")
                .doesNotContain("Exception")
                .doesNotContain("java.")
                .doesNotContain("jakarta.")
                .doesNotContain("Payara");
    }

    @Test
    void nonObjectBodiesAre400ProblemDetailsOnEveryObjectEndpointAlsoForNonMembers() {
        for (String[] endpoint : objectEndpoints()) {
            for (String body : NOT_OBJECTS) {
                for (Api caller : List.of(owner, stranger)) {
                    Api.Reply reply = caller.send(endpoint[0], endpoint[1], body, "application/json");
                    assertProblem(reply, 400, "not-an-object");
                }
            }
        }
    }

    @Test
    void claimRulesTakeAnArrayAndRefuseEverythingElse() {
        Api.Reply group = owner.post(path("/groups"), "{\"name\":\"Dyn\",\"membershipType\":\"DYNAMIC\"}");
        assertThat(group.status()).as(group.toString()).isEqualTo(201);
        String dynamic = group.json().path("id").asText();
        for (String body : List.of("null", "{}", "\"str\"", "true")) {
            assertProblem(owner.put(path("/groups/" + dynamic + "/claim-rules"), body), 400, "not-an-array");
        }
        assertThat(owner.put(path("/groups/" + dynamic + "/claim-rules"), "[]").status())
                .isEqualTo(200);
    }

    @Test
    void deeplyNestedDuplicateKeyedAndTruncatedBodiesAre400() {
        String deep = "{\"name\":" + "[".repeat(1000) + "]".repeat(1000) + "}";
        for (String[] endpoint : objectEndpoints()) {
            assertProblem(owner.send(endpoint[0], endpoint[1], deep, "application/json"), 400, "malformed-json");
            assertProblem(stranger.send(endpoint[0], endpoint[1], deep, "application/json"), 400, "malformed-json");
        }
        assertProblem(owner.patch(path(""), "{\"name\":\"a\",\"name\":\"b\"}"), 400, "malformed-json");
        assertProblem(owner.patch(path(""), "{\"name\":\"a\""), 400, "malformed-json");
        assertProblem(owner.patch(path(""), ""), 400, "body-required");
        assertThat(owner.get(path("")).json().path("name").asText())
                .as("nothing changed")
                .isEqualTo("hostile");
    }

    @Test
    void bodiesOverOneMebibyteAre413WithoutBeingParsed() {
        String huge = "{\"name\":\"" + "a".repeat(5 * 1024 * 1024) + "\"}";
        assertProblem(owner.patch(path(""), huge), 413, "payload-too-large");
        assertProblem(stranger.post(path("/invites"), huge), 413, "payload-too-large");
        assertThat(owner.get(path("")).json().path("name").asText()).isEqualTo("hostile");
    }

    @Test
    void samlAcsWithoutContentTypeIs415WithTheSsoErrorShape() {
        Api anonymous = owner.as(null);
        Api.Reply page = anonymous.send("POST", "/sso/" + ws + "/saml/acs", "SAMLResponse=abc", null);
        assertThat(page.status()).as(page.toString()).isEqualTo(415);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body()).contains("unsupported-media-type").doesNotContain("Exception");

        Api.Reply json = RawHttp.send(
                server.baseUrl(),
                "POST",
                "/sso/" + ws + "/saml/acs",
                Map.of("Accept", "application/json"),
                "SAMLResponse=abc");
        assertProblem(json, 415, "unsupported-media-type");
    }

    @Test
    void ssoJsonErrorsAreProblemDetailsLikeTheAdminApi() {
        Api.Reply reply = RawHttp.send(
                server.baseUrl(), "GET", "/sso/no-such-" + ws + "/login", Map.of("Accept", "application/json"), null);
        assertThat(reply.status()).isBetween(400, 499);
        assertProblem(reply, reply.status(), null);
        assertThat(reply.json().path("type").asText()).startsWith("https://rollcall.dev/problems/");
        assertThat(reply.json().path("code").asText()).isNotBlank();
        assertThat(reply.json().path("detail").asText()).isNotBlank();
    }

    @Test
    void scimContainerLevelErrorsAreScimErrors() {
        Map<String, String> auth = Map.of("Authorization", "Bearer " + scimToken);
        assertScimError(
                RawHttp.send(server.baseUrl(), "POST", "/scim/v2/Users", with(auth, "Content-Type", "garbage"), "{}"),
                400);
        assertScimError(RawHttp.send(server.baseUrl(), "TRACE", "/scim/v2/Users", auth, null), 405);
        assertScimError(
                RawHttp.send(
                        server.baseUrl(),
                        "GET",
                        "/scim/v2/Users/x",
                        with(auth, "If-Match", "W/\"" + "a".repeat(5000) + "\""),
                        null),
                400);
        assertScimError(
                RawHttp.send(server.baseUrl(), "GET", "/scim/v2/Users?filter=" + "a".repeat(46_000), auth, null), 414);
        assertScimError(RawHttp.send(server.baseUrl(), "GET", "/scim/v2/Nope/deeper/still", auth, null), 404);
        assertScimError(RawHttp.send(server.baseUrl(), "GET", "/scim/v2/Nope", Map.of(), null), 404);
        assertScimError(RawHttp.send(server.baseUrl(), "GET", "/scim/v2/Users", Map.of(), null), 401);
    }

    @Test
    void adminAndUnknownPathsAnswerProblemDetailsNeverHtml() {
        Map<String, String> auth = Map.of("Authorization", "Bearer " + server.ownerToken());
        assertProblem(
                RawHttp.send(server.baseUrl(), "PATCH", path(""), with(auth, "Content-Type", "garbage"), "{}"),
                400,
                null);
        assertProblem(RawHttp.send(server.baseUrl(), "TRACE", "/api/v1/me", auth, null), 405, null);
        assertProblem(
                RawHttp.send(server.baseUrl(), "GET", "/api/v1/me?q=" + "a".repeat(46_000), auth, null), 414, null);
        assertProblem(RawHttp.send(server.baseUrl(), "GET", "/no/such/page", Map.of(), null), 404, "not-found");
        assertProblem(RawHttp.send(server.baseUrl(), "TRACE", "/", Map.of(), null), 405, null);
        JsonNode wrongType = RawHttp.send(
                        server.baseUrl(), "PATCH", path(""), with(auth, "Content-Type", "text/plain"), "{}")
                .json();
        assertThat(wrongType.path("status").asInt()).isEqualTo(415);
    }

    /** Paths the listener used to refuse with an empty 400 before any filter: not valid UTF-8 once decoded. */
    static final List<String> BAD_PATH_ESCAPES = List.of("%ff", "%c0%ae", "%e2%82", "%ed%a0%80");

    private Api.Reply raw(String requestLine, String... headerLines) {
        StringBuilder head = new StringBuilder(requestLine).append("\r\nHost: 127.0.0.1\r\n");
        for (String line : headerLines) {
            head.append(line).append("\r\n");
        }
        return RawHttp.sendBytes(server.baseUrl(), head.toString().getBytes(StandardCharsets.ISO_8859_1));
    }

    /**
     * A path holding {@code sequence} is a 400 {@code bad-path} in each protocol's format: a SCIM error, problem
     * details on the admin API, and on SSO problem details for JSON clients and the error page for people.
     */
    private void assertBadPathInEachProtocol(String sequence) {
        assertScimError(
                raw("GET /scim/v2/Users/" + sequence + "x HTTP/1.1", "Authorization: Bearer " + scimToken), 400);
        assertProblem(
                raw(
                        "GET " + path("/members/" + sequence) + " HTTP/1.1",
                        "Authorization: Bearer " + server.ownerToken()),
                400,
                "bad-path");
        assertProblem(
                raw("GET /sso/" + ws + sequence + "/login HTTP/1.1", "Accept: application/json"), 400, "bad-path");
        Api.Reply page = raw("GET /sso/" + ws + sequence + "/login HTTP/1.1");
        assertThat(page.status()).as(page.toString()).isEqualTo(400);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body()).contains("bad-path").doesNotContain("Exception").doesNotContain("Payara");
    }

    @Test
    void pathsThatAreNotValidPercentEncodedUtf8AreRefusedInEachProtocolsFormat() {
        BAD_PATH_ESCAPES.forEach(this::assertBadPathInEachProtocol);
        // Valid UTF-8 still reaches the application (here: an id that is not a UUID is simply not found).
        assertScimError(raw("GET /scim/v2/Users/%c3%a9 HTTP/1.1", "Authorization: Bearer " + scimToken), 404);
    }

    /**
     * Paths Payara itself refused before any filter (an empty 200 for a malformed escape, an empty 400 for NUL and
     * backslash) until {@code io.rollcall.edge.RequestPathGuard} handed them on to the application.
     */
    static final List<String> MALFORMED_PATH_SEQUENCES = List.of("%zz", "%4", "%g0", "%%", "%00", "%5C", "%5c", "\\");

    @Test
    void malformedEscapesNulAndBackslashInPathsAre400InEachProtocolsFormatNeverAnEmpty200() {
        String auth = "Authorization: Bearer " + scimToken;
        for (String sequence : MALFORMED_PATH_SEQUENCES) {
            assertBadPathInEachProtocol(sequence);
            assertScimError(raw("GET /scim/v2/Users" + sequence + " HTTP/1.1", auth), 400);
            assertProblem(raw("GET /api/v1" + sequence + " HTTP/1.1"), 400, "bad-path");
        }
        // The query is not a path: a malformed escape there stays the application's business (here: ignored).
        assertScimError(raw("GET /scim/v2/Users/x?a=%zz HTTP/1.1", auth), 404);
        // Well-formed escapes of ordinary characters still name the resource.
        assertScimError(raw("GET /scim/v2/%55sers/x HTTP/1.1", auth), 404);
    }

    /**
     * A request line plus headers over the listener's 64 KiB is still refused by Grizzly's HTTP codec itself with a
     * bodiless 400 (docs/design.md, "Errors outside the applications"): never a success, never a page.
     */
    @Test
    void headerBlocksOverTheListenersLimitAreABodiless400() {
        Api.Reply reply = raw("GET /scim/v2/Users HTTP/1.1", "X-Padding: " + "a".repeat(70_000));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        assertThat(reply.body()).isEmpty();
    }

    private static Map<String, String> with(Map<String, String> headers, String name, String value) {
        Map<String, String> all = new java.util.HashMap<>(headers);
        all.put(name, value);
        return all;
    }
}

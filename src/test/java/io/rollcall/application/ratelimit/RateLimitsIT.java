package io.rollcall.application.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rollcall.it.Api;
import io.rollcall.it.RollcallServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Rate limits on a server of its own with tiny limits (1 request per second, bursts of 3): 429 with
 * {@code Retry-After} in each protocol's format, refusals in the audit log and the metrics. Runs in the H2 execution
 * only (the buckets are in memory).
 */
class RateLimitsIT {

    private static final String SCIM_JSON = "application/scim+json";
    private static RollcallServer server;
    private static Api owner;

    @BeforeAll
    static void start() {
        server = RollcallServer.start(Map.of(
                "ROLLCALL_RATE_LIMIT_SCIM_PER_SECOND",
                "1",
                "ROLLCALL_RATE_LIMIT_SCIM_BURST",
                "3",
                "ROLLCALL_RATE_LIMIT_API_PER_SECOND",
                "1",
                "ROLLCALL_RATE_LIMIT_API_BURST",
                "3",
                "ROLLCALL_RATE_LIMIT_SSO_PER_SECOND",
                "1",
                "ROLLCALL_RATE_LIMIT_SSO_BURST",
                "3"));
        // The owner token gets a fresh API bucket per test through tokens of its own, not this one.
        owner = new Api(server.baseUrl(), server.ownerToken());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void aScimTokenBeyondItsLimitGets429AsAScimErrorWithRetryAfterAndTheRefusalIsAudited() throws Exception {
        Api.Reply token = owner.post("/api/v1/workspaces/default/scim-tokens", "{\"name\":\"limited\"}");
        assertThat(token.status()).as(token.toString()).isEqualTo(201);
        Api scim = owner.as(token.json().get("token").asText());

        Api.Reply last = null;
        for (int i = 0; i < 6 && (last == null || last.status() != 429); i++) {
            last = scim.send("GET", "/scim/v2/Users?count=1", null, SCIM_JSON);
        }

        assertThat(last.status()).as(last.toString()).isEqualTo(429);
        assertThat(last.header("Content-Type")).startsWith(SCIM_JSON);
        assertThat(last.json().get("schemas").get(0).asText()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
        assertThat(last.json().get("status").asText()).isEqualTo("429");
        assertThat(Long.parseLong(last.header("Retry-After"))).isBetween(1L, 2L);
        assertThat(auditedRefusals("scim", token.json().get("id").asText(), "default"))
                .isEqualTo(1);

        Thread.sleep(Long.parseLong(last.header("Retry-After")) * 1000 + 200);
        assertThat(scim.send("GET", "/scim/v2/Users?count=1", null, SCIM_JSON).status())
                .isEqualTo(200);
    }

    @Test
    void anApiTokenBeyondItsLimitGets429ProblemDetailsWithRetryAfter() {
        Api.Reply created = owner.post("/api/v1/me/tokens", "{\"name\":\"limited\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        Api api = owner.as(created.json().get("token").asText());

        Api.Reply last = null;
        for (int i = 0; i < 6 && (last == null || last.status() != 429); i++) {
            last = api.get("/api/v1/me");
        }

        assertThat(last.status()).as(last.toString()).isEqualTo(429);
        assertThat(last.header("Content-Type")).startsWith("application/problem+json");
        assertThat(last.json().get("code").asText()).isEqualTo("rate-limited");
        assertThat(last.json().get("requestId").asText()).isNotBlank();
        assertThat(Long.parseLong(last.header("Retry-After"))).isBetween(1L, 2L);
    }

    @Test
    void ssoLoginsFromOneAddressBeyondTheLimitGet429InTheSsoErrorShapeAndShowInTheMetrics() {
        Api anonymous = owner.as(null);
        Api.Reply last = null;
        for (int i = 0; i < 6 && (last == null || last.status() != 429); i++) {
            last = anonymous.send("GET", "/sso/default/login", null, null);
        }

        // A browser (no Accept: application/json) gets the SSO error page.
        assertThat(last.status()).as(last.toString()).isEqualTo(429);
        assertThat(last.header("Content-Type")).startsWith("text/html");
        assertThat(last.body()).contains("<code>rate-limited</code>");
        assertThat(Long.parseLong(last.header("Retry-After"))).isBetween(1L, 2L);
        assertThat(anonymous.send("GET", "/metrics", null, null).body())
                .containsPattern("rollcall_rate_limit_refused_total\\{[^}]*scope=\"sso\"[^}]*} [1-9]");
    }

    /**
     * The fault found under load: on a keep-alive connection about one SCIM 429 in a hundred (an aborted request whose
     * body had been read ahead) was followed by its body a second time, so the client read JSON where the next status
     * line belonged. It came from the async dispatch that {@code RequestBodyDeadline} started inside the request's own
     * dispatch when the body had arrived with the headers.
     * Eight connections at once each send 90 {@code POST /Users} with bodies, every other one with the body in a second
     * write after a pause (so the server reads it asynchronously), and read every answer strictly: a status line, one
     * {@code Content-Length} body that is exactly one JSON object, and nothing else before the next status line. The
     * last request on each connection asks for {@code Connection: close}, and the rest of the stream until the server
     * closes must be that one answer.
     */
    @Test
    void everyAnswerOnAKeepAliveConnectionIsFramedExactlyOnceWhileScimRequestsAreRefusedWith429() throws Exception {
        Api.Reply token = owner.post("/api/v1/workspaces/default/scim-tokens", "{\"name\":\"framing\"}");
        assertThat(token.status()).as(token.toString()).isEqualTo(201);
        String secret = token.json().get("token").asText();

        ExecutorService connections = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<Integer>>> statuses = new ArrayList<>();
            for (int c = 0; c < 8; c++) {
                int connection = c;
                statuses.add(connections.submit(() -> postsOnOneConnection(secret, connection, 90)));
            }
            List<Integer> all = new ArrayList<>();
            for (Future<List<Integer>> each : statuses) {
                all.addAll(each.get());
            }
            assertThat(all).hasSize(720).contains(429).allMatch(status -> status == 429 || status == 201);
        } finally {
            connections.shutdownNow();
        }
    }

    private static final ObjectMapper STRICT_JSON =
            new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final Pattern STATUS_LINE = Pattern.compile("HTTP/1\\.1 (\\d{3}) [^\\r\\n]*\\r\\n");

    private List<Integer> postsOnOneConnection(String secret, int connection, int requests) throws Exception {
        List<Integer> statuses = new ArrayList<>();
        Socket socket = null;
        try {
            for (int i = 0; i < requests; i++) {
                if (socket == null) {
                    socket = new Socket(
                            server.baseUrl().getHost(), server.baseUrl().getPort());
                    socket.setSoTimeout(60_000);
                }
                OutputStream out = socket.getOutputStream();
                InputStream in = socket.getInputStream();
                boolean last = i == requests - 1;
                byte[] body = ("{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"framing-"
                                + connection + "-" + i + "@example.com\"}")
                        .getBytes(StandardCharsets.UTF_8);
                byte[] head = ("POST /scim/v2/Users HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + secret
                                + "\r\nContent-Type: application/scim+json\r\nContent-Length: " + body.length
                                + (last ? "\r\nConnection: close" : "") + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII);
                out.write(head);
                if (i % 2 == 1) {
                    out.flush();
                    Thread.sleep(20);
                }
                out.write(body);
                out.flush();
                String where = "connection " + connection + ", answer " + (i + 1);
                Answer answer = readOneAnswer(in, where);
                statuses.add(answer.status());
                if (last || answer.closes()) {
                    // A body sent after its head is answered on a closing connection (RequestBodyDeadline).
                    assertThat(in.readAllBytes())
                            .as(where + ": bytes after an answer that closes the connection")
                            .isEmpty();
                    socket.close();
                    socket = null;
                }
            }
        } finally {
            if (socket != null) {
                socket.close();
            }
        }
        return statuses;
    }

    private record Answer(int status, boolean closes) {}

    /** Reads one answer strictly; fails on anything that is not exactly one framed answer. */
    private static Answer readOneAnswer(InputStream in, String where) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            assertThat(b)
                    .as(where + ": connection closed inside the head: " + head)
                    .isNotNegative();
            head.write(b);
        }
        String headers = head.toString(StandardCharsets.ISO_8859_1);
        Matcher statusLine = STATUS_LINE.matcher(headers);
        assertThat(statusLine.lookingAt())
                .as(where + ": the answer must start with a status line, got: " + headers)
                .isTrue();
        Matcher length = Pattern.compile("(?im)^content-length:\\s*(\\d+)\\s*$").matcher(headers);
        assertThat(length.find())
                .as(where + ": no Content-Length in " + headers)
                .isTrue();
        assertThat(headers.toLowerCase(Locale.ROOT)).doesNotContain("transfer-encoding");
        byte[] body = in.readNBytes(Integer.parseInt(length.group(1)));
        JsonNode json;
        try {
            json = STRICT_JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError(
                    where + ": not one JSON object: " + headers + new String(body, StandardCharsets.UTF_8));
        }
        assertThat(json.isObject())
                .as(where + ": body " + new String(body, StandardCharsets.UTF_8))
                .isTrue();
        return new Answer(
                Integer.parseInt(statusLine.group(1)),
                Pattern.compile("(?im)^connection:\\s*close\\s*$")
                        .matcher(headers)
                        .find());
    }

    private static long auditedRefusals(String scope, String key, String workspace) throws Exception {
        try (Connection c = server.jdbc();
                PreparedStatement s = c.prepareStatement(
                        "SELECT COUNT(*) FROM audit_event"
                                + " WHERE action = 'rate-limit.refused' AND target_type = ? AND target_id = ? AND workspace_id = ?")) {
            s.setString(1, scope);
            s.setString(2, key);
            s.setString(3, workspace);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}

package io.rollcall.application.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollcall.it.Api;
import io.rollcall.it.RollcallServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
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

package io.rollcall.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollcall.it.Api;
import io.rollcall.it.RollcallServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The bootstrap runs once per database: a restart (even with other bootstrap settings) creates nothing more. */
class BootstrapIT {

    @Test
    void restartNeverCreatesASecondWorkspaceOrToken() throws Exception {
        RollcallServer first = RollcallServer.start(Map.of());
        String url = first.jdbcUrl();
        String firstToken = first.ownerToken();
        Api firstApi = new Api(first.baseUrl(), firstToken);
        assertThat(firstApi.get("/api/v1/me")
                        .json()
                        .get("memberships")
                        .get(0)
                        .get("role")
                        .asText())
                .isEqualTo("owner");
        first.stop();
        assertThat(signInLinks(first))
                .as("the first start prints one sign-in link")
                .hasSize(1);

        String otherToken = "rcp_it_a-different-bootstrap-token-0002";
        RollcallServer second = RollcallServer.start(Map.of(
                "ROLLCALL_DB_URL",
                url,
                "ROLLCALL_BOOTSTRAP_TOKEN",
                otherToken,
                "ROLLCALL_BOOTSTRAP_WORKSPACE",
                "another"));
        try {
            assertThat(signInLinks(second))
                    .as("no second link while the first is valid and unused")
                    .isEmpty();
            Api api = new Api(second.baseUrl(), firstToken);
            assertThat(api.get("/api/v1/me").json().get("memberships").findValuesAsText("workspace"))
                    .containsExactly("default");
            assertThat(api.as(otherToken).get("/api/v1/me").status()).isEqualTo(401);
            try (Connection c = second.jdbc();
                    Statement s = c.createStatement()) {
                assertThat(count(s, "SELECT COUNT(*) FROM workspace")).isEqualTo(1);
                assertThat(count(s, "SELECT COUNT(*) FROM api_token")).isEqualTo(1);
                assertThat(count(s, "SELECT COUNT(*) FROM account")).isEqualTo(1);
            }
        } finally {
            second.stop();
        }
    }

    @Test
    void aRestartIssuesANewSignInLinkOnlyAfterTheFirstExpiredUnused() throws Exception {
        RollcallServer first = RollcallServer.start(Map.of());
        String url = first.jdbcUrl();
        java.util.List<String> firstLinks = signInLinks(first);
        assertThat(firstLinks).hasSize(1);
        try (Connection c = first.jdbc();
                java.sql.PreparedStatement s =
                        c.prepareStatement("UPDATE sign_in_link SET expires_at = ? WHERE purpose = 'BOOTSTRAP'")) {
            s.setTimestamp(
                    1,
                    java.sql.Timestamp.valueOf(java.time.LocalDateTime.now(java.time.ZoneOffset.UTC)
                            .minusMinutes(1)));
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
        first.stop();

        RollcallServer second = RollcallServer.start(Map.of("ROLLCALL_DB_URL", url));
        try {
            java.util.List<String> secondLinks = signInLinks(second);
            assertThat(secondLinks).hasSize(1).doesNotContainAnyElementsOf(firstLinks);
            assertThat(postStatus(second, firstLinks.get(0)))
                    .as("the expired link")
                    .isEqualTo(410);
            assertThat(postStatus(second, secondLinks.get(0)))
                    .as("the new link")
                    .isEqualTo(303);
        } finally {
            second.stop();
        }
    }

    private static int postStatus(RollcallServer server, String path) throws Exception {
        return java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1)
                .build()
                .send(
                        java.net.http.HttpRequest.newBuilder(server.baseUrl().resolve(path))
                                .POST(java.net.http.HttpRequest.BodyPublishers.noBody())
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static java.util.List<String> signInLinks(RollcallServer server) throws java.io.IOException {
        return java.util.regex.Pattern.compile("/login/link/rcl_[A-Za-z0-9_-]+")
                .matcher(java.nio.file.Files.readString(server.log()))
                .results()
                .map(r -> r.group())
                .toList();
    }

    private static long count(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}

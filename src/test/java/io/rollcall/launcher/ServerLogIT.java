package io.rollcall.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rollcall.it.Api;
import io.rollcall.it.RollcallServer;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What an operator reads in the bundle's standard output, written to a file as a supervisor or container runtime
 * would: plain lines without colour codes, a short start-up that ends in one listening line, an access line per
 * request without credentials, and JSON lines on request. Database-independent, so it runs in the H2 execution only.
 */
class ServerLogIT {

    /** Generous: Payara Micro 6 wrote ~760 lines before; what is left is a handful of records of two lines each. */
    private static final int MAX_START_UP_LINES = 80;

    @Test
    void startUpIsShortPlainAndEndsWithTheListeningLine() throws Exception {
        RollcallServer server = RollcallServer.shared();
        List<String> lines = Files.readAllLines(server.log());

        int listening = indexOf(lines, "listening on");
        assertThat(listening).as("listening line in %s", server.log()).isNotNegative();
        assertThat(lines.get(listening))
                .containsPattern("Rollcall \\d+\\.\\d+\\.\\d+\\S* listening on http://0\\.0\\.0\\.0:"
                        + server.baseUrl().getPort() + ", database (H2|MariaDB), 1 workspaces");
        assertThat(lines.stream().filter(l -> l.contains("listening on"))).hasSize(1);
        assertThat(listening).as("lines written before the listening line").isLessThan(MAX_START_UP_LINES);
        assertThat(String.join("\n", lines))
                .doesNotContain("\u001b[")
                .doesNotContain("has expired")
                .doesNotContain("REST Endpoints");
    }

    @Test
    void everyRequestLeavesOneAccessLineWithItsRequestIdAndNoCredential() throws Exception {
        RollcallServer server = RollcallServer.shared();
        String bogusToken = "rcp_not-a-real-token-" + Long.toHexString(System.nanoTime());
        Api.Reply unauthenticated = new Api(server.baseUrl(), bogusToken).get("/api/v1/me?secret=" + bogusToken);
        Api.Reply notFound =
                new Api(server.baseUrl(), server.ownerToken()).get("/api/v1/workspaces/default/members/no-such-member");
        assertThat(unauthenticated.status()).isEqualTo(401);
        assertThat(notFound.status()).isEqualTo(404);

        String line401 = accessLine(server, unauthenticated.header("X-Request-Id"));
        String line404 = accessLine(server, notFound.header("X-Request-Id"));

        assertThat(line401)
                .contains("method=GET route=/api/v1/me status=401 durationMs=")
                .contains("caller=api-token")
                .doesNotContain(bogusToken)
                .doesNotContain("secret");
        assertThat(line404)
                .contains("method=GET route=/api/v1/workspaces/{ws}/members/{id} status=404")
                .contains("caller=api-token")
                .doesNotContain(server.ownerToken())
                .doesNotContain("no-such-member");
        assertThat(String.join("\n", Files.readAllLines(server.log())))
                .doesNotContain(bogusToken)
                .doesNotContain(server.ownerToken());
    }

    @Test
    void withJsonFormatEveryLineIsOneJsonObject() throws Exception {
        RollcallServer server = RollcallServer.start(Map.of("ROLLCALL_LOG_FORMAT", "json"));
        try {
            Api.Reply notFound = new Api(server.baseUrl(), null).get("/api/v1/no-such-thing");
            String requestId = notFound.header("X-Request-Id");
            accessLine(server, requestId);
            ObjectMapper json = new ObjectMapper();
            List<String> lines = Files.readAllLines(server.log());

            for (String line : lines) {
                assertThat(json.readTree(line).isObject())
                        .as("JSON object: %s", line)
                        .isTrue();
            }
            assertThat(lines).anySatisfy(line -> assertThat(
                            json.readTree(line).path("LogMessage").asText())
                    .startsWith("Rollcall ")
                    .contains(" listening on "));
            assertThat(lines).anySatisfy(line -> assertThat(
                            json.readTree(line).path("LogMessage").asText())
                    .contains("[requestId=" + requestId + "] access method=GET"));
        } finally {
            server.stop();
        }
    }

    private static int indexOf(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        return -1;
    }

    /** The access line of a request; the log is written asynchronously, so it is waited for (briefly). */
    private static String accessLine(RollcallServer server, String requestId) throws Exception {
        assertThat(requestId).isNotBlank();
        for (int attempt = 0; attempt < 100; attempt++) {
            Optional<String> line = Files.readAllLines(server.log()).stream()
                    .filter(l -> l.contains("[requestId=" + requestId + "] access "))
                    .findFirst();
            if (line.isPresent()) {
                return line.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no access line for request " + requestId + " in " + server.log());
    }
}

package io.rollcall.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollcall.it.Api;
import io.rollcall.it.RollcallServer;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** A refused sign-in leaves one log line with its reason and the request id the person sees. */
class RefusedSignInLogIT {

    private final RollcallServer server = RollcallServer.shared();

    @Test
    void aRefusedSsoLoginIsLoggedWithItsReasonAndRequestId() throws Exception {
        // The bootstrap workspace has no SSO connection: starting a login there is refused.
        Api.Reply refused = new Api(server.baseUrl(), null).send("GET", "/sso/default/login", null, null);
        assertThat(refused.status()).isBetween(400, 499);
        String requestId = refused.header("X-Request-Id");
        assertThat(requestId).isNotBlank();
        String line = null;
        for (int i = 0; i < 50 && line == null; i++) { // the log is written asynchronously
            line = Files.readAllLines(server.log()).stream()
                    .filter(l -> l.contains("[requestId=" + requestId + "]") && l.contains("SSO login refused"))
                    .findFirst()
                    .orElse(null);
            if (line == null) {
                Thread.sleep(100);
            }
        }
        assertThat(line)
                .as("log line for request " + requestId)
                .isNotNull()
                .contains("workspace default")
                .contains("reason ");
    }
}

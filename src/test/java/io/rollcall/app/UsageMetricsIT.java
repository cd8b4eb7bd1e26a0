package io.rollcall.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollcall.it.Api;
import io.rollcall.it.RollcallServer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Rollcall's own counters at {@code /metrics}, as an operator's Prometheus scrapes them. */
class UsageMetricsIT {

    private static final Pattern SSO_REFUSED = Pattern.compile(
            "^rollcall_sso_logins_total\\{[^}]*protocol=\"unknown\"[^}]*reason=\"([a-z-]+)\"[^}]*result=\"refused\"[^}]*}"
                    + " ([0-9.E]+)$",
            Pattern.MULTILINE);

    private final RollcallServer server = RollcallServer.shared();
    private final Api anonymous = new Api(server.baseUrl(), null);

    @Test
    void aRefusedSsoLoginIsCountedByProtocolAndRefusalCode() {
        double before = refusedLogins();
        // The bootstrap workspace has no SSO connection: starting a login there is refused.
        Api.Reply login = anonymous.send("GET", "/sso/default/login", null, null);
        assertThat(login.status()).isBetween(400, 499);
        String metrics = anonymous.send("GET", "/metrics", null, null).body();
        assertThat(metrics).contains("# TYPE rollcall_sso_logins_total counter");
        assertThat(refusedLogins()).isEqualTo(before + 1);
    }

    private double refusedLogins() {
        String metrics = anonymous.send("GET", "/metrics", null, null).body();
        double sum = 0;
        Matcher m = SSO_REFUSED.matcher(metrics);
        while (m.find()) {
            sum += Double.parseDouble(m.group(2));
        }
        return sum;
    }
}

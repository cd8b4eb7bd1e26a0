package io.rollcall.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollcall.infrastructure.metrics.MetricNames;
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

    @Test
    void requestsAreCountedAndTimedByRouteTemplateMethodAndStatusNeverByRawPath() {
        String unknownMember = "/api/v1/workspaces/default/members/no-such-member-4711";
        Api owner = new Api(server.baseUrl(), server.ownerToken());
        assertThat(owner.get(unknownMember).status()).isEqualTo(404);
        assertThat(anonymous.send("GET", "/no/such/path-4711", null, null).status())
                .isEqualTo(404);
        assertThat(anonymous
                        .as("rcs_not-a-real-token-4711")
                        .get("/scim/v2/Users")
                        .status())
                .isEqualTo(401);

        String metrics = anonymous.send("GET", "/metrics", null, null).body();

        assertThat(metrics)
                .contains("# TYPE rollcall_http_requests_total counter")
                .containsPattern("rollcall_http_requests_total\\{[^}]*method=\"GET\"[^}]*"
                        + "route=\"/api/v1/workspaces/\\{ws}/members/\\{id}\"[^}]*status=\"404\"[^}]*} [1-9]")
                .containsPattern("rollcall_http_requests_total\\{[^}]*route=\"unmatched\"[^}]*status=\"404\"")
                .containsPattern("rollcall_http_request_duration_seconds_bucket\\{[^}]*"
                        + "route=\"/api/v1/workspaces/\\{ws}/members/\\{id}\"[^}]*le=\"\\+Inf\"} [1-9]")
                .containsPattern("rollcall_scim_operations_total\\{[^}]*operation=\"list\"[^}]*"
                        + "outcome=\"unauthenticated\"[^}]*resource=\"Users\"[^}]*} [1-9]")
                .doesNotContainPattern("rollcall_http_request_duration_seconds\\{[^}]*quantile=")
                .doesNotContain("no-such-member-4711", "path-4711", "H2Pool");
        for (String name : MetricNames.exported()) {
            assertThat(metrics).as("exported series " + name).containsPattern("(?m)^" + name + "\\{");
        }
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

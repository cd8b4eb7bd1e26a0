package io.rollcall.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollcall.app.ContainerErrors.Protocol;
import io.rollcall.app.ContainerErrors.Refusal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContainerErrorsTest {

    private static Refusal refusal(String method, String uri, String query, Map<String, String> headers) {
        return ContainerErrors.refusal(method, uri, query, headers::get);
    }

    @Test
    void traceAndTrackAreRefusedEverywhereSoNothingEchoesCredentials() {
        assertThat(refusal("TRACE", "/scim/v2/Users", null, Map.of()).status()).isEqualTo(405);
        assertThat(refusal("TRACK", "/", null, Map.of()).status()).isEqualTo(405);
        assertThat(refusal("GET", "/scim/v2/Users", null, Map.of())).isNull();
    }

    @Test
    void unparseableContentTypesAreRefusedBeforeJerseyTurnsThemIntoAnHtmlPage() {
        for (String bad : new String[] {
            "garbage",
            "application/",
            "/json",
            "application/json; charset",
            "a/b; c=\"d",
            "application/json;;",
            "text/plain\u00e9"
        }) {
            assertThat(refusal("POST", "/scim/v2/Users", null, Map.of("Content-Type", bad)))
                    .as(bad)
                    .extracting(Refusal::status)
                    .isEqualTo(400);
        }
        for (String good : new String[] {
            "application/json",
            "application/scim+json; charset=utf-8",
            "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=\"a b\"",
            "text/plain;"
        }) {
            assertThat(refusal("POST", "/scim/v2/Users", null, Map.of("Content-Type", good)))
                    .as(good)
                    .isNull();
        }
    }

    @Test
    void overLongOrNonAsciiPreconditionsAreRefused() {
        assertThat(refusal("PUT", "/scim/v2/Users/x", null, Map.of("If-Match", "W/\"\u00e91\"")))
                .isNotNull();
        assertThat(refusal("PUT", "/scim/v2/Users/x", null, Map.of("If-None-Match", "\"" + "a".repeat(2000) + "\"")))
                .isNotNull();
        assertThat(refusal("PUT", "/scim/v2/Users/x", null, Map.of("If-Match", "W/\"3\"")))
                .isNull();
    }

    @Test
    void uriLongerThanTheLimitIs414() {
        String query = "filter=" + "a".repeat(ContainerErrors.MAX_URI_CHARS);
        assertThat(refusal("GET", "/scim/v2/Users", query, Map.of()).status()).isEqualTo(414);
        assertThat(refusal("GET", "/scim/v2/Users", "filter=" + "a".repeat(4096), Map.of()))
                .isNull();
    }

    @Test
    void pathsThatAreNotValidPercentEncodedUtf8AreRefused() {
        for (String bad : new String[] {
            "/scim/v2/Users/%ff",
            "/a%c0%ae",
            "/a%e2%82",
            "/a%ed%a0%80",
            "/a%80",
            "/a%00",
            "/a%5C",
            "/a%5c",
            "/a\\b",
            "/a%2Fb",
            "/a%2f",
            "/a%zz",
            "/a%4",
            "/a%"
        }) {
            assertThat(ContainerErrors.pathRefusal(bad)).as(bad).isNotNull();
            assertThat(ContainerErrors.pathRefusal(bad).status()).isEqualTo(400);
        }
        for (String good : new String[] {
            "/scim/v2/Users/2819c223-7f76-453a-919d-413861904646",
            "/a%c3%a9",
            "/a%e4%b8%ad",
            "/a%f0%9f%98%80",
            "/a%20b",
            "/",
            "/a;b=c"
        }) {
            assertThat(ContainerErrors.pathRefusal(good)).as(good).isNull();
        }
    }

    @Test
    void eachPathBelongsToOneProtocol() {
        assertThat(Protocol.of("/scim/v2")).isEqualTo(Protocol.SCIM);
        assertThat(Protocol.of("/scim/v2/Users/x")).isEqualTo(Protocol.SCIM);
        assertThat(Protocol.of("/scim/v2x")).isEqualTo(Protocol.PROBLEM);
        assertThat(Protocol.of("/sso/acme/saml/acs")).isEqualTo(Protocol.SSO);
        assertThat(Protocol.of("/.well-known/jwks.json")).isEqualTo(Protocol.SSO);
        assertThat(Protocol.of("/api/v1/me")).isEqualTo(Protocol.PROBLEM);
        assertThat(Protocol.of("/nope")).isEqualTo(Protocol.PROBLEM);
    }
}

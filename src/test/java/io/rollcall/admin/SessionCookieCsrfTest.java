package io.rollcall.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** The origin a console call must come from, as browsers write it in the {@code Origin} header (RFC 6454 §6.1). */
class SessionCookieCsrfTest {

    @Test
    void defaultPortsAreLeftOutAsBrowsersDo() {
        assertThat(SessionCookieCsrf.origin(URI.create("https://rollcall.example:443")))
                .isEqualTo("https://rollcall.example");
        assertThat(SessionCookieCsrf.origin(URI.create("http://rollcall.example:80/")))
                .isEqualTo("http://rollcall.example");
    }

    @Test
    void otherPortsAndAPathPrefixKeepThePortAndDropThePath() {
        assertThat(SessionCookieCsrf.origin(URI.create("http://127.0.0.1:8080")))
                .isEqualTo("http://127.0.0.1:8080");
        assertThat(SessionCookieCsrf.origin(URI.create("https://corp.example:8443/rollcall")))
                .isEqualTo("https://corp.example:8443");
    }
}

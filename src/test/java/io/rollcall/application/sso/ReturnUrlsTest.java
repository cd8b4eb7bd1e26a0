package io.rollcall.application.sso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReturnUrlsTest {

    private static final URI PUBLIC = URI.create("https://rollcall.example.com");

    @Test
    void noReturnUrlMeansTheRoot() {
        assertThat(ReturnUrls.validate(PUBLIC, null)).isEqualTo("/");
        assertThat(ReturnUrls.validate(PUBLIC, "")).isEqualTo("/");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/",
                "/app/workflows?tab=2#x",
                "https://rollcall.example.com/app",
                "https://ROLLCALL.example.com:443/app",
                "/path/with%2F/encoded"
            })
    void pathsAndOurOwnOriginAreAccepted(String url) {
        assertThat(ReturnUrls.validate(PUBLIC, url)).isEqualTo(url);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "//evil.example/x",
                "/\\evil.example",
                "\\\\evil.example",
                "https://evil.example/",
                "https://rollcall.example.com.evil.example/",
                "https://rollcall.example.com@evil.example/",
                "https://user@rollcall.example.com/",
                "http://rollcall.example.com/",
                "https://rollcall.example.com:8443/",
                "javascript:alert(1)",
                "data:text/html,x",
                "app/relative",
                "/ok\r\nSet-Cookie: x=y",
                "/tab\there",
                "//",
                "https:evil.example"
            })
    void everythingElseIsRefused(String url) {
        assertThatThrownBy(() -> ReturnUrls.validate(PUBLIC, url))
                .isInstanceOf(SsoFailure.class)
                .extracting(e -> ((SsoFailure) e).code())
                .isEqualTo("invalid-return-url");
    }

    @Test
    void overlongUrlIsRefused() {
        assertThatThrownBy(() -> ReturnUrls.validate(PUBLIC, "/" + "a".repeat(ReturnUrls.MAX_LENGTH)))
                .isInstanceOf(SsoFailure.class);
    }
}

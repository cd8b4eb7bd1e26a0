package io.rollcall.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SsoSettingsTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

    @Test
    void aMalformedKeyRingStopsTheStartUpNamingTheSettingNotTheValue() {
        String secretLooking = "c2VjcmV0LWJ1dC1zaG9ydA==";

        assertThatThrownBy(() -> settings(KEY + "," + secretLooking))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("ROLLCALL_SECRET_KEY entry 2 of 2 must be 32 bytes (base64), got 16")
                .satisfies(e ->
                        assertThat(e.getMessage()).doesNotContain(secretLooking).doesNotContain(KEY));
    }

    @Test
    void aSingleKeyIsARingOfOneAndNoKeyIsNoRing() {
        assertThat(settings(KEY).secretKey())
                .hasValueSatisfying(ring -> assertThat(ring.keyIds()).hasSize(1));
        assertThat(settings("  ").secretKey()).isEmpty();
    }

    private static SsoSettings settings(String secretKey) {
        return new SsoSettings(Optional.of(secretKey), 60, 480, 30, 10);
    }
}

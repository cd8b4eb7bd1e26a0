package io.rollcall.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class MailSettingsTest {

    private static MailSettings settings(
            String host, String port, String user, String password, String from, String tls) {
        return new MailSettings(
                Optional.ofNullable(host),
                Optional.ofNullable(port),
                Optional.ofNullable(user),
                Optional.ofNullable(password),
                Optional.ofNullable(from),
                tls,
                30,
                900,
                24,
                10,
                Optional.empty());
    }

    @Test
    void withoutAHostMailIsOffAndNothingElseIsRequired() {
        assertThat(settings(null, null, null, null, null, "starttls").enabled()).isFalse();
    }

    @Test
    void thePortDefaultsFollowTheTlsMode() {
        assertThat(settings("smtp.example", null, null, null, "rc@example.com", "starttls")
                        .port())
                .isEqualTo(587);
        assertThat(settings("smtp.example", null, null, null, "rc@example.com", "tls")
                        .port())
                .isEqualTo(465);
        assertThat(settings("smtp.example", null, null, null, "rc@example.com", "none")
                        .port())
                .isEqualTo(25);
        assertThat(settings("smtp.example", "2525", null, null, "Rollcall <rc@example.com>", "none")
                        .port())
                .isEqualTo(2525);
    }

    @Test
    void malformedSettingsStopTheStartWithTheVariableNamed() {
        assertThatThrownBy(() -> settings("smtp.example", null, null, null, null, "starttls"))
                .hasMessageContaining("ROLLCALL_SMTP_FROM");
        assertThatThrownBy(() -> settings("smtp.example", null, null, null, "not an address", "starttls"))
                .hasMessageContaining("ROLLCALL_SMTP_FROM");
        assertThatThrownBy(() -> settings("smtp.example", null, null, null, "rc@example.com", "ssl"))
                .hasMessageContaining("ROLLCALL_SMTP_TLS");
        assertThatThrownBy(() -> settings("smtp.example", "70000", null, null, "rc@example.com", "tls"))
                .hasMessageContaining("ROLLCALL_SMTP_PORT");
        assertThatThrownBy(() -> settings("smtp.example", null, "user", null, "rc@example.com", "tls"))
                .hasMessageContaining("ROLLCALL_SMTP_PASSWORD");
        assertThatThrownBy(() -> new MailSettings(
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        "none",
                        30,
                        900,
                        12,
                        10,
                        Optional.empty()))
                .hasMessageContaining("ROLLCALL_MAIL_RETRY_HOURS");
    }
}

package io.rollcall.infrastructure.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command's refusals, in process; the full run against real databases is {@link ReencryptSecretsIT}. */
class ReencryptSecretsCommandTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

    @TempDir
    Path dir;

    @Test
    void withoutAKeyRingNothingIsTouched() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int status = command(Map.of("ROLLCALL_DB_URL", h2Url()), out).run();

        assertThat(status).isEqualTo(ReencryptSecretsCommand.FAILED);
        assertThat(text(out)).contains("ROLLCALL_SECRET_KEY is not set");
    }

    @Test
    void aMissingH2DatabaseIsReportedAndNotCreated() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int status = command(Map.of("ROLLCALL_SECRET_KEY", KEY, "ROLLCALL_DB_URL", h2Url()), out)
                .run();

        assertThat(status).isEqualTo(ReencryptSecretsCommand.FAILED);
        assertThat(text(out)).contains("h2 database").contains("database error").doesNotContain(KEY);
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aDatabaseUrlOfAnotherProductIsRefusedBeforeConnecting() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int status = command(
                        Map.of("ROLLCALL_SECRET_KEY", KEY, "ROLLCALL_DB_URL", "jdbc:postgresql://db/rollcall"), out)
                .run();

        assertThat(status).isEqualTo(ReencryptSecretsCommand.FAILED);
        assertThat(text(out)).contains("ROLLCALL_DB_URL must be a jdbc:h2: or jdbc:mariadb: URL");
    }

    private String h2Url() {
        return "jdbc:h2:file:" + dir.resolve("rollcall");
    }

    private static ReencryptSecretsCommand command(Map<String, String> settings, ByteArrayOutputStream out) {
        return new ReencryptSecretsCommand(settings::get, new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    private static String text(ByteArrayOutputStream out) {
        return out.toString(StandardCharsets.UTF_8);
    }
}

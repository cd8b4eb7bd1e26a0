package io.rollcall.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class LogSettingsTest {

    @Test
    void plainLinesAreColouredOnlyOnATerminal() {
        Properties toFile =
                LogSettings.from(Map.<String, String>of()::get, false).loggingProperties();
        Properties toTerminal =
                LogSettings.from(Map.<String, String>of()::get, true).loggingProperties();

        assertThat(toFile.getProperty("java.util.logging.ConsoleHandler.formatter"))
                .isEqualTo(LogSettings.PLAIN_FORMATTER);
        assertThat(toFile.getProperty(LogSettings.PLAIN_FORMATTER + ".ansiColor"))
                .isEqualTo("false");
        assertThat(toTerminal.getProperty(LogSettings.PLAIN_FORMATTER + ".ansiColor"))
                .isEqualTo("true");
    }

    @Test
    void jsonSelectsPayarasJsonFormatterWithoutColourEvenOnATerminal() {
        LogSettings settings = LogSettings.from(Map.of("ROLLCALL_LOG_FORMAT", " JSON ")::get, true);
        Properties properties = settings.loggingProperties();

        assertThat(settings.json()).isTrue();
        assertThat(properties.getProperty("java.util.logging.ConsoleHandler.formatter"))
                .isEqualTo(LogSettings.JSON_FORMATTER);
        assertThat(properties.getProperty(LogSettings.PLAIN_FORMATTER + ".ansiColor"))
                .isEqualTo("false");
    }

    @Test
    void theBundledLevelsSilenceStartUpNoiseButKeepRollcallsOwnLines() {
        Properties properties =
                LogSettings.from(Map.<String, String>of()::get, false).loggingProperties();

        assertThat(properties.getProperty("handlers")).isEqualTo("java.util.logging.ConsoleHandler");
        assertThat(properties.getProperty("io.rollcall.level")).isEqualTo("INFO");
        assertThat(properties.getProperty("javax.enterprise.system.security.ssl.level"))
                .isEqualTo("SEVERE");
        assertThat(properties.getProperty("com.hazelcast.level")).isEqualTo("WARNING");
        // Cluster membership changes stay visible (one record each, only when clustered).
        assertThat(properties.stringPropertyNames()).noneMatch(name -> name.startsWith("fish.payara.nucleus.cluster"));
    }

    @Test
    void anUnknownFormatIsRefusedWithTheSettingNamed() {
        assertThatThrownBy(() -> LogSettings.from(Map.of("ROLLCALL_LOG_FORMAT", "xml")::get, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ROLLCALL_LOG_FORMAT")
                .hasMessageContaining("xml");
    }

    @Test
    void launcherLinesFollowTheFormat() {
        LogSettings plain = LogSettings.from(Map.<String, String>of()::get, false);
        LogSettings json = LogSettings.from(Map.of("ROLLCALL_LOG_FORMAT", "json")::get, false);

        assertThat(plain.launcherLine("INFO", "hello")).isEqualTo("Rollcall: hello");
        assertThat(json.launcherLine("WARNING", "say \"no\"\n"))
                .startsWith("{\"Timestamp\":\"")
                .contains(
                        "\"Level\":\"WARNING\"",
                        "\"LoggerName\":\"io.rollcall.launcher\"",
                        "\"LogMessage\":\"say \\\"no\\\"\\n\"")
                .endsWith("}")
                .doesNotContain("\n");
    }
}

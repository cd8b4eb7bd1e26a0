package io.rollcall.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Properties;
import java.util.function.Function;

/**
 * How the bundle writes its log to standard output, decided before Payara Micro boots and handed to it as a
 * {@code logging.properties} file ({@code --logproperties}). Both formats are Payara's own formatters:
 * <ul>
 * <li>{@code ROLLCALL_LOG_FORMAT=plain} (default): Payara's ODL lines, with ANSI colours only when standard output is
 * a terminal ({@code com.sun.enterprise.server.logging.ODLLogFormatter.ansiColor}), so files and log collectors get
 * plain text;</li>
 * <li>{@code ROLLCALL_LOG_FORMAT=json}: one JSON object per line ({@code fish.payara.enterprise.server.logging
 * .JSONLogFormatter}: {@code Timestamp}, {@code Level}, {@code LoggerName}, {@code LogMessage}, ...).</li>
 * </ul>
 * Logger levels come from the bundled {@code logging.properties} beside this class, which keeps start-up quiet.
 */
final class LogSettings {

    static final String PLAIN_FORMATTER = "com.sun.enterprise.server.logging.ODLLogFormatter";
    static final String JSON_FORMATTER = "fish.payara.enterprise.server.logging.JSONLogFormatter";

    private final boolean json;
    private final boolean colour;

    private LogSettings(boolean json, boolean colour) {
        this.json = json;
        this.colour = colour;
    }

    /**
     * Reads {@code ROLLCALL_LOG_FORMAT} through {@code setting} (environment variable name to value or null).
     *
     * @param terminal whether standard output is a terminal (colours are only for people watching one)
     * @throws IllegalArgumentException for a format other than {@code plain} or {@code json}
     */
    static LogSettings from(Function<String, String> setting, boolean terminal) {
        String raw = setting.apply("ROLLCALL_LOG_FORMAT");
        String format = raw == null || raw.isBlank() ? "plain" : raw.trim().toLowerCase(Locale.ROOT);
        return switch (format) {
            case "plain" -> new LogSettings(false, terminal);
            case "json" -> new LogSettings(true, false);
            default -> throw new IllegalArgumentException("ROLLCALL_LOG_FORMAT must be plain or json, got: " + raw);
        };
    }

    boolean json() {
        return json;
    }

    /** The complete Java logging configuration: the bundled levels plus this format's console formatter. */
    Properties loggingProperties() {
        Properties properties = new Properties();
        try (InputStream in = LogSettings.class.getResourceAsStream("logging.properties")) {
            if (in == null) {
                throw new IllegalStateException("logging.properties is missing beside " + LogSettings.class);
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        properties.setProperty("java.util.logging.ConsoleHandler.formatter", json ? JSON_FORMATTER : PLAIN_FORMATTER);
        properties.setProperty(PLAIN_FORMATTER + ".ansiColor", Boolean.toString(colour));
        return properties;
    }

    /**
     * A line the launcher itself prints before Payara's logging is set up, in the same format as the log: {@code
     * Rollcall: <message>}, or a JSON object with the fields Payara's JSON formatter writes.
     */
    String launcherLine(String level, String message) {
        if (!json) {
            return "Rollcall: " + message;
        }
        String now =
                OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ"));
        return "{\"Timestamp\":\"" + now + "\",\"Level\":\"" + level + "\",\"LoggerName\":\"io.rollcall.launcher\""
                + ",\"LogMessage\":\"" + jsonEscaped(message) + "\"}";
    }

    static String jsonEscaped(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}

package io.rollcall.application;

import jakarta.json.Json;
import java.io.PrintStream;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * A one-time notice for the operator on standard output that must not go through the log handlers (it may carry a
 * secret, such as the bootstrap sign-in link, that must not end up in a log file or collector index). Framed lines by
 * default; with {@code ROLLCALL_LOG_FORMAT=json} one JSON object with the fields of Payara's JSON log formatter
 * ({@code Timestamp}, {@code Level}, {@code LoggerName}, {@code LogMessage}), so that standard output stays one JSON
 * object per line.
 */
public final class ConsoleNotice {

    private static final String FRAME = "==================================================================";

    private ConsoleNotice() {}

    /** Prints {@code lines} as one notice from {@code source} (a logger-style name). */
    public static void print(PrintStream out, String source, List<String> lines) {
        boolean json = ConfigProvider.getConfig()
                .getOptionalValue("rollcall.log.format", String.class)
                .map(f -> f.trim().equalsIgnoreCase("json"))
                .orElse(false);
        if (json) {
            out.println(Json.createObjectBuilder()
                    .add(
                            "Timestamp",
                            OffsetDateTime.now(ZoneOffset.UTC)
                                    .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")))
                    .add("Level", "INFO")
                    .add("LoggerName", source)
                    .add("LogMessage", String.join("\n", lines).strip())
                    .build()
                    .toString());
            return;
        }
        out.println(FRAME);
        lines.forEach(line -> out.println(" " + line));
        out.println(FRAME);
    }
}

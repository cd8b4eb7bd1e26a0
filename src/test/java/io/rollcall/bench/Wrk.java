package io.rollcall.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the load generator {@code wrk} (Debian package {@code wrk}) and reads its summary: requests per second, the
 * 50th and 99th latency percentiles (ms) and the answers that were not 2xx/3xx. Bench only.
 */
final class Wrk {

    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern P50 = Pattern.compile("\\s50%\\s+([0-9.]+)(us|ms|s)");
    private static final Pattern P99 = Pattern.compile("\\s99%\\s+([0-9.]+)(us|ms|s)");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
    private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in");

    private Wrk() {}

    /** One wrk run: rate in requests/s, latency percentiles in ms, answers that were not 2xx/3xx, load average. */
    record Result(double perSecond, double p50Ms, double p99Ms, long failed, long requests, double load) {}

    /** A request description as a wrk Lua script. */
    static Path script(String lua) throws IOException {
        Path file = Files.createTempFile("rollcall-bench-", ".lua");
        file.toFile().deleteOnExit();
        Files.writeString(file, lua, StandardCharsets.UTF_8);
        return file;
    }

    /** A fixed request: method, headers and body. */
    static Path fixed(String method, String body, String contentType, String token) throws IOException {
        StringBuilder lua = new StringBuilder("wrk.method = \"" + method + "\"\n");
        if (body != null) {
            lua.append("wrk.body = [[").append(body).append("]]\n");
            lua.append("wrk.headers[\"Content-Type\"] = \"").append(contentType).append("\"\n");
        }
        if (token != null) {
            lua.append("wrk.headers[\"Authorization\"] = \"Bearer ")
                    .append(token)
                    .append("\"\n");
        }
        return script(lua.toString());
    }

    /** SCIM creates with a user name unique per run, wrk thread and request. */
    static Path scimCreates(String token, String runPrefix) throws IOException {
        return script("""
                local threads = 0
                function setup(thread)
                  threads = threads + 1
                  thread:set("tid", threads)
                end
                local n = 0
                function request()
                  n = n + 1
                  local u = "%s-" .. tid .. "-" .. n .. "@bench.example"
                  local body = '{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"' .. u
                    .. '","emails":[{"value":"' .. u .. '","primary":true}],"active":true}'
                  return wrk.format("POST", "/scim/v2/Users", {["Content-Type"] = "application/scim+json",
                    ["Authorization"] = "Bearer %s"}, body)
                end
                """.formatted(runPrefix, token));
    }

    /** Starts wrk with {@code connections} connections on one thread per 4 connections for {@code seconds}. */
    static Process start(URI base, String path, Path script, int connections, int seconds) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                "wrk",
                "-t" + Math.max(1, connections / 4),
                "-c" + connections,
                "-d" + seconds + "s",
                "--latency",
                "-s",
                script.toString(),
                base.resolve(path).toString()));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    static Result await(Process wrk) throws IOException, InterruptedException {
        String out = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        wrk.waitFor();
        Matcher rate = RATE.matcher(out);
        if (!rate.find()) {
            throw new IllegalStateException("wrk printed no rate:\n" + out);
        }
        Matcher failed = NON_2XX.matcher(out);
        Matcher requests = REQUESTS.matcher(out);
        return new Result(
                Double.parseDouble(rate.group(1)),
                millis(P50, out),
                millis(P99, out),
                failed.find() ? Long.parseLong(failed.group(1)) : 0,
                requests.find() ? Long.parseLong(requests.group(1)) : 0,
                loadAverage());
    }

    static Result run(URI base, String path, Path script, int connections, int seconds)
            throws IOException, InterruptedException {
        return await(start(base, path, script, connections, seconds));
    }

    /** The one-minute load average of the machine (client, servers, database and anything else running). */
    static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    private static double millis(Pattern pattern, String out) {
        Matcher m = pattern.matcher(out);
        if (!m.find()) {
            return Double.NaN;
        }
        double value = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> value / 1000;
            case "s" -> value * 1000;
            default -> value;
        };
    }
}

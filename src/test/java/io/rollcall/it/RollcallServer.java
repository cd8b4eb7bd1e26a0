package io.rollcall.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * The real Rollcall bundle ({@code target/rollcall.jar}, Payara Micro) started once per test JVM on a fresh database:
 * an H2 file under {@code target/it-h2}, or a new MariaDB database on 127.0.0.1:3306 that is dropped afterwards.
 * Which one comes from the Failsafe execution ({@code -Drollcall.it.db=h2|mariadb}). Tests isolate their data by
 * creating their own workspaces and accounts; they share the server, never rows.
 *
 * <p>Without MariaDB the MariaDB execution is skipped, except under {@code CI=true}, where it fails.
 *
 * <p>How long a start may take is {@code -Drollcall.it.startTimeoutSeconds} (default 240 seconds): a loaded build
 * machine needs more than a developer laptop.
 */
public final class RollcallServer {

    /** System property naming the start-up wait in seconds; shared with the Arquillian container configuration. */
    public static final String START_TIMEOUT_PROPERTY = "rollcall.it.startTimeoutSeconds";

    private static final long DEFAULT_START_TIMEOUT_SECONDS = 600;

    private static RollcallServer instance;

    private final String db;
    private final String jdbcUrl;
    private final String jdbcUser;
    private final String jdbcPassword;
    private final URI baseUrl;
    private final String ownerToken;
    private final Process process;
    private final Path log;

    private RollcallServer(
            String db,
            String jdbcUrl,
            String jdbcUser,
            String jdbcPassword,
            URI baseUrl,
            String ownerToken,
            Process process,
            Path log) {
        this.db = db;
        this.jdbcUrl = jdbcUrl;
        this.jdbcUser = jdbcUser;
        this.jdbcPassword = jdbcPassword;
        this.baseUrl = baseUrl;
        this.ownerToken = ownerToken;
        this.process = process;
        this.log = log;
    }

    /** The server of this test JVM, started on first use. */
    public static synchronized RollcallServer shared() {
        if (instance == null) {
            instance = start(Map.of());
        }
        return instance;
    }

    /**
     * Starts a separate server with extra environment (for example {@code ROLLCALL_PUBLIC_URL}); the caller stops it.
     * The bootstrap owner is {@link #OWNER_EMAIL} with {@link #ownerToken()}.
     */
    public static RollcallServer start(Map<String, String> extraEnv) {
        RollcallServer server = launch(extraEnv);
        server.awaitReady();
        return server;
    }

    /**
     * A new, empty database for servers started with {@code ROLLCALL_DB_URL} (several instances on one database): a
     * MariaDB database dropped when the test JVM ends, or an H2 file. Returns its JDBC URL.
     */
    public static String newDatabase() {
        String db = System.getProperty("rollcall.it.db", "h2");
        String suffix = randomHex(6);
        if (!"mariadb".equals(db)) {
            Path workdir = Path.of(System.getProperty("rollcall.it.workdir", "target/it-" + db))
                    .toAbsolutePath();
            return "jdbc:h2:file:" + workdir.resolve("db-" + suffix).resolve("rollcall") + ";AUTO_SERVER=TRUE";
        }
        String serverUrl = System.getProperty("rollcall.it.mariadb.url", "jdbc:mariadb://127.0.0.1:3306/");
        String user = System.getProperty("rollcall.it.mariadb.user", "root");
        String password = System.getProperty("rollcall.it.mariadb.password", "");
        String database = "rollcall_it_" + suffix;
        createMariaDbDatabase(serverUrl, user, password, database);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(() -> dropMariaDbDatabase(serverUrl, user, password, database)));
        return serverUrl + database;
    }

    /**
     * Starts the bundle like {@link #start} but returns at once, without waiting for readiness (start-up races, failed
     * deployments); see {@link #awaitReady()} and {@link #awaitExit(Duration)}.
     */
    public static RollcallServer launch(Map<String, String> extraEnv) {
        String db = System.getProperty("rollcall.it.db", "h2");
        Path workdir = Path.of(System.getProperty("rollcall.it.workdir", "target/it-" + db))
                .toAbsolutePath();
        Path jar = Path.of(System.getProperty("rollcall.it.jar", "target/rollcall.jar"))
                .toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run 'mvn package' (or 'mvn verify') first");
        }
        String suffix = randomHex(6);
        String jdbcUrl;
        String user = null;
        String password = null;
        if (extraEnv.containsKey("ROLLCALL_DB_URL")) {
            // Another server on an existing database (restarts, several instances).
            jdbcUrl = extraEnv.get("ROLLCALL_DB_URL");
        } else {
            jdbcUrl = newDatabase();
            // Extra Connector/J options for the server's URL only, e.g. to compare driver settings in a benchmark.
            String options = System.getProperty("rollcall.it.mariadb.serverOptions", "");
            if ("mariadb".equals(db) && !options.isBlank()) {
                jdbcUrl = jdbcUrl + "?" + options;
            }
        }
        if ("mariadb".equals(db)) {
            user = System.getProperty("rollcall.it.mariadb.user", "root");
            password = System.getProperty("rollcall.it.mariadb.password", "");
        }
        int port = freePort();
        URI baseUrl = URI.create("http://127.0.0.1:" + port);
        String ownerToken = extraEnv.getOrDefault("ROLLCALL_BOOTSTRAP_TOKEN", "rcp_it_" + randomHex(24));
        try {
            Files.createDirectories(workdir);
            Path log = workdir.resolve("server-" + suffix + ".log");
            // No cluster flags: the launcher starts standalone (no data grid) unless ROLLCALL_CLUSTER_* says otherwise,
            // and the multi-instance tests rely on exactly that default.
            List<String> command = new ArrayList<>(List.of(javaBin(), "-Xmx1g", "-jar", jar.toString()));
            // Extra JVM options for the server, e.g. a JFR recording in a benchmark run (space separated).
            String jvmArgs = System.getProperty("rollcall.it.serverJvmArgs", "").trim();
            if (!jvmArgs.isEmpty()) {
                command.addAll(command.indexOf("-jar"), List.of(jvmArgs.split("\\s+")));
            }
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(workdir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            Map<String, String> env = builder.environment();
            env.keySet().removeIf(k -> k.startsWith("ROLLCALL_"));
            env.put("ROLLCALL_DB_URL", jdbcUrl);
            if (user != null) {
                env.put("ROLLCALL_DB_USER", user);
                env.put("ROLLCALL_DB_PASSWORD", password);
            }
            env.put("ROLLCALL_PORT", Integer.toString(port));
            env.put("ROLLCALL_PUBLIC_URL", baseUrl.toString());
            env.put("ROLLCALL_BOOTSTRAP_OWNER_EMAIL", OWNER_EMAIL);
            env.put("ROLLCALL_BOOTSTRAP_TOKEN", ownerToken);
            env.putAll(extraEnv);
            Process process = builder.start();
            RollcallServer server = new RollcallServer(db, jdbcUrl, user, password, baseUrl, ownerToken, process, log);
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("could not start Rollcall", e);
        }
    }

    /** Email of the bootstrap owner of workspace {@code default}. */
    public static final String OWNER_EMAIL = "owner@it.example";

    public URI baseUrl() {
        return baseUrl;
    }

    /** API token of the bootstrap owner. */
    public String ownerToken() {
        return ownerToken;
    }

    /** The JDBC URL the server runs on, e.g. to start a second server on the same database. */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    public String db() {
        return db;
    }

    /** The server's process id (for CPU accounting in benchmarks). */
    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    /** A JDBC connection to the server's database, for arranging state no API can (accounts) and for checks. */
    public Connection jdbc() throws SQLException {
        return user() == null
                ? DriverManager.getConnection(jdbcUrl, "", "")
                : DriverManager.getConnection(jdbcUrl, jdbcUser, jdbcPassword);
    }

    private String user() {
        return jdbcUser;
    }

    public void stop() {
        if (process.isAlive()) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            try {
                process.waitFor(
                        java.util.concurrent.TimeUnit.SECONDS.toMillis(30), java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process.destroyForcibly();
        }
    }

    /**
     * The start-up wait in force (tests that boot several servers at once allow a multiple of it) from {@value #START_TIMEOUT_PROPERTY} (whole seconds, at least 1), else 600 seconds.
     *
     * @throws IllegalArgumentException if the property is set but not a positive whole number
     */
    public static Duration startTimeout() {
        String configured = System.getProperty(START_TIMEOUT_PROPERTY, "").trim();
        if (configured.isEmpty()) {
            return Duration.ofSeconds(DEFAULT_START_TIMEOUT_SECONDS);
        }
        long seconds;
        try {
            seconds = Long.parseLong(configured);
        } catch (NumberFormatException e) {
            seconds = 0;
        }
        if (seconds < 1) {
            throw new IllegalArgumentException(
                    START_TIMEOUT_PROPERTY + " must be a positive number of seconds, not '" + configured + "'");
        }
        return Duration.ofSeconds(seconds);
    }

    /** Kills the server at once (SIGKILL), as a crash would. */
    public void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits for the server process to end by itself; returns its exit status, or empty when still running. */
    public java.util.OptionalInt awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                ? java.util.OptionalInt.of(process.exitValue())
                : java.util.OptionalInt.empty();
    }

    /** Waits until {@code /health/ready} answers UP; stops the server and fails when it does not. */
    public void awaitReady() {
        awaitReady(startTimeout());
    }

    /** As {@link #awaitReady()}, with a timeout of the caller's (several instances booting at once take longer). */
    public void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        String last = "no answer";
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Rollcall exited during start-up; see " + log);
            }
            try {
                // A plain HttpURLConnection with hard timeouts: the JDK HttpClient's h2c upgrade attempt once hung
                // here for minutes against a server that was still starting.
                java.net.HttpURLConnection connection = (java.net.HttpURLConnection)
                        baseUrl.resolve("/health/ready").toURL().openConnection();
                connection.setConnectTimeout(2000);
                connection.setReadTimeout(3000);
                int status = connection.getResponseCode();
                java.io.InputStream stream = status < 400 ? connection.getInputStream() : connection.getErrorStream();
                String body = stream == null
                        ? ""
                        : new String(stream.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                connection.disconnect();
                last = status + " " + body;
                if (status == 200 && body.contains("\"UP\"")) {
                    return;
                }
                // A failed deployment needs no check here: the launcher exits (status 3), caught above. Payara's own
                // "ready in" line, once used for this, is no longer logged (start-up is quiet).
            } catch (IOException e) {
                last = e.toString(); // not listening yet
            }
            sleep(500);
        }
        stop();
        throw new IllegalStateException("Rollcall was not ready within " + timeout.toSeconds() + " s (-D"
                + START_TIMEOUT_PROPERTY + " raises it; last answer of /health/ready: " + last + "); see " + log);
    }

    private static void createMariaDbDatabase(String serverUrl, String user, String password, String database) {
        try (Connection c = DriverManager.getConnection(serverUrl, user, password);
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        } catch (SQLException e) {
            boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
            if (ci) {
                throw new IllegalStateException("MariaDB at " + serverUrl + " is required under CI=true", e);
            }
            Assumptions.abort("MariaDB is not reachable at " + serverUrl + " (" + e.getMessage()
                    + "); the MariaDB suite is skipped outside CI");
        }
    }

    private static void dropMariaDbDatabase(String serverUrl, String user, String password, String database) {
        try (Connection c = DriverManager.getConnection(serverUrl, user, password);
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database);
        } catch (SQLException e) {
            System.err.println("could not drop test database " + database + ": " + e.getMessage());
        }
    }

    /** A TCP port free on the loopback interface right now. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

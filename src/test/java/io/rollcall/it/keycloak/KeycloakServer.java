package io.rollcall.it.keycloak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One Keycloak per test JVM, started on first use ({@code kc.sh start-dev} on a free 127.0.0.1 port, realm
 * {@code idp-samples/keycloak/rollcall-realm.json} imported into a fresh dev database) and stopped by a shutdown hook.
 * Measured on 2 cores: 50-60 s for the first start after a fresh unpack (Keycloak augments its Quarkus app once),
 * ~33 s afterwards with the fresh dev database and realm import (~9 s if the database were kept). A separate
 * {@code kc.sh build} would only move the one-off augmentation, so start-dev is used.
 *
 * <p>Where Keycloak lives: system property {@code rollcall.it.keycloakHome}, else the single
 * {@code target/keycloak/keycloak-*} directory that the {@code keycloak-dist} execution of maven-dependency-plugin unpacks.
 */
public final class KeycloakServer {

    public static final String REALM = "rollcall";
    public static final String ADMIN_USER = "admin";

    private static KeycloakServer shared;

    private final Process process;
    private final URI baseUri;
    private final String adminPassword;
    private final Duration startup;

    private KeycloakServer(Process process, URI baseUri, String adminPassword, Duration startup) {
        this.process = process;
        this.baseUri = baseUri;
        this.adminPassword = adminPassword;
        this.startup = startup;
    }

    /** The JVM-wide instance, started on first call. */
    public static synchronized KeycloakServer shared() {
        if (shared == null) {
            shared = start(home(), Path.of("idp-samples", "keycloak", "rollcall-realm.json"));
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "keycloak-stop"));
        }
        return shared;
    }

    public URI baseUri() {
        return baseUri;
    }

    /** {@code http://127.0.0.1:port/realms/rollcall}, the OIDC issuer and SAML IdP entity id. */
    public String realmUrl() {
        return baseUri + "/realms/" + REALM;
    }

    public String adminPassword() {
        return adminPassword;
    }

    /** How long the start took until the realm answered. */
    public Duration startup() {
        return startup;
    }

    static Path home() {
        String configured = System.getProperty("rollcall.it.keycloakHome");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path unpacked = Path.of("target", "keycloak");
        try (Stream<Path> dirs = Files.list(unpacked)) {
            List<Path> homes = dirs.filter(p -> p.getFileName().toString().startsWith("keycloak-"))
                    .toList();
            if (homes.size() != 1) {
                throw new IllegalStateException(
                        "expected one Keycloak under " + unpacked.toAbsolutePath() + ": " + homes);
            }
            return homes.get(0);
        } catch (IOException e) {
            throw new IllegalStateException(
                    "Keycloak is not unpacked under " + unpacked.toAbsolutePath()
                            + "; run the build through pre-integration-test (mvn verify)",
                    e);
        }
    }

    private static KeycloakServer start(Path home, Path realmFile) {
        try {
            // A fresh dev database every JVM so that tests never see users from an earlier run.
            deleteRecursively(home.resolve("data"));
            Path imports = Files.createDirectories(home.resolve("data").resolve("import"));
            Files.copy(realmFile, imports.resolve("rollcall-realm.json"), StandardCopyOption.REPLACE_EXISTING);
            int port = freePort();
            String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(12));
            Path log = home.getParent().resolve("keycloak.log");
            ProcessBuilder builder = new ProcessBuilder(
                            home.resolve("bin").resolve("kc.sh").toString(),
                            "start-dev",
                            "--http-port=" + port,
                            "--http-host=127.0.0.1",
                            "--http-management-port=" + freePort(),
                            "--import-realm",
                            "--hostname-strict=false")
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER);
            builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", password);
            long started = System.nanoTime();
            Process process = builder.start();
            URI base = URI.create("http://127.0.0.1:" + port);
            awaitRealm(process, base, log);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            System.out.println("Keycloak " + home.getFileName() + " ready on " + base + " after " + took.toMillis()
                    + " ms (log: " + log.toAbsolutePath() + ")");
            return new KeycloakServer(process, base, password, took);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start Keycloak from " + home.toAbsolutePath(), e);
        }
    }

    private static void awaitRealm(Process process, URI base, Path log) throws IOException {
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .build();
        HttpRequest probe = HttpRequest.newBuilder(URI.create(base + "/realms/" + REALM))
                .timeout(Duration.ofSeconds(5))
                .build();
        // Generous: on a busy 2-core machine the first start (Quarkus augmentation) alone took 136 s.
        long waitSeconds = Long.getLong("rollcall.it.keycloakStartSeconds", 600);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(waitSeconds);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue() + ":\n" + tail(log));
            }
            try {
                if (client.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // Not listening yet.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for Keycloak", e);
            }
            sleep(500);
        }
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        throw new IllegalStateException(
                "Keycloak not ready after " + waitSeconds + " s (-Drollcall.it.keycloakStartSeconds):\n" + tail(log));
    }

    /** Stops Keycloak and its child JVM. */
    public void stop() {
        if (!process.isAlive()) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}

package io.rollcall.launcher;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Entry point of {@code rollcall.jar}: maps Rollcall's own settings onto Payara Micro's boot properties, then hands
 * over to Payara Micro's uber-jar main. Payara Micro reads its HTTP port only from {@code payaramicro.port}; operators
 * configure {@code ROLLCALL_PORT}, so this class translates one into the other before Payara boots. The same goes for
 * clustering ({@link ClusterSettings}): standalone unless configured, and for the log format ({@link LogSettings}):
 * plain or JSON, quiet start-up, colours only on a terminal.
 *
 * <p>Payara Micro keeps running when the application fails to deploy, answering every request with "No Application
 * deployed". An instance without its application is useless and hides the failure from a supervisor, so after boot
 * this class checks that the application is deployed and otherwise exits with status {@value #EXIT_NOT_DEPLOYED}.
 *
 * <p>Sub-command: {@code java -jar rollcall.jar reencrypt-secrets} re-encrypts the stored secrets with the newest key
 * of {@code ROLLCALL_SECRET_KEY} and exits, without starting a server (see the README, "Key rotation").
 */
public final class RollcallLauncher {

    static final String PAYARA_UBER_JAR_MAIN = "fish.payara.micro.boot.PayaraMicroLauncher";
    /** Exit status when Payara Micro did not boot or the application did not deploy. */
    static final int EXIT_NOT_DEPLOYED = 3;
    /** The sub-command that re-encrypts stored secrets, and the application class that implements it. */
    static final String REENCRYPT_SECRETS = "reencrypt-secrets";

    static final String REENCRYPT_SECRETS_COMMAND = "io.rollcall.infrastructure.secrets.ReencryptSecretsCommand";

    private RollcallLauncher() {}

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && REENCRYPT_SECRETS.equals(args[0])) {
            System.exit(ApplicationCommand.run(REENCRYPT_SECRETS_COMMAND, args));
            return;
        }
        String port = firstNonBlank(System.getProperty("rollcall.port"), System.getenv("ROLLCALL_PORT"));
        if (port != null && System.getProperty("payaramicro.port") == null) {
            System.setProperty("payaramicro.port", validPort(port, "ROLLCALL_PORT"));
        }
        LogSettings logs;
        ClusterSettings cluster;
        try {
            logs = LogSettings.from(RollcallLauncher::setting, System.console() != null);
        } catch (IllegalArgumentException e) {
            System.err.println("Rollcall: " + e.getMessage());
            System.exit(2);
            return;
        }
        try {
            cluster = ClusterSettings.from(RollcallLauncher::setting);
        } catch (IllegalArgumentException e) {
            System.err.println(logs.launcherLine("SEVERE", e.getMessage()));
            System.exit(2);
            return;
        }
        for (Map.Entry<String, String> property : cluster.systemProperties().entrySet()) {
            if (System.getProperty(property.getKey()) == null) {
                System.setProperty(property.getKey(), property.getValue());
            }
        }
        cluster.notices().forEach(line -> System.err.println(logs.launcherLine("INFO", line)));
        List<String> payaraArgs = new ArrayList<>(cluster.payaraArguments());
        if (!List.of(args).contains("--logproperties")) {
            payaraArgs.addAll(
                    List.of("--logproperties", loggingPropertiesFile(logs).toString()));
        }
        payaraArgs.addAll(List.of(args));
        Method main = Class.forName(PAYARA_UBER_JAR_MAIN).getMethod("main", String[].class);
        try {
            main.invoke(null, (Object) payaraArgs.toArray(String[]::new));
        } catch (InvocationTargetException e) {
            // Payara's non-daemon threads would keep a half-booted JVM alive.
            e.getCause().printStackTrace();
            System.err.println(logs.launcherLine("SEVERE", "Payara Micro failed to boot; exiting"));
            System.exit(EXIT_NOT_DEPLOYED);
        }
        String httpPort = System.getProperty("payaramicro.port", "8080");
        if (!applicationAnswers(httpPort)) {
            System.err.println(
                    logs.launcherLine("SEVERE", "the application failed to deploy (see the log above); exiting"));
            System.exit(EXIT_NOT_DEPLOYED);
        }
    }

    /** Writes the logging configuration to a temporary file for Payara Micro, which reads it from a path. */
    private static Path loggingPropertiesFile(LogSettings logs) throws IOException {
        Path file = Files.createTempFile("rollcall-logging", ".properties");
        file.toFile().deleteOnExit();
        try (var out = Files.newOutputStream(file)) {
            logs.loggingProperties().store(out, "written by io.rollcall.launcher.LogSettings");
        }
        return file;
    }

    /**
     * Whether Rollcall's own API answers on the local HTTP port once Payara Micro has booted. Its answers are JSON (a
     * 200, or a problem document); without the application Payara serves an HTML "No Application deployed" page.
     * Payara's deployer cannot tell: it still lists an application whose deployment failed.
     */
    static boolean applicationAnswers(String httpPort) {
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                HttpURLConnection connection =
                        (HttpURLConnection) URI.create("http://127.0.0.1:" + httpPort + "/api/v1/permissions")
                                .toURL()
                                .openConnection();
                connection.setConnectTimeout(5000);
                connection.setReadTimeout(15000);
                connection.getResponseCode();
                String type = connection.getContentType();
                connection.disconnect();
                return type != null && type.contains("json");
            } catch (IOException e) {
                // not answering yet: try again
            }
        }
        return false;
    }

    /** A setting from its system property ({@code rollcall.cluster.members}) or environment variable. */
    private static String setting(String environmentName) {
        String property = environmentName.toLowerCase(Locale.ROOT).replace('_', '.');
        return firstNonBlank(System.getProperty(property), System.getenv(environmentName));
    }

    static String validPort(String raw, String settingName) {
        try {
            int value = Integer.parseInt(raw.trim());
            if (value < 1 || value > 65535) {
                throw new NumberFormatException();
            }
            return Integer.toString(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(settingName + " must be a TCP port number (1-65535), got: " + raw);
        }
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}

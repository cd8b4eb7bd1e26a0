package io.rollcall.infrastructure.secrets;

import io.rollcall.infrastructure.persistence.DatabaseSettings;
import io.rollcall.security.crypto.SecretBox;
import io.rollcall.security.crypto.SecretKeyRing;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.function.UnaryOperator;

/**
 * {@code java -jar rollcall.jar reencrypt-secrets}: re-encrypts every stored secret with the newest key of
 * {@code ROLLCALL_SECRET_KEY} ({@link SecretReencryption}) and prints one count line per kind of secret. Reads the
 * settings the server reads ({@code ROLLCALL_SECRET_KEY}, {@code ROLLCALL_DB_URL}, {@code ROLLCALL_DB_USER},
 * {@code ROLLCALL_DB_PASSWORD}; as environment variables or system properties such as {@code rollcall.db.url}). Prints
 * no secret, key or password. Exit status: 0 done, 1 some values could not be opened (listed by row id; the rest
 * were done), 2 bad settings or database error.
 */
public final class ReencryptSecretsCommand {

    /** Exit status when every stored secret is now under the newest key. */
    public static final int DONE = 0;
    /** Exit status when some stored values open with no key of the ring (the others were re-encrypted). */
    public static final int UNREADABLE = 1;
    /** Exit status for a missing or malformed setting, or a database that cannot be used. */
    public static final int FAILED = 2;

    /** H2's error code for a database file locked by another process. */
    private static final int H2_DATABASE_IN_USE = 90020;

    private final UnaryOperator<String> settings;
    private final PrintStream out;

    /** @param settings a setting's value by environment variable name ({@code ROLLCALL_DB_URL}), or null */
    public ReencryptSecretsCommand(UnaryOperator<String> settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    /**
     * Entry point used by the launcher ({@code args[0]} is the sub-command's name; no options are taken): settings
     * from system properties, then the environment.
     */
    public static int run(String[] args) {
        if (args.length > 1) {
            System.out.println("usage: java -jar rollcall.jar reencrypt-secrets (settings come from the environment)");
            return FAILED;
        }
        return new ReencryptSecretsCommand(ReencryptSecretsCommand::fromEnvironment, System.out).run();
    }

    /** Runs once; answers the exit status. */
    public int run() {
        String ring = settings.apply(SecretKeyRing.SETTING);
        if (ring == null || ring.isBlank()) {
            out.println("reencrypt-secrets: " + SecretKeyRing.SETTING + " is not set; there is no key to encrypt with");
            return FAILED;
        }
        SecretBox box;
        DatabaseSettings database;
        try {
            box = new SecretBox(SecretKeyRing.parse(ring));
            String url = settings.apply("ROLLCALL_DB_URL");
            database = DatabaseSettings.of(
                    url == null || url.isBlank() ? DatabaseSettings.defaultH2Url() : url.trim(),
                    settings.apply("ROLLCALL_DB_USER"),
                    settings.apply("ROLLCALL_DB_PASSWORD"));
        } catch (IllegalArgumentException | IllegalStateException e) {
            out.println("reencrypt-secrets: " + e.getMessage());
            return FAILED;
        }
        out.println(
                "reencrypt-secrets: " + database.vendor().name().toLowerCase(Locale.ROOT) + " database; newest key id "
                        + box.ring().newestKeyId() + ", key ring " + box.ring().keyIds());
        List<SecretReencryption.Tally> tallies;
        try (Connection connection = connect(database)) {
            tallies = new SecretReencryption(box).run(connection);
        } catch (SQLException e) {
            out.println("reencrypt-secrets: database error (SQLState " + e.getSQLState() + "): " + e.getMessage());
            if (e.getErrorCode() == H2_DATABASE_IN_USE) {
                out.println("reencrypt-secrets: the embedded H2 database opens in one process only: stop Rollcall"
                        + " first");
            }
            return FAILED;
        }
        boolean unreadable = false;
        for (SecretReencryption.Tally tally : tallies) {
            out.println(tally.kind() + ": " + tally.reencrypted() + " re-encrypted, " + tally.encryptedFromClear()
                    + " encrypted (were stored in clear), " + tally.alreadyCurrent() + " already under key "
                    + box.ring().newestKeyId() + ", " + tally.changedMeanwhile() + " changed meanwhile (run again), "
                    + tally.unreadable().size() + " unreadable");
            tally.unreadable().forEach(row -> out.println("  unreadable " + row));
            unreadable |= !tally.unreadable().isEmpty();
        }
        return unreadable ? UNREADABLE : DONE;
    }

    private static Connection connect(DatabaseSettings database) throws SQLException {
        // The driver is loaded by name: DriverManager only sees drivers of the class loader that started the JVM.
        String driverClass =
                database.vendor() == DatabaseSettings.Vendor.H2 ? "org.h2.Driver" : "org.mariadb.jdbc.Driver";
        Driver driver;
        try {
            driver = (Driver) Class.forName(driverClass, true, ReencryptSecretsCommand.class.getClassLoader())
                    .getDeclaredConstructor()
                    .newInstance();
        } catch (ReflectiveOperationException e) {
            throw new SQLException("the JDBC driver " + driverClass + " is missing", "08001", e);
        }
        Properties properties = new Properties();
        if (database.user() != null) {
            properties.setProperty("user", database.user());
        }
        if (database.password() != null) {
            properties.setProperty("password", database.password());
        }
        String url = database.driverUrl();
        if (database.vendor() == DatabaseSettings.Vendor.H2
                && !url.toUpperCase(Locale.ROOT).contains("IFEXISTS=")) {
            url += ";IFEXISTS=TRUE"; // a mistyped path must not create an empty database and report "0 re-encrypted"
        }
        Connection connection = driver.connect(url, properties);
        if (connection == null) {
            throw new SQLException("the JDBC driver does not accept ROLLCALL_DB_URL", "08001");
        }
        return connection;
    }

    private static String fromEnvironment(String name) {
        String property = System.getProperty(name.toLowerCase(Locale.ROOT).replace('_', '.'));
        return property != null && !property.isBlank() ? property : System.getenv(name);
    }
}

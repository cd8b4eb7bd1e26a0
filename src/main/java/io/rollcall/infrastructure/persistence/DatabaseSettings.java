package io.rollcall.infrastructure.persistence;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Where the database is: {@code ROLLCALL_DB_URL}, {@code ROLLCALL_DB_USER}, {@code ROLLCALL_DB_PASSWORD}. Without a URL,
 * an embedded H2 file database under {@code ./data} is used. Read directly from MicroProfile Config because the
 * container creates the connection pool before CDI is up.
 */
public record DatabaseSettings(String url, String user, String password, Vendor vendor) {

    /** The database products Rollcall supports; the migrations are written for both. */
    public enum Vendor {
        H2,
        MARIADB
    }

    static final String DEFAULT_H2_URL_TEMPLATE = "jdbc:h2:file:%s;DB_CLOSE_ON_EXIT=FALSE";

    public static DatabaseSettings fromConfig() {
        Config config = ConfigProvider.getConfig(DatabaseSettings.class.getClassLoader());
        Optional<String> url = config.getOptionalValue("rollcall.db.url", String.class)
                .map(String::trim)
                .filter(s -> !s.isEmpty());
        String user = config.getOptionalValue("rollcall.db.user", String.class).orElse(null);
        String password =
                config.getOptionalValue("rollcall.db.password", String.class).orElse(null);
        return of(url.orElseGet(DatabaseSettings::defaultH2Url), user, password);
    }

    public static DatabaseSettings of(String url, String user, String password) {
        return new DatabaseSettings(url, user, password, vendorOf(url));
    }

    /**
     * The URL handed to the driver: the configured one plus Rollcall's defaults for options the operator did not set.
     * On MariaDB that is {@code useServerPrepStmts=true}: the server parses each statement once per connection instead
     * of once per execution, which took about a fifth of MariaDB's CPU off a SCIM create (docs/benchmarks.md).
     */
    public String driverUrl() {
        if (vendor != Vendor.MARIADB || url.toLowerCase(Locale.ROOT).contains("useserverprepstmts=")) {
            return url;
        }
        return url + (url.indexOf('?') >= 0 ? "&" : "?") + "useServerPrepStmts=true";
    }

    /** The embedded H2 file database used without {@code ROLLCALL_DB_URL}: {@code ./data/rollcall}, absolute. */
    public static String defaultH2Url() {
        Path file = Path.of("data", "rollcall").toAbsolutePath().normalize();
        return String.format(Locale.ROOT, DEFAULT_H2_URL_TEMPLATE, file);
    }

    static Vendor vendorOf(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:h2:")) {
            return Vendor.H2;
        }
        if (lower.startsWith("jdbc:mariadb:") || lower.startsWith("jdbc:mysql:")) {
            return Vendor.MARIADB;
        }
        throw new IllegalStateException("ROLLCALL_DB_URL must be a jdbc:h2: or jdbc:mariadb: URL");
    }

    @Override
    public String toString() {
        // Never print the password; the URL may carry credentials too, so only the vendor is shown.
        return "DatabaseSettings[vendor=" + vendor + "]";
    }
}

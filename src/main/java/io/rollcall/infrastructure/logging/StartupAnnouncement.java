package io.rollcall.infrastructure.logging;

import io.rollcall.domain.workspace.WorkspaceRepository;
import io.rollcall.infrastructure.persistence.DatabaseSettings;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one start-up line an operator looks for, once the schema is migrated and the bootstrap has run:
 *
 * <pre>Rollcall 0.1.0 listening on http://0.0.0.0:8080, database H2, 1 workspaces</pre>
 *
 * and, when the database holds no workspace, a warning saying how to create the first one (without one every API call
 * is refused with 401 and nobody can sign in).
 */
@Singleton
@Startup
@DependsOn("Bootstrap")
public class StartupAnnouncement {

    private static final Logger LOG = Logger.getLogger(StartupAnnouncement.class.getName());

    // Field injection, as in Bootstrap: a start-up singleton EJB is created by the EJB container.
    @Inject
    WorkspaceRepository workspaces;

    @PostConstruct
    void announce() {
        long count = workspaces.count();
        LOG.info(line(
                version(),
                "http://0.0.0.0:" + System.getProperty("payaramicro.port", "8080"),
                DatabaseSettings.fromConfig().vendor(),
                count));
        if (count == 0) {
            LOG.warning("No workspace exists yet, so every API call is refused (401) and nobody can sign in. To create"
                    + " the first one, start once with ROLLCALL_BOOTSTRAP_OWNER_EMAIL=<your e-mail> (optionally"
                    + " ROLLCALL_BOOTSTRAP_TOKEN=<20+ characters>): see README.md, \"The first owner\".");
        }
    }

    /** {@code Rollcall <version> listening on <url>, database <kind>, <n> workspaces}. */
    static String line(String version, String url, DatabaseSettings.Vendor database, long workspaceCount) {
        String kind = database == DatabaseSettings.Vendor.MARIADB ? "MariaDB" : database.name();
        return "Rollcall " + version + " listening on " + url + ", database " + kind + ", " + workspaceCount
                + " workspaces";
    }

    /** The build's version, from {@code io/rollcall/version.properties} (filtered by Maven). */
    static String version() {
        Properties properties = new Properties();
        try (InputStream in = StartupAnnouncement.class.getResourceAsStream("/io/rollcall/version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            LOG.log(Level.FINE, "version.properties unreadable", e);
        }
        return properties.getProperty("version", "unknown");
    }
}

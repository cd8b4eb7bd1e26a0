package io.rollcall.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Gives the Arquillian-managed Payara Micro a MariaDB database of its own for this test run: a new
 * {@code rollcall_it_arq_<random>} database, created before Arquillian starts the container (register this extension
 * before ArquillianExtension) and dropped when the test JVM exits. Its JDBC URL goes into the system property
 * {@value #DB_URL_PROPERTY}, which {@code arquillian.xml} reads when Arquillian loads its configuration; so two builds
 * on one machine never share or drop each other's database. On H2 the database is in memory and new anyway.
 */
public class FreshArquillianDatabase implements BeforeAllCallback {

    /** The system property {@code arquillian.xml} passes to the server as {@code rollcall.db.url}. */
    static final String DB_URL_PROPERTY = "rollcall.it.arquillian.dbUrl";

    static final String DATABASE_PREFIX = "rollcall_it_arq_";

    private static String database;

    @Override
    public void beforeAll(ExtensionContext context) {
        if (!"mariadb".equals(System.getProperty("rollcall.it.db"))) {
            return;
        }
        createOncePerRun();
    }

    /** The database of this run, or null before the first MariaDB test class ran (and on H2). */
    public static synchronized String database() {
        return database;
    }

    private static synchronized void createOncePerRun() {
        if (database != null) {
            return; // Arquillian starts one container per JVM; every test class shares it and so its database.
        }
        String serverUrl = System.getProperty("rollcall.it.mariadb.url", "jdbc:mariadb://127.0.0.1:3306/");
        String user = System.getProperty("rollcall.it.mariadb.user", "root");
        String password = System.getProperty("rollcall.it.mariadb.password", "");
        String name = DATABASE_PREFIX + RollcallServer.randomHex(6);
        try (Connection c = DriverManager.getConnection(serverUrl, user, password);
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        } catch (SQLException e) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("MariaDB at " + serverUrl + " is required under CI=true", e);
            }
            Assumptions.abort("MariaDB is not reachable at " + serverUrl + "; skipped outside CI");
        }
        database = name;
        System.setProperty(DB_URL_PROPERTY, serverUrl + name);
        // At JVM exit, after Arquillian stopped the container: dropping earlier would pull the tables from under it.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(serverUrl, user, password, name)));
    }

    private static void drop(String serverUrl, String user, String password, String name) {
        try (Connection c = DriverManager.getConnection(serverUrl, user, password);
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name);
        } catch (SQLException e) {
            System.err.println("could not drop Arquillian test database " + name + ": " + e.getMessage());
        }
    }
}

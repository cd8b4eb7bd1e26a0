package io.rollcall.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Recreates the MariaDB database the Arquillian-managed Payara Micro uses, before Arquillian starts it (register this
 * extension before ArquillianExtension). On H2 the database is in memory and new anyway.
 */
public class FreshArquillianDatabase implements BeforeAllCallback {

    static final String DATABASE = "rollcall_it_arquillian";

    @Override
    public void beforeAll(ExtensionContext context) {
        if (!"mariadb".equals(System.getProperty("rollcall.it.db"))) {
            return;
        }
        String serverUrl = System.getProperty("rollcall.it.mariadb.url", "jdbc:mariadb://127.0.0.1:3306/");
        try (Connection c = DriverManager.getConnection(serverUrl,
                System.getProperty("rollcall.it.mariadb.user", "root"),
                System.getProperty("rollcall.it.mariadb.password", ""));
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + DATABASE);
            s.execute("CREATE DATABASE " + DATABASE + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        } catch (SQLException e) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("MariaDB at " + serverUrl + " is required under CI=true", e);
            }
            Assumptions.abort("MariaDB is not reachable at " + serverUrl + "; skipped outside CI");
        }
    }
}

package io.rollcall.infrastructure.persistence.scim;

import io.rollcall.infrastructure.persistence.DatabaseSettings;
import io.rollcall.infrastructure.persistence.SchemaMigrator;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.h2.jdbcx.JdbcDataSource;

/**
 * A private in-memory H2 database per test class, migrated by the production Flyway scripts, with a resource-local
 * EclipseLink over the production entity mappings. Nothing is shared between test classes.
 */
public final class TestDatabase implements AutoCloseable {

    private final JdbcDataSource dataSource = new JdbcDataSource();
    private final EntityManagerFactory factory;
    private final Connection keepAlive;

    public TestDatabase() throws SQLException {
        String url = "jdbc:h2:mem:scim-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        dataSource.setURL(url);
        keepAlive = dataSource.getConnection();
        SchemaMigrator.applyMigrations(dataSource, DatabaseSettings.Vendor.H2);
        factory = Persistence.createEntityManagerFactory(
                "rollcall-test",
                Map.of(
                        "jakarta.persistence.jdbc.url",
                        url,
                        "jakarta.persistence.jdbc.driver",
                        "org.h2.Driver",
                        "eclipselink.logging.level.sql",
                        System.getProperty("test.sql.log", "WARNING"),
                        "eclipselink.logging.parameters",
                        "true"));
    }

    public EntityManager entityManager() {
        return factory.createEntityManager();
    }

    /** A workspace with its preset roles, so that members can reference them. */
    public void workspace(String id) throws SQLException {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO workspace (id, name, created_at, updated_at) VALUES ('" + id + "', '" + id
                    + "', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
            for (String role : new String[] {"viewer", "operator", "creator", "contributor", "owner"}) {
                s.executeUpdate("INSERT INTO role (workspace_id, id, name, name_lower, preset, created_at, updated_at)"
                        + " VALUES ('" + id + "', '" + role + "', '" + role + "', '" + role + "', TRUE,"
                        + " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
            }
        }
    }

    public static Instant at(String instant) {
        return Instant.parse(instant);
    }

    /** Runs {@code work} in a resource-local transaction of {@code em} and commits; rolls back if it throws. */
    public static <T> T inTransaction(EntityManager em, Supplier<T> work) {
        em.getTransaction().begin();
        try {
            T result = work.get();
            em.getTransaction().commit();
            return result;
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.clear();
        }
    }

    /** The actions of the audit events whose target is {@code targetId}, in no particular order. */
    public static List<String> auditActions(EntityManager em, String targetId) {
        return em.createQuery("SELECT e.action FROM AuditEvent e WHERE e.targetId = :t", String.class)
                .setParameter("t", targetId)
                .getResultList();
    }

    @Override
    public void close() throws SQLException {
        factory.close();
        keepAlive.close();
    }
}

package io.rollcall.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Once-per-installation facts, such as "the bootstrap has run". Recorded with a plain insert on a primary key, so that
 * two instances starting at once cannot both record the same fact.
 */
@ApplicationScoped
public class InstallationFacts {

    @PersistenceContext(unitName = "rollcall")
    private EntityManager em;

    public boolean has(String key) {
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM installation_fact WHERE fact_key = ?")
                .setParameter(1, key).getSingleResult()).longValue() > 0;
    }

    /** The value recorded with the fact, if it was recorded. */
    public java.util.Optional<String> value(String key) {
        // A native query is untyped: take the rows as Stream<?> rather than the raw Stream it returns.
        java.util.stream.Stream<?> rows = em.createNativeQuery(
                "SELECT fact_value FROM installation_fact WHERE fact_key = ?").setParameter(1, key).getResultStream();
        return rows.findFirst().map(String::valueOf);
    }

    /** Inserts the fact; fails (and so rolls back the caller's transaction) when another instance recorded it first. */
    public void record(String key, String value, Instant now) {
        em.createNativeQuery("INSERT INTO installation_fact (fact_key, fact_value, created_at) VALUES (?, ?, ?)")
                .setParameter(1, key).setParameter(2, value)
                .setParameter(3, LocalDateTime.ofInstant(now, ZoneOffset.UTC)).executeUpdate();
    }
}

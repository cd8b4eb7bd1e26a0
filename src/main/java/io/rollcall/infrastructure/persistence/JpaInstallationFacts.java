package io.rollcall.infrastructure.persistence;

import io.rollcall.application.InstallationFacts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Once-per-installation facts in the {@code installation_fact} table. Recorded with a plain insert on a primary key, so
 * that two instances starting at once cannot both record the same fact.
 */
@ApplicationScoped
public class JpaInstallationFacts implements InstallationFacts {

    @PersistenceContext(unitName = "rollcall")
    private EntityManager em;

    @Override
    public boolean has(String key) {
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM installation_fact WHERE fact_key = ?")
                                .setParameter(1, key)
                                .getSingleResult())
                        .longValue()
                > 0;
    }

    @Override
    public java.util.Optional<String> value(String key) {
        // A native query is untyped: take the rows as Stream<?> rather than the raw Stream it returns.
        java.util.stream.Stream<?> rows = em.createNativeQuery(
                        "SELECT fact_value FROM installation_fact WHERE fact_key = ?")
                .setParameter(1, key)
                .getResultStream();
        return rows.findFirst().map(String::valueOf);
    }

    @Override
    public void record(String key, String value, Instant now) {
        em.createNativeQuery("INSERT INTO installation_fact (fact_key, fact_value, created_at) VALUES (?, ?, ?)")
                .setParameter(1, key)
                .setParameter(2, value)
                .setParameter(3, LocalDateTime.ofInstant(now, ZoneOffset.UTC))
                .executeUpdate();
    }

    /** An integrity-constraint failure (SQLState class 23) anywhere in the cause chain: the fact's key was taken. */
    @Override
    public boolean recordedConcurrently(Throwable failure) {
        return ConstraintViolations.causedBy(failure);
    }
}

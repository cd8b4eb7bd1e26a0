package io.rollcall.infrastructure.persistence;

import io.rollcall.domain.mail.MailOutbox;
import io.rollcall.domain.mail.OutboxMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The outbox in JPA. The claim is a conditional UPDATE of the lease columns rather than {@code SELECT ... FOR UPDATE
 * SKIP LOCKED}: H2 2.2 and MariaDB agree on it, and a lease that lapses also recovers a message whose sender died.
 */
@ApplicationScoped
class JpaMailOutbox implements MailOutbox {

    @PersistenceContext(unitName = "rollcall")
    private EntityManager em;

    @Override
    public void add(OutboxMessage message) {
        em.persist(message);
    }

    @Override
    public Optional<OutboxMessage> find(String id) {
        return Optional.ofNullable(em.find(OutboxMessage.class, id));
    }

    @Override
    public List<String> due(Instant now, int limit) {
        return em.createQuery(
                        "SELECT m.id FROM OutboxMessage m WHERE m.status = :queued AND m.nextAttemptAt <= :now"
                                + " AND (m.leaseUntil IS NULL OR m.leaseUntil < :now) ORDER BY m.nextAttemptAt, m.id",
                        String.class)
                .setParameter("queued", OutboxMessage.Status.QUEUED)
                .setParameter("now", now)
                .setMaxResults(limit)
                .getResultList();
    }

    @Override
    public boolean claim(String id, String owner, Instant now, Instant leaseUntil) {
        return em.createQuery("UPDATE OutboxMessage m SET m.leaseOwner = :owner, m.leaseUntil = :until"
                                + " WHERE m.id = :id AND m.status = :queued AND m.nextAttemptAt <= :now"
                                + " AND (m.leaseUntil IS NULL OR m.leaseUntil < :now)")
                        .setParameter("owner", owner)
                        .setParameter("until", leaseUntil)
                        .setParameter("id", id)
                        .setParameter("queued", OutboxMessage.Status.QUEUED)
                        .setParameter("now", now)
                        .executeUpdate()
                == 1;
    }

    @Override
    public void cancelQueued(String subjectId) {
        em.createQuery(
                        "SELECT m FROM OutboxMessage m WHERE m.subjectId = :subject AND m.status = :queued",
                        OutboxMessage.class)
                .setParameter("subject", subjectId)
                .setParameter("queued", OutboxMessage.Status.QUEUED)
                .getResultList()
                .forEach(OutboxMessage::cancel);
    }
}

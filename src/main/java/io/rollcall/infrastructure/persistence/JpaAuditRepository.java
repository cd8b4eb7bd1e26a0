package io.rollcall.infrastructure.persistence;

import io.rollcall.domain.audit.AuditEvent;
import io.rollcall.domain.audit.AuditRepository;
import io.rollcall.domain.shared.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.List;
import java.util.Set;

@ApplicationScoped
class JpaAuditRepository implements AuditRepository {

    @PersistenceContext(unitName = "rollcall")
    private EntityManager em;

    /** For CDI. */
    JpaAuditRepository() {}

    /** For tests with a resource-local entity manager. */
    JpaAuditRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public void add(AuditEvent event) {
        em.persist(event);
    }

    @Override
    public Page<AuditEvent> search(
            String workspaceId,
            Set<String> actorIds,
            String action,
            Instant since,
            Instant until,
            int offset,
            int limit) {
        if (actorIds != null && actorIds.isEmpty()) {
            return new Page<>(List.of(), 0);
        }
        StringBuilder where = new StringBuilder(" WHERE e.workspaceId = :ws");
        if (actorIds != null) {
            where.append(" AND e.actorId IN :actors");
        }
        if (action != null) {
            where.append(" AND e.action = :action");
        }
        if (since != null) {
            where.append(" AND e.occurredAt >= :since");
        }
        if (until != null) {
            where.append(" AND e.occurredAt < :until");
        }
        TypedQuery<AuditEvent> items = em.createQuery(
                "SELECT e FROM AuditEvent e" + where + " ORDER BY e.occurredAt DESC, e.id DESC", AuditEvent.class);
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(e) FROM AuditEvent e" + where, Long.class);
        for (TypedQuery<?> q : List.of(items, count)) {
            q.setParameter("ws", workspaceId);
            if (actorIds != null) {
                q.setParameter("actors", List.copyOf(actorIds));
            }
            if (action != null) {
                q.setParameter("action", action);
            }
            if (since != null) {
                q.setParameter("since", since);
            }
            if (until != null) {
                q.setParameter("until", until);
            }
        }
        return Paging.page(items, count, offset, limit);
    }
}

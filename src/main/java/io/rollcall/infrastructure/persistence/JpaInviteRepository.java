package io.rollcall.infrastructure.persistence;

import io.rollcall.domain.identity.Invite;
import io.rollcall.domain.identity.InviteRepository;
import io.rollcall.domain.identity.InviteStatus;
import io.rollcall.domain.shared.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

@ApplicationScoped
class JpaInviteRepository implements InviteRepository {

    @PersistenceContext(unitName = "rollcall")
    private EntityManager em;

    /** For CDI. */
    JpaInviteRepository() {}

    /** For tests with a resource-local entity manager. */
    JpaInviteRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<Invite> find(String workspaceId, String inviteId) {
        return Optional.ofNullable(em.find(Invite.class, inviteId))
                .filter(i -> i.workspaceId().equals(workspaceId));
    }

    @Override
    public Optional<Invite> findByTokenHash(String tokenHash) {
        return em.createQuery("SELECT i FROM Invite i WHERE i.tokenHash = :hash", Invite.class)
                .setParameter("hash", tokenHash)
                .getResultStream()
                .findFirst();
    }

    @Override
    public List<Invite> findPending(String workspaceId, String normalisedEmail) {
        return em.createQuery(
                        "SELECT i FROM Invite i WHERE i.workspaceId = :ws AND i.email = :email"
                                + " AND i.status = :status ORDER BY i.createdAt",
                        Invite.class)
                .setParameter("ws", workspaceId)
                .setParameter("email", normalisedEmail)
                .setParameter("status", InviteStatus.PENDING)
                .getResultList();
    }

    @Override
    public List<Invite> findPendingForEmail(String normalisedEmail) {
        return em.createQuery(
                        "SELECT i FROM Invite i WHERE i.email = :email AND i.status = :status"
                                + " ORDER BY i.createdAt",
                        Invite.class)
                .setParameter("email", normalisedEmail)
                .setParameter("status", InviteStatus.PENDING)
                .getResultList();
    }

    @Override
    public Page<Invite> list(String workspaceId, Set<Invite.State> states, Instant now, int offset, int limit) {
        // "Expired" is not stored: it is a pending invite whose expiry has passed (Invite#stateAt), so the state
        // filter compares expires_at with now for the two pending-status states.
        List<String> any = new ArrayList<>();
        for (Invite.State state : states) {
            any.add(
                    switch (state) {
                        case PENDING -> "(i.status = :pending AND i.expiresAt > :now)";
                        case EXPIRED -> "(i.status = :pending AND i.expiresAt <= :now)";
                        case ACCEPTED -> "i.status = :accepted";
                        case REVOKED -> "i.status = :revoked";
                    });
        }
        String where = " WHERE i.workspaceId = :ws" + (any.isEmpty() ? "" : " AND (" + String.join(" OR ", any) + ")");
        TypedQuery<Invite> items =
                em.createQuery("SELECT i FROM Invite i" + where + " ORDER BY i.createdAt DESC, i.id", Invite.class);
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(i) FROM Invite i" + where, Long.class);
        for (TypedQuery<?> q : List.of(items, count)) {
            q.setParameter("ws", workspaceId);
            if (states.contains(Invite.State.PENDING) || states.contains(Invite.State.EXPIRED)) {
                q.setParameter("pending", InviteStatus.PENDING).setParameter("now", now);
            }
            if (states.contains(Invite.State.ACCEPTED)) {
                q.setParameter("accepted", InviteStatus.ACCEPTED);
            }
            if (states.contains(Invite.State.REVOKED)) {
                q.setParameter("revoked", InviteStatus.REVOKED);
            }
        }
        return Paging.page(items, count, offset, limit);
    }

    @Override
    public void add(Invite invite) {
        em.persist(invite);
    }
}

package io.rollcall.infrastructure.persistence;

import io.rollcall.domain.identity.Invite;
import io.rollcall.domain.identity.InviteRepository;
import io.rollcall.domain.identity.InviteStatus;
import io.rollcall.domain.shared.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
class JpaInviteRepository implements InviteRepository {

    @PersistenceContext(unitName = "rollcall")
    private EntityManager em;

    @Override
    public Optional<Invite> find(String workspaceId, String inviteId) {
        return Optional.ofNullable(em.find(Invite.class, inviteId)).filter(i -> i.workspaceId().equals(workspaceId));
    }

    @Override
    public Optional<Invite> findByTokenHash(String tokenHash) {
        return em.createQuery("SELECT i FROM Invite i WHERE i.tokenHash = :hash", Invite.class)
                .setParameter("hash", tokenHash).getResultStream().findFirst();
    }

    @Override
    public List<Invite> findPending(String workspaceId, String normalisedEmail) {
        return em.createQuery("SELECT i FROM Invite i WHERE i.workspaceId = :ws AND i.email = :email"
                + " AND i.status = :status ORDER BY i.createdAt", Invite.class).setParameter("ws", workspaceId)
                .setParameter("email", normalisedEmail).setParameter("status", InviteStatus.PENDING).getResultList();
    }

    @Override
    public List<Invite> findPendingForEmail(String normalisedEmail) {
        return em.createQuery("SELECT i FROM Invite i WHERE i.email = :email AND i.status = :status"
                + " ORDER BY i.createdAt", Invite.class).setParameter("email", normalisedEmail)
                .setParameter("status", InviteStatus.PENDING).getResultList();
    }

    @Override
    public Page<Invite> list(String workspaceId, int offset, int limit) {
        return Paging.page(
                em.createQuery("SELECT i FROM Invite i WHERE i.workspaceId = :ws ORDER BY i.createdAt DESC, i.id",
                        Invite.class).setParameter("ws", workspaceId),
                em.createQuery("SELECT COUNT(i) FROM Invite i WHERE i.workspaceId = :ws", Long.class)
                        .setParameter("ws", workspaceId),
                offset, limit);
    }

    @Override
    public void add(Invite invite) {
        em.persist(invite);
    }
}

package io.rollcall.infrastructure.persistence;

import io.rollcall.domain.identity.SignInLink;
import io.rollcall.domain.identity.SignInLinkRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;

@ApplicationScoped
class JpaSignInLinkRepository implements SignInLinkRepository {

    @PersistenceContext(unitName = "rollcall")
    private EntityManager em;

    @Override
    public void add(SignInLink link) {
        em.persist(link);
    }

    @Override
    public Optional<SignInLink> findByTokenHash(String tokenHash) {
        return em.createQuery("SELECT l FROM SignInLink l WHERE l.tokenHash = :hash", SignInLink.class)
                .setParameter("hash", tokenHash)
                .getResultStream()
                .findFirst();
    }

    @Override
    public Optional<SignInLink> latest(SignInLink.Purpose purpose, String workspaceId) {
        return em.createQuery(
                        "SELECT l FROM SignInLink l WHERE l.purpose = :purpose AND l.workspaceId = :ws"
                                + " ORDER BY l.createdAt DESC, l.id",
                        SignInLink.class)
                .setParameter("purpose", purpose)
                .setParameter("ws", workspaceId)
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }

    @Override
    public boolean markUsed(String linkId, Instant now) {
        return em.createQuery("UPDATE SignInLink l SET l.usedAt = :now WHERE l.id = :id AND l.usedAt IS NULL")
                        .setParameter("now", now)
                        .setParameter("id", linkId)
                        .executeUpdate()
                == 1;
    }
}

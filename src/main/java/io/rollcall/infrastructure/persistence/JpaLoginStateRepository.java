package io.rollcall.infrastructure.persistence;

import io.rollcall.domain.sso.LoginState;
import io.rollcall.domain.sso.LoginStateRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;

@ApplicationScoped
class JpaLoginStateRepository implements LoginStateRepository {

    @PersistenceContext(unitName = "rollcall")
    private EntityManager em;

    @Override
    public void add(LoginState state) {
        em.persist(state);
    }

    @Override
    public Optional<LoginState> take(String idHash) {
        LoginState state = em.find(LoginState.class, idHash);
        if (state == null) {
            return Optional.empty();
        }
        em.detach(state);
        // The DELETE is the claim: of two racing instances only one removes the row.
        int deleted = em.createQuery("DELETE FROM LoginState s WHERE s.id = :id")
                .setParameter("id", idHash)
                .executeUpdate();
        return deleted == 1 ? Optional.of(state) : Optional.empty();
    }

    @Override
    public int purgeExpired(Instant now) {
        return em.createQuery("DELETE FROM LoginState s WHERE s.expiresAt < :now")
                .setParameter("now", now)
                .executeUpdate();
    }
}

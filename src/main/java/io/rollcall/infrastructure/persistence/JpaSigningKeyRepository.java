package io.rollcall.infrastructure.persistence;

import io.rollcall.domain.sso.SigningKeyRecord;
import io.rollcall.domain.sso.SigningKeyRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;

@ApplicationScoped
class JpaSigningKeyRepository implements SigningKeyRepository {

    @PersistenceContext(unitName = "rollcall")
    private EntityManager em;

    @Override
    public List<SigningKeyRecord> retiringAfter(Instant since) {
        return em.createQuery(
                        "SELECT k FROM SigningKeyRecord k WHERE k.retiresAt > :since"
                                + " ORDER BY k.createdAt DESC, k.kid",
                        SigningKeyRecord.class)
                .setParameter("since", since)
                .getResultList();
    }

    @Override
    public void add(SigningKeyRecord key) {
        em.persist(key);
    }
}

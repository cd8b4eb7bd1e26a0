package io.rollcall.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;

/** The one-row insert of {@link JpaSamlAssertionLog}, in a transaction of its own. */
@ApplicationScoped
class AssertionUseWriter {

    @PersistenceContext(unitName = "rollcall")
    private EntityManager em;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void insert(String issuerHash, String assertionId, String workspaceId, Instant expiresAt) {
        UtcInstantConverter times = new UtcInstantConverter();
        // Expired ids can go: an expired assertion is refused before the replay check is reached.
        em.createNativeQuery("DELETE FROM saml_assertion_use WHERE expires_at < ?")
                .setParameter(1, times.convertToDatabaseColumn(Instant.now()))
                .executeUpdate();
        em.createNativeQuery("INSERT INTO saml_assertion_use (issuer_hash, assertion_id, workspace_id, expires_at)"
                        + " VALUES (?, ?, ?, ?)")
                .setParameter(1, issuerHash)
                .setParameter(2, assertionId)
                .setParameter(3, workspaceId)
                .setParameter(4, times.convertToDatabaseColumn(expiresAt))
                .executeUpdate();
    }
}

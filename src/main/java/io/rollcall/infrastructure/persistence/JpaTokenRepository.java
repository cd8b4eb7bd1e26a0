package io.rollcall.infrastructure.persistence;

import io.rollcall.domain.identity.ApiToken;
import io.rollcall.domain.identity.ScimToken;
import io.rollcall.domain.identity.TokenRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
class JpaTokenRepository implements TokenRepository {

    private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

    @PersistenceContext(unitName = "rollcall")
    private EntityManager em;

    @Override
    public Optional<ApiToken> findApiTokenByHash(String hash) {
        return em.createQuery("SELECT t FROM ApiToken t WHERE t.tokenHash = :hash", ApiToken.class)
                .setParameter("hash", hash)
                .getResultStream()
                .findFirst();
    }

    @Override
    public Optional<ApiToken> findApiToken(String accountId, String tokenId) {
        return Optional.ofNullable(em.find(ApiToken.class, tokenId))
                .filter(t -> t.accountId().equals(accountId));
    }

    @Override
    public List<ApiToken> listApiTokens(String accountId) {
        return em.createQuery(
                        "SELECT t FROM ApiToken t WHERE t.accountId = :account ORDER BY t.createdAt, t.id",
                        ApiToken.class)
                .setParameter("account", accountId)
                .getResultList();
    }

    @Override
    public void addApiToken(ApiToken token) {
        em.persist(token);
    }

    @Override
    public Optional<ScimToken> findScimTokenByHash(String hash) {
        return em.createQuery("SELECT t FROM ScimToken t WHERE t.tokenHash = :hash", ScimToken.class)
                .setParameter("hash", hash)
                .getResultStream()
                .findFirst();
    }

    @Override
    public Optional<ScimToken> findScimToken(String workspaceId, String tokenId) {
        return Optional.ofNullable(em.find(ScimToken.class, tokenId))
                .filter(t -> t.workspaceId().equals(workspaceId));
    }

    @Override
    public List<ScimToken> listScimTokens(String workspaceId) {
        return em.createQuery(
                        "SELECT t FROM ScimToken t WHERE t.workspaceId = :ws ORDER BY t.createdAt, t.id",
                        ScimToken.class)
                .setParameter("ws", workspaceId)
                .getResultList();
    }

    @Override
    public void addScimToken(ScimToken token) {
        em.persist(token);
    }

    @Override
    public void touchApiToken(String tokenId, Instant now) {
        em.createQuery("UPDATE ApiToken t SET t.lastUsedAt = :now WHERE t.id = :id"
                        + " AND (t.lastUsedAt IS NULL OR t.lastUsedAt < :threshold)")
                .setParameter("now", now)
                .setParameter("threshold", now.minus(TOUCH_INTERVAL))
                .setParameter("id", tokenId)
                .executeUpdate();
    }

    @Override
    public void touchScimToken(String tokenId, Instant now) {
        em.createQuery("UPDATE ScimToken t SET t.lastUsedAt = :now WHERE t.id = :id"
                        + " AND (t.lastUsedAt IS NULL OR t.lastUsedAt < :threshold)")
                .setParameter("now", now)
                .setParameter("threshold", now.minus(TOUCH_INTERVAL))
                .setParameter("id", tokenId)
                .executeUpdate();
    }
}

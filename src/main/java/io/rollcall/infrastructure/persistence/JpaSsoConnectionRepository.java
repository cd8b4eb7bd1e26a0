package io.rollcall.infrastructure.persistence;

import io.rollcall.domain.sso.SsoConnection;
import io.rollcall.domain.sso.SsoConnectionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

@ApplicationScoped
class JpaSsoConnectionRepository implements SsoConnectionRepository {

    @PersistenceContext(unitName = "rollcall")
    private EntityManager em;

    @Override
    public Optional<SsoConnection> find(String workspaceId) {
        return Optional.ofNullable(em.find(SsoConnection.class, workspaceId));
    }

    @Override
    public void add(SsoConnection connection) {
        em.persist(connection);
    }

    @Override
    public void remove(SsoConnection connection) {
        em.remove(connection);
    }
}

package io.rollcall.infrastructure.persistence;

import io.rollcall.domain.workspace.Workspace;
import io.rollcall.domain.workspace.WorkspaceRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
class JpaWorkspaceRepository implements WorkspaceRepository {

    @PersistenceContext(unitName = "rollcall")
    private EntityManager em;

    /** For CDI. */
    JpaWorkspaceRepository() {}

    /** For tests with a resource-local entity manager. */
    JpaWorkspaceRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<Workspace> find(String id) {
        return Optional.ofNullable(em.find(Workspace.class, id));
    }

    @Override
    public Optional<String> scimDefaultRoleId(String id) {
        return em.createQuery("SELECT w.scimDefaultRoleId FROM Workspace w WHERE w.id = :id", String.class)
                .setParameter("id", id)
                .getResultStream()
                .findFirst();
    }

    @Override
    public Optional<Workspace> lock(String id) {
        // Re-read under the lock: a version loaded earlier in the transaction may be stale.
        Workspace found = em.find(Workspace.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (found != null) {
            em.refresh(found, LockModeType.PESSIMISTIC_WRITE);
        }
        return Optional.ofNullable(found);
    }

    @Override
    public List<Workspace> listForAccount(String accountId) {
        return em.createQuery(
                        "SELECT w FROM Workspace w WHERE w.id IN "
                                + "(SELECT m.workspaceId FROM Member m WHERE m.accountId = :account) ORDER BY w.id",
                        Workspace.class)
                .setParameter("account", accountId)
                .getResultList();
    }

    @Override
    public long count() {
        return em.createQuery("SELECT COUNT(w) FROM Workspace w", Long.class).getSingleResult();
    }

    @Override
    public void add(Workspace workspace) {
        em.persist(workspace);
        // Written at once: rows that reference it may follow in the same transaction, and EclipseLink orders
        // inserts by mapped relationships only, not by foreign keys.
        em.flush();
    }
}

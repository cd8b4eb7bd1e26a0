package io.rollcall.infrastructure.persistence;

import io.rollcall.domain.rbac.Role;
import io.rollcall.domain.rbac.RoleKey;
import io.rollcall.domain.rbac.RoleRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

@ApplicationScoped
class JpaRoleRepository implements RoleRepository {

    @PersistenceContext(unitName = "rollcall")
    private EntityManager em;

    @Override
    public Optional<Role> find(String workspaceId, String roleId) {
        return Optional.ofNullable(em.find(Role.class, new RoleKey(workspaceId, roleId)));
    }

    @Override
    public List<Role> list(String workspaceId) {
        return em.createQuery(
                        "SELECT r FROM Role r WHERE r.workspaceId = :ws ORDER BY r.preset DESC, r.createdAt, r.id",
                        Role.class)
                .setParameter("ws", workspaceId)
                .getResultList();
    }

    @Override
    public boolean nameTaken(String workspaceId, String name, String exceptRoleId) {
        return em.createQuery(
                                "SELECT COUNT(r) FROM Role r WHERE r.workspaceId = :ws AND r.nameLower = :name"
                                        + " AND r.id <> :except",
                                Long.class)
                        .setParameter("ws", workspaceId)
                        .setParameter("name", name.toLowerCase(Locale.ROOT))
                        .setParameter("except", exceptRoleId == null ? "" : exceptRoleId)
                        .getSingleResult()
                > 0;
    }

    @Override
    public void add(Role role) {
        em.persist(role);
        // Written at once: rows that reference it may follow in the same transaction, and EclipseLink orders
        // inserts by mapped relationships only, not by foreign keys.
        em.flush();
    }

    @Override
    public void remove(Role role) {
        em.remove(role);
    }

    @Override
    public long countMembersWithRole(String workspaceId, String roleId) {
        return em.createQuery(
                        "SELECT COUNT(m) FROM Member m WHERE m.workspaceId = :ws AND m.roleId = :role", Long.class)
                .setParameter("ws", workspaceId)
                .setParameter("role", roleId)
                .getSingleResult();
    }

    @Override
    public long countGroupsWithRole(String workspaceId, String roleId) {
        return em.createQuery("SELECT COUNT(g) FROM Group g WHERE g.workspaceId = :ws AND g.roleId = :role", Long.class)
                .setParameter("ws", workspaceId)
                .setParameter("role", roleId)
                .getSingleResult();
    }

    @Override
    public long countPendingInvitesWithRole(String workspaceId, String roleId) {
        return em.createQuery(
                        "SELECT COUNT(i) FROM Invite i WHERE i.workspaceId = :ws AND i.roleId = :role"
                                + " AND i.status = io.rollcall.domain.identity.InviteStatus.PENDING",
                        Long.class)
                .setParameter("ws", workspaceId)
                .setParameter("role", roleId)
                .getSingleResult();
    }
}

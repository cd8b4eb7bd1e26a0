package io.rollcall.infrastructure.persistence;

import io.rollcall.domain.group.Group;
import io.rollcall.domain.group.GroupClaimRule;
import io.rollcall.domain.group.GroupRepository;
import io.rollcall.domain.group.MembershipType;
import io.rollcall.domain.shared.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

@ApplicationScoped
class JpaGroupRepository implements GroupRepository {

    @PersistenceContext(unitName = "rollcall")
    private EntityManager em;

    /** For CDI. */
    JpaGroupRepository() {}

    /** For tests with a resource-local entity manager. */
    JpaGroupRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<Group> find(String workspaceId, String groupId) {
        return Optional.ofNullable(em.find(Group.class, groupId))
                .filter(g -> g.workspaceId().equals(workspaceId));
    }

    @Override
    public Optional<Group> lock(String workspaceId, String groupId) {
        Group group = em.find(Group.class, groupId, LockModeType.PESSIMISTIC_WRITE);
        if (group != null) {
            em.refresh(group, LockModeType.PESSIMISTIC_WRITE);
        }
        return Optional.ofNullable(group).filter(g -> g.workspaceId().equals(workspaceId));
    }

    @Override
    public boolean nameTaken(String workspaceId, MembershipType type, String displayName, String exceptGroupId) {
        return em.createQuery(
                                "SELECT COUNT(g) FROM Group g WHERE g.workspaceId = :ws AND g.membershipType = :type"
                                        + " AND g.displayNameLower = :name AND g.id <> :except",
                                Long.class)
                        .setParameter("ws", workspaceId)
                        .setParameter("type", type)
                        .setParameter("name", displayName.toLowerCase(Locale.ROOT))
                        .setParameter("except", exceptGroupId == null ? "" : exceptGroupId)
                        .getSingleResult()
                > 0;
    }

    @Override
    public Page<Group> search(String workspaceId, String query, int offset, int limit) {
        String where = " WHERE g.workspaceId = :ws";
        boolean filtered = query != null && !query.isBlank();
        if (filtered) {
            where += " AND g.displayNameLower LIKE :q ESCAPE '\\'";
        }
        TypedQuery<Group> items = em.createQuery(
                        "SELECT g FROM Group g" + where + " ORDER BY g.createdAt, g.id", Group.class)
                .setParameter("ws", workspaceId);
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(g) FROM Group g" + where, Long.class)
                .setParameter("ws", workspaceId);
        if (filtered) {
            String pattern = Paging.containsPattern(query.trim());
            items.setParameter("q", pattern);
            count.setParameter("q", pattern);
        }
        return Paging.page(items, count, offset, limit);
    }

    @Override
    public void add(Group group) {
        em.persist(group);
        // Written at once: rows that reference it may follow in the same transaction, and EclipseLink orders
        // inserts by mapped relationships only, not by foreign keys.
        em.flush();
    }

    @Override
    public void remove(Group group) {
        em.remove(group);
    }

    @Override
    public void markChanged(String groupId, Instant now) {
        em.createQuery("UPDATE Group g SET g.version = g.version + 1, g.updatedAt = :now WHERE g.id = :id")
                .setParameter("now", now)
                .setParameter("id", groupId)
                .executeUpdate();
    }

    @Override
    public List<GroupClaimRule> claimRules(String groupId) {
        return em.createQuery(
                        "SELECT r FROM GroupClaimRule r WHERE r.groupId = :group ORDER BY r.position",
                        GroupClaimRule.class)
                .setParameter("group", groupId)
                .getResultList();
    }

    @Override
    public List<GroupClaimRule> claimRulesOfWorkspace(String workspaceId) {
        return em.createQuery(
                        "SELECT r FROM GroupClaimRule r, Group g WHERE r.groupId = g.id"
                                + " AND g.workspaceId = :ws ORDER BY r.groupId, r.position",
                        GroupClaimRule.class)
                .setParameter("ws", workspaceId)
                .getResultList();
    }

    @Override
    public void replaceClaimRules(String groupId, List<GroupClaimRule> rules) {
        em.createQuery("DELETE FROM GroupClaimRule r WHERE r.groupId = :group")
                .setParameter("group", groupId)
                .executeUpdate();
        rules.forEach(em::persist);
    }
}

package io.rollcall.infrastructure.persistence;

import io.rollcall.domain.group.Group;
import io.rollcall.domain.group.GroupMembership;
import io.rollcall.domain.group.GroupMembershipKey;
import io.rollcall.domain.group.MembershipEntry;
import io.rollcall.domain.group.MembershipRepository;
import io.rollcall.domain.group.MembershipSource;
import io.rollcall.domain.shared.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

@ApplicationScoped
class JpaMembershipRepository implements MembershipRepository {

    @PersistenceContext(unitName = "rollcall")
    private EntityManager em;

    /** For CDI. */
    JpaMembershipRepository() {}

    /** For tests with a resource-local entity manager. */
    JpaMembershipRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public boolean add(String groupId, String memberId, MembershipSource source, Instant now) {
        if (exists(groupId, memberId, source)) {
            return false;
        }
        em.persist(new GroupMembership(groupId, memberId, source, now));
        return true;
    }

    @Override
    public boolean remove(String groupId, String memberId, MembershipSource source) {
        return em.createQuery("DELETE FROM GroupMembership gm WHERE gm.groupId = :group AND gm.memberId = :member"
                                + " AND gm.source = :source")
                        .setParameter("group", groupId)
                        .setParameter("member", memberId)
                        .setParameter("source", source)
                        .executeUpdate()
                > 0;
    }

    @Override
    public int removeAll(String groupId, MembershipSource source) {
        return em.createQuery("DELETE FROM GroupMembership gm WHERE gm.groupId = :group AND gm.source = :source")
                .setParameter("group", groupId)
                .setParameter("source", source)
                .executeUpdate();
    }

    @Override
    public boolean exists(String groupId, String memberId, MembershipSource source) {
        return em.find(GroupMembership.class, new GroupMembershipKey(groupId, memberId, source)) != null;
    }

    @Override
    public Page<MembershipEntry> list(String groupId, int offset, int limit) {
        return Paging.page(
                em.createQuery(
                                "SELECT NEW io.rollcall.domain.group.MembershipEntry(gm.memberId, m.userName,"
                                        + " gm.source, gm.createdAt) FROM GroupMembership gm, Member m WHERE gm.groupId = :group"
                                        + " AND m.id = gm.memberId ORDER BY gm.memberId, gm.source",
                                MembershipEntry.class)
                        .setParameter("group", groupId),
                em.createQuery("SELECT COUNT(gm) FROM GroupMembership gm WHERE gm.groupId = :group", Long.class)
                        .setParameter("group", groupId),
                offset,
                limit);
    }

    @Override
    public Set<String> groupIdsOf(String memberId) {
        return new HashSet<>(em.createQuery(
                        "SELECT DISTINCT gm.groupId FROM GroupMembership gm" + " WHERE gm.memberId = :member",
                        String.class)
                .setParameter("member", memberId)
                .getResultList());
    }

    @Override
    public Set<String> groupIdsOf(String memberId, MembershipSource source) {
        return new HashSet<>(em.createQuery(
                        "SELECT gm.groupId FROM GroupMembership gm WHERE gm.memberId = :member"
                                + " AND gm.source = :source",
                        String.class)
                .setParameter("member", memberId)
                .setParameter("source", source)
                .getResultList());
    }

    @Override
    public List<Group> groupsWithRoleOf(String memberId) {
        return em.createQuery(
                        "SELECT g FROM Group g WHERE g.roleId IS NOT NULL AND g.id IN"
                                + " (SELECT gm.groupId FROM GroupMembership gm WHERE gm.memberId = :member) ORDER BY g.displayNameLower",
                        Group.class)
                .setParameter("member", memberId)
                .getResultList();
    }

    @Override
    public java.util.Map<String, List<String>> groupNamesOf(java.util.Collection<String> memberIds) {
        java.util.Map<String, List<String>> names = new java.util.LinkedHashMap<>();
        if (memberIds.isEmpty()) {
            return names;
        }
        List<Object[]> rows = em.createQuery(
                        "SELECT DISTINCT gm.memberId, g.displayName, g.displayNameLower"
                                + " FROM GroupMembership gm, Group g WHERE g.id = gm.groupId AND gm.memberId IN :members"
                                + " ORDER BY g.displayNameLower",
                        Object[].class)
                .setParameter("members", memberIds)
                .getResultList();
        for (Object[] row : rows) {
            names.computeIfAbsent((String) row[0], k -> new java.util.ArrayList<>())
                    .add((String) row[1]);
        }
        return names;
    }
}

package io.rollcall.infrastructure.persistence;

import io.rollcall.domain.group.MembershipDirectory;
import io.rollcall.domain.group.MembershipType;
import io.rollcall.domain.shared.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

@ApplicationScoped
class JpaMembershipDirectory implements MembershipDirectory {

    @PersistenceContext(unitName = "rollcall")
    private EntityManager em;

    JpaMembershipDirectory() {}

    JpaMembershipDirectory(EntityManager em) {
        this.em = em;
    }

    @Override
    public Map<String, List<Reference>> dynamicGroupsOf(Collection<String> memberIds) {
        Map<String, List<Reference>> groups = new HashMap<>();
        if (memberIds.isEmpty()) {
            return groups;
        }
        List<Object[]> rows = em.createQuery(
                        "SELECT DISTINCT gm.memberId, g.id, g.displayName FROM GroupMembership gm,"
                                + " Group g WHERE g.id = gm.groupId AND g.membershipType = :dynamic AND gm.memberId IN :members"
                                + " ORDER BY gm.memberId, g.id",
                        Object[].class)
                .setParameter("dynamic", MembershipType.DYNAMIC)
                .setParameter("members", memberIds)
                .getResultList();
        for (Object[] row : rows) {
            groups.computeIfAbsent((String) row[0], k -> new ArrayList<>())
                    .add(new Reference((String) row[1], (String) row[2]));
        }
        return groups;
    }

    @Override
    public Page<Reference> membersOf(String groupId, int offset, int limit) {
        long total = em.createQuery(
                        "SELECT COUNT(DISTINCT gm.memberId) FROM GroupMembership gm WHERE gm.groupId = :group",
                        Long.class)
                .setParameter("group", groupId)
                .getSingleResult();
        if (limit == 0 || offset >= total) {
            return new Page<>(List.of(), total);
        }
        List<Object[]> rows = em.createQuery(
                        "SELECT DISTINCT m.id, m.displayName, m.userName FROM GroupMembership gm,"
                                + " Member m WHERE m.id = gm.memberId AND gm.groupId = :group ORDER BY m.id",
                        Object[].class)
                .setParameter("group", groupId)
                .setFirstResult(offset)
                .setMaxResults(limit)
                .getResultList();
        List<Reference> members = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            members.add(new Reference((String) row[0], row[1] != null ? (String) row[1] : (String) row[2]));
        }
        return new Page<>(members, total);
    }

    @Override
    public List<Reference> membersAfter(String groupId, String afterId, int limit) {
        List<Object[]> rows = em.createQuery(
                        "SELECT DISTINCT m.id, m.displayName, m.userName FROM GroupMembership gm,"
                                + " Member m WHERE m.id = gm.memberId AND gm.groupId = :group AND gm.memberId > :after ORDER BY m.id",
                        Object[].class)
                .setParameter("group", groupId)
                .setParameter("after", afterId == null ? "" : afterId)
                .setMaxResults(limit)
                .getResultList();
        List<Reference> members = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            members.add(new Reference((String) row[0], row[1] != null ? (String) row[1] : (String) row[2]));
        }
        return members;
    }
}

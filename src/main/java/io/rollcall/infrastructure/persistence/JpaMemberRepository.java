package io.rollcall.infrastructure.persistence;

import io.rollcall.domain.identity.Member;
import io.rollcall.domain.identity.MemberRepository;
import io.rollcall.domain.shared.ConflictException;
import io.rollcall.domain.shared.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

@ApplicationScoped
class JpaMemberRepository implements MemberRepository {

    /** The unique key on (workspace_id, user_name_lower), V1 migration. */
    private static final String USER_NAME_KEY = "uq_member_user_name";

    @PersistenceContext(unitName = "rollcall")
    private EntityManager em;

    /** For CDI. */
    JpaMemberRepository() {}

    /** For tests with a resource-local entity manager. */
    JpaMemberRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<Member> find(String workspaceId, String memberId) {
        Member member = em.find(Member.class, memberId);
        return Optional.ofNullable(member).filter(m -> m.workspaceId().equals(workspaceId));
    }

    @Override
    public Optional<Member> lock(String workspaceId, String memberId) {
        Member member = em.find(Member.class, memberId, LockModeType.PESSIMISTIC_WRITE);
        if (member != null) {
            // The shared cache may hold an older version than the row we now hold the lock on.
            em.refresh(member, LockModeType.PESSIMISTIC_WRITE);
        }
        return Optional.ofNullable(member).filter(m -> m.workspaceId().equals(workspaceId));
    }

    @Override
    public Optional<Member> findByAccount(String workspaceId, String accountId) {
        return em.createQuery(
                        "SELECT m FROM Member m WHERE m.workspaceId = :ws AND m.accountId = :account", Member.class)
                .setParameter("ws", workspaceId)
                .setParameter("account", accountId)
                .getResultStream()
                .findFirst();
    }

    @Override
    public Optional<Member> findByUserName(String workspaceId, String userName) {
        return em.createQuery(
                        "SELECT m FROM Member m WHERE m.workspaceId = :ws AND m.userNameLower = :name", Member.class)
                .setParameter("ws", workspaceId)
                .setParameter("name", userName.toLowerCase(Locale.ROOT))
                .getResultStream()
                .findFirst();
    }

    @Override
    public Optional<Member> findBySsoSubject(String workspaceId, String subject) {
        return em.createQuery(
                        "SELECT m FROM Member m WHERE m.workspaceId = :ws AND m.ssoSubject = :subject", Member.class)
                .setParameter("ws", workspaceId)
                .setParameter("subject", subject)
                .getResultStream()
                .findFirst();
    }

    @Override
    public Page<Member> search(String workspaceId, String query, int offset, int limit) {
        String where = " WHERE m.workspaceId = :ws";
        boolean filtered = query != null && !query.isBlank();
        if (filtered) {
            where += " AND (m.userNameLower LIKE :q ESCAPE '\\' OR LOWER(m.displayName) LIKE :q ESCAPE '\\'"
                    + " OR EXISTS (SELECT e FROM MemberEmail e WHERE e.member = m AND e.valueLower LIKE :q ESCAPE '\\'))";
        }
        TypedQuery<Member> items = em.createQuery(
                        "SELECT m FROM Member m" + where + " ORDER BY m.createdAt, m.id", Member.class)
                .setParameter("ws", workspaceId);
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(m) FROM Member m" + where, Long.class)
                .setParameter("ws", workspaceId);
        if (filtered) {
            String pattern = Paging.containsPattern(query.trim());
            items.setParameter("q", pattern);
            count.setParameter("q", pattern);
        }
        return Paging.page(items, count, offset, limit);
    }

    @Override
    public List<Member> listForAccount(String accountId) {
        return em.createQuery(
                        "SELECT m FROM Member m WHERE m.accountId = :account ORDER BY m.workspaceId", Member.class)
                .setParameter("account", accountId)
                .getResultList();
    }

    @Override
    public long countActiveWithRole(String workspaceId, String roleId) {
        return em.createQuery(
                        "SELECT COUNT(m) FROM Member m WHERE m.workspaceId = :ws AND m.roleId = :role"
                                + " AND m.active = TRUE",
                        Long.class)
                .setParameter("ws", workspaceId)
                .setParameter("role", roleId)
                .getSingleResult();
    }

    @Override
    public void add(Member member) {
        em.persist(member);
        // Written at once: rows that reference it may follow in the same transaction, and EclipseLink orders
        // inserts by mapped relationships only, not by foreign keys. The unique key decides userName conflicts, so
        // callers need no SELECT first, and a concurrent twin loses the same way.
        try {
            em.flush();
        } catch (RuntimeException failure) { // PersistenceException, or EclipseLink's own DatabaseException
            if (ConstraintViolations.ofConstraint(failure, USER_NAME_KEY)) {
                throw new ConflictException("uniqueness", "userName '" + member.userName() + "' is already taken");
            }
            throw failure;
        }
    }

    @Override
    public void remove(Member member) {
        // Membership rows go by ON DELETE CASCADE in the database, one indexed delete, whatever their number.
        em.remove(member);
    }
}

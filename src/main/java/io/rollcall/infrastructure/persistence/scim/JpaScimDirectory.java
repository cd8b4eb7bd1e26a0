package io.rollcall.infrastructure.persistence.scim;

import io.rollcall.application.scim.ScimDirectory;
import io.rollcall.application.scim.ScimProblem;
import io.rollcall.application.scim.SearchSpec;
import io.rollcall.domain.group.Group;
import io.rollcall.domain.group.MembershipType;
import io.rollcall.domain.identity.Member;
import io.rollcall.domain.shared.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Runs a SCIM list in the database: scope (workspace, visibility) AND filter, ordered by the sort attribute and then
 * by id so that pages are stable, paged with OFFSET/LIMIT, with an exact total: a COUNT of the same predicate,
 * spared when the page itself shows where the result ends. The tenant scope is written here once per resource type.
 */
@ApplicationScoped
public class JpaScimDirectory implements ScimDirectory {

    private static final FilterTranslator USERS = new FilterTranslator(ScimResourceSchemas.USER);
    private static final FilterTranslator GROUPS = new FilterTranslator(ScimResourceSchemas.GROUP);

    /**
     * EclipseLink inlines every value of a statement that has a subquery unless told to bind: client values must
     * always travel as parameters.
     */
    private static final String BIND = "eclipselink.jdbc.bind-parameters";

    @PersistenceContext(unitName = "rollcall")
    private EntityManager em;

    /** For CDI. */
    public JpaScimDirectory() {}

    /** For tests with a resource-local entity manager. */
    public JpaScimDirectory(EntityManager em) {
        this.em = em;
    }

    @Override
    public Page<Member> users(String workspaceId, SearchSpec spec) {
        return search(Member.class, USERS, (cb, root) -> cb.equal(root.get("workspaceId"), workspaceId), spec);
    }

    @Override
    public Page<Group> dynamicGroups(String workspaceId, SearchSpec spec) {
        return search(
                Group.class,
                GROUPS,
                (cb, root) -> cb.and(
                        cb.equal(root.get("workspaceId"), workspaceId),
                        cb.equal(root.get("membershipType"), MembershipType.DYNAMIC)),
                spec);
    }

    /** Any resource type with its own scope; {@code users} and {@code dynamicGroups} are the production scopes. */
    <T> Page<T> search(
            Class<T> type,
            FilterTranslator translator,
            BiFunction<CriteriaBuilder, Root<T>, Predicate> scope,
            SearchSpec spec) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        if (spec.limit() == 0) {
            return new Page<>(List.of(), count(type, translator, scope, spec, cb));
        }
        CriteriaQuery<T> items = cb.createQuery(type);
        Root<T> root = items.from(type);
        List<T> found;
        boolean fromStart;
        if (spec.keyset() != null) {
            Predicate where = where(translator, scope, spec, cb, items, root);
            if (spec.keyset().afterId() != null) {
                where = cb.and(
                        where, cb.greaterThan(root.get("id"), spec.keyset().afterId()));
            }
            items.select(root).where(where).orderBy(cb.asc(root.get("id")));
            found = em.createQuery(items)
                    .setHint(BIND, Boolean.TRUE)
                    .setMaxResults(spec.limit() + 1)
                    .getResultList();
            fromStart = spec.keyset().afterId() == null;
            // A first page that holds everything is its own exact total: no COUNT needed.
            return new Page<>(
                    found,
                    fromStart && found.size() <= spec.limit()
                            ? found.size()
                            : count(type, translator, scope, spec, cb));
        }
        items.select(root)
                .where(where(translator, scope, spec, cb, items, root))
                .orderBy(order(translator, spec, cb, root));
        found = em.createQuery(items)
                .setHint(BIND, Boolean.TRUE)
                .setFirstResult(spec.offset())
                .setMaxResults(spec.limit())
                .getResultList();
        // A short, non-empty page (or a short first page) ends the result: offset + its size is the exact total,
        // which spares the COUNT for the common lookups (userName eq, externalId eq).
        boolean lastPage = found.size() < spec.limit() && (!found.isEmpty() || spec.offset() == 0);
        return new Page<>(found, lastPage ? spec.offset() + found.size() : count(type, translator, scope, spec, cb));
    }

    private <T> long count(
            Class<T> type,
            FilterTranslator translator,
            BiFunction<CriteriaBuilder, Root<T>, Predicate> scope,
            SearchSpec spec,
            CriteriaBuilder cb) {
        CriteriaQuery<Long> count = cb.createQuery(Long.class);
        Root<T> countRoot = count.from(type);
        count.select(cb.count(countRoot)).where(where(translator, scope, spec, cb, count, countRoot));
        return em.createQuery(count).setHint(BIND, Boolean.TRUE).getSingleResult();
    }

    private static <T> Predicate where(
            FilterTranslator translator,
            BiFunction<CriteriaBuilder, Root<T>, Predicate> scope,
            SearchSpec spec,
            CriteriaBuilder cb,
            CriteriaQuery<?> query,
            Root<T> root) {
        Predicate scoped = scope.apply(cb, root);
        return spec.filter() == null ? scoped : cb.and(scoped, translator.translate(spec.filter(), cb, query, root));
    }

    private static List<Order> order(FilterTranslator translator, SearchSpec spec, CriteriaBuilder cb, Root<?> root) {
        List<Order> order = new ArrayList<>();
        if (spec.sortBy() != null) {
            ResourceSchema.Resolved resolved;
            try {
                resolved = translator.schema().resolve(spec.sortBy());
            } catch (ScimProblem unknown) {
                throw ScimProblem.badRequest(ScimProblem.INVALID_VALUE, "sortBy names an unknown attribute");
            }
            if (resolved.multiValued() != null) {
                throw ScimProblem.badRequest(ScimProblem.INVALID_VALUE, "sortBy must name a single-valued attribute");
            }
            ColumnAttribute column = resolved.column();
            Expression<?> key = column.caseExact() || column.kind() != ValueKind.STRING
                    ? root.get(column.field())
                    : column.lowerField() != null ? root.get(column.lowerField()) : cb.lower(root.get(column.field()));
            order.add(spec.descending() ? cb.desc(key) : cb.asc(key));
        } else {
            order.add(cb.asc(root.get("createdAt")));
        }
        // The tie-break makes the order total, so that pages never overlap or skip.
        order.add(cb.asc(root.get("id")));
        return order;
    }
}

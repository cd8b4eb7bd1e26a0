package io.rollcall.application;

import io.rollcall.domain.shared.DomainException;
import jakarta.persistence.OptimisticLockException;
import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;

/**
 * Reads what went wrong when a use case's transaction failed at commit, for the web layers' exception mappers: the
 * container wraps it ({@code TransactionalException}, {@code RollbackException}) and the JPA provider wraps it again.
 * Walks the cause chain (bounded: some libraries build cyclic chains).
 */
public final class CommitFailures {

    private static final String ECLIPSELINK_OPTIMISTIC_LOCK =
            "org.eclipse.persistence.exceptions.OptimisticLockException";

    private CommitFailures() {}

    /**
     * Whether the transaction lost a race to a concurrent writer: an optimistic lock (JPA's or EclipseLink's own
     * exception) or an integrity constraint (SQLState class 23). The client may retry.
     */
    public static boolean lostToConcurrentWriter(Throwable failure) {
        for (Throwable t : chain(failure)) {
            if (t instanceof OptimisticLockException
                    || t.getClass().getName().equals(ECLIPSELINK_OPTIMISTIC_LOCK)
                    || t instanceof SQLException sql
                            && sql.getSQLState() != null
                            && sql.getSQLState().startsWith("23")) {
                return true;
            }
        }
        return false;
    }

    /** Whether the transaction lost an optimistic lock (JPA's or EclipseLink's own exception) to a concurrent writer. */
    public static boolean lostOptimisticLock(Throwable failure) {
        for (Throwable t : chain(failure)) {
            if (t instanceof OptimisticLockException || t.getClass().getName().equals(ECLIPSELINK_OPTIMISTIC_LOCK)) {
                return true;
            }
        }
        return false;
    }

    /** The first domain refusal in the cause chain, if a use case refused while its transaction was completing. */
    public static Optional<DomainException> domainCause(Throwable failure) {
        for (Throwable t : chain(failure)) {
            if (t instanceof DomainException refusal) {
                return Optional.of(refusal);
            }
        }
        return Optional.empty();
    }

    private static Iterable<Throwable> chain(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        java.util.List<Throwable> all = new java.util.ArrayList<>();
        for (Throwable t = failure; t != null && seen.add(t) && seen.size() <= 50; t = t.getCause()) {
            all.add(t);
        }
        return all;
    }
}

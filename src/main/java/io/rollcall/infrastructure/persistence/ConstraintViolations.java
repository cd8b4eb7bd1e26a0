package io.rollcall.infrastructure.persistence;

import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Recognises a failure caused by a database integrity constraint (SQLState class 23): a concurrent request won a
 * uniqueness or reference race. Protocols answer it as a conflict the client may retry, never as a 500.
 */
public final class ConstraintViolations {

    private ConstraintViolations() {}

    public static boolean causedBy(Throwable failure) {
        SQLException sql = find(failure, SQLException.class);
        return sql != null && sql.getSQLState() != null && sql.getSQLState().startsWith("23");
    }

    /**
     * Whether the failure is an integrity violation of the named constraint. H2 and MariaDB both name the violated key
     * in their messages (H2 in upper case, with an index suffix).
     */
    public static boolean ofConstraint(Throwable failure, String constraint) {
        if (!causedBy(failure)) {
            return false;
        }
        String wanted = constraint.toLowerCase(java.util.Locale.ROOT);
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t) && seen.size() < 50; t = t.getCause()) {
            if (t instanceof SQLException sql && (names(sql, wanted) || names(sql.getNextException(), wanted))) {
                return true;
            }
        }
        return false;
    }

    private static boolean names(SQLException sql, String constraint) {
        return sql != null
                && sql.getMessage() != null
                && sql.getMessage().toLowerCase(java.util.Locale.ROOT).contains(constraint);
    }

    /** The first throwable of {@code type} in the cause chain (bounded: some libraries build cyclic chains). */
    public static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t) && seen.size() < 50; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}

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

    private ConstraintViolations() {
    }

    public static boolean causedBy(Throwable failure) {
        SQLException sql = find(failure, SQLException.class);
        return sql != null && sql.getSQLState() != null && sql.getSQLState().startsWith("23");
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

package io.rollcall.infrastructure.cluster;

import java.util.Optional;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Payara Micro's data grid, as its JNDI name {@code payara/Hazelcast} gives it: absent when the instance is standalone
 * (the launcher's {@code --nohazelcast}). Returned as {@code Object} so that callers load where Hazelcast is absent;
 * only the classes that cast it touch Hazelcast's API.
 */
public final class PayaraDataGrid {

    private PayaraDataGrid() {}

    /** The {@code HazelcastInstance}, or empty when this instance runs without a data grid. */
    public static Optional<Object> instance() {
        try {
            return Optional.of(new InitialContext().lookup("payara/Hazelcast"));
        } catch (NamingException | RuntimeException e) {
            return Optional.empty();
        }
    }
}

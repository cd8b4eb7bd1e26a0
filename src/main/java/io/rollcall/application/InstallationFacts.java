package io.rollcall.application;

import java.time.Instant;
import java.util.Optional;

/**
 * Once-per-installation facts, such as "the bootstrap has run" (port; the JPA implementation lives in
 * {@code infrastructure.persistence}). A fact is recorded with an insert on its key, so that two instances starting at
 * once cannot both record it: the second one's transaction fails, and {@link #recordedConcurrently} recognises that
 * failure without the caller looking into SQL exceptions.
 */
public interface InstallationFacts {

    /** Whether the fact {@code key} was recorded. */
    boolean has(String key);

    /** The value recorded with the fact, if it was recorded. */
    Optional<String> value(String key);

    /** Records the fact in the caller's transaction; fails (at once or at commit) when another instance did first. */
    void record(String key, String value, Instant now);

    /**
     * Whether {@code failure} (from {@link #record} or from the commit after it) means that another instance recorded
     * the same fact first, that is a unique-key violation rather than a fault.
     */
    boolean recordedConcurrently(Throwable failure);
}

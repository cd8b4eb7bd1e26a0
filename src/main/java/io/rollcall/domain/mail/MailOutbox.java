package io.rollcall.domain.mail;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Storage of outbox messages, including the claim that makes one instance the sender of a message. */
public interface MailOutbox {

    void add(OutboxMessage message);

    Optional<OutboxMessage> find(String id);

    /** Ids of QUEUED messages due at {@code now} whose lease is free or lapsed, oldest first, at most {@code limit}. */
    List<String> due(Instant now, int limit);

    /**
     * Takes the lease on a due message with one conditional update. True for exactly one of several instances
     * claiming the same message at once; false when it is no longer due or another instance holds a live lease.
     */
    boolean claim(String id, String owner, Instant now, Instant leaseUntil);

    /** Cancels the still-queued messages about this invite or link (their link is no longer valid). */
    void cancelQueued(String subjectId);
}

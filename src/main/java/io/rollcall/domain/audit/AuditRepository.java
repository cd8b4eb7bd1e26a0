package io.rollcall.domain.audit;

import io.rollcall.domain.shared.Page;
import java.time.Instant;
import java.util.Set;

/** Append-only storage of audit events. */
public interface AuditRepository {

    void add(AuditEvent event);

    /**
     * Newest first; each filter is optional (null). {@code actorIds}: events by any of these actors (an empty set
     * matches nothing).
     */
    Page<AuditEvent> search(
            String workspaceId,
            Set<String> actorIds,
            String action,
            Instant since,
            Instant until,
            int offset,
            int limit);
}

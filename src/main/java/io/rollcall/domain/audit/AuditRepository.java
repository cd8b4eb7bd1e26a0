package io.rollcall.domain.audit;

import io.rollcall.domain.shared.Page;
import java.time.Instant;

/** Append-only storage of audit events. */
public interface AuditRepository {

    void add(AuditEvent event);

    /** Newest first; each filter is optional (null). */
    Page<AuditEvent> search(String workspaceId, String actorId, String action, Instant since, Instant until, int offset,
            int limit);
}

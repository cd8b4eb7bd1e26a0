package io.rollcall.application;

import io.rollcall.domain.audit.AuditEvent;
import io.rollcall.domain.audit.AuditRepository;
import io.rollcall.domain.rbac.Permission;
import io.rollcall.domain.shared.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;

/** Reads a workspace's audit log (needs {@code audit:read}). */
@ApplicationScoped
@Transactional
public class AuditQueryService {

    private final AuditRepository events;
    private final Authorization authorization;

    @Inject
    public AuditQueryService(AuditRepository events, Authorization authorization) {
        this.events = events;
        this.authorization = authorization;
    }

    /** For CDI proxies only. */
    protected AuditQueryService() {
        this(null, null);
    }

    /** Events of the workspace, newest first; {@code since} inclusive and {@code until} exclusive, each optional. */
    public Page<AuditEvent> search(Caller caller, String workspaceId, String actorId, String action, Instant since,
            Instant until, PageRequest page) {
        authorization.require(caller, workspaceId, Permission.AUDIT_READ);
        return events.search(workspaceId, blankToNull(actorId), blankToNull(action), since, until, page.offset(),
                page.size());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}

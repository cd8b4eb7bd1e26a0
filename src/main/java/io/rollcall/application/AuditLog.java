package io.rollcall.application;

import io.rollcall.domain.audit.AuditEvent;
import io.rollcall.domain.audit.AuditRepository;
import io.rollcall.domain.shared.Ids;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObjectBuilder;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Collection;
import java.util.Map;

/**
 * Writes audit events in the caller's transaction, so that a change and its audit event commit or roll back together.
 * Summaries are small JSON objects of plain values; callers never put secrets in them. Every event of a workspace is
 * also announced as {@link WorkspaceChanged} (to transactional observers: after commit), which is how caches of what a
 * workspace allows learn of every change without each use case having to remember them.
 */
@ApplicationScoped
public class AuditLog {

    /** Json.createObjectBuilder() looks the JSON-P provider up (service loader) on every call; once is enough. */
    private static final JsonBuilderFactory JSON = Json.createBuilderFactory(java.util.Map.of());

    private final AuditRepository events;
    private final Clock clock;
    private final Event<WorkspaceChanged> changes;

    @Inject
    public AuditLog(AuditRepository events, Clock clock, Event<WorkspaceChanged> changes) {
        this.events = events;
        this.clock = clock;
        this.changes = changes;
    }

    /** For CDI proxies only. */
    protected AuditLog() {
        this(null, null, null);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(
            String workspaceId,
            Actor actor,
            String action,
            String targetType,
            String targetId,
            Map<String, ?> summary) {
        events.add(new AuditEvent(
                Ids.newId(),
                workspaceId,
                clock.instant(),
                actor.type(),
                actor.id(),
                actor.label(),
                action,
                targetType,
                targetId,
                toJson(summary),
                RequestIds.current()));
        if (workspaceId != null) {
            changes.fire(new WorkspaceChanged(workspaceId, action));
        }
    }

    static String toJson(Map<String, ?> summary) {
        if (summary == null || summary.isEmpty()) {
            return null;
        }
        JsonObjectBuilder builder = JSON.createObjectBuilder();
        summary.forEach((key, value) -> {
            if (value == null) {
                builder.addNull(key);
            } else if (value instanceof Boolean b) {
                builder.add(key, b);
            } else if (value instanceof Number n) {
                builder.add(key, n.longValue());
            } else if (value instanceof Collection<?> c) {
                builder.add(
                        key,
                        JSON.createArrayBuilder(c.stream().map(String::valueOf).toList()));
            } else {
                builder.add(key, String.valueOf(value));
            }
        });
        return builder.build().toString();
    }
}

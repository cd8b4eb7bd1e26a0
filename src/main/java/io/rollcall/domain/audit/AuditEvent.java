package io.rollcall.domain.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One change, by whom and to what, with a short before/after summary (JSON text). Never holds a secret. */
@Entity
@Table(name = "audit_event")
public class AuditEvent {

    /** Kinds of actors that change things. */
    public enum ActorType {
        ACCOUNT,
        SCIM_TOKEN,
        SSO,
        SYSTEM
    }

    @Id
    @Column(name = "id")
    private String id;

    @Column(name = "workspace_id")
    private String workspaceId;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "actor_type", nullable = false)
    private ActorType actorType;

    @Column(name = "actor_id", nullable = false)
    private String actorId;

    @Column(name = "actor_label")
    private String actorLabel;

    @Column(name = "action", nullable = false)
    private String action;

    @Column(name = "target_type")
    private String targetType;

    @Column(name = "target_id")
    private String targetId;

    @Column(name = "summary")
    private String summary;

    @Column(name = "request_id")
    private String requestId;

    protected AuditEvent() {}

    public AuditEvent(
            String id,
            String workspaceId,
            Instant occurredAt,
            ActorType actorType,
            String actorId,
            String actorLabel,
            String action,
            String targetType,
            String targetId,
            String summary,
            String requestId) {
        this.id = id;
        this.workspaceId = workspaceId;
        this.occurredAt = occurredAt;
        this.actorType = actorType;
        this.actorId = actorId;
        this.actorLabel = actorLabel;
        this.action = action;
        this.targetType = targetType;
        this.targetId = targetId;
        this.summary = summary;
        this.requestId = requestId;
    }

    public String id() {
        return id;
    }

    public String workspaceId() {
        return workspaceId;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public ActorType actorType() {
        return actorType;
    }

    public String actorId() {
        return actorId;
    }

    public String actorLabel() {
        return actorLabel;
    }

    public String action() {
        return action;
    }

    public String targetType() {
        return targetType;
    }

    public String targetId() {
        return targetId;
    }

    public String summary() {
        return summary;
    }

    public String requestId() {
        return requestId;
    }
}

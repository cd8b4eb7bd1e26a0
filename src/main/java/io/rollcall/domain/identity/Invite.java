package io.rollcall.domain.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** An owner's invitation of one email, with one role, into a workspace. The token is stored only as a hash. */
@Entity
@Table(name = "invite")
public class Invite {

    /** What an API client sees: the stored status, with "expired" derived from the clock. */
    public enum State {
        PENDING,
        ACCEPTED,
        REVOKED,
        EXPIRED
    }

    @Id
    @Column(name = "id")
    private String id;

    @Column(name = "workspace_id", nullable = false)
    private String workspaceId;

    @Column(name = "email", nullable = false)
    private String email;

    @Column(name = "role_id", nullable = false)
    private String roleId;

    @Column(name = "token_hash", nullable = false)
    private String tokenHash;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    private InviteStatus status;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "created_by")
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "accepted_at")
    private Instant acceptedAt;

    @Column(name = "accepted_member_id")
    private String acceptedMemberId;

    @Column(name = "delivery_state")
    private String deliveryState;

    @Column(name = "delivery_detail")
    private String deliveryDetail;

    @Column(name = "delivery_at")
    private Instant deliveryAt;

    @Version
    @Column(name = "version")
    private long version;

    protected Invite() {}

    public Invite(
            String id,
            String workspaceId,
            String normalisedEmail,
            String roleId,
            SecretTokens.Issued token,
            String createdBy,
            Instant expiresAt,
            Instant now) {
        this.id = id;
        this.workspaceId = workspaceId;
        this.email = normalisedEmail;
        this.roleId = roleId;
        this.tokenHash = token.hash();
        this.status = InviteStatus.PENDING;
        this.createdBy = createdBy;
        this.expiresAt = expiresAt;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public String id() {
        return id;
    }

    public String workspaceId() {
        return workspaceId;
    }

    public String email() {
        return email;
    }

    public String roleId() {
        return roleId;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant acceptedAt() {
        return acceptedAt;
    }

    public String acceptedMemberId() {
        return acceptedMemberId;
    }

    /** {@code queued}, {@code sent}, {@code failed}, or null when the invite was not e-mailed (e-mail off). */
    public String deliveryState() {
        return deliveryState;
    }

    /** The SMTP server's reason for the last failed attempt, if any. */
    public String deliveryDetail() {
        return deliveryDetail;
    }

    public Instant deliveryAt() {
        return deliveryAt;
    }

    /** Records what the outbox did with this invite's e-mail. */
    public void recordDelivery(String state, String detail, Instant now) {
        this.deliveryState = state;
        this.deliveryDetail = detail;
        this.deliveryAt = now;
    }

    public State stateAt(Instant now) {
        if (status == InviteStatus.PENDING && !now.isBefore(expiresAt)) {
            return State.EXPIRED;
        }
        return State.valueOf(status.name());
    }

    /** Issues a new token and a new expiry; only a pending or expired invite can be renewed. */
    public void renew(SecretTokens.Issued token, Instant expiresAt, Instant now) {
        this.tokenHash = token.hash();
        this.expiresAt = expiresAt;
        this.updatedAt = now;
    }

    public void revoke(Instant now) {
        this.status = InviteStatus.REVOKED;
        this.updatedAt = now;
    }

    public void accept(String memberId, Instant now) {
        this.status = InviteStatus.ACCEPTED;
        this.acceptedMemberId = memberId;
        this.acceptedAt = now;
        this.updatedAt = now;
    }
}

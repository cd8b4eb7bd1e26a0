package io.rollcall.domain.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A one-time sign-in link of an account into one workspace: e-mailed on request ({@link Purpose#EMAIL}, 15 minutes)
 * or issued to the bootstrap owner ({@link Purpose#BOOTSTRAP}, 24 hours). Only the token's SHA-256 is stored.
 */
@Entity
@Table(name = "sign_in_link")
public class SignInLink {

    /** Why the link exists; decides its lifetime. */
    public enum Purpose {
        EMAIL,
        BOOTSTRAP
    }

    /** Prefix of sign-in link tokens. */
    public static final String TOKEN_PREFIX = "rcl_";

    @Id
    @Column(name = "id")
    private String id;

    @Column(name = "token_hash", nullable = false)
    private String tokenHash;

    @Column(name = "account_id", nullable = false)
    private String accountId;

    @Column(name = "workspace_id", nullable = false)
    private String workspaceId;

    @Enumerated(EnumType.STRING)
    @Column(name = "purpose", nullable = false)
    private Purpose purpose;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "used_at")
    private Instant usedAt;

    protected SignInLink() {}

    public SignInLink(
            String id,
            SecretTokens.Issued token,
            String accountId,
            String workspaceId,
            Purpose purpose,
            Instant now,
            Instant expiresAt) {
        this.id = id;
        this.tokenHash = token.hash();
        this.accountId = accountId;
        this.workspaceId = workspaceId;
        this.purpose = purpose;
        this.createdAt = now;
        this.expiresAt = expiresAt;
    }

    public String id() {
        return id;
    }

    public String accountId() {
        return accountId;
    }

    public String workspaceId() {
        return workspaceId;
    }

    public Purpose purpose() {
        return purpose;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Instant usedAt() {
        return usedAt;
    }

    public boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}

package io.rollcall.domain.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A person, global across workspaces, keyed by normalised email. Holds no role: roles live on memberships. */
@Entity
@Table(name = "account")
public class Account {

    @Id
    @Column(name = "id")
    private String id;

    @Column(name = "email", nullable = false)
    private String email;

    @Column(name = "display_name")
    private String displayName;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    @Column(name = "version")
    private long version;

    protected Account() {}

    /** @param normalisedEmail an address already normalised by {@link io.rollcall.domain.shared.Emails} */
    public Account(String id, String normalisedEmail, String displayName, Instant now) {
        this.id = id;
        this.email = normalisedEmail;
        this.displayName = displayName;
        this.createdAt = now;
    }

    public String id() {
        return id;
    }

    public String email() {
        return email;
    }

    public String displayName() {
        return displayName;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }
}

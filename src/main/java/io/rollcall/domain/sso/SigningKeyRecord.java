package io.rollcall.domain.sso;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A stored session signing key: public JWK, private JWK (sealed under ROLLCALL_SECRET_KEY when set), creation and
 * retirement time. After {@code retiresAt} it signs nothing but keeps verifying until its sessions have expired.
 */
@Entity
@Table(name = "session_signing_key")
public class SigningKeyRecord {

    @Id
    @Column(name = "kid")
    private String kid;

    @Column(name = "algorithm", nullable = false)
    private String algorithm;

    @Column(name = "public_jwk", nullable = false)
    private String publicJwk;

    @Column(name = "private_jwk", nullable = false)
    private String privateJwk;

    @Column(name = "private_encrypted", nullable = false)
    private boolean privateEncrypted;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "retires_at", nullable = false)
    private Instant retiresAt;

    protected SigningKeyRecord() {}

    public SigningKeyRecord(
            String kid,
            String algorithm,
            String publicJwk,
            String privateJwk,
            boolean privateEncrypted,
            Instant createdAt,
            Instant retiresAt) {
        this.kid = kid;
        this.algorithm = algorithm;
        this.publicJwk = publicJwk;
        this.privateJwk = privateJwk;
        this.privateEncrypted = privateEncrypted;
        this.createdAt = createdAt;
        this.retiresAt = retiresAt;
    }

    public String kid() {
        return kid;
    }

    public String algorithm() {
        return algorithm;
    }

    public String publicJwk() {
        return publicJwk;
    }

    public String privateJwk() {
        return privateJwk;
    }

    public boolean privateEncrypted() {
        return privateEncrypted;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant retiresAt() {
        return retiresAt;
    }

    @Override
    public String toString() {
        return "SigningKeyRecord[" + kid + "]";
    }
}

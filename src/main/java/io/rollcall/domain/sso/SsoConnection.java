package io.rollcall.domain.sso;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * A workspace's one SSO connection, SAML or OIDC. The OIDC client secret is held encrypted (it must be presented to
 * the IdP, so it cannot be hashed) and is never returned by the API.
 */
@Entity
@Table(name = "sso_connection")
public class SsoConnection {

    /** The OIDC scopes asked for when an owner names none: {@code openid email profile}. */
    public static final List<String> DEFAULT_SCOPES = List.of("openid", "email", "profile");

    /** The two protocols. */
    public enum Type {
        SAML,
        OIDC
    }

    @Id
    @Column(name = "workspace_id")
    private String workspaceId;

    @Enumerated(EnumType.STRING)
    @Column(name = "connection_type", nullable = false)
    private Type type;

    @Column(name = "saml_idp_entity_id")
    private String samlIdpEntityId;

    @Column(name = "saml_sso_url")
    private String samlSsoUrl;

    /** PEM certificates, one after another. */
    @Column(name = "saml_certificates")
    private String samlCertificates;

    @Column(name = "saml_metadata_xml")
    private String samlMetadataXml;

    @Column(name = "oidc_issuer")
    private String oidcIssuer;

    @Column(name = "oidc_client_id")
    private String oidcClientId;

    @Column(name = "oidc_client_secret")
    private String oidcClientSecretEncrypted;

    @Column(name = "oidc_scopes")
    private String oidcScopes;

    @Column(name = "groups_claim")
    private String groupsClaim;

    @Column(name = "relink_by_email", nullable = false)
    private boolean relinkByEmail;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    @Column(name = "version")
    private long version;

    protected SsoConnection() {}

    public SsoConnection(String workspaceId, Type type, Instant now) {
        this.workspaceId = workspaceId;
        this.type = type;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public String workspaceId() {
        return workspaceId;
    }

    public Type type() {
        return type;
    }

    public String samlIdpEntityId() {
        return samlIdpEntityId;
    }

    public String samlSsoUrl() {
        return samlSsoUrl;
    }

    public String samlCertificates() {
        return samlCertificates;
    }

    public String samlMetadataXml() {
        return samlMetadataXml;
    }

    public String oidcIssuer() {
        return oidcIssuer;
    }

    public String oidcClientId() {
        return oidcClientId;
    }

    public String oidcClientSecretEncrypted() {
        return oidcClientSecretEncrypted;
    }

    public String oidcScopes() {
        return oidcScopes;
    }

    /** The OIDC scopes to ask for: the stored space-separated list, or {@link #DEFAULT_SCOPES} if none is stored. */
    public List<String> scopes() {
        return oidcScopes == null || oidcScopes.isBlank()
                ? DEFAULT_SCOPES
                : Arrays.asList(oidcScopes.trim().split("\\s+"));
    }

    /**
     * The associated data the OIDC client secret is sealed under: binds the ciphertext to this workspace, so a sealed
     * secret copied into another workspace's row does not open.
     */
    public String clientSecretContext() {
        return clientSecretContext(workspaceId);
    }

    /** {@link #clientSecretContext()} for a connection about to be created. */
    public static String clientSecretContext(String workspaceId) {
        return "oidc-client-secret:" + workspaceId;
    }

    public String groupsClaim() {
        return groupsClaim;
    }

    /**
     * Whether a login with a verified e-mail may re-bind a member that is bound to another subject (the migration to
     * a new IdP); see {@code SsoIdentityLinker}.
     */
    public boolean relinkByEmail() {
        return relinkByEmail;
    }

    public void setRelinkByEmail(boolean relinkByEmail) {
        this.relinkByEmail = relinkByEmail;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }

    public void configureSaml(
            String idpEntityId,
            String ssoUrl,
            String certificatesPem,
            String metadataXml,
            String groupsClaim,
            Instant now) {
        this.type = Type.SAML;
        this.samlIdpEntityId = idpEntityId;
        this.samlSsoUrl = ssoUrl;
        this.samlCertificates = certificatesPem;
        this.samlMetadataXml = metadataXml;
        this.groupsClaim = groupsClaim;
        this.oidcIssuer = null;
        this.oidcClientId = null;
        this.oidcClientSecretEncrypted = null;
        this.oidcScopes = null;
        this.updatedAt = now;
    }

    public void configureOidc(
            String issuer,
            String clientId,
            String clientSecretEncrypted,
            String scopes,
            String groupsClaim,
            Instant now) {
        this.type = Type.OIDC;
        this.oidcIssuer = issuer;
        this.oidcClientId = clientId;
        this.oidcClientSecretEncrypted = clientSecretEncrypted;
        this.oidcScopes = scopes;
        this.groupsClaim = groupsClaim;
        this.samlIdpEntityId = null;
        this.samlSsoUrl = null;
        this.samlCertificates = null;
        this.samlMetadataXml = null;
        this.updatedAt = now;
    }
}

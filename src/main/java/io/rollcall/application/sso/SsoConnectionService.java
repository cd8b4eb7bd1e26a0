package io.rollcall.application.sso;

import io.rollcall.application.AuditLog;
import io.rollcall.application.Authorization;
import io.rollcall.application.Caller;
import io.rollcall.domain.group.Group;
import io.rollcall.domain.group.GroupRepository;
import io.rollcall.domain.mapping.ClaimSet;
import io.rollcall.domain.mapping.SsoMembershipPlan;
import io.rollcall.domain.rbac.Permission;
import io.rollcall.domain.shared.ConflictException;
import io.rollcall.domain.shared.InvalidInputException;
import io.rollcall.domain.shared.NotFoundException;
import io.rollcall.domain.sso.SsoConnection;
import io.rollcall.domain.sso.SsoConnectionRepository;
import io.rollcall.security.oidc.OidcProviderException;
import io.rollcall.security.saml.IdpMetadata;
import io.rollcall.security.saml.IdpMetadataException;
import io.rollcall.security.saml.IdpMetadataParser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The workspace's SSO connection (sso:manage): read, replace (SAML by fields or metadata XML, or OIDC checked by
 * discovery), delete, and the claim-rule dry run. The OIDC client secret is sealed under ROLLCALL_SECRET_KEY and never
 * leaves this class in clear except towards the IdP's token endpoint.
 */
@ApplicationScoped
@Transactional
public class SsoConnectionService {

    static final String DEFAULT_GROUPS_CLAIM = "groups";

    private final SsoConnectionRepository connections;
    private final GroupRepository groups;
    private final Authorization authorization;
    private final AuditLog audit;
    private final OidcProviders oidc;
    private final SecretVault vault;
    private final SsoGroupSync groupSync;
    private final Clock clock;

    @Inject
    public SsoConnectionService(
            SsoConnectionRepository connections,
            GroupRepository groups,
            Authorization authorization,
            AuditLog audit,
            OidcProviders oidc,
            SecretVault vault,
            SsoGroupSync groupSync,
            Clock clock) {
        this.connections = connections;
        this.groups = groups;
        this.authorization = authorization;
        this.audit = audit;
        this.oidc = oidc;
        this.vault = vault;
        this.groupSync = groupSync;
        this.clock = clock;
    }

    /** For CDI proxies only. */
    protected SsoConnectionService() {
        this(null, null, null, null, null, null, null, null);
    }

    /** SAML settings: either metadata XML, or entity id + SSO URL + certificates. */
    public record SamlInput(
            String idpEntityId,
            String ssoUrl,
            List<String> certificates,
            String metadataXml,
            String groupsClaim,
            boolean relinkByEmail) {}

    /** OIDC settings; a null secret keeps the stored one (same issuer and client id only). */
    public record OidcInput(
            String issuer,
            String clientId,
            String clientSecret,
            List<String> scopes,
            String groupsClaim,
            boolean relinkByEmail) {

        @Override
        public String toString() {
            return "OidcInput[" + issuer + ", " + clientId + "]";
        }
    }

    /** A group a dry run would give, and whether the IdP signalled an overage. */
    public record DryRun(List<Group> groups, boolean overage) {}

    /** The workspace's connection; empty before one is configured (the IdP admin still needs Rollcall's URLs). */
    public Optional<SsoConnection> find(Caller caller, String workspaceId) {
        authorization.require(caller, workspaceId, Permission.SSO_MANAGE);
        return connections.find(workspaceId);
    }

    public SsoConnection putSaml(Caller caller, String workspaceId, SamlInput input) {
        authorization.require(caller, workspaceId, Permission.SSO_MANAGE);
        String entityId;
        String ssoUrl;
        List<X509Certificate> certificates;
        String metadataXml = blankToNull(input.metadataXml());
        if (metadataXml != null) {
            if (input.idpEntityId() != null || input.ssoUrl() != null || input.certificates() != null) {
                throw new InvalidInputException(
                        "metadataXml",
                        "give either metadataXml or idpEntityId, ssoUrl and" + " certificates, not both");
            }
            IdpMetadata metadata = parseMetadata(metadataXml);
            entityId = metadata.entityId();
            ssoUrl = metadata.ssoRedirectUrl()
                    .orElseThrow(
                            () -> new InvalidInputException(
                                    "metadataXml",
                                    "the IdP offers no HTTP-Redirect SingleSignOnService, which Rollcall sends AuthnRequests to"))
                    .toString();
            certificates = metadata.signingCertificates();
        } else {
            entityId = required("idpEntityId", input.idpEntityId(), 1024);
            ssoUrl = httpUrl("ssoUrl", input.ssoUrl());
            if (input.certificates() == null || input.certificates().isEmpty()) {
                throw new InvalidInputException(
                        "certificates", "at least one IdP signing certificate (PEM) is required");
            }
            certificates = input.certificates().stream()
                    .flatMap(pem -> Certificates.parse(pem).stream())
                    .toList();
        }
        if (certificates.size() > Certificates.MAX) {
            throw new InvalidInputException("certificates", "at most " + Certificates.MAX + " certificates");
        }
        String groupsClaim = groupsClaim(input.groupsClaim());
        Instant now = clock.instant();
        SsoConnection connection = connections.find(workspaceId).orElse(null);
        boolean created = connection == null;
        if (created) {
            connection = new SsoConnection(workspaceId, SsoConnection.Type.SAML, now);
        }
        connection.configureSaml(entityId, ssoUrl, Certificates.toPem(certificates), metadataXml, groupsClaim, now);
        connection.setRelinkByEmail(input.relinkByEmail());
        if (created) {
            connections.add(connection);
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("type", "saml");
        summary.put("idpEntityId", entityId);
        summary.put("ssoUrl", ssoUrl);
        summary.put("certificates", certificates.size());
        summary.put("fromMetadata", metadataXml != null);
        summary.put("relinkByEmail", input.relinkByEmail());
        audit.record(workspaceId, caller.actor(), "sso.connection.updated", "sso-connection", workspaceId, summary);
        return connection;
    }

    public SsoConnection putOidc(Caller caller, String workspaceId, OidcInput input) {
        authorization.require(caller, workspaceId, Permission.SSO_MANAGE);
        var box = vault.box()
                .orElseThrow(() -> new ConflictException(
                        "secret-key-missing",
                        "an OIDC connection needs"
                                + " ROLLCALL_SECRET_KEY (base64 of 32 random bytes) to encrypt the client secret; set it on every"
                                + " instance and restart"));
        String issuer = required("issuer", input.issuer(), 1024);
        String clientId = required("clientId", input.clientId(), 255);
        List<String> scopes =
                input.scopes() == null || input.scopes().isEmpty() ? SsoConnection.DEFAULT_SCOPES : input.scopes();
        for (String scope : scopes) {
            if (scope == null || !scope.matches("[\\x21\\x23-\\x5B\\x5D-\\x7E]{1,64}")) {
                throw new InvalidInputException("scopes", "scopes are space-free ASCII tokens");
            }
        }
        try {
            oidc.discoverFresh(issuer);
        } catch (OidcProviderException e) {
            // The message names host and status only (never secrets); the owner needs it to fix the issuer.
            throw new InvalidInputException("issuer", "OIDC discovery for this issuer failed: " + e.getMessage());
        }
        Optional<SsoConnection> existing = connections.find(workspaceId);
        String sealed;
        String secret = input.clientSecret();
        if (secret == null || secret.isEmpty()) {
            sealed = existing.filter(c -> c.type() == SsoConnection.Type.OIDC
                            && issuer.equals(c.oidcIssuer())
                            && clientId.equals(c.oidcClientId())
                            && c.oidcClientSecretEncrypted() != null)
                    .map(SsoConnection::oidcClientSecretEncrypted)
                    .orElseThrow(() -> new InvalidInputException("clientSecret", "'clientSecret' is required"));
        } else {
            if (secret.length() > 1024) {
                throw new InvalidInputException("clientSecret", "'clientSecret' is too long");
            }
            sealed = box.seal(secret, SsoConnection.clientSecretContext(workspaceId));
        }
        String groupsClaim = groupsClaim(input.groupsClaim());
        Instant now = clock.instant();
        SsoConnection connection = existing.orElse(null);
        boolean created = connection == null;
        if (created) {
            connection = new SsoConnection(workspaceId, SsoConnection.Type.OIDC, now);
        }
        connection.configureOidc(issuer, clientId, sealed, String.join(" ", scopes), groupsClaim, now);
        connection.setRelinkByEmail(input.relinkByEmail());
        if (created) {
            connections.add(connection);
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("type", "oidc");
        summary.put("issuer", issuer);
        summary.put("clientId", clientId);
        summary.put("scopes", scopes);
        summary.put("clientSecretChanged", secret != null && !secret.isEmpty());
        summary.put("relinkByEmail", input.relinkByEmail());
        audit.record(workspaceId, caller.actor(), "sso.connection.updated", "sso-connection", workspaceId, summary);
        return connection;
    }

    public void delete(Caller caller, String workspaceId) {
        authorization.require(caller, workspaceId, Permission.SSO_MANAGE);
        SsoConnection connection =
                connections.find(workspaceId).orElseThrow(() -> new NotFoundException("sso connection", workspaceId));
        connections.remove(connection);
        audit.record(
                workspaceId,
                caller.actor(),
                "sso.connection.deleted",
                "sso-connection",
                workspaceId,
                Map.of("type", connection.type().name().toLowerCase()));
    }

    /**
     * The DYNAMIC groups a login with these claims would give, without changing anything. {@code claims} are taken
     * exactly as an IdP sends them: JWT claims as JSON values ({@code String}, {@code Number}, {@code Boolean},
     * {@code List}, nested {@code Map} such as Entra's {@code _claim_names} object) or SAML attributes as lists of
     * strings, read by {@link ClaimSet#fromJwtClaims}.
     */
    public DryRun dryRun(Caller caller, String workspaceId, Map<String, ?> claims) {
        authorization.require(caller, workspaceId, Permission.SSO_MANAGE);
        if (claims == null) {
            throw new InvalidInputException("claims", "'claims' is required: {\"claims\": {\"name\": [\"value\"]}}");
        }
        SsoMembershipPlan<String> plan = groupSync.plan(workspaceId, ClaimSet.fromJwtClaims(claims));
        List<Group> matched = plan.groups().stream()
                .map(id -> groups.find(workspaceId, id))
                .flatMap(Optional::stream)
                .sorted(java.util.Comparator.comparing(Group::displayName))
                .toList();
        return new DryRun(matched, plan.keepExisting());
    }

    private static IdpMetadata parseMetadata(String xml) {
        try {
            return new IdpMetadataParser().parse(xml);
        } catch (IdpMetadataException e) {
            throw new InvalidInputException("metadataXml", e.getMessage());
        }
    }

    private static String groupsClaim(String value) {
        String claim = blankToNull(value);
        return claim == null ? DEFAULT_GROUPS_CLAIM : required("groupsClaim", claim, 255);
    }

    private static String required(String field, String value, int max) {
        String v = blankToNull(value);
        if (v == null) {
            throw new InvalidInputException(field, "'" + field + "' is required");
        }
        if (v.length() > max) {
            throw new InvalidInputException(field, "'" + field + "' is longer than " + max + " characters");
        }
        return v.strip();
    }

    private static String httpUrl(String field, String value) {
        String v = required(field, value, 2048);
        try {
            URI uri = URI.create(v);
            if (("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null) {
                return v;
            }
        } catch (IllegalArgumentException e) {
            // fall through
        }
        throw new InvalidInputException(field, "'" + field + "' must be an absolute http(s) URL");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}

package io.rollcall.application.sso;

import io.rollcall.application.Actor;
import io.rollcall.application.AuditLog;
import io.rollcall.application.UsageMetrics;
import io.rollcall.domain.workspace.WorkspaceRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Audits refused logins in a transaction of their own (the login's own transaction, if any, was rolled back), and
 * counts every SSO login's result in {@link UsageMetrics}.
 */
@ApplicationScoped
public class SsoAuditTrail {

    private static final Logger LOG = Logger.getLogger(SsoAuditTrail.class.getName());

    private final WorkspaceRepository workspaces;
    private final AuditLog audit;
    private final UsageMetrics metrics;

    @Inject
    public SsoAuditTrail(WorkspaceRepository workspaces, AuditLog audit, UsageMetrics metrics) {
        this.workspaces = workspaces;
        this.audit = audit;
        this.metrics = metrics;
    }

    /** For CDI proxies only. */
    protected SsoAuditTrail() {
        this(null, null, null);
    }

    /** Counts a successful login ({@code protocol} is SAML or OIDC). */
    public void succeeded(String protocol) {
        metrics.ssoLogin(protocol, null);
    }

    /**
     * @param subject the IdP subject if the protocol checks passed, else null
     * @param email the asserted email if known, else null
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void refused(String workspaceId, String protocol, String reason, String subject, String email) {
        metrics.ssoLogin(protocol, reason);
        // One line per refusal, so the requestId a person reports leads to the reason (the log handler adds the id).
        // The workspace comes from the URL: control characters are replaced so it cannot forge log lines.
        LOG.info(() -> "SSO login refused: workspace " + printable(workspaceId) + ", protocol " + protocol + ", reason "
                + reason);
        // Unknown workspaces get no events: anyone can call /sso/{anything}/..., and the log must not fill with noise.
        if (workspaces.find(workspaceId).isEmpty()) {
            return;
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("reason", reason);
        summary.put("protocol", protocol);
        if (email != null) {
            summary.put("email", email);
        }
        audit.record(
                workspaceId,
                Actor.sso(subject == null ? "anonymous" : subject.substring(0, Math.min(255, subject.length())), email),
                "sso.login.refused",
                "sso-connection",
                workspaceId,
                summary);
    }

    private static String printable(String value) {
        return value == null ? "-" : value.replaceAll("\\p{Cntrl}", "?");
    }
}

package io.rollcall.application.sso;

import io.rollcall.application.Actor;
import io.rollcall.application.AuditLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The database side of a successful protocol check, in one transaction: find or create the member, bring its SSO
 * memberships in line with the claims, audit the login. A refusal rolls all of it back.
 */
@ApplicationScoped
public class LoginCompletion {

    private final SsoIdentityLinker linker;
    private final SsoGroupSync groupSync;
    private final AuditLog audit;

    @Inject
    public LoginCompletion(SsoIdentityLinker linker, SsoGroupSync groupSync, AuditLog audit) {
        this.linker = linker;
        this.groupSync = groupSync;
        this.audit = audit;
    }

    /** For CDI proxies only. */
    protected LoginCompletion() {
        this(null, null, null);
    }

    /** Who logged in. */
    public record Completed(String accountId, String email, String memberId) {}

    @Transactional
    public Completed complete(String workspaceId, LoginIdentity identity) {
        SsoIdentityLinker.Linked linked = linker.link(workspaceId, identity);
        Actor actor = Actor.sso(linked.member().id(), linked.account().email());
        SsoGroupSync.Result sync = groupSync.apply(workspaceId, linked.member().id(), identity.claims(), actor);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("protocol", identity.protocol().name());
        summary.put("matchedBy", linked.how());
        summary.put("groupsAdded", sync.added());
        summary.put("groupsRemoved", sync.removed());
        summary.put("overage", sync.overage());
        audit.record(workspaceId, actor, "sso.login", "member", linked.member().id(), summary);
        return new Completed(
                linked.account().id(), linked.account().email(), linked.member().id());
    }
}

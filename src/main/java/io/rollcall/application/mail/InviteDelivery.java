package io.rollcall.application.mail;

import io.rollcall.config.RollcallConfig;
import io.rollcall.domain.identity.Invite;
import io.rollcall.domain.mail.OutboxMessage;
import io.rollcall.domain.rbac.Role;
import io.rollcall.domain.rbac.RoleRepository;
import io.rollcall.domain.workspace.Workspace;
import io.rollcall.domain.workspace.WorkspaceRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;

/**
 * Queues the e-mail of a newly issued (or renewed) invite token in the caller's transaction and marks the invite
 * {@code queued}. The token goes into the message and nowhere else: it is never logged or audited.
 */
@ApplicationScoped
public class InviteDelivery {

    private final MailQueue queue;
    private final WorkspaceRepository workspaces;
    private final RoleRepository roles;
    private final RollcallConfig config;
    private final Clock clock;

    @Inject
    public InviteDelivery(
            MailQueue queue, WorkspaceRepository workspaces, RoleRepository roles, RollcallConfig config, Clock clock) {
        this.queue = queue;
        this.workspaces = workspaces;
        this.roles = roles;
        this.config = config;
        this.clock = clock;
    }

    /** For CDI proxies only. */
    protected InviteDelivery() {
        this(null, null, null, null, null);
    }

    /** Drops a still-queued e-mail of a revoked invite: its link would only lead to a "revoked" page. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void cancel(Invite invite) {
        queue.cancel(invite.id());
    }

    /** The link a person opens to accept: {@code {ROLLCALL_PUBLIC_URL}/invite/{token}}. */
    public String acceptUrl(String token) {
        return config.publicUrl() + "/invite/" + token;
    }

    /**
     * Queues the invite e-mail (replacing any still queued one with an older token). False, and nothing queued, when
     * e-mail is off: the owner then gets the link in the API answer.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean queue(Invite invite, String token, String inviter) {
        if (!queue.enabled()) {
            return false;
        }
        Workspace workspace = workspaces.find(invite.workspaceId()).orElseThrow();
        String roleName = roles.find(invite.workspaceId(), invite.roleId())
                .map(Role::name)
                .orElse(invite.roleId());
        queue.cancel(invite.id());
        queue.enqueue(
                invite.workspaceId(),
                OutboxMessage.Kind.INVITE,
                invite.id(),
                MailComposer.invite(new MailComposer.InviteFacts(
                        invite.email(), workspace.name(), inviter, roleName, invite.expiresAt(), acceptUrl(token))));
        invite.recordDelivery("queued", null, clock.instant());
        return true;
    }
}

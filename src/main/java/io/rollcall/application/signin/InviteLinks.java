package io.rollcall.application.signin;

import io.rollcall.application.Actor;
import io.rollcall.application.invite.InviteService;
import io.rollcall.application.sso.SessionService;
import io.rollcall.domain.identity.Account;
import io.rollcall.domain.identity.AccountRepository;
import io.rollcall.domain.identity.Invite;
import io.rollcall.domain.identity.InviteRepository;
import io.rollcall.domain.identity.Member;
import io.rollcall.domain.identity.MemberRepository;
import io.rollcall.domain.identity.SecretTokens;
import io.rollcall.domain.rbac.Role;
import io.rollcall.domain.rbac.RoleRepository;
import io.rollcall.domain.shared.Ids;
import io.rollcall.domain.sso.SsoConnectionRepository;
import io.rollcall.domain.workspace.Workspace;
import io.rollcall.domain.workspace.WorkspaceRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The invite link {@code /invite/{token}}. Where the workspace has an SSO connection the person signs in through it
 * and the SSO login accepts the invite when the identity's e-mail matches ({@code SsoIdentityLinker}). Without one,
 * holding the link proves control of the invited address (it was sent there), so accepting creates the account if
 * needed and the member with the invite's role, and signs the person in. Accepting again with the session of the
 * person who accepted signs in again (idempotent); anyone else gets "already used".
 */
@ApplicationScoped
public class InviteLinks {

    private final InviteRepository invites;
    private final InviteService inviteService;
    private final AccountRepository accounts;
    private final MemberRepository members;
    private final RoleRepository roles;
    private final WorkspaceRepository workspaces;
    private final SsoConnectionRepository connections;
    private final SessionService sessions;
    private final Clock clock;

    @Inject
    public InviteLinks(
            InviteRepository invites,
            InviteService inviteService,
            AccountRepository accounts,
            MemberRepository members,
            RoleRepository roles,
            WorkspaceRepository workspaces,
            SsoConnectionRepository connections,
            SessionService sessions,
            Clock clock) {
        this.invites = invites;
        this.inviteService = inviteService;
        this.accounts = accounts;
        this.members = members;
        this.roles = roles;
        this.workspaces = workspaces;
        this.connections = connections;
        this.sessions = sessions;
        this.clock = clock;
    }

    /** For CDI proxies only. */
    protected InviteLinks() {
        this(null, null, null, null, null, null, null, null, null);
    }

    /**
     * What the accept page shows. {@code refused} is set when the invite cannot be accepted any more; {@code sso} is
     * true when the workspace signs people in through its SSO connection.
     */
    public record InviteSummary(
            String workspaceId,
            String workspaceName,
            String roleName,
            String inviter,
            String email,
            Instant expiresAt,
            boolean sso,
            LinkState refused) {}

    @Transactional
    public Optional<InviteSummary> describe(String token) {
        Optional<Invite> found = find(token);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Invite invite = found.get();
        Workspace workspace = workspaces.find(invite.workspaceId()).orElseThrow();
        String roleName = roles.find(invite.workspaceId(), invite.roleId())
                .map(Role::name)
                .orElse(invite.roleId());
        String inviter = invite.createdBy() == null
                ? "An owner"
                : accounts.find(invite.createdBy())
                        .map(a -> a.displayName() == null || a.displayName().isBlank() ? a.email() : a.displayName())
                        .orElse("An owner");
        return Optional.of(new InviteSummary(
                workspace.id(),
                workspace.name(),
                roleName,
                inviter,
                invite.email(),
                invite.expiresAt(),
                connections.find(workspace.id()).isPresent(),
                refusal(invite.stateAt(clock.instant()))));
    }

    /**
     * Accepts by link (workspaces without SSO). {@code sessionAccountId} is the account of a valid
     * {@code rollcall_session} the browser already holds, if any.
     */
    @Transactional
    public LinkOutcome accept(String token, Optional<String> sessionAccountId) {
        Optional<Invite> found = find(token);
        if (found.isEmpty()) {
            return LinkOutcome.refused(LinkState.UNKNOWN);
        }
        Invite invite = found.get();
        if (connections.find(invite.workspaceId()).isPresent()) {
            return LinkOutcome.refused(LinkState.SSO_REQUIRED);
        }
        workspaces.lock(invite.workspaceId());
        Invite.State state = invite.stateAt(clock.instant());
        if (state == Invite.State.ACCEPTED) {
            Optional<Member> accepted = Optional.ofNullable(invite.acceptedMemberId())
                    .flatMap(id -> members.find(invite.workspaceId(), id));
            boolean samePerson = accepted.isPresent()
                    && accepted.get().active()
                    && sessionAccountId.isPresent()
                    && sessionAccountId.get().equals(accepted.get().accountId());
            return samePerson
                    ? LinkOutcome.signedIn(session(accepted.get().accountId(), invite))
                    : LinkOutcome.refused(LinkState.USED);
        }
        if (state != Invite.State.PENDING) {
            return LinkOutcome.refused(refusal(state));
        }
        Instant now = clock.instant();
        Account account = accounts.findByEmail(invite.email()).orElseGet(() -> {
            Account created = new Account(Ids.newId(), invite.email(), null, now);
            accounts.add(created);
            return created;
        });
        inviteService.acceptFor(invite, account, Actor.account(account.id(), account.email()));
        return LinkOutcome.signedIn(session(account.id(), invite));
    }

    private SignedIn session(String accountId, Invite invite) {
        return new SignedIn(
                sessions.issue(accountId, invite.email(), invite.workspaceId()),
                sessions.lifetime(),
                invite.workspaceId());
    }

    private Optional<Invite> find(String token) {
        if (token == null || !token.startsWith(SecretTokens.INVITE_PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        return invites.findByTokenHash(SecretTokens.hash(token));
    }

    private static LinkState refusal(Invite.State state) {
        return switch (state) {
            case PENDING -> null;
            case ACCEPTED -> LinkState.USED;
            case REVOKED -> LinkState.REVOKED;
            case EXPIRED -> LinkState.EXPIRED;
        };
    }
}

package io.rollcall.application.invite;

import io.rollcall.application.Actor;
import io.rollcall.application.AuditLog;
import io.rollcall.application.Authorization;
import io.rollcall.application.Caller;
import io.rollcall.application.PageRequest;
import io.rollcall.application.UsageMetrics;
import io.rollcall.application.mail.InviteDelivery;
import io.rollcall.domain.identity.Account;
import io.rollcall.domain.identity.AccountRepository;
import io.rollcall.domain.identity.ContactValue;
import io.rollcall.domain.identity.Invite;
import io.rollcall.domain.identity.InviteRepository;
import io.rollcall.domain.identity.Member;
import io.rollcall.domain.identity.MemberOrigin;
import io.rollcall.domain.identity.MemberRepository;
import io.rollcall.domain.identity.SecretTokens;
import io.rollcall.domain.rbac.Permission;
import io.rollcall.domain.rbac.Role;
import io.rollcall.domain.rbac.RoleRepository;
import io.rollcall.domain.shared.ConflictException;
import io.rollcall.domain.shared.Emails;
import io.rollcall.domain.shared.ForbiddenException;
import io.rollcall.domain.shared.Ids;
import io.rollcall.domain.shared.InvalidInputException;
import io.rollcall.domain.shared.NotFoundException;
import io.rollcall.domain.shared.Page;
import io.rollcall.domain.workspace.WorkspaceRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Invites: one email and one role each, a random token stored only as a hash, 7 days to accept. Resending issues a new
 * token and a new expiry (the old token stops working). Accepting needs an authenticated account with the same email.
 */
@ApplicationScoped
@Transactional
public class InviteService {

    public static final Duration VALIDITY = Duration.ofDays(7);

    private final InviteRepository invites;
    private final MemberRepository members;
    private final AccountRepository accounts;
    private final RoleRepository roles;
    private final WorkspaceRepository workspaces;
    private final Authorization authorization;
    private final AuditLog audit;
    private final InviteDelivery delivery;
    private final Clock clock;
    private final UsageMetrics metrics;

    @Inject
    public InviteService(
            InviteRepository invites,
            MemberRepository members,
            AccountRepository accounts,
            RoleRepository roles,
            WorkspaceRepository workspaces,
            Authorization authorization,
            AuditLog audit,
            InviteDelivery delivery,
            Clock clock,
            UsageMetrics metrics) {
        this.metrics = metrics;
        this.invites = invites;
        this.members = members;
        this.accounts = accounts;
        this.roles = roles;
        this.workspaces = workspaces;
        this.authorization = authorization;
        this.audit = audit;
        this.delivery = delivery;
        this.clock = clock;
    }

    /** For CDI proxies only. */
    protected InviteService() {
        this(null, null, null, null, null, null, null, null, null, null);
    }

    /**
     * An invite with its token, which exists in plain text only in this response and in the queued e-mail. When
     * {@code emailed} is true the token went to the invited address and is not for the owner's eyes: the API then
     * omits it. Otherwise (e-mail off) {@code acceptUrl} is the link the owner passes on.
     */
    public record Issued(Invite invite, String token, boolean emailed, String acceptUrl) {
        @Override
        public String toString() {
            return "Issued[invite=" + invite.id() + ", emailed=" + emailed + "]";
        }
    }

    private Issued issued(Invite invite, String token, Caller caller) {
        String inviter = accounts.find(caller.accountId())
                .map(a -> a.displayName() == null || a.displayName().isBlank()
                        ? a.email()
                        : a.displayName() + " (" + a.email() + ")")
                .orElse(caller.email());
        boolean emailed = delivery.queue(invite, token, inviter);
        return new Issued(invite, token, emailed, delivery.acceptUrl(token));
    }

    public Issued create(Caller caller, String workspaceId, String email, String roleId) {
        Member actor = authorization.require(caller, workspaceId, Permission.MEMBERS_MANAGE);
        String normalised = Emails.normalise(email);
        if (roleId == null || roleId.isBlank()) {
            throw new InvalidInputException("role", "'role' is required");
        }
        Role role = roles.find(workspaceId, roleId)
                .orElseThrow(() -> new InvalidInputException("role", "role '" + roleId + "' does not exist"));
        authorization.requireCanGrant(actor, role.permissions(), "role '" + roleId + "'");
        // Serialise invites of one workspace, so that two concurrent requests cannot both create a pending invite.
        workspaces.lock(workspaceId);
        accounts.findByEmail(normalised)
                .flatMap(a -> members.findByAccount(workspaceId, a.id()))
                .ifPresent(m -> {
                    throw new ConflictException(
                            "already-member", "'" + normalised + "' is already a member of this workspace");
                });
        Instant now = clock.instant();
        for (Invite pending : invites.findPending(workspaceId, normalised)) {
            if (pending.stateAt(now) == Invite.State.PENDING) {
                throw new ConflictException(
                        "invite-pending",
                        "'" + normalised + "' already has a pending invite (" + pending.id()
                                + "); resend or revoke it instead");
            }
        }
        SecretTokens.Issued token = SecretTokens.issue(SecretTokens.INVITE_PREFIX);
        Invite invite = new Invite(
                Ids.newId(), workspaceId, normalised, role.id(), token, caller.accountId(), now.plus(VALIDITY), now);
        invites.add(invite);
        audit.record(
                workspaceId,
                caller.actor(),
                "invite.created",
                "invite",
                invite.id(),
                Map.of("email", normalised, "role", role.id()));
        metrics.invite(UsageMetrics.InviteEvent.ISSUED);
        return issued(invite, token.plain(), caller);
    }

    /** The workspace's invites, newest first, in one of {@code states} (any state when empty). */
    public Page<Invite> list(Caller caller, String workspaceId, java.util.Set<Invite.State> states, PageRequest page) {
        authorization.require(caller, workspaceId, Permission.MEMBERS_MANAGE);
        return invites.list(workspaceId, states, clock.instant(), page.offset(), page.size());
    }

    public Invite get(Caller caller, String workspaceId, String inviteId) {
        authorization.require(caller, workspaceId, Permission.MEMBERS_MANAGE);
        return find(workspaceId, inviteId);
    }

    public void revoke(Caller caller, String workspaceId, String inviteId) {
        authorization.require(caller, workspaceId, Permission.MEMBERS_MANAGE);
        Invite invite = find(workspaceId, inviteId);
        Invite.State state = invite.stateAt(clock.instant());
        if (state == Invite.State.ACCEPTED) {
            throw new ConflictException(
                    "invite-accepted", "the invite was already accepted; remove the member instead");
        }
        if (state == Invite.State.REVOKED) {
            return;
        }
        invite.revoke(clock.instant());
        delivery.cancel(invite);
        audit.record(
                workspaceId, caller.actor(), "invite.revoked", "invite", inviteId, Map.of("email", invite.email()));
        metrics.invite(UsageMetrics.InviteEvent.REVOKED);
    }

    public Issued resend(Caller caller, String workspaceId, String inviteId) {
        Member actor = authorization.require(caller, workspaceId, Permission.MEMBERS_MANAGE);
        Invite invite = find(workspaceId, inviteId);
        Instant now = clock.instant();
        Invite.State state = invite.stateAt(now);
        if (state == Invite.State.ACCEPTED || state == Invite.State.REVOKED) {
            throw new ConflictException(
                    "invite-closed",
                    "the invite is " + state.name().toLowerCase() + " and cannot be resent; create a new one");
        }
        Role role = roles.find(workspaceId, invite.roleId()).orElseThrow();
        authorization.requireCanGrant(actor, role.permissions(), "role '" + role.id() + "'");
        SecretTokens.Issued token = SecretTokens.issue(SecretTokens.INVITE_PREFIX);
        invite.renew(token, now.plus(VALIDITY), now);
        audit.record(
                workspaceId,
                caller.actor(),
                "invite.resent",
                "invite",
                inviteId,
                Map.of("email", invite.email(), "expiresAt", invite.expiresAt().toString()));
        metrics.invite(UsageMetrics.InviteEvent.RESENT);
        return issued(invite, token.plain(), caller);
    }

    /** Accepts by token, for the authenticated account the invite was for. Returns the new member. */
    public Member accept(Caller caller, String token) {
        if (token == null || token.isBlank()) {
            throw new InvalidInputException("token", "'token' is required");
        }
        Invite invite = invites.findByTokenHash(SecretTokens.hash(token.trim()))
                .orElseThrow(() -> new NotFoundException("invite", "(token)"));
        Account account = accounts.find(caller.accountId()).orElseThrow();
        if (!account.email().equals(invite.email())) {
            throw new ForbiddenException(
                    "invite-email-mismatch",
                    "this invite is for another email address;" + " sign in with the invited account");
        }
        return acceptFor(invite, account, caller.actor());
    }

    /** Shared by the accept endpoint and SSO login: turns a pending invite into a member, once. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Member acceptFor(Invite invite, Account account, Actor actor) {
        Instant now = clock.instant();
        workspaces.lock(invite.workspaceId());
        Invite.State state = invite.stateAt(now);
        if (state != Invite.State.PENDING) {
            throw new ConflictException(
                    "invite-" + state.name().toLowerCase(),
                    "the invite is " + state.name().toLowerCase()
                            + " and can no longer be accepted; ask an owner for a new one");
        }
        if (members.findByAccount(invite.workspaceId(), account.id()).isPresent()) {
            throw new ConflictException("already-member", "you are already a member of this workspace");
        }
        if (members.findByUserName(invite.workspaceId(), account.email()).isPresent()) {
            throw new ConflictException(
                    "user-name-taken",
                    "a member with user name '" + account.email()
                            + "' already exists in this workspace; ask an owner to link it");
        }
        Member member = new Member(
                Ids.newId(),
                invite.workspaceId(),
                account.id(),
                account.email(),
                invite.roleId(),
                MemberOrigin.INVITE,
                now);
        member.setDisplayName(account.displayName());
        member.replaceEmails(List.of(new ContactValue(account.email(), "work", null, true)));
        members.add(member);
        invite.accept(member.id(), now);
        audit.record(
                invite.workspaceId(),
                actor,
                "invite.accepted",
                "invite",
                invite.id(),
                Map.of("email", invite.email(), "member", member.id(), "role", invite.roleId()));
        metrics.invite(UsageMetrics.InviteEvent.ACCEPTED);
        return member;
    }

    private Invite find(String workspaceId, String inviteId) {
        if (!Ids.isUuid(inviteId)) {
            throw new NotFoundException("invite", inviteId);
        }
        return invites.find(workspaceId, inviteId).orElseThrow(() -> new NotFoundException("invite", inviteId));
    }
}

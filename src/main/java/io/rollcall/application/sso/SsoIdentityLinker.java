package io.rollcall.application.sso;

import io.rollcall.application.Actor;
import io.rollcall.application.AuditLog;
import io.rollcall.application.invite.InviteService;
import io.rollcall.domain.identity.Account;
import io.rollcall.domain.identity.AccountRepository;
import io.rollcall.domain.identity.ContactValue;
import io.rollcall.domain.identity.Invite;
import io.rollcall.domain.identity.InviteRepository;
import io.rollcall.domain.identity.Member;
import io.rollcall.domain.identity.MemberOrigin;
import io.rollcall.domain.identity.MemberRepository;
import io.rollcall.domain.shared.Ids;
import io.rollcall.domain.sso.SsoConnection;
import io.rollcall.domain.sso.SsoConnectionRepository;
import io.rollcall.domain.workspace.Workspace;
import io.rollcall.domain.workspace.WorkspaceRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the member an IdP identity belongs to, in this order:
 * <ol>
 * <li>the member bound to this subject ({@code issuer|NameID} or {@code issuer|sub}) in the workspace;</li>
 * <li>first login only: the member with this email (by account, or a SCIM-provisioned member whose user name is the
 * email and who has no account yet), if the IdP verified the email and that member is bound to no subject yet. A
 * member bound to another subject is re-linked by email only while the connection has {@code relinkByEmail} set
 * (an owner moving the workspace to another IdP; audited as {@code member.sso-relinked}), else refused with 409
 * {@code subject-mismatch};</li>
 * <li>a pending invite for the email, accepted now;</li>
 * <li>a new member, just in time, if the workspace allows JIT for the email's domain (with the JIT role);</li>
 * <li>otherwise refused: ask an owner for an invite.</li>
 * </ol>
 * Deactivated members are refused. "Verified": OIDC {@code email_verified=true}; for SAML, the configured IdP is
 * trusted to vouch for the email it asserts (SAML has no standard verified flag, and the IdP is the authority that
 * signed the assertion), which owners accept by configuring the connection.
 */
@ApplicationScoped
public class SsoIdentityLinker {

    private final MemberRepository members;
    private final AccountRepository accounts;
    private final InviteRepository invites;
    private final WorkspaceRepository workspaces;
    private final InviteService inviteService;
    private final AuditLog audit;
    private final Clock clock;
    private final SsoConnectionRepository connections;

    @Inject
    public SsoIdentityLinker(
            MemberRepository members,
            AccountRepository accounts,
            InviteRepository invites,
            WorkspaceRepository workspaces,
            InviteService inviteService,
            AuditLog audit,
            Clock clock,
            SsoConnectionRepository connections) {
        this.members = members;
        this.accounts = accounts;
        this.invites = invites;
        this.workspaces = workspaces;
        this.inviteService = inviteService;
        this.audit = audit;
        this.clock = clock;
        this.connections = connections;
    }

    /** For CDI proxies only. */
    protected SsoIdentityLinker() {
        this(null, null, null, null, null, null, null, null);
    }

    /** The member, its account and how it was found ({@code subject}, {@code email-link}, {@code invite}, {@code jit}). */
    public record Linked(Member member, Account account, String how) {}

    @Transactional(Transactional.TxType.MANDATORY)
    public Linked link(String workspaceId, LoginIdentity identity) {
        Optional<Member> bound = members.findBySsoSubject(workspaceId, identity.subject());
        if (bound.isPresent()) {
            Member member = requireActive(bound.get());
            Account account = member.accountId() != null
                    ? accounts.find(member.accountId()).orElseThrow()
                    : attachAccount(member, verifiedEmail(identity), identity);
            return new Linked(member, account, "subject");
        }
        String email = verifiedEmail(identity);
        Optional<Account> account = accounts.findByEmail(email);
        Optional<Member> byEmail = account.flatMap(a -> members.findByAccount(workspaceId, a.id()))
                .or(() -> members.findByUserName(workspaceId, email).filter(m -> m.accountId() == null));
        Instant now = clock.instant();
        if (byEmail.isPresent()) {
            Member member = byEmail.get();
            String previous = member.ssoSubject();
            if (previous != null && !relinkAllowed(workspaceId)) {
                throw new SsoFailure(
                        SsoFailure.Reason.SUBJECT_MISMATCH,
                        "a member with your email is already linked"
                                + " to another identity at the identity provider; ask an owner to check it");
            }
            requireActive(member);
            Account owner = account.orElseGet(() -> createAccount(email, identity, now));
            if (member.accountId() == null) {
                member.linkAccount(owner.id());
            }
            member.setSsoSubject(identity.subject());
            member.touch(now);
            if (previous != null) {
                audit.record(
                        workspaceId,
                        Actor.sso(member.id(), email),
                        "member.sso-relinked",
                        "member",
                        member.id(),
                        Map.of(
                                "protocol",
                                identity.protocol().name(),
                                "previousSubject",
                                previous,
                                "subject",
                                identity.subject()));
            } else {
                audit.record(
                        workspaceId,
                        Actor.sso(member.id(), email),
                        "member.sso-linked",
                        "member",
                        member.id(),
                        Map.of("protocol", identity.protocol().name()));
            }
            return new Linked(member, owner, "email-link");
        }
        Optional<Invite> invite = invites.findPending(workspaceId, email).stream()
                .filter(i -> i.stateAt(now) == Invite.State.PENDING)
                .findFirst();
        if (invite.isPresent()) {
            Account owner = account.orElseGet(() -> createAccount(email, identity, now));
            Member member = inviteService.acceptFor(invite.get(), owner, Actor.sso(owner.id(), email));
            member.setSsoSubject(identity.subject());
            return new Linked(member, owner, "invite");
        }
        Workspace workspace = workspaces.find(workspaceId).orElseThrow(SsoFailure::noConnection);
        if (workspace.allowsJit(email)) {
            Account owner = account.orElseGet(() -> createAccount(email, identity, now));
            Member member = new Member(
                    Ids.newId(), workspaceId, owner.id(), email, workspace.jitRoleId(), MemberOrigin.JIT, now);
            identity.displayName().ifPresent(member::setDisplayName);
            member.replaceEmails(List.of(new ContactValue(email, "work", null, true)));
            member.setSsoSubject(identity.subject());
            members.add(member);
            audit.record(
                    workspaceId,
                    Actor.sso(member.id(), email),
                    "member.created",
                    "member",
                    member.id(),
                    Map.of("origin", "JIT", "role", workspace.jitRoleId(), "email", email));
            return new Linked(member, owner, "jit");
        }
        throw new SsoFailure(
                SsoFailure.Reason.NOT_INVITED,
                "you are not a member of this workspace yet; ask an owner" + " for an invite");
    }

    private boolean relinkAllowed(String workspaceId) {
        return connections.find(workspaceId).map(SsoConnection::relinkByEmail).orElse(false);
    }

    private Account attachAccount(Member member, String email, LoginIdentity identity) {
        Instant now = clock.instant();
        Account account = accounts.findByEmail(email).orElseGet(() -> createAccount(email, identity, now));
        if (members.findByAccount(member.workspaceId(), account.id()).isPresent()) {
            throw new SsoFailure(
                    SsoFailure.Reason.SUBJECT_MISMATCH,
                    "your email belongs to another member of this" + " workspace; ask an owner to check it");
        }
        member.linkAccount(account.id());
        member.touch(now);
        return account;
    }

    private Account createAccount(String email, LoginIdentity identity, Instant now) {
        Account account = new Account(Ids.newId(), email, identity.displayName().orElse(null), now);
        accounts.add(account);
        return account;
    }

    private static String verifiedEmail(LoginIdentity identity) {
        if (identity.email().isEmpty() || !identity.emailVerified()) {
            throw new SsoFailure(
                    SsoFailure.Reason.EMAIL_NOT_VERIFIED,
                    "the identity provider did not send a"
                            + " verified email address for you, which Rollcall needs the first time you log in");
        }
        return identity.email().get();
    }

    private static Member requireActive(Member member) {
        if (!member.active()) {
            throw new SsoFailure(
                    SsoFailure.Reason.DEACTIVATED,
                    "your membership in this workspace is deactivated;" + " ask an owner");
        }
        return member;
    }
}

package io.rollcall.application.sso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rollcall.application.AuditLog;
import io.rollcall.application.RecordedEvents;
import io.rollcall.application.UsageMetrics;
import io.rollcall.application.invite.InviteService;
import io.rollcall.domain.audit.AuditEvent;
import io.rollcall.domain.audit.AuditRepository;
import io.rollcall.domain.identity.Account;
import io.rollcall.domain.identity.AccountRepository;
import io.rollcall.domain.identity.Invite;
import io.rollcall.domain.identity.InviteRepository;
import io.rollcall.domain.identity.Member;
import io.rollcall.domain.identity.MemberOrigin;
import io.rollcall.domain.identity.MemberRepository;
import io.rollcall.domain.identity.SecretTokens;
import io.rollcall.domain.mapping.ClaimSet;
import io.rollcall.domain.shared.ConflictException;
import io.rollcall.domain.shared.Ids;
import io.rollcall.domain.shared.Page;
import io.rollcall.domain.sso.SsoConnection;
import io.rollcall.domain.sso.SsoConnectionRepository;
import io.rollcall.domain.workspace.Workspace;
import io.rollcall.domain.workspace.WorkspaceRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link SsoIdentityLinker#link} on real domain objects and in-memory stores of our own ports: which member an IdP
 * identity becomes, in the documented order, and what is refused.
 */
class SsoIdentityLinkerTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final String WS = "ws-1";
    private static final String SUBJECT = "https://idp.example|alice-sub";

    private final Members members = new Members();
    private final Accounts accounts = new Accounts();
    private final Invites invites = new Invites();
    private final Workspaces workspaces = new Workspaces();
    private final Connections connections = new Connections();
    private final AuditEvents events = new AuditEvents();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private Workspace workspace;
    private SsoIdentityLinker linker;

    @BeforeEach
    void setUp() {
        workspace = new Workspace(WS, "Acme", NOW);
        workspaces.all.add(workspace);
        AuditLog audit = new AuditLog(events, clock, new RecordedEvents<>());
        InviteService inviteService = new InviteService(
                invites, members, accounts, null, workspaces, null, audit, null, clock, new NoMetrics());
        linker =
                new SsoIdentityLinker(members, accounts, invites, workspaces, inviteService, audit, clock, connections);
    }

    private static LoginIdentity identity(String subject, String email, boolean verified) {
        return new LoginIdentity(
                SsoConnection.Type.OIDC,
                subject,
                Optional.ofNullable(email),
                verified,
                Optional.of("Alice A"),
                ClaimSet.empty());
    }

    private Account account(String email) {
        Account account = new Account(Ids.newId(), email, null, NOW);
        accounts.add(account);
        return account;
    }

    private Member member(String accountId, String userName, String ssoSubject) {
        Member member = new Member(Ids.newId(), WS, accountId, userName, "role-member", MemberOrigin.INVITE, NOW);
        member.setSsoSubject(ssoSubject);
        members.add(member);
        return member;
    }

    private void relinkByEmail(boolean allowed) {
        SsoConnection connection = new SsoConnection(WS, SsoConnection.Type.OIDC, NOW);
        connection.setRelinkByEmail(allowed);
        connections.add(connection);
    }

    private List<String> actions() {
        return events.all.stream().map(AuditEvent::action).toList();
    }

    @Test
    void aMemberBoundToTheSubjectIsFoundEvenWithoutAnEmail() {
        Account alice = account("alice@example.com");
        Member bound = member(alice.id(), "alice@example.com", SUBJECT);

        SsoIdentityLinker.Linked linked = linker.link(WS, identity(SUBJECT, null, false));

        assertThat(linked.how()).isEqualTo("subject");
        assertThat(linked.member()).isSameAs(bound);
        assertThat(linked.account()).isSameAs(alice);
        assertThat(members.all).hasSize(1);
        assertThat(events.all).isEmpty();
    }

    @Test
    void aBoundScimMemberWithoutAccountGetsTheAccountOfItsVerifiedEmail() {
        Member scim = member(null, "alice@example.com", SUBJECT);

        SsoIdentityLinker.Linked linked = linker.link(WS, identity(SUBJECT, "alice@example.com", true));

        assertThat(linked.how()).isEqualTo("subject");
        assertThat(scim.accountId()).isEqualTo(linked.account().id());
        assertThat(accounts.all).singleElement().extracting(Account::email).isEqualTo("alice@example.com");
    }

    @Test
    void aBoundMemberWhoseEmailBelongsToAnotherMemberIsRefusedAsSubjectMismatch() {
        Account bob = account("bob@example.com");
        member(bob.id(), "bob@example.com", null);
        Member scim = member(null, "bob-scim", SUBJECT);

        assertThatThrownBy(() -> linker.link(WS, identity(SUBJECT, "bob@example.com", true)))
                .isInstanceOfSatisfying(
                        SsoFailure.class, e -> assertThat(e.reason()).isEqualTo(SsoFailure.Reason.SUBJECT_MISMATCH));
        assertThat(scim.accountId()).isNull();
    }

    @Test
    void aDeactivatedBoundMemberIsRefused() {
        Account alice = account("alice@example.com");
        member(alice.id(), "alice@example.com", SUBJECT).setActive(false);

        assertThatThrownBy(() -> linker.link(WS, identity(SUBJECT, "alice@example.com", true)))
                .isInstanceOfSatisfying(
                        SsoFailure.class, e -> assertThat(e.code()).isEqualTo("deactivated"));
    }

    @Test
    void anUnboundMemberIsLinkedByVerifiedEmailOnFirstLogin() {
        Account alice = account("alice@example.com");
        Member member = member(alice.id(), "alice", null);

        SsoIdentityLinker.Linked linked = linker.link(WS, identity(SUBJECT, "alice@example.com", true));

        assertThat(linked.how()).isEqualTo("email-link");
        assertThat(linked.member()).isSameAs(member);
        assertThat(member.ssoSubject()).isEqualTo(SUBJECT);
        assertThat(actions()).containsExactly("member.sso-linked");
    }

    @Test
    void aScimMemberWithoutAccountIsLinkedByUserNameAndGetsANewAccount() {
        Member scim = member(null, "alice@example.com", null);

        SsoIdentityLinker.Linked linked = linker.link(WS, identity(SUBJECT, "alice@example.com", true));

        assertThat(linked.how()).isEqualTo("email-link");
        assertThat(linked.member()).isSameAs(scim);
        assertThat(scim.accountId()).isEqualTo(linked.account().id());
        assertThat(linked.account().displayName()).isEqualTo("Alice A");
    }

    @Test
    void anUnverifiedEmailIsNotEnoughToLink() {
        Account alice = account("alice@example.com");
        Member member = member(alice.id(), "alice", null);

        assertThatThrownBy(() -> linker.link(WS, identity(SUBJECT, "alice@example.com", false)))
                .isInstanceOfSatisfying(
                        SsoFailure.class, e -> assertThat(e.reason()).isEqualTo(SsoFailure.Reason.EMAIL_NOT_VERIFIED));
        assertThat(member.ssoSubject()).isNull();
    }

    @Test
    void aMemberBoundToAnotherSubjectIsRefusedWithoutTheRelinkOption() {
        Account alice = account("alice@example.com");
        Member member = member(alice.id(), "alice", "https://old-idp|alice");
        relinkByEmail(false);

        assertThatThrownBy(() -> linker.link(WS, identity(SUBJECT, "alice@example.com", true)))
                .isInstanceOfSatisfying(
                        SsoFailure.class, e -> assertThat(e.code()).isEqualTo("subject-mismatch"));
        assertThat(member.ssoSubject()).isEqualTo("https://old-idp|alice");
        assertThat(events.all).isEmpty();
    }

    @Test
    void aMemberBoundToAnotherSubjectIsRelinkedWithTheOptionAndAudited() {
        Account alice = account("alice@example.com");
        Member member = member(alice.id(), "alice", "https://old-idp|alice");
        relinkByEmail(true);

        SsoIdentityLinker.Linked linked = linker.link(WS, identity(SUBJECT, "alice@example.com", true));

        assertThat(linked.how()).isEqualTo("email-link");
        assertThat(member.ssoSubject()).isEqualTo(SUBJECT);
        assertThat(events.all).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("member.sso-relinked");
            assertThat(e.summary()).contains("https://old-idp|alice").contains(SUBJECT);
        });
    }

    @Test
    void aDeactivatedMemberIsNotLinkedByEmail() {
        Account alice = account("alice@example.com");
        Member member = member(alice.id(), "alice", null);
        member.setActive(false);

        assertThatThrownBy(() -> linker.link(WS, identity(SUBJECT, "alice@example.com", true)))
                .isInstanceOfSatisfying(
                        SsoFailure.class, e -> assertThat(e.code()).isEqualTo("deactivated"));
        assertThat(member.ssoSubject()).isNull();
    }

    @Test
    void aPendingInviteIsAcceptedAndTheMemberBound() {
        Invite invite = new Invite(
                Ids.newId(),
                WS,
                "alice@example.com",
                "role-viewer",
                SecretTokens.issue(SecretTokens.INVITE_PREFIX),
                "owner",
                NOW.plus(Duration.ofDays(1)),
                NOW);
        invites.all.add(invite);

        SsoIdentityLinker.Linked linked = linker.link(WS, identity(SUBJECT, "alice@example.com", true));

        assertThat(linked.how()).isEqualTo("invite");
        assertThat(linked.member().roleId()).isEqualTo("role-viewer");
        assertThat(linked.member().ssoSubject()).isEqualTo(SUBJECT);
        assertThat(invite.stateAt(NOW)).isEqualTo(Invite.State.ACCEPTED);
        assertThat(actions()).containsExactly("invite.accepted");
    }

    @Test
    void anExpiredInviteDoesNotLetThePersonIn() {
        invites.all.add(new Invite(
                Ids.newId(),
                WS,
                "alice@example.com",
                "role-viewer",
                SecretTokens.issue(SecretTokens.INVITE_PREFIX),
                "owner",
                NOW.minusSeconds(1),
                NOW.minus(Duration.ofDays(8))));

        assertThatThrownBy(() -> linker.link(WS, identity(SUBJECT, "alice@example.com", true)))
                .isInstanceOfSatisfying(
                        SsoFailure.class, e -> assertThat(e.code()).isEqualTo("not-invited"));
        assertThat(members.all).isEmpty();
        assertThat(accounts.all).isEmpty();
    }

    @Test
    void anInviteWhoseUserNameIsTakenByAnotherAccountsMemberIsAConflict() {
        Account bob = account("bob@example.com");
        member(bob.id(), "alice@example.com", null);
        Invite invite = new Invite(
                Ids.newId(),
                WS,
                "alice@example.com",
                "role-viewer",
                SecretTokens.issue(SecretTokens.INVITE_PREFIX),
                "owner",
                NOW.plus(Duration.ofDays(1)),
                NOW);
        invites.all.add(invite);

        assertThatThrownBy(() -> linker.link(WS, identity(SUBJECT, "alice@example.com", true)))
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.code()).isEqualTo("user-name-taken"));
        assertThat(invite.stateAt(NOW)).isEqualTo(Invite.State.PENDING);
        assertThat(members.all).hasSize(1);
    }

    @Test
    void jitCreatesAMemberForAnAllowedDomainWithTheJitRole() {
        workspace.configureJit(true, List.of("example.com"), "role-jit", NOW);

        SsoIdentityLinker.Linked linked = linker.link(WS, identity(SUBJECT, "alice@example.com", true));

        assertThat(linked.how()).isEqualTo("jit");
        assertThat(linked.member().origin()).isEqualTo(MemberOrigin.JIT);
        assertThat(linked.member().roleId()).isEqualTo("role-jit");
        assertThat(linked.member().ssoSubject()).isEqualTo(SUBJECT);
        assertThat(linked.member().userName()).isEqualTo("alice@example.com");
        assertThat(members.all).containsExactly(linked.member());
        assertThat(accounts.all).containsExactly(linked.account());
        assertThat(actions()).containsExactly("member.created");
    }

    @Test
    void jitRefusesAnotherDomainAsNotInvited() {
        workspace.configureJit(true, List.of("example.com"), "role-jit", NOW);

        assertThatThrownBy(() -> linker.link(WS, identity(SUBJECT, "mallory@example.org", true)))
                .isInstanceOfSatisfying(
                        SsoFailure.class, e -> assertThat(e.reason()).isEqualTo(SsoFailure.Reason.NOT_INVITED));
        assertThat(members.all).isEmpty();
        assertThat(accounts.all).isEmpty();
        assertThat(events.all).isEmpty();
    }

    @Test
    void aFirstLoginWithoutEmailIsRefused() {
        workspace.configureJit(true, List.of("example.com"), "role-jit", NOW);

        assertThatThrownBy(() -> linker.link(WS, identity(SUBJECT, null, true)))
                .isInstanceOfSatisfying(
                        SsoFailure.class, e -> assertThat(e.code()).isEqualTo("email-not-verified"));
        assertThat(members.all).isEmpty();
    }

    @Test
    void anUnknownWorkspaceIsNoConnection() {
        assertThatThrownBy(() -> linker.link("ws-gone", identity(SUBJECT, "alice@example.com", true)))
                .isInstanceOfSatisfying(
                        SsoFailure.class, e -> assertThat(e.reason()).isEqualTo(SsoFailure.Reason.NO_CONNECTION));
    }

    /** Members of all workspaces; user names compared ignoring case, as the database does. */
    private static final class Members implements MemberRepository {
        final List<Member> all = new ArrayList<>();

        @Override
        public Optional<Member> find(String workspaceId, String memberId) {
            return all.stream()
                    .filter(m -> m.workspaceId().equals(workspaceId) && m.id().equals(memberId))
                    .findFirst();
        }

        @Override
        public Optional<Member> lock(String workspaceId, String memberId) {
            return find(workspaceId, memberId);
        }

        @Override
        public Optional<Member> findByAccount(String workspaceId, String accountId) {
            return all.stream()
                    .filter(m -> m.workspaceId().equals(workspaceId) && accountId.equals(m.accountId()))
                    .findFirst();
        }

        @Override
        public Optional<Member> findByUserName(String workspaceId, String userName) {
            return all.stream()
                    .filter(m ->
                            m.workspaceId().equals(workspaceId) && m.userName().equalsIgnoreCase(userName))
                    .findFirst();
        }

        @Override
        public Optional<Member> findBySsoSubject(String workspaceId, String subject) {
            return all.stream()
                    .filter(m -> m.workspaceId().equals(workspaceId) && subject.equals(m.ssoSubject()))
                    .findFirst();
        }

        @Override
        public Page<Member> search(String workspaceId, String query, int offset, int limit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Member> listForAccount(String accountId) {
            return all.stream().filter(m -> accountId.equals(m.accountId())).toList();
        }

        @Override
        public long countActiveWithRole(String workspaceId, String roleId) {
            return all.stream()
                    .filter(m -> m.workspaceId().equals(workspaceId) && m.active() && roleId.equals(m.roleId()))
                    .count();
        }

        @Override
        public void add(Member member) {
            if (findByUserName(member.workspaceId(), member.userName()).isPresent()) {
                throw new ConflictException("uniqueness", "user name taken");
            }
            all.add(member);
        }

        @Override
        public void remove(Member member) {
            all.remove(member);
        }
    }

    private static final class Accounts implements AccountRepository {
        final List<Account> all = new ArrayList<>();

        @Override
        public Optional<Account> find(String id) {
            return all.stream().filter(a -> a.id().equals(id)).findFirst();
        }

        @Override
        public Optional<Account> findByEmail(String normalisedEmail) {
            return all.stream().filter(a -> a.email().equals(normalisedEmail)).findFirst();
        }

        @Override
        public void add(Account account) {
            all.add(account);
        }
    }

    private static final class Invites implements InviteRepository {
        final List<Invite> all = new ArrayList<>();

        @Override
        public Optional<Invite> find(String workspaceId, String inviteId) {
            return all.stream()
                    .filter(i -> i.workspaceId().equals(workspaceId) && i.id().equals(inviteId))
                    .findFirst();
        }

        @Override
        public Optional<Invite> findByTokenHash(String tokenHash) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Invite> findPending(String workspaceId, String normalisedEmail) {
            return all.stream()
                    .filter(i -> i.workspaceId().equals(workspaceId)
                            && i.email().equals(normalisedEmail)
                            && i.acceptedAt() == null)
                    .toList();
        }

        @Override
        public List<Invite> findPendingForEmail(String normalisedEmail) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Page<Invite> list(String workspaceId, Set<Invite.State> states, Instant now, int offset, int limit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void add(Invite invite) {
            all.add(invite);
        }
    }

    private static final class Workspaces implements WorkspaceRepository {
        final List<Workspace> all = new ArrayList<>();

        @Override
        public Optional<Workspace> find(String id) {
            return all.stream().filter(w -> w.id().equals(id)).findFirst();
        }

        @Override
        public Optional<String> scimDefaultRoleId(String id) {
            return find(id).map(Workspace::scimDefaultRoleId);
        }

        @Override
        public Optional<Workspace> lock(String id) {
            return find(id);
        }

        @Override
        public List<Workspace> listForAccount(String accountId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long count() {
            return all.size();
        }

        @Override
        public void add(Workspace workspace) {
            all.add(workspace);
        }
    }

    private static final class Connections implements SsoConnectionRepository {
        private final List<SsoConnection> all = new ArrayList<>();

        @Override
        public Optional<SsoConnection> find(String workspaceId) {
            return all.stream().filter(c -> c.workspaceId().equals(workspaceId)).findFirst();
        }

        @Override
        public void add(SsoConnection connection) {
            all.add(connection);
        }

        @Override
        public void remove(SsoConnection connection) {
            all.remove(connection);
        }
    }

    private static final class AuditEvents implements AuditRepository {
        final List<AuditEvent> all = new ArrayList<>();

        @Override
        public void add(AuditEvent event) {
            all.add(event);
        }

        @Override
        public Page<AuditEvent> search(
                String workspaceId,
                Set<String> actorIds,
                String action,
                Instant since,
                Instant until,
                int offset,
                int limit) {
            throw new UnsupportedOperationException();
        }
    }

    private static final class NoMetrics implements UsageMetrics {
        @Override
        public void ssoLogin(String protocol, String refusalCode) {}

        @Override
        public void invite(InviteEvent event) {}

        @Override
        public void rateLimitRefused(String scope) {}
    }
}

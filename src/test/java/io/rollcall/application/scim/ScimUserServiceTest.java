package io.rollcall.application.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rollcall.application.AuditLog;
import io.rollcall.application.LastOwnerGuard;
import io.rollcall.application.RecordedEvents;
import io.rollcall.domain.identity.Member;
import io.rollcall.domain.identity.MemberOrigin;
import io.rollcall.domain.shared.ConflictException;
import io.rollcall.domain.shared.NotFoundException;
import io.rollcall.domain.shared.PreconditionFailedException;
import io.rollcall.infrastructure.persistence.ResourceLocalRepositories;
import io.rollcall.infrastructure.persistence.scim.JpaScimDirectory;
import io.rollcall.infrastructure.persistence.scim.TestDatabase;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link ScimUserService} on the production JPA repositories and migrations (H2), each test with its own database:
 * what a POST, PUT/PATCH or DELETE of a User writes and audits, and what it refuses (taken userName, stale version,
 * the last owner, another workspace) without changing anything.
 */
class ScimUserServiceTest {

    private static final ScimCaller CALLER = new ScimCaller("ws1", "token-1", "okta");

    private TestDatabase db;
    private EntityManager em;
    private ScimUserService service;
    private String alice;
    private String owner;

    @BeforeEach
    void seed() throws Exception {
        db = new TestDatabase();
        db.workspace("ws1");
        em = db.entityManager();
        var members = ResourceLocalRepositories.members(em);
        var workspaces = ResourceLocalRepositories.workspaces(em);
        service = new ScimUserService(
                members,
                workspaces,
                ResourceLocalRepositories.directory(em),
                new LastOwnerGuard(workspaces, members),
                new AuditLog(ResourceLocalRepositories.audit(em), Clock.systemUTC(), new RecordedEvents<>()),
                Clock.fixed(TestDatabase.at("2026-01-01T00:00:00Z"), ZoneOffset.UTC),
                new JpaScimDirectory(em));
        alice = UUID.randomUUID().toString();
        owner = UUID.randomUUID().toString();
        inTransaction(() -> {
            em.persist(new Member(
                    alice,
                    "ws1",
                    null,
                    "alice@x.com",
                    "viewer",
                    MemberOrigin.SCIM,
                    TestDatabase.at("2025-01-01T00:00:00Z")));
            em.persist(new Member(
                    owner,
                    "ws1",
                    null,
                    "owner@x.com",
                    "owner",
                    MemberOrigin.SCIM,
                    TestDatabase.at("2025-01-01T00:00:00Z")));
            return null;
        });
    }

    @AfterEach
    void close() throws Exception {
        em.close();
        db.close();
    }

    @Test
    void creatingAUserGivesItTheWorkspacesScimDefaultRoleAndIsAudited() {
        ScimUserView created = inTransaction(() -> service.create(CALLER, draft("carol@x.com", true)));

        Member stored = em.find(Member.class, created.member().id());
        assertThat(stored.userName()).isEqualTo("carol@x.com");
        assertThat(stored.roleId()).isEqualTo("viewer");
        assertThat(stored.origin()).isEqualTo(MemberOrigin.SCIM);
        assertThat(auditActions(stored.id())).containsExactly("scim.user.created");
    }

    @Test
    void renamingToAnotherUsersUserNameIsAUniquenessConflictAndNothingChanges() {
        assertThatThrownBy(() ->
                        inTransaction(() -> service.update(CALLER, alice, null, current -> draft("owner@x.com", true))))
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.code()).isEqualTo("uniqueness"));

        assertThat(em.find(Member.class, alice).userName()).isEqualTo("alice@x.com");
        assertThat(auditActions(alice)).isEmpty();
    }

    @Test
    void anUpdateWithTheCurrentValuesWritesNothing() {
        long before = em.find(Member.class, alice).version();

        inTransaction(() -> service.update(CALLER, alice, before, current -> MemberDraft.of(current.member())));

        assertThat(em.find(Member.class, alice).version()).isEqualTo(before);
        assertThat(auditActions(alice)).isEmpty();
    }

    @Test
    void deactivatingAUserIsWrittenAndAudited() {
        inTransaction(() -> service.update(CALLER, alice, null, current -> draft("alice@x.com", false)));

        assertThat(em.find(Member.class, alice).active()).isFalse();
        assertThat(auditActions(alice)).containsExactly("scim.user.updated");
    }

    @Test
    void deactivatingOrDeletingTheLastOwnerIsRefusedAndTheOwnerStays() {
        assertThatThrownBy(() -> inTransaction(
                        () -> service.update(CALLER, owner, null, current -> draft("owner@x.com", false))))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> inTransaction(() -> {
                    service.delete(CALLER, owner, null);
                    return null;
                }))
                .isInstanceOf(ConflictException.class);

        Member stored = em.find(Member.class, owner);
        assertThat(stored).isNotNull();
        assertThat(stored.active()).isTrue();
        assertThat(auditActions(owner)).isEmpty();
    }

    @Test
    void deletingWithAStaleVersionIsRefusedAndWithTheCurrentOneRemovesTheUser() {
        long version = em.find(Member.class, alice).version();

        assertThatThrownBy(() -> inTransaction(() -> {
                    service.delete(CALLER, alice, version + 1);
                    return null;
                }))
                .isInstanceOf(PreconditionFailedException.class);
        assertThat(em.find(Member.class, alice)).isNotNull();

        inTransaction(() -> {
            service.delete(CALLER, alice, version);
            return null;
        });
        assertThat(em.find(Member.class, alice)).isNull();
        assertThat(auditActions(alice)).containsExactly("scim.user.deleted");
    }

    @Test
    void anotherWorkspacesUserOrANonUuidIdIsNotFound() {
        assertThatThrownBy(() -> inTransaction(() -> service.get(new ScimCaller("ws2", "t", "n"), alice)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> inTransaction(() -> service.get(CALLER, "alice@x.com")))
                .isInstanceOf(NotFoundException.class);
    }

    private static MemberDraft draft(String userName, boolean active) {
        return new MemberDraft(
                userName,
                null,
                new MemberDraft.Name(null, null, null, null, null, null),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                active,
                List.of(),
                List.of(),
                null,
                null,
                new MemberDraft.Enterprise(null, null, null, null, null, null, null));
    }

    private <T> T inTransaction(Supplier<T> work) {
        return TestDatabase.inTransaction(em, work);
    }

    private List<String> auditActions(String memberId) {
        return TestDatabase.auditActions(em, memberId);
    }
}

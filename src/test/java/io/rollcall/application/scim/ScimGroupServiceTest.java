package io.rollcall.application.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rollcall.application.AuditLog;
import io.rollcall.application.RecordedEvents;
import io.rollcall.application.WorkspaceChanged;
import io.rollcall.domain.group.Group;
import io.rollcall.domain.group.GroupMembership;
import io.rollcall.domain.group.GroupOrigin;
import io.rollcall.domain.group.MembershipDirectory;
import io.rollcall.domain.group.MembershipSource;
import io.rollcall.domain.group.MembershipType;
import io.rollcall.domain.identity.Member;
import io.rollcall.domain.identity.MemberOrigin;
import io.rollcall.domain.shared.ConflictException;
import io.rollcall.domain.shared.InvalidInputException;
import io.rollcall.domain.shared.NotFoundException;
import io.rollcall.domain.shared.Page;
import io.rollcall.domain.shared.PreconditionFailedException;
import io.rollcall.infrastructure.persistence.ResourceLocalRepositories;
import io.rollcall.infrastructure.persistence.scim.JpaScimDirectory;
import io.rollcall.infrastructure.persistence.scim.TestDatabase;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link ScimGroupService} on the production JPA repositories and migrations (H2), each test with its own database:
 * what a POST, PUT, PATCH or DELETE changes, what it refuses, that a refused call changes nothing, and what GET and
 * list show (DYNAMIC groups of the caller's workspace only).
 */
class ScimGroupServiceTest {

    private static final ScimCaller CALLER = new ScimCaller("ws1", "token-1", "okta");

    private TestDatabase db;
    private EntityManager em;
    private ScimGroupService service;
    private String alice;
    private String bob;
    private String engineering;
    private String sales;
    private String admins;
    private final RecordedEvents<WorkspaceChanged> changes = new RecordedEvents<>();

    @BeforeEach
    void seed() throws Exception {
        db = new TestDatabase();
        db.workspace("ws1");
        em = db.entityManager();
        service = new ScimGroupService(
                ResourceLocalRepositories.groups(em),
                ResourceLocalRepositories.memberships(em),
                ResourceLocalRepositories.directory(em),
                ResourceLocalRepositories.members(em),
                new AuditLog(ResourceLocalRepositories.audit(em), Clock.systemUTC(), changes),
                Clock.fixed(TestDatabase.at("2026-01-01T00:00:00Z"), ZoneOffset.UTC),
                new JpaScimDirectory(em));
        alice = UUID.randomUUID().toString();
        bob = UUID.randomUUID().toString();
        engineering = UUID.randomUUID().toString();
        sales = UUID.randomUUID().toString();
        admins = UUID.randomUUID().toString();
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
                    bob,
                    "ws1",
                    null,
                    "bob@x.com",
                    "viewer",
                    MemberOrigin.SCIM,
                    TestDatabase.at("2025-01-01T00:00:00Z")));
            em.persist(group(engineering, "Engineering", MembershipType.DYNAMIC));
            em.persist(group(sales, "Sales", MembershipType.DYNAMIC));
            em.persist(group(admins, "Admins", MembershipType.STATIC));
            em.flush();
            em.persist(new GroupMembership(
                    engineering, alice, MembershipSource.SCIM, TestDatabase.at("2025-02-01T00:00:00Z")));
            return null;
        });
    }

    @AfterEach
    void close() throws Exception {
        em.close();
        db.close();
    }

    @Test
    void addingAMemberWithoutAttributeChangesWritesOneRowBumpsTheVersionAndIsAudited() {
        long before = version(engineering);

        ScimGroupView updated = inTransaction(() -> service.update(
                CALLER,
                engineering,
                before,
                GroupAttributeEdit.UNCHANGED,
                List.of(new MemberChange.Add(List.of(bob, bob)))));

        assertThat(updated.versionBump()).isEqualTo(1);
        assertThat(version(engineering)).isEqualTo(before + 1);
        assertThat(scimMembers(engineering)).containsExactlyInAnyOrder(alice, bob);
        assertThat(displayName(engineering)).isEqualTo("Engineering");
        assertThat(auditActions(engineering)).containsExactly("scim.group.updated");
        // A SCIM PATCH of the members invalidates the workspace's cached permissions (after commit).
        assertThat(changes.fired()).containsExactly(new WorkspaceChanged("ws1", "scim.group.updated"));
        assertThat(changes.fired().get(0).changesPermissions()).isTrue();
    }

    @Test
    void renamingAndReplacingMembersChangesBoth() {
        inTransaction(() -> service.update(
                CALLER,
                engineering,
                null,
                current -> Optional.of(new GroupDraft("Platform", "ext-1")),
                List.of(new MemberChange.ReplaceAll(List.of(bob)))));

        assertThat(displayName(engineering)).isEqualTo("Platform");
        assertThat(scimMembers(engineering)).containsExactly(bob);
        assertThat(auditActions(engineering)).containsExactly("scim.group.updated");
        assertThat(changes.fired()).containsExactly(new WorkspaceChanged("ws1", "scim.group.updated"));
    }

    @Test
    void anUpdateThatChangesNothingIsNotAuditedAndKeepsTheVersion() {
        long before = version(engineering);

        ScimGroupView updated = inTransaction(() -> service.update(
                CALLER,
                engineering,
                null,
                current -> Optional.of(new GroupDraft("Engineering", null)),
                List.of(new MemberChange.Add(List.of(alice)))));

        assertThat(updated.versionBump()).isZero();
        assertThat(version(engineering)).isEqualTo(before);
        assertThat(auditActions(engineering)).isEmpty();
        assertThat(changes.fired()).isEmpty();
    }

    @Test
    void theNameOfAnotherDynamicGroupIsAUniquenessConflictAndNothingChanges() {
        assertThatThrownBy(() -> inTransaction(() -> service.update(
                        CALLER,
                        engineering,
                        null,
                        current -> Optional.of(new GroupDraft("SALES", null)),
                        List.of(new MemberChange.Add(List.of(bob))))))
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.code()).isEqualTo("uniqueness"));

        assertThat(displayName(engineering)).isEqualTo("Engineering");
        assertThat(scimMembers(engineering)).containsExactly(alice);
    }

    @Test
    void theNameOfAStaticGroupIsFree() {
        inTransaction(() -> service.update(
                CALLER, engineering, null, current -> Optional.of(new GroupDraft("Admins", null)), List.of()));

        assertThat(displayName(engineering)).isEqualTo("Admins");
    }

    @Test
    void aStaleIfMatchVersionIsRefusedAndNothingChanges() {
        long before = version(engineering);

        assertThatThrownBy(() -> inTransaction(() -> service.update(
                        CALLER,
                        engineering,
                        before + 7,
                        GroupAttributeEdit.UNCHANGED,
                        List.of(new MemberChange.Add(List.of(bob))))))
                .isInstanceOf(PreconditionFailedException.class);

        assertThat(scimMembers(engineering)).containsExactly(alice);
    }

    @Test
    void aStaticGroupOrAnotherWorkspacesGroupIsNotFound() {
        assertThatThrownBy(() -> inTransaction(() -> service.update(
                        CALLER,
                        admins,
                        null,
                        GroupAttributeEdit.UNCHANGED,
                        List.of(new MemberChange.Add(List.of(bob))))))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> inTransaction(() -> service.update(
                        new ScimCaller("ws2", "t", "n"), engineering, null, GroupAttributeEdit.UNCHANGED, List.of())))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void aGroupAsAMemberIsRefusedAsANestedGroup() {
        assertThatThrownBy(() -> inTransaction(() -> service.update(
                        CALLER,
                        engineering,
                        null,
                        GroupAttributeEdit.UNCHANGED,
                        List.of(new MemberChange.Add(List.of(sales))))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("nested groups are not supported");

        assertThat(scimMembers(engineering)).containsExactly(alice);
    }

    @Test
    void creatingAGroupWritesItAsADynamicScimGroupWithItsDistinctMembersAndAuditsIt() {
        ScimGroupView created = inTransaction(
                () -> service.create(CALLER, new GroupDraft("Support", "ext-9"), List.of(alice, bob, alice)));

        String id = created.group().id();
        Group stored = em.find(Group.class, id);
        assertThat(stored.displayName()).isEqualTo("Support");
        assertThat(stored.externalId()).isEqualTo("ext-9");
        assertThat(stored.isDynamic()).isTrue();
        assertThat(scimMembers(id)).containsExactlyInAnyOrder(alice, bob);
        assertThat(auditActions(id)).containsExactly("scim.group.created");
    }

    @Test
    void creatingAGroupWithATakenNameOrAnUnknownMemberWritesNothing() {
        long groupsBefore = groupCount();

        assertThatThrownBy(() ->
                        inTransaction(() -> service.create(CALLER, new GroupDraft("engineering", null), List.of())))
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.code()).isEqualTo("uniqueness"));
        assertThatThrownBy(() -> inTransaction(() -> service.create(
                        CALLER,
                        new GroupDraft("Support", null),
                        List.of(alice, UUID.randomUUID().toString()))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("does not exist in this workspace");

        assertThat(groupCount()).isEqualTo(groupsBefore);
    }

    @Test
    void deletingAGroupRemovesItAndIsAudited() {
        long version = version(engineering);

        inTransaction(() -> {
            service.delete(CALLER, engineering, version);
            return null;
        });

        assertThat(em.find(Group.class, engineering)).isNull();
        assertThat(auditActions(engineering)).containsExactly("scim.group.deleted");
    }

    @Test
    void deletingWithAStaleVersionOrAStaticGroupIsRefusedAndKeepsTheGroup() {
        long version = version(engineering);

        assertThatThrownBy(() -> inTransaction(() -> {
                    service.delete(CALLER, engineering, version + 1);
                    return null;
                }))
                .isInstanceOf(PreconditionFailedException.class);
        assertThatThrownBy(() -> inTransaction(() -> {
                    service.delete(CALLER, admins, null);
                    return null;
                }))
                .isInstanceOf(NotFoundException.class);

        assertThat(em.find(Group.class, engineering)).isNotNull();
        assertThat(em.find(Group.class, admins)).isNotNull();
        assertThat(auditActions(engineering)).isEmpty();
    }

    @Test
    void getShowsMembersOnlyWhenAskedAndNeverAStaticGroup() {
        ScimGroupView withMembers = inTransaction(() -> service.get(CALLER, engineering, true));
        ScimGroupView withoutMembers = inTransaction(() -> service.get(CALLER, engineering, false));

        assertThat(withMembers.members())
                .extracting(MembershipDirectory.Reference::id)
                .containsExactly(alice);
        assertThat(withoutMembers.members()).isNull();
        assertThatThrownBy(() -> inTransaction(() -> service.get(CALLER, admins, true)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> inTransaction(() -> service.get(CALLER, "not-a-uuid", true)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void listingShowsTheWorkspacesDynamicGroupsOnly() {
        Page<ScimGroupView> page =
                inTransaction(() -> service.list(CALLER, new SearchSpec(null, null, false, 0, 10), false));
        Page<ScimGroupView> otherWorkspace = inTransaction(
                () -> service.list(new ScimCaller("ws2", "t", "n"), new SearchSpec(null, null, false, 0, 10), false));

        assertThat(page.items())
                .extracting(v -> v.group().displayName())
                .containsExactlyInAnyOrder("Engineering", "Sales");
        assertThat(page.total()).isEqualTo(2);
        assertThat(otherWorkspace.items()).isEmpty();
    }

    private static Group group(String id, String name, MembershipType type) {
        return new Group(
                id,
                "ws1",
                name,
                null,
                type,
                null,
                type == MembershipType.DYNAMIC ? GroupOrigin.SCIM : GroupOrigin.ADMIN,
                TestDatabase.at("2025-01-01T00:00:00Z"));
    }

    private <T> T inTransaction(Supplier<T> work) {
        return TestDatabase.inTransaction(em, work);
    }

    private long groupCount() {
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM member_group")
                        .getSingleResult())
                .longValue();
    }

    private long version(String groupId) {
        return em.find(Group.class, groupId).version();
    }

    private String displayName(String groupId) {
        return em.find(Group.class, groupId).displayName();
    }

    private List<String> scimMembers(String groupId) {
        return em.createQuery(
                        "SELECT m.memberId FROM GroupMembership m WHERE m.groupId = :g AND m.source = :s", String.class)
                .setParameter("g", groupId)
                .setParameter("s", MembershipSource.SCIM)
                .getResultList();
    }

    private List<String> auditActions(String groupId) {
        return TestDatabase.auditActions(em, groupId);
    }
}

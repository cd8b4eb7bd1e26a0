package io.rollcall.application.scim;

import io.rollcall.application.AuditLog;
import io.rollcall.application.LastOwnerGuard;
import io.rollcall.domain.group.MembershipDirectory;
import io.rollcall.domain.identity.Member;
import io.rollcall.domain.identity.MemberOrigin;
import io.rollcall.domain.identity.MemberRepository;
import io.rollcall.domain.shared.ConflictException;
import io.rollcall.domain.shared.Ids;
import io.rollcall.domain.shared.NotFoundException;
import io.rollcall.domain.shared.Page;
import io.rollcall.domain.shared.PreconditionFailedException;
import io.rollcall.domain.workspace.WorkspaceRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * SCIM Users over members. A SCIM-created member gets the workspace's SCIM default role once; SCIM never changes a
 * role. Deactivation and deletion keep the last-owner rule. Every change is audited with the SCIM token as actor, in
 * the same transaction.
 */
@ApplicationScoped
public class ScimUserService {

    private final MemberRepository members;
    private final WorkspaceRepository workspaces;
    private final MembershipDirectory directory;
    private final LastOwnerGuard lastOwner;
    private final AuditLog audit;
    private final Clock clock;
    private final ScimDirectory directoryQueries;

    @Inject
    public ScimUserService(
            MemberRepository members,
            WorkspaceRepository workspaces,
            MembershipDirectory directory,
            LastOwnerGuard lastOwner,
            AuditLog audit,
            Clock clock,
            ScimDirectory directoryQueries) {
        this.directoryQueries = directoryQueries;
        this.members = members;
        this.workspaces = workspaces;
        this.directory = directory;
        this.lastOwner = lastOwner;
        this.audit = audit;
        this.clock = clock;
    }

    /** For CDI proxies only. */
    protected ScimUserService() {
        this(null, null, null, null, null, null, null);
    }

    @Transactional
    public ScimUserView get(ScimCaller caller, String id) {
        return view(find(caller, id));
    }

    /**
     * One page of the caller's workspace's Users (RFC 7644 section 3.4.2), with one query for all their groups.
     *
     * @throws ScimProblem 400 invalidFilter or invalidValue when the search names what Users do not have
     */
    @Transactional
    public Page<ScimUserView> list(ScimCaller caller, SearchSpec search) {
        Page<Member> page = directoryQueries.users(caller.workspaceId(), search);
        Map<String, List<MembershipDirectory.Reference>> groups =
                directory.dynamicGroupsOf(page.items().stream().map(Member::id).toList());
        return page.map(m -> new ScimUserView(m, groups.getOrDefault(m.id(), List.of())));
    }

    @Transactional
    public ScimUserView create(ScimCaller caller, MemberDraft draft) {
        String defaultRole = workspaces
                .scimDefaultRoleId(caller.workspaceId())
                .orElseThrow(() -> new NotFoundException("workspace", caller.workspaceId()));
        Instant now = clock.instant();
        Member member = new Member(
                Ids.newId(), caller.workspaceId(), null, draft.userName(), defaultRole, MemberOrigin.SCIM, now);
        draft.applyTo(member);
        member.setActive(draft.active());
        members.add(member); // a taken userName fails here, on the unique key, before anything else is written
        audit.record(
                caller.workspaceId(), caller.actor(), "scim.user.created", "member", member.id(), summary(null, draft));
        return new ScimUserView(member, List.of());
    }

    /**
     * Replaces the member's SCIM attributes with {@code change(current)}: a PUT body or a patched document.
     *
     * @param expectedVersion the client's If-Match version, or null to skip the check
     */
    @Transactional
    public ScimUserView update(
            ScimCaller caller, String id, Long expectedVersion, Function<ScimUserView, MemberDraft> change) {
        Member member = lock(caller, id);
        checkVersion(expectedVersion, member.version());
        ScimUserView current = view(member);
        MemberDraft before = MemberDraft.of(member);
        MemberDraft after = change.apply(current);
        if (after.equals(before)) {
            return current;
        }
        ensureUserNameFree(caller.workspaceId(), after.userName(), member.id());
        if (member.active() && !after.active()) {
            lastOwner.ensureOwnerRemains(member);
        }
        after.applyTo(member);
        member.setActive(after.active());
        member.touch(clock.instant());
        audit.record(
                caller.workspaceId(),
                caller.actor(),
                "scim.user.updated",
                "member",
                member.id(),
                summary(before, after));
        return current.member() == member ? new ScimUserView(member, current.groups()) : view(member);
    }

    @Transactional
    public void delete(ScimCaller caller, String id, Long expectedVersion) {
        Member member = lock(caller, id);
        checkVersion(expectedVersion, member.version());
        lastOwner.ensureOwnerRemains(member);
        members.remove(member);
        audit.record(
                caller.workspaceId(),
                caller.actor(),
                "scim.user.deleted",
                "member",
                member.id(),
                Map.of("userName", member.userName()));
    }

    private Member find(ScimCaller caller, String id) {
        if (!Ids.isUuid(id)) {
            throw new NotFoundException("User", id);
        }
        return members.find(caller.workspaceId(), id).orElseThrow(() -> new NotFoundException("User", id));
    }

    /** Writes lock the row first: two writers with the same If-Match then give one success and one 412. */
    private Member lock(ScimCaller caller, String id) {
        if (!Ids.isUuid(id)) {
            throw new NotFoundException("User", id);
        }
        return members.lock(caller.workspaceId(), id).orElseThrow(() -> new NotFoundException("User", id));
    }

    private ScimUserView view(Member member) {
        return new ScimUserView(
                member, directory.dynamicGroupsOf(List.of(member.id())).getOrDefault(member.id(), List.of()));
    }

    private void ensureUserNameFree(String workspaceId, String userName, String exceptId) {
        members.findByUserName(workspaceId, userName)
                .filter(m -> !m.id().equals(exceptId))
                .ifPresent(m -> {
                    throw new ConflictException("uniqueness", "userName '" + userName + "' is already taken");
                });
    }

    static void checkVersion(Long expected, long actual) {
        if (expected != null && expected != actual) {
            throw new PreconditionFailedException("the resource has changed: its version is " + actual);
        }
    }

    /** What changed, for the audit log: names of changed attributes plus userName and active. */
    private static Map<String, Object> summary(MemberDraft before, MemberDraft after) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("userName", after.userName());
        summary.put("active", after.active());
        if (before != null) {
            List<String> changed = new java.util.ArrayList<>();
            for (var component : MemberDraft.class.getRecordComponents()) {
                try {
                    if (!java.util.Objects.equals(
                            component.getAccessor().invoke(before),
                            component.getAccessor().invoke(after))) {
                        changed.add(component.getName());
                    }
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
            summary.put("changed", changed);
        }
        return summary;
    }
}

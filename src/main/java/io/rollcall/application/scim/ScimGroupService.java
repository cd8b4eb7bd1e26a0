package io.rollcall.application.scim;

import io.rollcall.application.AuditLog;
import io.rollcall.domain.group.Group;
import io.rollcall.domain.group.GroupOrigin;
import io.rollcall.domain.group.GroupRepository;
import io.rollcall.domain.group.MembershipDirectory;
import io.rollcall.domain.group.MembershipDirectory.Reference;
import io.rollcall.domain.group.MembershipRepository;
import io.rollcall.domain.group.MembershipSource;
import io.rollcall.domain.group.MembershipType;
import io.rollcall.domain.identity.MemberRepository;
import io.rollcall.domain.shared.ConflictException;
import io.rollcall.domain.shared.Ids;
import io.rollcall.domain.shared.InvalidInputException;
import io.rollcall.domain.shared.NotFoundException;
import io.rollcall.domain.shared.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * SCIM Groups: the workspace's DYNAMIC groups only (a STATIC group is "not found"). Membership changes write only
 * SCIM-source rows, one row per named member, and bump the group's version without loading its members, so a change
 * costs the same in a 10- and a 100,000-member group and two concurrent PATCHes adding different members both win.
 */
@ApplicationScoped
public class ScimGroupService {

    static final int MEMBER_CHUNK = 5_000;

    private final GroupRepository groups;
    private final MembershipRepository memberships;
    private final MembershipDirectory directory;
    private final MemberRepository members;
    private final AuditLog audit;
    private final Clock clock;
    private final ScimDirectory directoryQueries;

    @Inject
    public ScimGroupService(
            GroupRepository groups,
            MembershipRepository memberships,
            MembershipDirectory directory,
            MemberRepository members,
            AuditLog audit,
            Clock clock,
            ScimDirectory directoryQueries) {
        this.directoryQueries = directoryQueries;
        this.groups = groups;
        this.memberships = memberships;
        this.directory = directory;
        this.members = members;
        this.audit = audit;
        this.clock = clock;
    }

    /** For CDI proxies only. */
    protected ScimGroupService() {
        this(null, null, null, null, null, null, null);
    }

    @Transactional
    public ScimGroupView get(ScimCaller caller, String id, boolean withMembers) {
        Group group = find(caller, id, false);
        return new ScimGroupView(group, withMembers ? allMembers(group.id()) : null);
    }

    /**
     * One page of the caller's workspace's DYNAMIC groups (RFC 7644 section 3.4.2).
     *
     * @param withMembers whether each view carries all its members (loaded in chunks), or null members
     * @throws ScimProblem 400 invalidFilter or invalidValue when the search names what Groups do not have
     */
    @Transactional
    public Page<ScimGroupView> list(ScimCaller caller, SearchSpec search, boolean withMembers) {
        return directoryQueries
                .dynamicGroups(caller.workspaceId(), search)
                .map(g -> new ScimGroupView(g, withMembers ? allMembers(g.id()) : null));
    }

    @Transactional
    public ScimGroupView create(ScimCaller caller, GroupDraft draft, List<String> memberIds) {
        ensureNameFree(caller.workspaceId(), draft.displayName(), null);
        Instant now = clock.instant();
        Group group = new Group(
                Ids.newId(),
                caller.workspaceId(),
                draft.displayName(),
                null,
                MembershipType.DYNAMIC,
                null,
                GroupOrigin.SCIM,
                now);
        group.setExternalId(draft.externalId());
        groups.add(group);
        int added = 0;
        for (String memberId : distinct(memberIds)) {
            ensureMember(caller, memberId);
            added += memberships.add(group.id(), memberId, MembershipSource.SCIM, now) ? 1 : 0;
        }
        audit.record(
                caller.workspaceId(),
                caller.actor(),
                "scim.group.created",
                "group",
                group.id(),
                Map.of("displayName", draft.displayName(), "membersAdded", added));
        return new ScimGroupView(group, null);
    }

    /**
     * Changes attributes (as {@code attributes} edits them) and SCIM memberships.
     *
     * @param expectedVersion the If-Match version or null; with it the group row is locked so that the check holds
     * @throws io.rollcall.domain.shared.PreconditionFailedException when {@code expectedVersion} is not the group's version
     * @throws NotFoundException when the group is not a DYNAMIC group of the caller's workspace
     * @throws ConflictException {@code uniqueness} when the new name is taken by another DYNAMIC group
     * @throws InvalidInputException when a named member is not a User of the workspace
     */
    @Transactional
    public ScimGroupView update(
            ScimCaller caller,
            String id,
            Long expectedVersion,
            GroupAttributeEdit attributes,
            List<MemberChange> changes) {
        // Locked when membership changes too, so that the version we report after the bump is exact.
        Group group = find(caller, id, expectedVersion != null || !changes.isEmpty());
        ScimUserService.checkVersion(expectedVersion, group.version());
        Instant now = clock.instant();
        Map<String, Object> summary = new LinkedHashMap<>();
        boolean attributesChanged = false;
        Optional<GroupDraft> edited = attributes.edit(group);
        if (edited.isPresent()) {
            GroupDraft draft = edited.get();
            if (!draft.displayName().equals(group.displayName())) {
                ensureNameFree(caller.workspaceId(), draft.displayName(), group.id());
                summary.put("displayName", draft.displayName());
                group.rename(draft.displayName());
                attributesChanged = true;
            }
            if (!Objects.equals(draft.externalId(), group.externalId())) {
                group.setExternalId(draft.externalId());
                summary.put("externalId", draft.externalId());
                attributesChanged = true;
            }
        }
        int added = 0;
        int removed = 0;
        for (MemberChange change : changes) {
            if (change instanceof MemberChange.Add add) {
                for (String memberId : distinct(add.memberIds())) {
                    ensureMember(caller, memberId);
                    added += memberships.add(group.id(), memberId, MembershipSource.SCIM, now) ? 1 : 0;
                }
            } else if (change instanceof MemberChange.Remove remove) {
                for (String memberId : distinct(remove.memberIds())) {
                    removed += memberships.remove(group.id(), memberId, MembershipSource.SCIM) ? 1 : 0;
                }
            } else if (change instanceof MemberChange.ReplaceAll replace) {
                removed += memberships.removeAll(group.id(), MembershipSource.SCIM);
                for (String memberId : distinct(replace.memberIds())) {
                    ensureMember(caller, memberId);
                    added += memberships.add(group.id(), memberId, MembershipSource.SCIM, now) ? 1 : 0;
                }
            }
        }
        long bump = 0;
        if (attributesChanged) {
            group.touch(now);
        } else if (added + removed > 0) {
            // Membership rows are not part of the group entity: bump its version (ETag) in place, without loading.
            groups.markChanged(group.id(), now);
            bump = 1;
        }
        if (attributesChanged || added + removed > 0) {
            summary.put("membersAdded", added);
            summary.put("membersRemoved", removed);
            audit.record(caller.workspaceId(), caller.actor(), "scim.group.updated", "group", group.id(), summary);
        }
        return new ScimGroupView(group, null, bump);
    }

    @Transactional
    public void delete(ScimCaller caller, String id, Long expectedVersion) {
        Group group = find(caller, id, expectedVersion != null);
        ScimUserService.checkVersion(expectedVersion, group.version());
        groups.remove(group);
        audit.record(
                caller.workspaceId(),
                caller.actor(),
                "scim.group.deleted",
                "group",
                group.id(),
                Map.of("displayName", group.displayName()));
    }

    private Group find(ScimCaller caller, String id, boolean lock) {
        if (!Ids.isUuid(id)) {
            throw new NotFoundException("Group", id);
        }
        return (lock ? groups.lock(caller.workspaceId(), id) : groups.find(caller.workspaceId(), id))
                .filter(Group::isDynamic)
                .orElseThrow(() -> new NotFoundException("Group", id));
    }

    private List<Reference> allMembers(String groupId) {
        List<Reference> all = new ArrayList<>();
        List<Reference> chunk;
        do {
            chunk = directory.membersAfter(
                    groupId, all.isEmpty() ? null : all.get(all.size() - 1).id(), MEMBER_CHUNK);
            all.addAll(chunk);
        } while (chunk.size() == MEMBER_CHUNK);
        return all;
    }

    private void ensureMember(ScimCaller caller, String memberId) {
        if (!Ids.isUuid(memberId)
                || members.find(caller.workspaceId(), memberId).isEmpty()) {
            // A group SCIM can see (DYNAMIC) is named as such; a STATIC one stays as invisible as an unknown id.
            if (Ids.isUuid(memberId)
                    && groups.find(caller.workspaceId(), memberId)
                            .filter(g -> g.membershipType() == MembershipType.DYNAMIC)
                            .isPresent()) {
                throw new InvalidInputException(
                        "members",
                        "'" + memberId + "' is a group: nested groups are not" + " supported, members must be Users");
            }
            throw new InvalidInputException("members", "member '" + memberId + "' does not exist in this workspace");
        }
    }

    private void ensureNameFree(String workspaceId, String displayName, String exceptId) {
        // Only DYNAMIC groups: a STATIC group of the same name is invisible to SCIM and must not block a push.
        if (groups.nameTaken(workspaceId, MembershipType.DYNAMIC, displayName, exceptId)) {
            throw new ConflictException("uniqueness", "a group named '" + displayName + "' already exists");
        }
    }

    private static List<String> distinct(List<String> ids) {
        return new ArrayList<>(new LinkedHashSet<>(ids));
    }
}

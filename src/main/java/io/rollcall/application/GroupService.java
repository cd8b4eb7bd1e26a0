package io.rollcall.application;

import io.rollcall.domain.group.Group;
import io.rollcall.domain.group.GroupClaimRule;
import io.rollcall.domain.group.GroupOrigin;
import io.rollcall.domain.group.GroupRepository;
import io.rollcall.domain.group.MembershipEntry;
import io.rollcall.domain.group.MembershipRepository;
import io.rollcall.domain.group.MembershipSource;
import io.rollcall.domain.group.MembershipType;
import io.rollcall.domain.identity.Member;
import io.rollcall.domain.identity.MemberRepository;
import io.rollcall.domain.identity.TokenRepository;
import io.rollcall.domain.rbac.Permission;
import io.rollcall.domain.rbac.Role;
import io.rollcall.domain.rbac.RoleRepository;
import io.rollcall.domain.shared.ConflictException;
import io.rollcall.domain.shared.Ids;
import io.rollcall.domain.shared.InvalidInputException;
import io.rollcall.domain.shared.NotFoundException;
import io.rollcall.domain.shared.Page;
import io.rollcall.domain.sso.SsoConnectionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Groups through the admin API. STATIC groups have members that owners add and remove (MANUAL rows); DYNAMIC groups get
 * theirs from the IdP only (SCIM and SSO rows), so manual changes to them are refused with 409. The membership type
 * never changes after creation.
 */
@ApplicationScoped
@Transactional
public class GroupService {

    static final int MAX_CLAIM_RULES = 50;

    private final GroupRepository groups;
    private final MembershipRepository memberships;
    private final MemberRepository members;
    private final RoleRepository roles;
    private final TokenRepository tokens;
    private final SsoConnectionRepository ssoConnections;
    private final Authorization authorization;
    private final AuditLog audit;
    private final Clock clock;

    @Inject
    public GroupService(
            GroupRepository groups,
            MembershipRepository memberships,
            MemberRepository members,
            RoleRepository roles,
            TokenRepository tokens,
            SsoConnectionRepository ssoConnections,
            Authorization authorization,
            AuditLog audit,
            Clock clock) {
        this.groups = groups;
        this.memberships = memberships;
        this.members = members;
        this.roles = roles;
        this.tokens = tokens;
        this.ssoConnections = ssoConnections;
        this.authorization = authorization;
        this.audit = audit;
        this.clock = clock;
    }

    /** For CDI proxies only. */
    protected GroupService() {
        this(null, null, null, null, null, null, null, null, null);
    }

    /** A change of a group; null fields are left alone, and {@code clearRole} removes the role. */
    public record Changes(String name, String description, String role, boolean clearRole, String membershipType) {}

    /** A claim rule as the API takes it. */
    public record ClaimRuleInput(String claim, String match, String value) {}

    public Group create(
            Caller caller, String workspaceId, String name, String description, String membershipType, String roleId) {
        Member actor = authorization.require(caller, workspaceId, Permission.GROUPS_MANAGE);
        String cleanName = Inputs.requiredText("name", name, 255);
        MembershipType type = parseType(membershipType);
        if (type == MembershipType.DYNAMIC && !hasIdentityProvider(workspaceId)) {
            throw new ConflictException(
                    "no-identity-provider",
                    "a DYNAMIC group takes its members from the IdP:"
                            + " configure an SSO connection or create a SCIM token for this workspace first");
        }
        requireFreeName(workspaceId, type, cleanName, null);
        String role = roleId == null ? null : grantableRole(actor, workspaceId, roleId);
        Group group = new Group(
                Ids.newId(),
                workspaceId,
                cleanName,
                Inputs.optionalText("description", description, 1000),
                type,
                role,
                GroupOrigin.ADMIN,
                clock.instant());
        groups.add(group);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("name", cleanName);
        summary.put("membershipType", type.name());
        summary.put("role", role);
        audit.record(workspaceId, caller.actor(), "group.created", "group", group.id(), summary);
        return group;
    }

    public Page<Group> list(Caller caller, String workspaceId, String query, PageRequest page) {
        authorization.require(caller, workspaceId, Permission.MEMBERS_READ);
        return groups.search(workspaceId, query, page.offset(), page.size());
    }

    public Group get(Caller caller, String workspaceId, String groupId) {
        authorization.require(caller, workspaceId, Permission.MEMBERS_READ);
        return find(workspaceId, groupId);
    }

    public Group update(Caller caller, String workspaceId, String groupId, Changes changes) {
        Member actor = authorization.require(caller, workspaceId, Permission.GROUPS_MANAGE);
        Group group = find(workspaceId, groupId);
        if (changes.membershipType() != null && parseType(changes.membershipType()) != group.membershipType()) {
            throw new ConflictException(
                    "membership-type-fixed",
                    "a group's membership type is fixed at creation;" + " create a new "
                            + changes.membershipType().toUpperCase(Locale.ROOT) + " group instead");
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        if (changes.name() != null) {
            String cleanName = Inputs.requiredText("name", changes.name(), 255);
            requireFreeName(workspaceId, group.membershipType(), cleanName, groupId);
            summary.put("name.before", group.displayName());
            group.rename(cleanName);
            summary.put("name.after", cleanName);
        }
        if (changes.description() != null) {
            group.describe(Inputs.optionalText("description", changes.description(), 1000));
            summary.put("description", group.description());
        }
        if (changes.clearRole() || changes.role() != null) {
            if (group.roleId() != null) {
                authorization.requireCanGrant(
                        actor,
                        roleOf(workspaceId, group.roleId()).permissions(),
                        "changes to a group with role '" + group.roleId() + "'");
            }
            String newRole = changes.clearRole() ? null : grantableRole(actor, workspaceId, changes.role());
            summary.put("role.before", group.roleId());
            group.assignRole(newRole);
            summary.put("role.after", newRole);
        }
        group.touch(clock.instant());
        audit.record(workspaceId, caller.actor(), "group.updated", "group", groupId, summary);
        return group;
    }

    public void delete(Caller caller, String workspaceId, String groupId) {
        Member actor = authorization.require(caller, workspaceId, Permission.GROUPS_MANAGE);
        Group group = find(workspaceId, groupId);
        if (group.roleId() != null) {
            authorization.requireCanGrant(
                    actor,
                    roleOf(workspaceId, group.roleId()).permissions(),
                    "deletion of a group with role '" + group.roleId() + "'");
        }
        groups.remove(group);
        audit.record(
                workspaceId,
                caller.actor(),
                "group.deleted",
                "group",
                groupId,
                Map.of(
                        "name",
                        group.displayName(),
                        "membershipType",
                        group.membershipType().name()));
    }

    public Page<MembershipEntry> members(Caller caller, String workspaceId, String groupId, PageRequest page) {
        authorization.require(caller, workspaceId, Permission.MEMBERS_READ);
        find(workspaceId, groupId);
        return memberships.list(groupId, page.offset(), page.size());
    }

    public void addMember(Caller caller, String workspaceId, String groupId, String memberId) {
        Member actor = authorization.require(caller, workspaceId, Permission.GROUPS_MANAGE);
        Group group = requireStatic(workspaceId, groupId);
        if (group.roleId() != null) {
            authorization.requireCanGrant(
                    actor,
                    roleOf(workspaceId, group.roleId()).permissions(),
                    "membership of a group with role '" + group.roleId() + "'");
        }
        String id = Inputs.uuid("memberId", memberId);
        Member member = members.find(workspaceId, id)
                .orElseThrow(() -> new InvalidInputException(
                        "memberId", "member '" + memberId + "' does not exist in this workspace"));
        Instant now = clock.instant();
        if (memberships.add(groupId, member.id(), MembershipSource.MANUAL, now)) {
            groups.markChanged(groupId, now);
            audit.record(
                    workspaceId,
                    caller.actor(),
                    "group.member.added",
                    "group",
                    groupId,
                    Map.of("member", member.id(), "userName", member.userName(), "source", "MANUAL"));
        }
    }

    public void removeMember(Caller caller, String workspaceId, String groupId, String memberId) {
        authorization.require(caller, workspaceId, Permission.GROUPS_MANAGE);
        requireStatic(workspaceId, groupId);
        if (!Ids.isUuid(memberId) || !memberships.remove(groupId, memberId, MembershipSource.MANUAL)) {
            throw new NotFoundException("group member", memberId);
        }
        Instant now = clock.instant();
        groups.markChanged(groupId, now);
        audit.record(
                workspaceId,
                caller.actor(),
                "group.member.removed",
                "group",
                groupId,
                Map.of("member", memberId, "source", "MANUAL"));
    }

    public List<GroupClaimRule> claimRules(Caller caller, String workspaceId, String groupId) {
        authorization.require(caller, workspaceId, Permission.MEMBERS_READ);
        requireDynamic(workspaceId, groupId);
        return groups.claimRules(groupId);
    }

    public List<GroupClaimRule> replaceClaimRules(
            Caller caller, String workspaceId, String groupId, List<ClaimRuleInput> inputs) {
        authorization.require(caller, workspaceId, Permission.GROUPS_MANAGE);
        requireDynamic(workspaceId, groupId);
        if (inputs == null) {
            throw new InvalidInputException("rules", "the body must be a JSON array of claim rules");
        }
        if (inputs.size() > MAX_CLAIM_RULES) {
            throw new InvalidInputException("rules", "at most " + MAX_CLAIM_RULES + " claim rules per group");
        }
        List<GroupClaimRule> rules = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            ClaimRuleInput input = inputs.get(i);
            if (input == null) {
                throw new InvalidInputException("rules[" + i + "]", "claim rule " + i + " is null");
            }
            String claim = Inputs.requiredText("rules[" + i + "].claim", input.claim(), 255);
            String match = parseMatch(i, input.match());
            String value = Inputs.requiredText("rules[" + i + "].value", input.value(), 1024);
            if ("REGEX".equals(match)) {
                try {
                    Pattern.compile(value);
                } catch (PatternSyntaxException e) {
                    throw new InvalidInputException(
                            "rules[" + i + "].value",
                            "claim rule " + i + " has an invalid regular expression: " + e.getDescription());
                }
            }
            rules.add(new GroupClaimRule(Ids.newId(), groupId, i, claim, match, value));
        }
        groups.replaceClaimRules(groupId, rules);
        groups.markChanged(groupId, clock.instant());
        audit.record(
                workspaceId,
                caller.actor(),
                "group.claim-rules.replaced",
                "group",
                groupId,
                Map.of(
                        "rules",
                        rules.stream()
                                .map(r -> r.claim() + " " + r.matchType() + " " + r.value())
                                .toList()));
        return rules;
    }

    private static String parseMatch(int index, String match) {
        String upper = match == null ? "" : match.trim().toUpperCase(Locale.ROOT);
        if (!List.of("EQUALS", "PREFIX", "REGEX").contains(upper)) {
            throw new InvalidInputException(
                    "rules[" + index + "].match", "claim rule " + index + ": 'match' must be EQUALS, PREFIX or REGEX");
        }
        return upper;
    }

    private Group requireStatic(String workspaceId, String groupId) {
        Group group = find(workspaceId, groupId);
        if (group.isDynamic()) {
            throw new ConflictException(
                    "dynamic-group",
                    "group '" + group.displayName() + "' is DYNAMIC: its"
                            + " members come from the identity provider (SCIM and SSO claim rules) and cannot be changed"
                            + " by hand; use a STATIC group for manual membership");
        }
        return group;
    }

    private Group requireDynamic(String workspaceId, String groupId) {
        Group group = find(workspaceId, groupId);
        if (!group.isDynamic()) {
            throw new ConflictException(
                    "static-group",
                    "group '" + group.displayName() + "' is STATIC: claim rules" + " apply to DYNAMIC groups only");
        }
        return group;
    }

    private boolean hasIdentityProvider(String workspaceId) {
        Instant now = clock.instant();
        return ssoConnections.find(workspaceId).isPresent()
                || tokens.listScimTokens(workspaceId).stream().anyMatch(t -> t.usableAt(now));
    }

    private String grantableRole(Member actor, String workspaceId, String roleId) {
        Role role = roles.find(workspaceId, roleId)
                .orElseThrow(() -> new InvalidInputException("role", "role '" + roleId + "' does not exist"));
        authorization.requireCanGrant(actor, role.permissions(), "role '" + roleId + "'");
        return role.id();
    }

    private Role roleOf(String workspaceId, String roleId) {
        return roles.find(workspaceId, roleId).orElseThrow();
    }

    private Group find(String workspaceId, String groupId) {
        if (!Ids.isUuid(groupId)) {
            throw new NotFoundException("group", groupId);
        }
        return groups.find(workspaceId, groupId).orElseThrow(() -> new NotFoundException("group", groupId));
    }

    /** STATIC and DYNAMIC groups are separate name spaces (docs/design.md, "Group names"). */
    private void requireFreeName(String workspaceId, MembershipType type, String name, String exceptGroupId) {
        if (groups.nameTaken(workspaceId, type, name, exceptGroupId)) {
            throw new ConflictException("duplicate-name", "a " + type + " group named '" + name + "' already exists");
        }
    }

    private static MembershipType parseType(String value) {
        if (value == null) {
            throw new InvalidInputException("membershipType", "'membershipType' is required: STATIC or DYNAMIC");
        }
        try {
            return MembershipType.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("membershipType", "'membershipType' must be STATIC or DYNAMIC");
        }
    }
}

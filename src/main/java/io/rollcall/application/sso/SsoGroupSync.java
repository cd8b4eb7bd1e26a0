package io.rollcall.application.sso;

import io.rollcall.application.Actor;
import io.rollcall.application.AuditLog;
import io.rollcall.domain.group.GroupClaimRule;
import io.rollcall.domain.group.GroupRepository;
import io.rollcall.domain.group.MembershipRepository;
import io.rollcall.domain.group.MembershipSource;
import io.rollcall.domain.mapping.ClaimMatch;
import io.rollcall.domain.mapping.ClaimRule;
import io.rollcall.domain.mapping.ClaimSet;
import io.rollcall.domain.mapping.DynamicGroupResolver;
import io.rollcall.domain.mapping.GroupRules;
import io.rollcall.domain.mapping.MembershipDelta;
import io.rollcall.domain.mapping.SsoMembershipPlan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Applies the workspace's claim rules at login: the member's SSO-source rows become exactly the matching DYNAMIC
 * groups. Only rows with source SSO are read or written, so SCIM and MANUAL memberships are never touched. On a groups
 * overage the existing SSO rows stay (the IdP's list is incomplete) and a warning is audited.
 */
@ApplicationScoped
public class SsoGroupSync {

    private static final Logger LOG = Logger.getLogger(SsoGroupSync.class.getName());

    private final GroupRepository groups;
    private final MembershipRepository memberships;
    private final AuditLog audit;
    private final Clock clock;
    private final DynamicGroupResolver resolver = new DynamicGroupResolver();

    @Inject
    public SsoGroupSync(GroupRepository groups, MembershipRepository memberships, AuditLog audit, Clock clock) {
        this.groups = groups;
        this.memberships = memberships;
        this.audit = audit;
        this.clock = clock;
    }

    /** For CDI proxies only. */
    protected SsoGroupSync() {
        this(null, null, null, null);
    }

    /** What was changed. */
    public record Result(List<String> added, List<String> removed, boolean overage) {}

    /** Which groups these claims match, and whether the IdP signalled an overage. Reads only. */
    public SsoMembershipPlan<String> plan(String workspaceId, ClaimSet claims) {
        return resolver.plan(rulesOf(workspaceId), claims);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Result apply(String workspaceId, String memberId, ClaimSet claims, Actor actor) {
        SsoMembershipPlan<String> plan = plan(workspaceId, claims);
        MembershipDelta<String> delta =
                MembershipDelta.of(memberships.groupIdsOf(memberId, MembershipSource.SSO), plan);
        Instant now = clock.instant();
        for (String groupId : delta.toAdd()) {
            if (memberships.add(groupId, memberId, MembershipSource.SSO, now)) {
                groups.markChanged(groupId, now);
                audit.record(
                        workspaceId,
                        actor,
                        "group.member.added",
                        "group",
                        groupId,
                        Map.of("member", memberId, "source", "SSO"));
            }
        }
        for (String groupId : delta.toRemove()) {
            if (memberships.remove(groupId, memberId, MembershipSource.SSO)) {
                groups.markChanged(groupId, now);
                audit.record(
                        workspaceId,
                        actor,
                        "group.member.removed",
                        "group",
                        groupId,
                        Map.of("member", memberId, "source", "SSO"));
            }
        }
        plan.overage()
                .ifPresent(overage -> audit.record(
                        workspaceId,
                        actor,
                        "sso.groups-overage",
                        "member",
                        memberId,
                        Map.of("signal", overage.signal().name(), "kept", "existing SSO memberships were kept")));
        return new Result(List.copyOf(delta.toAdd()), List.copyOf(delta.toRemove()), plan.keepExisting());
    }

    private List<GroupRules<String>> rulesOf(String workspaceId) {
        Map<String, List<ClaimRule>> byGroup = new LinkedHashMap<>();
        for (GroupClaimRule stored : groups.claimRulesOfWorkspace(workspaceId)) {
            try {
                byGroup.computeIfAbsent(stored.groupId(), g -> new ArrayList<>())
                        .add(new ClaimRule(stored.claim(), ClaimMatch.valueOf(stored.matchType()), stored.value()));
            } catch (IllegalArgumentException e) {
                // InvalidClaimRuleException or an unknown match type: the admin API validates rules, so a stored one
                // that
                // no longer compiles matches nothing rather than failing every login.
                LOG.warning(() -> "ignoring invalid claim rule " + stored.id() + " of group " + stored.groupId());
            }
        }
        return byGroup.entrySet().stream()
                .map(e -> new GroupRules<>(e.getKey(), e.getValue()))
                .toList();
    }
}

package io.rollcall.domain.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MembershipDeltaTest {

    @Test
    void ssoRowsBecomeExactlyTheMatchingGroups() {
        SsoMembershipPlan<String> plan = new SsoMembershipPlan<>(Set.of("eng", "sales"), Optional.empty());

        MembershipDelta<String> delta = MembershipDelta.of(Set.of("eng", "support"), plan);

        assertThat(delta.toAdd()).containsExactly("sales");
        assertThat(delta.toRemove()).containsExactly("support");
    }

    @Test
    void aClaimThatIsGoneRemovesEveryOldSsoRow() {
        MembershipDelta<String> delta =
                MembershipDelta.of(Set.of("eng", "sales"), new SsoMembershipPlan<>(Set.of(), Optional.empty()));

        assertThat(delta.toAdd()).isEmpty();
        assertThat(delta.toRemove()).containsExactlyInAnyOrder("eng", "sales");
    }

    @Test
    void overageKeepsExistingRowsAndStillAddsMatches() {
        SsoMembershipPlan<String> plan = new DynamicGroupResolver()
                .plan(
                        List.of(new GroupRules<>(
                                "admins", List.of(new ClaimRule("roles", ClaimMatch.EQUALS, "admin")))),
                        ClaimSet.fromJwtClaims(java.util.Map.of(
                                "roles", List.of("admin"), "_claim_names", java.util.Map.of("groups", "src1"))));

        MembershipDelta<String> delta = MembershipDelta.of(Set.of("eng", "sales"), plan);

        assertThat(plan.keepExisting()).isTrue();
        assertThat(delta.toAdd()).containsExactly("admins");
        assertThat(delta.toRemove()).isEmpty();
    }

    @Test
    void unchangedMembershipIsAnEmptyDelta() {
        assertThat(MembershipDelta.of(Set.of("eng"), new SsoMembershipPlan<>(Set.of("eng"), Optional.empty()))
                        .isEmpty())
                .isTrue();
    }
}

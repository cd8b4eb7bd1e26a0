package io.rollcall.domain.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DynamicGroupResolverTest {

    private final DynamicGroupResolver resolver = new DynamicGroupResolver();

    private final List<GroupRules<String>> groups = List.of(
            new GroupRules<>(
                    "eng",
                    List.of(
                            new ClaimRule("groups", ClaimMatch.EQUALS, "/engineering"),
                            new ClaimRule("groups", ClaimMatch.EQUALS, "6f2c0b6e-entra-object-id"))),
            new GroupRules<>("sales", List.of(new ClaimRule("groups", ClaimMatch.PREFIX, "/sales"))),
            new GroupRules<>("norules", List.of()));

    @Test
    void groupMatchesWhenAnyOfItsRulesApplies() {
        assertThat(resolver.resolve(groups, ClaimSet.of(Map.of("groups", List.of("/engineering")))))
                .containsExactly("eng");
        assertThat(resolver.resolve(groups, ClaimSet.of(Map.of("groups", List.of("6f2c0b6e-entra-object-id")))))
                .containsExactly("eng");
    }

    @Test
    void severalGroupsCanMatchAndGroupsWithoutRulesNever() {
        ClaimSet claims = ClaimSet.of(Map.of("groups", List.of("/engineering", "/sales/emea")));
        assertThat(resolver.resolve(groups, claims)).containsExactlyInAnyOrder("eng", "sales");
    }

    @Test
    void noMatchingClaimGivesNoGroupsAndNoOverage() {
        SsoMembershipPlan<String> plan = resolver.plan(groups, ClaimSet.of(Map.of("groups", List.of("/other"))));
        assertThat(plan.groups()).isEmpty();
        assertThat(plan.keepExisting()).isFalse();
    }

    @Test
    void entraOidcClaimNamesOverageKeepsExistingMemberships() {
        ClaimSet claims = ClaimSet.fromJwtClaims(Map.of(
                "_claim_names",
                Map.of("groups", "src1"),
                "_claim_sources",
                Map.of("src1", Map.of("endpoint", "https://graph.example/x"))));
        SsoMembershipPlan<String> plan = resolver.plan(groups, claims);
        assertThat(plan.keepExisting()).isTrue();
        assertThat(plan.overage()).contains(new GroupOverage(GroupOverage.Signal.OIDC_CLAIM_NAMES));
    }

    @Test
    void entraHasGroupsOverageIsDetected() {
        assertThat(GroupOverage.detect(ClaimSet.fromJwtClaims(Map.of("hasgroups", true))))
                .contains(new GroupOverage(GroupOverage.Signal.OIDC_HASGROUPS));
        assertThat(GroupOverage.detect(ClaimSet.fromJwtClaims(Map.of("hasgroups", false))))
                .isEmpty();
    }

    @Test
    void samlGroupsLinkOverageIsDetected() {
        ClaimSet claims = ClaimSet.of(Map.of(GroupOverage.SAML_GROUPS_LINK, List.of("https://graph.example/groups")));
        assertThat(resolver.plan(groups, claims).overage())
                .contains(new GroupOverage(GroupOverage.Signal.SAML_GROUPS_LINK));
    }
}

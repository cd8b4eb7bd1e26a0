package io.rollcall.domain.rbac;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EffectivePermissionsTest {

    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

    private static Role preset(PresetRole p) {
        return Role.preset("ws", p, NOW);
    }

    @Test
    void directRoleAloneGivesItsPermissionsGrantedByTheRole() {
        EffectivePermissions effective = EffectivePermissions.of(true, preset(PresetRole.OPERATOR), Map.of());
        assertThat(effective.permissions()).isEqualTo(PresetRole.OPERATOR.permissions());
        assertThat(effective.grantedBy(Permission.WORKFLOWS_RUN))
                .containsExactly(Grant.directRole("operator", "Operator"));
        assertThat(effective.allows(Permission.WORKFLOWS_WRITE)).isFalse();
    }

    @Test
    void groupRolesAddToTheDirectRoleAndSayWhichGroupGrantedThem() {
        Role secrets = Role.custom("ws", "secrets", "Secrets", null, EnumSet.of(Permission.SECRETS_READ), NOW);
        Grant viaGroup = Grant.group("g1", "Vault keepers", "secrets");
        Map<Grant, Role> groups = new LinkedHashMap<>();
        groups.put(viaGroup, secrets);
        groups.put(Grant.group("g2", "Readers", "viewer"), preset(PresetRole.VIEWER));
        EffectivePermissions effective = EffectivePermissions.of(true, preset(PresetRole.VIEWER), groups);
        assertThat(effective.allows(Permission.SECRETS_READ)).isTrue();
        assertThat(effective.grantedBy(Permission.SECRETS_READ)).containsExactly(viaGroup);
        assertThat(effective.grantedBy(Permission.WORKFLOWS_READ)).hasSize(2);
        assertThat(effective.allows(Permission.SECRETS_WRITE)).isFalse();
    }

    @Test
    void deactivatedMemberHasNoPermissionsWhateverItsRolesAndGroups() {
        Map<Grant, Role> groups = Map.of(Grant.group("g", "Owners", "owner"), preset(PresetRole.OWNER));
        EffectivePermissions effective = EffectivePermissions.of(false, preset(PresetRole.OWNER), groups);
        assertThat(effective.permissions()).isEmpty();
        for (Permission p : Permission.values()) {
            assertThat(effective.allows(p)).isFalse();
        }
    }

    @Test
    void presetRolesAreStrictlyNestedAndOwnerHoldsTheWholeCatalogue() {
        PresetRole[] order = PresetRole.values();
        for (int i = 1; i < order.length; i++) {
            assertThat(order[i].permissions()).containsAll(order[i - 1].permissions());
            assertThat(order[i].permissions())
                    .hasSizeGreaterThan(order[i - 1].permissions().size());
        }
        assertThat(PresetRole.OWNER.permissions()).containsExactlyInAnyOrder(Permission.values());
        assertThat(PresetRole.VIEWER.permissions()).allMatch(p -> p.value().endsWith(":read"));
        assertThat(PresetRole.CONTRIBUTOR.permissions())
                .doesNotContain(
                        Permission.MEMBERS_MANAGE,
                        Permission.ROLES_MANAGE,
                        Permission.SCIM_MANAGE,
                        Permission.SSO_MANAGE,
                        Permission.AUDIT_READ);
    }

    @Test
    void aPresetRowAlwaysHasTheCodesPermissionsNeverStoredOnes() {
        Role viewer = preset(PresetRole.VIEWER);
        viewer.replacePermissions(Set.of(Permission.SECRETS_WRITE));
        assertThat(viewer.permissions()).isEqualTo(PresetRole.VIEWER.permissions());
    }

    @Test
    void catalogueStringsParseAndUnknownOnesAreRefused() {
        assertThat(Permission.parse("workflows:run")).isEqualTo(Permission.WORKFLOWS_RUN);
        assertThat(Permission.find("rockets:launch")).isEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Permission.parse("rockets:launch"))
                .isInstanceOf(io.rollcall.domain.shared.InvalidInputException.class)
                .hasMessageContaining("rockets:launch");
    }
}

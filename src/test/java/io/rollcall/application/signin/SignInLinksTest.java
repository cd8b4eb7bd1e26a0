package io.rollcall.application.signin;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollcall.domain.identity.Member;
import io.rollcall.domain.identity.MemberOrigin;
import io.rollcall.domain.workspace.Workspace;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SignInLinksTest {

    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");

    private static Member member(String role, boolean breakGlass, boolean active) {
        Member member = new Member(
                "11111111-1111-1111-1111-111111111111",
                "acme",
                "acc",
                "a@acme.example",
                role,
                MemberOrigin.INVITE,
                NOW);
        member.setBreakGlass(breakGlass);
        member.setActive(active);
        return member;
    }

    private static Workspace workspace(boolean ssoRequired) {
        Workspace workspace = new Workspace("acme", "Acme", NOW);
        workspace.setSsoRequired(ssoRequired, NOW);
        return workspace;
    }

    @Test
    void withoutSsoRequiredEveryActiveMemberMaySignInByEmail() {
        assertThat(SignInLinks.refusal(workspace(false), member("viewer", false, true)))
                .isEmpty();
    }

    @Test
    void ssoRequiredRefusesEveryoneButActiveBreakGlassOwners() {
        Workspace required = workspace(true);
        assertThat(SignInLinks.refusal(required, member("viewer", false, true))).contains(LinkState.SSO_REQUIRED);
        assertThat(SignInLinks.refusal(required, member("owner", false, true))).contains(LinkState.SSO_REQUIRED);
        assertThat(SignInLinks.refusal(required, member("owner", true, true))).isEmpty();
    }

    @Test
    void aBreakGlassFlagLeftOnADemotedMemberGrantsNothing() {
        assertThat(SignInLinks.refusal(workspace(true), member("contributor", true, true)))
                .contains(LinkState.SSO_REQUIRED);
    }

    @Test
    void deactivatedMembersAreRefusedWhateverTheFlags() {
        assertThat(SignInLinks.refusal(workspace(false), member("owner", true, false)))
                .contains(LinkState.DEACTIVATED);
    }
}

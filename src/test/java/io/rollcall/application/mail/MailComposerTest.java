package io.rollcall.application.mail;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollcall.domain.mail.MailContent;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MailComposerTest {

    private static final Instant EXPIRES = Instant.parse("2026-12-08T10:15:30Z");

    private static MailContent invite(String workspace, String inviter, String role) {
        return MailComposer.invite(new MailComposer.InviteFacts(
                "jane@acme.example", workspace, inviter, role, EXPIRES, "https://rc.example/invite/rci_abc"));
    }

    @Test
    void inviteNamesTheWorkspaceInviterRoleExpiryAndTheOneLinkInBothParts() {
        MailContent mail = invite("Acme", "Olivia Owner", "Operator");
        assertThat(mail.recipient()).isEqualTo("jane@acme.example");
        assertThat(mail.subject()).isEqualTo("Olivia Owner invited you to Acme on Rollcall");
        assertThat(mail.text())
                .contains("\"Acme\"")
                .contains("as Operator")
                .contains("2026-12-08 10:15 UTC")
                .contains("https://rc.example/invite/rci_abc");
        assertThat(mail.html())
                .contains("<strong>Acme</strong>")
                .contains("<strong>Operator</strong>")
                .contains("href=\"https://rc.example/invite/rci_abc\"");
    }

    @Test
    void lineBreaksInNamesNeverReachTheSubjectOrStartALineInTheText() {
        MailContent mail = invite("Acme\r\nBcc: evil@evil.example", "Mallory\nX-Evil: 1", "Viewer\u2028Owner");
        assertThat(mail.subject())
                .doesNotContain("\r")
                .doesNotContain("\n")
                .isEqualTo("Mallory X-Evil: 1 invited you to Acme Bcc: evil@evil.example on Rollcall");
        assertThat(mail.text())
                .doesNotContain("\nBcc:")
                .doesNotContain("\nX-Evil")
                .contains("Viewer Owner");
    }

    @Test
    void markupInNamesIsEscapedInTheHtmlPart() {
        MailContent mail = invite("<script>alert(1)</script>", "\"Eve\" <eve@x>", "A&B");
        assertThat(mail.html())
                .doesNotContain("<script>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("&quot;Eve&quot; &lt;eve@x&gt;")
                .contains("A&amp;B");
    }

    @Test
    void overlongNamesAreCut() {
        MailContent mail = invite("W".repeat(500), "Owner", "Viewer");
        assertThat(mail.subject().length()).isLessThan(200);
    }

    @Test
    void toStringNeverShowsTheBodiesWithTheirOneTimeLink() {
        MailContent mail = invite("Acme", "Owner", "Viewer");
        assertThat(mail.toString()).doesNotContain("rci_abc");
        assertThat(MailComposer.signIn(new MailComposer.SignInFacts(
                                "a@b.example", "Acme", EXPIRES, "https://rc.example/login/link/rcl_secret"))
                        .toString())
                .doesNotContain("rcl_secret");
    }
}

package io.rollcall.it.console;

import static io.rollcall.it.Api.q;
import static io.rollcall.it.ReceivedMail.link;
import static io.rollcall.it.ReceivedMail.part;
import static io.rollcall.it.ReceivedMail.subject;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import io.rollcall.it.Api;
import io.rollcall.it.ReceivedMail;
import io.rollcall.it.RollcallServer;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The console with e-mail on: the real bundle sends through a real SMTP server (GreenMail, in this JVM) and headless
 * Chromium follows the received links. Covers the first owner's path (the bootstrap sign-in link), e-mail sign-in from
 * the console's sign-in page through the server-rendered {@code /login} pages (their own CSP and Referrer-Policy, the
 * same-origin check of their forms), and the invite delivery states on the Users page.
 */
class ConsoleMailIT {

    private static final Pattern SIGN_IN_LINK = Pattern.compile("http://[^\\s\"<]+/login/link/(rcl_[A-Za-z0-9_-]+)");
    private static final Duration MAIL_WAIT = Duration.ofSeconds(Long.getLong("rollcall.it.mailWaitSeconds", 90));
    private static int smtpPort;
    private static GreenMail smtp;
    private static RollcallServer rollcall;

    @BeforeAll
    static void startSmtpAndServer() {
        ConsoleBrowser.assumeInstalled();
        smtpPort = RollcallServer.freePort();
        smtp = ReceivedMail.startSmtp(smtpPort);
        rollcall = RollcallServer.start(ReceivedMail.smtpSettings(smtpPort));
        try {
            // The bootstrap link first, so that each test can tell later sign-in e-mails from it.
            awaitMail(RollcallServer.OWNER_EMAIL, m -> subject(m).startsWith("Your sign-in link"));
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void stop() {
        if (rollcall != null) {
            rollcall.stop();
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    void theFirstOwnerOpensTheBootstrapSignInLinkAndLandsInTheConsole() throws Exception {
        MimeMessage mail = awaitMail(RollcallServer.OWNER_EMAIL, m -> subject(m).startsWith("Your sign-in link"));
        String url = link(part(mail, "text/plain"), SIGN_IN_LINK);
        try (ConsoleBrowser browser = ConsoleBrowser.open(1280)) {
            followSignInLink(browser, url);
            browser.waitForText(By.id("who"), RollcallServer.OWNER_EMAIL);
            browser.waitForText(By.id("workspace-label"), "default");
            browser.screenshot("first-owner-signed-in");
            browser.assertAccessible("Users of the first owner");
        }
    }

    @Test
    void aMemberSignsInByEMailLinkFromTheConsoleAndSeesInviteDeliveryStates() throws Exception {
        // The bootstrap owner founds a workspace of this test's own and signs in to it by e-mail.
        Api api = new Api(rollcall.baseUrl(), rollcall.ownerToken());
        String ws = "cmail-" + Long.toHexString(System.nanoTime());
        Api.Reply created = api.post("/api/v1/workspaces", "{\"id\":" + q(ws) + ",\"name\":\"Mail " + ws + "\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String email = RollcallServer.OWNER_EMAIL;

        try (ConsoleBrowser browser = ConsoleBrowser.open(1280)) {
            // The console's sign-in page links to the server-rendered e-mail sign-in form.
            browser.driver.get(rollcall.baseUrl() + "/");
            browser.click(By.linkText("Sign in with an e-mail link"));
            browser.wait.until(d -> d.getCurrentUrl().endsWith("/login"));
            browser.waitFor(By.name("workspace")).sendKeys(ws);
            browser.driver.findElement(By.name("email")).sendKeys(email);
            browser.screenshot("login-email-form");
            browser.assertAccessible("E-mail sign-in form");
            int signInMailsBefore = signInMails(email).size();
            browser.click(By.xpath("//button[normalize-space()='E-mail me a sign-in link']"));
            // The form's POST passed the same-origin check (a refused one answers 403 with another text).
            browser.wait.until(d -> !d.getCurrentUrl().endsWith("/login"));
            assertThat(browser.driver.findElement(By.tagName("body")).getText()).doesNotContain("own pages");

            MimeMessage mail = awaitSignInMail(email, signInMailsBefore);
            followSignInLink(browser, link(part(mail, "text/plain"), SIGN_IN_LINK));
            browser.waitForText(By.id("who"), email);
            // The owner is in two workspaces (the bootstrap one too): pick this test's.
            WebElement shown = browser.waitFor(By.xpath("//h1[normalize-space()='Users']"));
            Select workspaces = new Select(browser.waitFor(By.id("workspace-select")));
            if (!ws.equals(workspaces.getFirstSelectedOption().getAttribute("value"))) {
                workspaces.selectByValue(ws); // reloads the console in that workspace
                browser.wait.until(ExpectedConditions.stalenessOf(shown));
                browser.waitFor(By.xpath("//h1[normalize-space()='Users']"));
            }
            browser.settle();
            assertThat(new Select(browser.driver.findElement(By.id("workspace-select")))
                            .getFirstSelectedOption()
                            .getAttribute("value"))
                    .isEqualTo(ws);

            // An invite goes out by e-mail: no token is shown, the row says the e-mail was sent.
            String invitee = "mailed-" + Long.toHexString(System.nanoTime()) + "@example.com";
            browser.click(By.xpath("//button[normalize-space()='Invite']"));
            WebElement dialog = browser.waitFor(By.cssSelector("dialog[open]"));
            dialog.findElement(By.cssSelector("input[type=email]")).sendKeys(invitee);
            dialog.findElement(By.xpath(".//button[normalize-space()='Send invite']"))
                    .click();
            By inviteRow = By.xpath("//tr[td[normalize-space()='" + invitee + "']]");
            browser.waitForText(inviteRow, "pending");
            assertThat(browser.driver.findElements(By.cssSelector("dialog[open]")))
                    .isEmpty();
            awaitMail(invitee, m -> true);
            String id = awaitInvite(api, ws, invitee, i -> "sent"
                            .equals(i.path("delivery").path("state").asText()))
                    .path("id")
                    .asText();
            reloadUntil(browser, inviteRow, "e-mail sent");

            // SMTP down: Resend queues the message again and the row shows the SMTP failure being retried.
            smtp.stop();
            try {
                browser.click(By.xpath("//button[@aria-label='Resend the invite to " + invitee + "']"));
                JsonNode failing = awaitInvite(
                        api,
                        ws,
                        invitee,
                        i -> i.path("id").asText().equals(id)
                                && i.path("delivery").path("detail").isTextual());
                reloadUntil(browser, inviteRow, "e-mail retrying");
                assertThat(browser.driver
                                .findElement(inviteRow)
                                .findElement(By.cssSelector(".delivery-detail"))
                                .getText())
                        .isEqualTo(failing.path("delivery").path("detail").asText())
                        .isNotBlank();
                browser.screenshot("users-invite-delivery-retrying");
                browser.assertAccessible("Users with an invite being retried");

                // Retrying ends at the message's give-up time (rollcall.mail.retry.hours); bring it forward, so that
                // the next failed attempt is the last: the invite's delivery is "failed", shown with the reason.
                try (Connection db = rollcall.jdbc();
                        PreparedStatement giveUp = db.prepareStatement(
                                "UPDATE mail_outbox SET give_up_at = ? WHERE subject_id = ? AND status = 'QUEUED'")) {
                    giveUp.setTimestamp(1, Timestamp.valueOf("2000-01-01 00:00:00"));
                    giveUp.setString(2, id);
                    assertThat(giveUp.executeUpdate()).isEqualTo(1);
                }
                JsonNode failed = awaitInvite(
                        api,
                        ws,
                        invitee,
                        i -> i.path("id").asText().equals(id)
                                && "failed"
                                        .equals(i.path("delivery").path("state").asText()));
                reloadUntil(browser, inviteRow, "e-mail failed");
                WebElement row = browser.driver.findElement(inviteRow);
                assertThat(row.findElement(By.cssSelector("[data-delivery]")).getAttribute("data-delivery"))
                        .isEqualTo("failed");
                assertThat(row.findElement(By.cssSelector("[data-delivery]")).getAttribute("class"))
                        .contains("bad");
                assertThat(row.findElement(By.cssSelector(".delivery-detail")).getText())
                        .isEqualTo(failed.path("delivery").path("detail").asText())
                        .isNotBlank();
                // Still pending, so the owner can send it again once mail works.
                assertThat(row.getText()).contains("pending");
                assertThat(row.findElements(By.xpath(".//button[normalize-space()='Resend']")))
                        .hasSize(1);
                browser.screenshot("users-invite-delivery-failed");
                browser.assertAccessible("Users with an invite whose e-mail failed");
            } finally {
                smtp = ReceivedMail.startSmtp(smtpPort);
            }
            browser.click(By.xpath("//button[@aria-label='Resend the invite to " + invitee + "']"));
            awaitInvite(api, ws, invitee, i -> "sent"
                    .equals(i.path("delivery").path("state").asText()));
            reloadUntil(browser, inviteRow, "e-mail sent");
        }
    }

    /** Opens an e-mailed sign-in link: its confirmation page (no script) posts the link, which lands on the console. */
    private static void followSignInLink(ConsoleBrowser browser, String url) {
        browser.driver.get(url);
        browser.assertAccessible("Sign-in link confirmation");
        browser.click(By.xpath("//button[normalize-space()='Sign in']"));
        browser.waitFor(By.xpath("//h1[normalize-space()='Users']"));
        browser.settle();
    }

    /** The Users page reads invites when it renders; delivery happens in the background, so reload until it shows. */
    private static void reloadUntil(ConsoleBrowser browser, By row, String text) {
        browser.wait.until(d -> {
            d.navigate().refresh();
            try {
                browser.waitFor(row);
                browser.settle();
                return d.findElement(row).getText().contains(text);
            } catch (org.openqa.selenium.TimeoutException | org.openqa.selenium.NoSuchElementException e) {
                return false;
            }
        });
    }

    private static List<MimeMessage> signInMails(String recipient) {
        return Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> to(m, recipient))
                .filter(m -> subject(m).startsWith("Your sign-in link"))
                .toList();
    }

    /** The sign-in e-mail that arrives after {@code before} earlier ones. */
    private static MimeMessage awaitSignInMail(String recipient, int before) throws InterruptedException {
        Instant deadline = Instant.now().plus(MAIL_WAIT);
        while (Instant.now().isBefore(deadline)) {
            List<MimeMessage> found = signInMails(recipient);
            if (found.size() > before) {
                return found.get(found.size() - 1);
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no new sign-in e-mail to " + recipient + " within " + MAIL_WAIT);
    }

    private static JsonNode awaitInvite(Api api, String ws, String email, Predicate<JsonNode> done)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(MAIL_WAIT);
        while (Instant.now().isBefore(deadline)) {
            for (JsonNode invite :
                    api.get("/api/v1/workspaces/" + ws + "/invites").json().path("items")) {
                if (invite.path("email").asText().equals(email) && done.test(invite)) {
                    return invite;
                }
            }
            Thread.sleep(300);
        }
        throw new AssertionError("invite to " + email + " did not reach the expected delivery state");
    }

    private static MimeMessage awaitMail(String recipient, Predicate<MimeMessage> wanted) throws InterruptedException {
        Instant deadline = Instant.now().plus(MAIL_WAIT);
        while (Instant.now().isBefore(deadline)) {
            List<MimeMessage> found = Arrays.stream(smtp.getReceivedMessages())
                    .filter(m -> to(m, recipient))
                    .filter(wanted)
                    .toList();
            if (!found.isEmpty()) {
                return found.get(found.size() - 1);
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no e-mail to " + recipient + " within " + MAIL_WAIT);
    }

    private static boolean to(MimeMessage message, String recipient) {
        try {
            return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .anyMatch(a -> a.toString().equalsIgnoreCase(recipient));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}

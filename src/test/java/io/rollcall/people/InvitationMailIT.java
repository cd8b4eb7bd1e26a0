package io.rollcall.people;

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
import io.rollcall.it.TestAccounts;
import io.rollcall.security.saml.TestCertificates;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Invites and e-mail sign-in end to end: the real bundle sends through a real SMTP server (GreenMail, in this JVM),
 * and the tests follow the received links over HTTP. Each test works in a workspace and with addresses of its own.
 */
class InvitationMailIT {

    private static final Duration MAIL_WAIT = Duration.ofSeconds(Long.getLong("rollcall.it.mailWaitSeconds", 90));
    private static final Pattern INVITE_LINK = Pattern.compile("http://[^\\s\"<]+/invite/(rci_[A-Za-z0-9_-]+)");
    private static final Pattern SIGN_IN_LINK = Pattern.compile("http://[^\\s\"<]+/login/link/(rcl_[A-Za-z0-9_-]+)");
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private static int smtpPort;
    private static GreenMail smtp;
    private static RollcallServer server;
    /** Received before any test may restart the SMTP server. */
    private static List<MimeMessage> bootstrapMails;

    private TestAccounts.Person owner;
    private Api api;
    private String ws;

    @BeforeAll
    static void startSmtpAndServer() {
        smtpPort = RollcallServer.freePort();
        smtp = ReceivedMail.startSmtp(smtpPort);
        server = RollcallServer.start(ReceivedMail.smtpSettings(smtpPort));
        try {
            awaitMail(RollcallServer.OWNER_EMAIL, m -> subject(m).startsWith("Your sign-in link"));
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        bootstrapMails = mailsTo(RollcallServer.OWNER_EMAIL);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
        smtp.stop();
    }

    @BeforeEach
    void newWorkspace() {
        owner = TestAccounts.create(server, "owner");
        api = new Api(server.baseUrl(), owner.token());
        ws = "mail-" + owner.accountId().substring(0, 8);
        Api.Reply created = api.post("/api/v1/workspaces", "{\"id\":" + q(ws) + ",\"name\":\"Acme " + ws + "\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }

    @Test
    void inviteEmailArrivesWithRecipientSubjectRoleAndLinkAndTheInviteShowsSent() throws Exception {
        String email = address("jane");
        Api.Reply invite = invite(email, "operator");
        assertThat(invite.json().has("token"))
                .as("the token went to the invitee only")
                .isFalse();
        assertThat(invite.json().path("delivery").path("state").asText()).isIn("queued", "sent");

        MimeMessage message = awaitMail(email);
        assertThat(message.getAllRecipients()).extracting(Object::toString).containsExactly(email);
        assertThat(message.getSubject()).isEqualTo(owner.email() + " invited you to Acme " + ws + " on Rollcall");
        String text = part(message, "text/plain");
        assertThat(text).contains("Acme " + ws).contains("as Operator").contains(owner.email());
        assertThat(link(text, INVITE_LINK)).startsWith(server.baseUrl() + "/invite/rci_");
        assertThat(part(message, "text/html")).contains("Operator").contains(link(text, INVITE_LINK));

        JsonNode delivered = awaitInvite(invite.json().get("id").asText(), i -> "sent"
                .equals(i.path("delivery").path("state").asText()));
        assertThat(delivered.path("delivery").hasNonNull("detail"))
                .as("no failure reason")
                .isFalse();
        assertThat(auditActions()).contains("invite.created", "invite.sent");
    }

    @Test
    void followingTheLinkCreatesTheMemberWithTheRoleAndAWorkingSessionAndASecondClickIsRefused() throws Exception {
        String email = address("ann");
        invite(email, "creator");
        String url = link(part(awaitMail(email), "text/plain"), INVITE_LINK);

        HttpResponse<String> page = get(url, null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("Acme " + ws)
                .contains("Creator")
                .contains(owner.email())
                .contains("<form method=\"post\"")
                .doesNotContain("<script");

        HttpResponse<String> accepted = post(url, null);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(303);
        assertThat(accepted.headers().firstValue("Location")).hasValue(server.baseUrl() + "/");
        String session = sessionCookie(accepted);
        Api.Reply me = new Api(server.baseUrl(), session).get("/api/v1/me");
        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        assertThat(me.body()).contains(email).contains(ws);
        JsonNode member = api.get("/api/v1/workspaces/" + ws + "/members?q=" + email)
                .json()
                .get("items")
                .get(0);
        assertThat(member.get("role").asText()).isEqualTo("creator");
        assertThat(member.get("origin").asText()).isEqualTo("INVITE");

        HttpResponse<String> again = post(url, null);
        assertThat(again.statusCode()).isEqualTo(410);
        assertThat(again.body()).contains("already accepted").doesNotContain("Exception");
        HttpResponse<String> samePerson = post(url, session);
        assertThat(samePerson.statusCode())
                .as("idempotent for the person who accepted")
                .isEqualTo(303);
        assertThat(api.get("/api/v1/workspaces/" + ws + "/members?q=" + email)
                        .json()
                        .get("total")
                        .asInt())
                .isEqualTo(1);
        assertThat(auditActions()).contains("invite.accepted");
    }

    @Test
    void expiredRevokedAndUnknownInviteLinksGetAClearPage() throws Exception {
        String expiredEmail = address("late");
        String expiredId = invite(expiredEmail, "viewer").json().get("id").asText();
        String expiredUrl = link(part(awaitMail(expiredEmail), "text/plain"), INVITE_LINK);
        sql("UPDATE invite SET expires_at = ? WHERE id = ?", Timestamp.valueOf(utcNow().minusHours(1)), expiredId);
        assertThat(get(expiredUrl, null).statusCode()).isEqualTo(410);
        HttpResponse<String> expired = post(expiredUrl, null);
        assertThat(expired.statusCode()).isEqualTo(410);
        assertThat(expired.body()).contains("expired").contains("resend");

        String revokedEmail = address("gone");
        String revokedId = invite(revokedEmail, "viewer").json().get("id").asText();
        String revokedUrl = link(part(awaitMail(revokedEmail), "text/plain"), INVITE_LINK);
        assertThat(api.delete("/api/v1/workspaces/" + ws + "/invites/" + revokedId)
                        .status())
                .isEqualTo(204);
        HttpResponse<String> revoked = get(revokedUrl, null);
        assertThat(revoked.statusCode()).isEqualTo(410);
        assertThat(revoked.body()).contains("withdrawn");

        HttpResponse<String> unknown = get(server.baseUrl() + "/invite/rci_doesnotexist", null);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(unknown.body()).contains("not valid").doesNotContain("Exception");
        assertThat(api.get("/api/v1/workspaces/" + ws + "/members?q=" + expiredEmail)
                        .json()
                        .get("total")
                        .asInt())
                .isZero();
    }

    @Test
    void resendSendsAFreshMessageWithARenewedTokenAndTheOldLinkStopsWorking() throws Exception {
        String email = address("again");
        String id = invite(email, "viewer").json().get("id").asText();
        String first = link(part(awaitMail(email), "text/plain"), INVITE_LINK);
        Api.Reply resent = api.post("/api/v1/workspaces/" + ws + "/invites/" + id + "/resend", null);
        assertThat(resent.status()).as(resent.toString()).isEqualTo(200);
        assertThat(resent.json().has("token")).isFalse();
        List<MimeMessage> both = awaitMails(email, 2);
        String second = link(part(both.get(1), "text/plain"), INVITE_LINK);
        assertThat(second).isNotEqualTo(first);
        assertThat(get(first, null).statusCode()).isEqualTo(404);
        assertThat(get(second, null).statusCode()).isEqualTo(200);
    }

    @Test
    void whenSmtpIsDownTheMessageIsRetriedAndArrivesOnceItIsBack() throws Exception {
        String email = address("patient");
        smtp.stop();
        String id;
        try {
            id = invite(email, "viewer").json().get("id").asText();
            JsonNode failing = awaitInvite(
                    id,
                    i -> !i.path("delivery").path("detail").isNull()
                            && !i.path("delivery").path("detail").isMissingNode());
            assertThat(failing.path("delivery").path("state").asText()).isEqualTo("queued");
            assertThat(failing.path("delivery").path("detail").asText()).isNotBlank();
        } finally {
            smtp = ReceivedMail.startSmtp(smtpPort);
        }
        MimeMessage message = awaitMail(email);
        assertThat(message.getSubject()).contains("Acme " + ws);
        awaitInvite(id, i -> "sent".equals(i.path("delivery").path("state").asText()));
        Thread.sleep(3000);
        assertThat(mailsTo(email)).as("sent once").hasSize(1);
        assertThat(auditActions()).contains("invite.delivery-failed", "invite.sent");
    }

    @Test
    void namesAndWorkspaceNamesCannotInjectHeadersOrMarkup() throws Exception {
        sql("UPDATE account SET display_name = ? WHERE id = ?", "Mallory\r\nBcc: evil@evil.example", owner.accountId());
        sql("UPDATE workspace SET name = ? WHERE id = ?", "Acme\r\nBcc: evil@evil.example <b>bold</b>", ws);
        String email = address("target");
        invite(email, "viewer");
        MimeMessage message = awaitMail(email);
        assertThat(message.getAllRecipients()).extracting(Object::toString).containsExactly(email);
        assertThat(message.getHeader("Bcc")).isNull();
        assertThat(message.getSubject())
                .doesNotContain("\r")
                .doesNotContain("\n")
                .contains("Mallory Bcc:");
        String html = part(message, "text/html");
        assertThat(html).contains("&lt;b&gt;bold&lt;/b&gt;").doesNotContain("<b>bold</b>");
        assertThat(part(message, "text/plain")).doesNotContain("\nBcc:");
        assertThat(mailsTo("evil@evil.example")).isEmpty();
        HttpResponse<String> page = get(link(part(message, "text/plain"), INVITE_LINK), null);
        assertThat(page.body()).contains("&lt;b&gt;bold&lt;/b&gt;").doesNotContain("<b>bold</b>");
    }

    @Test
    void emailSignInAnswersKnownAndUnknownAddressesAlikeAndTheLinkSignsInOnce() throws Exception {
        String email = memberViaInvite("known");
        Api anonymous = new Api(server.baseUrl(), null);
        Api.Reply known = anonymous.post("/login/email", "{\"email\":" + q(email) + ",\"workspace\":" + q(ws) + "}");
        Api.Reply unknown =
                anonymous.post("/login/email", "{\"email\":" + q(address("nobody")) + ",\"workspace\":" + q(ws) + "}");
        Api.Reply otherWorkspace =
                anonymous.post("/login/email", "{\"email\":" + q(email) + ",\"workspace\":\"no-such-ws\"}");
        assertThat(known.status()).isEqualTo(202);
        assertThat(List.of(unknown.status(), otherWorkspace.status())).containsOnly(known.status());
        assertThat(List.of(unknown.body(), otherWorkspace.body())).containsOnly(known.body());

        MimeMessage message = awaitMail(email, m -> subject(m).startsWith("Your sign-in link"));
        String url = link(part(message, "text/plain"), SIGN_IN_LINK);
        assertThat(get(url, null).statusCode()).isEqualTo(200);
        HttpResponse<String> signedIn = post(url, null);
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(303);
        assertThat(new Api(server.baseUrl(), sessionCookie(signedIn))
                        .get("/api/v1/me")
                        .status())
                .isEqualTo(200);
        HttpResponse<String> again = post(url, null);
        assertThat(again.statusCode()).isEqualTo(410);
        assertThat(again.body()).contains("already used");
        assertThat(auditActions()).contains("signin.link-requested", "signin.link-used");
    }

    @Test
    void anExpiredSignInLinkIsRefused() throws Exception {
        String email = memberViaInvite("slow");
        new Api(server.baseUrl(), null)
                .post("/login/email", "{\"email\":" + q(email) + ",\"workspace\":" + q(ws) + "}");
        String url = link(
                part(awaitMail(email, m -> subject(m).startsWith("Your sign-in link")), "text/plain"), SIGN_IN_LINK);
        String token = url.substring(url.lastIndexOf('/') + 1);
        sql(
                "UPDATE sign_in_link SET expires_at = ? WHERE token_hash = ?",
                Timestamp.valueOf(utcNow().minusMinutes(1)),
                sha256(token));
        HttpResponse<String> expired = post(url, null);
        assertThat(expired.statusCode()).isEqualTo(410);
        assertThat(expired.body()).contains("expired");
        assertThat(expired.headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void theSignInRateLimitAnswers429WithRetryAfter() {
        String email = address("flood");
        Api anonymous = new Api(server.baseUrl(), null);
        String body = "{\"email\":" + q(email) + ",\"workspace\":" + q(ws) + "}";
        for (int i = 0; i < 5; i++) {
            assertThat(anonymous.post("/login/email", body).status()).isEqualTo(202);
        }
        Api.Reply limited = anonymous.post("/login/email", body);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(Long.parseLong(limited.header("Retry-After"))).isPositive();
        assertThat(limited.json().path("code").asText()).isEqualTo("too-many-requests");
        Api.Reply otherAddress =
                anonymous.post("/login/email", "{\"email\":" + q(address("calm")) + ",\"workspace\":" + q(ws) + "}");
        assertThat(otherAddress.status()).as("the limit is per address").isEqualTo(202);
    }

    @Test
    void ssoRequiredRefusesEmailSignInAndLetsABreakGlassOwnerIn() throws Exception {
        String memberEmail = memberViaInvite("member");
        var certificate = TestCertificates.generate("idp-" + ws).certificate();
        String pem = "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(certificate.getEncoded())
                + "\n-----END CERTIFICATE-----";
        Api.Reply sso = api.put(
                "/api/v1/workspaces/" + ws + "/sso",
                "{\"type\":\"saml\",\"idpEntityId\":"
                        + q("https://idp.example/" + ws) + ",\"ssoUrl\":\"https://idp.example/sso\",\"certificates\":["
                        + q(pem) + "]}");
        assertThat(sso.status()).as(sso.toString()).isIn(200, 201);
        Api.Reply required = api.patch("/api/v1/workspaces/" + ws, "{\"sso\":{\"required\":true}}");
        assertThat(required.status()).as(required.toString()).isEqualTo(200);
        assertThat(required.json().path("sso").path("required").asBoolean()).isTrue();

        String ssoInvitee = address("sso");
        invite(ssoInvitee, "viewer");
        String ssoInviteUrl = link(part(awaitMail(ssoInvitee), "text/plain"), INVITE_LINK);
        HttpResponse<String> ssoPage = get(ssoInviteUrl, null);
        assertThat(ssoPage.body())
                .contains("Continue with SSO")
                .contains("/sso/" + ws + "/login?returnUrl=%2F")
                .doesNotContain("<form");
        assertThat(post(ssoInviteUrl, null).statusCode())
                .as("no e-mail path where SSO exists")
                .isEqualTo(403);

        Api anonymous = new Api(server.baseUrl(), null);
        Api.Reply refused =
                anonymous.post("/login/email", "{\"email\":" + q(memberEmail) + ",\"workspace\":" + q(ws) + "}");
        assertThat(refused.status()).as("no hint that the address is known").isEqualTo(202);
        assertThat(auditActions()).contains("signin.refused");

        String ownerMember = api.get("/api/v1/workspaces/" + ws + "/members?q=" + owner.email())
                .json()
                .get("items")
                .get(0)
                .get("id")
                .asText();
        Api.Reply flagged = api.patch("/api/v1/workspaces/" + ws + "/members/" + ownerMember, "{\"breakGlass\":true}");
        assertThat(flagged.status()).as(flagged.toString()).isEqualTo(200);
        assertThat(anonymous
                        .post("/login/email", "{\"email\":" + q(owner.email()) + ",\"workspace\":" + q(ws) + "}")
                        .status())
                .isEqualTo(202);
        MimeMessage ownerMail = awaitMail(owner.email(), m -> subject(m).startsWith("Your sign-in link"));
        HttpResponse<String> in = post(link(part(ownerMail, "text/plain"), SIGN_IN_LINK), null);
        assertThat(in.statusCode()).as(in.body()).isEqualTo(303);
        assertThat(mailsTo(memberEmail).stream().filter(m -> subject(m).startsWith("Your sign-in link")))
                .as("the member refused by sso.required got no link")
                .isEmpty();
    }

    @Test
    void withSmtpTheBootstrapOwnerGetsOneSignInLinkByEmailAndNothingIsPrinted() throws Exception {
        assertThat(bootstrapMails).hasSize(1);
        String url = link(part(bootstrapMails.get(0), "text/plain"), SIGN_IN_LINK);
        assertThat(java.nio.file.Files.readString(server.log())).doesNotContain("/login/link/rcl_");
        HttpResponse<String> in = post(url, null);
        assertThat(in.statusCode()).as(in.body()).isEqualTo(303);
        assertThat(new Api(server.baseUrl(), sessionCookie(in))
                        .get("/api/v1/me")
                        .json()
                        .path("account")
                        .path("email")
                        .asText())
                .isEqualTo(RollcallServer.OWNER_EMAIL);
    }

    // ---- helpers

    private Api.Reply invite(String email, String role) {
        Api.Reply reply = api.post(
                "/api/v1/workspaces/" + ws + "/invites", "{\"email\":" + q(email) + ",\"role\":" + q(role) + "}");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply;
    }

    /** A member of this test's workspace who joined by the e-mailed link; returns the address. */
    private String memberViaInvite(String prefix) throws Exception {
        String email = address(prefix);
        invite(email, "viewer");
        HttpResponse<String> accepted = post(link(part(awaitMail(email), "text/plain"), INVITE_LINK), null);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(303);
        return email;
    }

    private List<String> auditActions() {
        Api.Reply events = api.get("/api/v1/workspaces/" + ws + "/audit-events?size=200");
        assertThat(events.status()).as(events.toString()).isEqualTo(200);
        List<String> actions = new java.util.ArrayList<>();
        events.json().get("items").forEach(e -> actions.add(e.get("action").asText()));
        return actions;
    }

    private JsonNode awaitInvite(String id, Predicate<JsonNode> condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(MAIL_WAIT);
        JsonNode last = null;
        while (Instant.now().isBefore(deadline)) {
            last = api.get("/api/v1/workspaces/" + ws + "/invites/" + id).json();
            if (condition.test(last)) {
                return last;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("invite never reached the expected state; last: " + last);
    }

    private static MimeMessage awaitMail(String recipient) throws InterruptedException {
        return awaitMail(recipient, m -> true);
    }

    private static MimeMessage awaitMail(String recipient, Predicate<MimeMessage> condition)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(MAIL_WAIT);
        while (Instant.now().isBefore(deadline)) {
            List<MimeMessage> found =
                    mailsTo(recipient).stream().filter(condition).toList();
            if (!found.isEmpty()) {
                return found.get(found.size() - 1);
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no e-mail to " + recipient + " within " + MAIL_WAIT);
    }

    private static List<MimeMessage> awaitMails(String recipient, int count) throws InterruptedException {
        Instant deadline = Instant.now().plus(MAIL_WAIT);
        while (Instant.now().isBefore(deadline)) {
            List<MimeMessage> found = mailsTo(recipient);
            if (found.size() >= count) {
                return found;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("fewer than " + count + " e-mails to " + recipient + " within " + MAIL_WAIT);
    }

    private static List<MimeMessage> mailsTo(String recipient) {
        return Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> {
                    try {
                        return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                                .anyMatch(a -> a.toString().equalsIgnoreCase(recipient));
                    } catch (jakarta.mail.MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    private static HttpResponse<String> get(String url, String session) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(60))
                .GET();
        if (session != null) {
            request.header("Cookie", "rollcall_session=" + session);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String url, String session) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(""));
        if (session != null) {
            request.header("Cookie", "rollcall_session=" + session);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String sessionCookie(HttpResponse<String> response) {
        String cookie = response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("rollcall_session="))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie: " + response.headers()));
        assertThat(cookie).contains("HttpOnly").contains("SameSite=Lax");
        return cookie.substring("rollcall_session=".length(), cookie.indexOf(';'));
    }

    private void sql(String statement, Object... args) throws Exception {
        try (Connection c = server.jdbc();
                PreparedStatement s = c.prepareStatement(statement)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
    }

    private static String address(String prefix) {
        return prefix + "-" + HexFormat.of().formatHex(java.security.SecureRandom.getSeed(4)) + "@it.example";
    }

    private static LocalDateTime utcNow() {
        return LocalDateTime.now(ZoneOffset.UTC);
    }

    private static String sha256(String value) throws Exception {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    }
}

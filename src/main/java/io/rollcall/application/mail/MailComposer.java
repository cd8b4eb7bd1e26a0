package io.rollcall.application.mail;

import io.rollcall.domain.mail.MailContent;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Rollcall's two e-mails, each as a plain-text and an HTML part. Names of people, workspaces and roles are user data:
 * in the subject and the text part every control character (CR, LF, ...) becomes a space, so no header line or fake
 * paragraph can be added; in the HTML part they are escaped as well. Pure and thread-safe.
 */
public final class MailComposer {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final int MAX_NAME = 120;

    private MailComposer() {}

    /** What an invite e-mail says. {@code acceptUrl} is {@code {ROLLCALL_PUBLIC_URL}/invite/{token}}. */
    public record InviteFacts(
            String recipient,
            String workspaceName,
            String inviter,
            String roleName,
            Instant expiresAt,
            String acceptUrl) {
        @Override
        public String toString() {
            return "InviteFacts[to=" + recipient + "]";
        }
    }

    /** What a sign-in e-mail says. {@code signInUrl} is {@code {ROLLCALL_PUBLIC_URL}/login/link/{token}}. */
    public record SignInFacts(String recipient, String workspaceName, Instant expiresAt, String signInUrl) {
        @Override
        public String toString() {
            return "SignInFacts[to=" + recipient + "]";
        }
    }

    public static MailContent invite(InviteFacts f) {
        String workspace = line(f.workspaceName());
        String inviter = line(f.inviter());
        String role = line(f.roleName());
        String expires = WHEN.format(f.expiresAt());
        String subject = inviter + " invited you to " + workspace + " on Rollcall";
        String text = inviter + " invited you to join the workspace \"" + workspace + "\" on Rollcall as " + role
                + ".\n\nAccept the invitation:\n" + f.acceptUrl() + "\n\nThe link works until " + expires
                + " and only once. If you did not expect this invitation, ignore this e-mail.\n";
        String html = page(
                subject,
                "<p>" + html(inviter) + " invited you to join the workspace <strong>"
                        + html(workspace) + "</strong> on Rollcall as <strong>" + html(role) + "</strong>.</p>"
                        + "<p><a href=\"" + html(f.acceptUrl()) + "\">Accept the invitation</a></p>"
                        + "<p>The link works until " + html(expires) + " and only once. If you did not expect this"
                        + " invitation, ignore this e-mail.</p>");
        return new MailContent(f.recipient(), subject, text, html);
    }

    public static MailContent signIn(SignInFacts f) {
        String workspace = line(f.workspaceName());
        String expires = WHEN.format(f.expiresAt());
        String subject = "Your sign-in link for " + workspace + " on Rollcall";
        String text = "Sign in to the workspace \"" + workspace + "\" on Rollcall:\n" + f.signInUrl()
                + "\n\nThe link works once, until " + expires + ". If you did not ask for it, ignore this e-mail:"
                + " nobody can sign in without it.\n";
        String html = page(
                subject,
                "<p>Sign in to the workspace <strong>" + html(workspace)
                        + "</strong> on Rollcall.</p><p><a href=\"" + html(f.signInUrl()) + "\">Sign in</a></p>"
                        + "<p>The link works once, until " + html(expires) + ". If you did not ask for it, ignore this"
                        + " e-mail: nobody can sign in without it.</p>");
        return new MailContent(f.recipient(), subject, text, html);
    }

    /** One line of at most 120 characters: every control character (CR and LF included) becomes a space. */
    static String line(String raw) {
        if (raw == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(raw.length());
        raw.codePoints()
                .forEach(c -> out.appendCodePoint(Character.isISOControl(c) || c == 0x2028 || c == 0x2029 ? ' ' : c));
        String cleaned = out.toString().replaceAll(" {2,}", " ").trim();
        return cleaned.length() > MAX_NAME ? cleaned.substring(0, MAX_NAME) + "…" : cleaned;
    }

    static String html(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    private static String page(String title, String body) {
        return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + html(title) + "</title></head>"
                + "<body style=\"font-family:sans-serif\">" + body + "</body></html>";
    }
}

package io.rollcall.people;

import io.rollcall.application.signin.InviteLinks;
import io.rollcall.application.signin.LinkState;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Every HTML page of {@code /invite} and {@code /login}, in one place so they can be restyled together. All user data
 * (workspace, role and people's names, e-mail addresses) goes through {@link #escape}; pages carry no script and a
 * Content-Security-Policy that allows none, are never cached, and send a Referer only to Rollcall itself (their URLs
 * hold one-time tokens; not no-referrer, under which a browser posts their forms with "Origin: null").
 */
final class PeoplePages {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private PeoplePages() {}

    static Response invite(InviteLinks.InviteSummary invite, String ssoLoginPath, String acceptPath) {
        StringBuilder body = new StringBuilder();
        body.append("<h1>Join ")
                .append(escape(invite.workspaceName()))
                .append("</h1>")
                .append("<p>")
                .append(escape(invite.inviter()))
                .append(" invited <strong>")
                .append(escape(invite.email()))
                .append("</strong> to the workspace <strong>")
                .append(escape(invite.workspaceName()))
                .append("</strong> as <strong>")
                .append(escape(invite.roleName()))
                .append("</strong>.</p>")
                .append("<p>The invitation is valid until ")
                .append(escape(WHEN.format(invite.expiresAt())))
                .append(".</p>");
        if (invite.sso()) {
            body.append("<p>This workspace signs people in with its identity provider. Sign in as ")
                    .append(escape(invite.email()))
                    .append(" to accept.</p>")
                    .append("<p><a class=\"button\" href=\"")
                    .append(escape(ssoLoginPath))
                    .append("\">Continue with SSO</a></p>");
        } else {
            body.append("<form method=\"post\" action=\"")
                    .append(escape(acceptPath))
                    .append("\">")
                    .append("<button type=\"submit\">Accept and sign in</button></form>");
        }
        return page(200, "Join " + invite.workspaceName(), body.toString());
    }

    static Response inviteRefused(LinkState state) {
        String text =
                switch (state) {
                    case EXPIRED -> "This invitation has expired. Ask an owner of the workspace to resend it.";
                    case REVOKED ->
                        "This invitation was withdrawn. Ask an owner of the workspace if you should still join.";
                    case USED -> "This invitation was already accepted. Sign in instead.";
                    case SSO_REQUIRED ->
                        "This workspace signs people in with its identity provider: use \"Continue with"
                                + " SSO\" on the invitation page.";
                    default ->
                        "This invitation link is not valid. It may have been replaced by a newer e-mail: use the"
                                + " link in the latest one, or ask an owner to resend it.";
                };
        return page(
                status(state),
                "Invitation not available",
                "<h1>Invitation not available</h1><p>" + escape(text) + "</p><p><a href=\"" + escape(loginPath())
                        + "\">Sign in</a></p>");
    }

    static Response loginForm(String message, int status) {
        String note = message == null ? "" : "<p role=\"alert\">" + escape(message) + "</p>";
        return page(
                status,
                "Sign in to Rollcall",
                "<h1>Sign in</h1>" + note
                        + "<p>We will e-mail you a link that signs you in once, within 15 minutes.</p>"
                        + "<form method=\"post\" action=\"" + escape(loginPath() + "/email") + "\">"
                        + "<p><label>Workspace <input name=\"workspace\" required maxlength=\"63\"></label></p>"
                        + "<p><label>E-mail <input type=\"email\" name=\"email\" required maxlength=\"320\"></label></p>"
                        + "<p><button type=\"submit\">E-mail me a sign-in link</button></p></form>"
                        + "<p>If your workspace uses single sign-on, sign in through your identity provider instead.</p>");
    }

    static Response linkSent() {
        return page(200, "Check your e-mail", "<h1>Check your e-mail</h1><p>" + escape(EmailAnswer.MESSAGE) + "</p>");
    }

    static Response linkConfirm(String postPath) {
        return page(
                200,
                "Sign in to Rollcall",
                "<h1>Sign in</h1><form method=\"post\" action=\"" + escape(postPath)
                        + "\"><button type=\"submit\">Sign in</button></form>");
    }

    static Response linkRefused(LinkState state) {
        String text =
                switch (state) {
                    case EXPIRED -> "This sign-in link has expired (links work for 15 minutes). Ask for a new one.";
                    case USED -> "This sign-in link was already used. Ask for a new one.";
                    case SSO_REQUIRED ->
                        "This workspace requires single sign-on: sign in through your identity provider.";
                    case DEACTIVATED -> "Your membership in this workspace is deactivated. Ask an owner.";
                    default -> "This sign-in link is not valid. Ask for a new one.";
                };
        return page(
                status(state),
                "Sign-in link not available",
                "<h1>Sign-in link not available</h1><p>" + escape(text) + "</p><p><a href=\"" + escape(loginPath())
                        + "\">Ask for a new link</a></p>");
    }

    static Response error(int status, String message, String requestId) {
        return page(
                status,
                "Something is wrong",
                "<h1>Something is wrong</h1><p>" + escape(message) + "</p>"
                        + (requestId == null ? "" : "<p>Request id: <code>" + escape(requestId) + "</code></p>"));
    }

    static Response page(int status, String title, String body) {
        String html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + escape(title)
                + "</title><style>body{font-family:sans-serif;max-width:36em;margin:3em auto;padding:0 1em}"
                + "button,.button{font-size:1em;padding:.5em 1em}</style></head><body>" + body + "</body></html>";
        return Response.status(status)
                .type("text/html; charset=utf-8")
                .entity(html)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Referrer-Policy", "same-origin")
                .header(
                        "Content-Security-Policy",
                        "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'")
                .header("X-Frame-Options", "DENY")
                .build();
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    /** 404 for links that never existed, 410 for ones that did and are gone, 403 for refusals. */
    private static int status(LinkState state) {
        return switch (state) {
            case UNKNOWN -> 404;
            case EXPIRED, USED, REVOKED -> 410;
            case SSO_REQUIRED, DEACTIVATED -> 403;
        };
    }

    private static String loginPath() {
        return "/login";
    }
}

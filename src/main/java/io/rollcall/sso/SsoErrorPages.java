package io.rollcall.sso;

import io.rollcall.application.CommitFailures;
import io.rollcall.application.RequestIds;
import io.rollcall.application.sso.SsoFailure;
import io.rollcall.domain.shared.ConcurrentWriteConflict;
import jakarta.json.Json;
import jakarta.transaction.TransactionalException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every error of {@code /sso} as a small page for a person (HTML) or RFC 9457 problem details for a script ({@code
 * Accept: application/json} or {@code application/problem+json}): status, reason code, a message safe to show, the
 * request id. Registered only by the SSO application.
 */
public final class SsoErrorPages {

    private static final Logger LOG = Logger.getLogger(SsoErrorPages.class.getName());

    private SsoErrorPages() {}

    /** Login refusals, each with its own reason code; the status follows from the refusal's reason. */
    public static class Failures implements ExceptionMapper<SsoFailure> {
        @Context
        HttpHeaders headers;

        @Override
        public Response toResponse(SsoFailure e) {
            LOG.fine(() -> "SSO refused: " + e.code());
            return page(headers, status(e.reason()), e.code(), e.getMessage());
        }

        /**
         * The HTTP status of a refusal: 400 for what the browser sent wrong, 401 for an IdP answer that failed the
         * protocol checks, 403 for a person not let in, 404 without a connection, 409 for a conflict with the
         * workspace, 502 for an unreachable IdP, 503 for our own misconfiguration.
         */
        static int status(SsoFailure.Reason reason) {
            return switch (reason) {
                case LOGIN_STATE_MISSING, INVALID_RETURN_URL, SUBJECT_TOO_LONG, MALFORMED_RESPONSE -> 400;
                case RESPONSE_REJECTED -> 401;
                case EMAIL_NOT_VERIFIED, NOT_INVITED, DEACTIVATED -> 403;
                case NO_CONNECTION -> 404;
                case SUBJECT_MISMATCH, MEMBERSHIP_CONFLICT -> 409;
                case IDP_UNAVAILABLE -> 502;
                case SECRET_KEY_MISSING, SECRET_KEY_MISMATCH -> 503;
            };
        }
    }

    /** Unknown paths, wrong methods, unreadable forms. */
    public static class Web implements ExceptionMapper<WebApplicationException> {
        @Context
        HttpHeaders headers;

        @Override
        public Response toResponse(WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status >= 500) {
                return Fallback.internal(headers, e);
            }
            return switch (status) {
                case 404 -> page(headers, status, "not-found", "no such page");
                case 405 -> page(headers, status, "method-not-allowed", "this method is not allowed here");
                case 406 -> page(headers, status, "not-acceptable", "this page cannot answer in the requested type");
                case 415 ->
                    page(
                            headers,
                            status,
                            "unsupported-media-type",
                            "the request body has a type this" + " endpoint does not take");
                default -> page(headers, status, "bad-request", "the request could not be understood");
            };
        }
    }

    /**
     * Failures at commit arrive wrapped in a {@code TransactionalException}, for which Jersey ships a mapper that
     * re-throws (it beats {@link Fallback}'s {@code Throwable}): a lost race with a concurrent writer is a 409 the
     * person can retry; anything else is ours.
     */
    public static class Transactional implements ExceptionMapper<TransactionalException> {
        @Context
        HttpHeaders headers;

        @Override
        public Response toResponse(TransactionalException e) {
            return CommitFailures.lostToConcurrentWriter(e)
                    ? Fallback.concurrentLogin(headers, e)
                    : Fallback.internal(headers, e);
        }
    }

    /** Our bugs: generic page, the detail only in the log. */
    public static class Fallback implements ExceptionMapper<Throwable> {
        @Context
        HttpHeaders headers;

        @Override
        public Response toResponse(Throwable e) {
            // Two first logins of the same person at once: one created the member, the other lost the race.
            return e instanceof ConcurrentWriteConflict ? concurrentLogin(headers, e) : internal(headers, e);
        }

        static Response concurrentLogin(HttpHeaders headers, Throwable e) {
            LOG.log(Level.FINE, "concurrent login", e);
            return page(
                    headers,
                    409,
                    "concurrent-login",
                    "another login of the same account was completing at the same moment; please start the login"
                            + " again");
        }

        static Response internal(HttpHeaders headers, Throwable e) {
            LOG.log(Level.WARNING, "SSO internal error", e);
            return page(headers, 500, "internal-error", "something went wrong on our side; quote the request id");
        }
    }

    static Response page(HttpHeaders headers, int status, String code, String message) {
        return page(headers == null ? List.of() : headers.getAcceptableMediaTypes(), status, code, message);
    }

    static Response page(List<MediaType> acceptable, int status, String code, String message) {
        boolean json = acceptable.stream()
                .anyMatch(t -> (t.isCompatible(MediaType.APPLICATION_JSON_TYPE) || t.isCompatible(PROBLEM_JSON_TYPE))
                        && !t.isWildcardType());
        Document document = document(json, status, code, message);
        Response.ResponseBuilder builder = Response.status(status)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .type(document.mediaType())
                .entity(document.text());
        if (!json) {
            builder.header("Content-Security-Policy", "default-src 'none'");
        }
        return builder.build();
    }

    private static final MediaType PROBLEM_JSON_TYPE = MediaType.valueOf("application/problem+json");

    /** An error as it leaves {@code /sso}: its media type and text. */
    public record Document(String mediaType, String text) {}

    /**
     * The one error shape of {@code /sso}, for the JAX-RS mappers and for container-level errors alike. For a script
     * ({@code json}): RFC 9457 problem details with the admin API's members,
     * <pre>{"type":"https://rollcall.dev/problems/not-invited","title":"Forbidden","status":403,
     *  "detail":"you are not a member of this workspace yet; ask an owner for an invite","code":"not-invited",
     *  "requestId":"..."}</pre>
     * as {@code application/problem+json}; for a person, a small HTML page carrying the same detail, code and request
     * id.
     */
    public static Document document(boolean json, int status, String code, String message) {
        String requestId = RequestIds.current();
        if (json) {
            var body = Json.createObjectBuilder()
                    .add("type", "https://rollcall.dev/problems/" + code)
                    .add("title", title(status))
                    .add("status", status)
                    .add("detail", message)
                    .add("code", code);
            if (requestId != null) {
                body.add("requestId", requestId);
            }
            return new Document("application/problem+json", body.build().toString());
        }
        String html = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Sign-in failed</title></head><body>"
                + "<h1>Sign-in failed</h1><p>" + escape(message) + "</p><p>Reason: <code>" + escape(code)
                + "</code>" + (requestId == null ? "" : " · Request id: <code>" + escape(requestId) + "</code>")
                + "</p></body></html>";
        return new Document("text/html; charset=utf-8", html);
    }

    private static String title(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return known == null ? "Error" : known.getReasonPhrase();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}

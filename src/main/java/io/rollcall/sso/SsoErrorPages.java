package io.rollcall.sso;

import io.rollcall.application.sso.SsoFailure;
import io.rollcall.infrastructure.logging.RequestIds;
import jakarta.json.Json;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import io.rollcall.infrastructure.persistence.ConstraintViolations;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every error of {@code /sso} as a small page for a person (HTML) or JSON for a script ({@code Accept:
 * application/json}): status, reason code, a message safe to show, the request id. Registered only by the SSO
 * application.
 */
final class SsoErrorPages {

    private static final Logger LOG = Logger.getLogger(SsoErrorPages.class.getName());

    private SsoErrorPages() {
    }

    /** Login refusals, each with its own reason code. */
    public static class Failures implements ExceptionMapper<SsoFailure> {
        @Context
        HttpHeaders headers;

        @Override
        public Response toResponse(SsoFailure e) {
            LOG.fine(() -> "SSO refused: " + e.code());
            return page(headers, e.status(), e.code(), e.getMessage());
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
            return page(headers, status, status == 404 ? "not-found" : status == 405 ? "method-not-allowed"
                    : "bad-request", status == 404 ? "no such page" : "the request could not be understood");
        }
    }

    /** Our bugs: generic page, the detail only in the log. */
    public static class Fallback implements ExceptionMapper<Throwable> {
        @Context
        HttpHeaders headers;

        @Override
        public Response toResponse(Throwable e) {
            if (ConstraintViolations.causedBy(e)) {
                // Two first logins of the same person at once: one created the member, the other lost the race.
                LOG.log(Level.FINE, "concurrent login", e);
                return page(headers, 409, "concurrent-login", "another login of the same account was completing at"
                        + " the same moment; please start the login again");
            }
            return internal(headers, e);
        }

        static Response internal(HttpHeaders headers, Throwable e) {
            LOG.log(Level.WARNING, "SSO internal error", e);
            return page(headers, 500, "internal-error", "something went wrong on our side; quote the request id");
        }
    }

    static Response page(HttpHeaders headers, int status, String code, String message) {
        String requestId = RequestIds.current();
        boolean json = headers != null && headers.getAcceptableMediaTypes().stream()
                .anyMatch(t -> t.isCompatible(MediaType.APPLICATION_JSON_TYPE) && !t.isWildcardType());
        Response.ResponseBuilder builder = Response.status(status).header(HttpHeaders.CACHE_CONTROL, "no-store");
        if (json) {
            var body = Json.createObjectBuilder().add("status", status).add("code", code).add("message", message);
            if (requestId != null) {
                body.add("requestId", requestId);
            }
            return builder.type(MediaType.APPLICATION_JSON_TYPE).entity(body.build().toString()).build();
        }
        String html = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Sign-in failed</title></head><body>"
                + "<h1>Sign-in failed</h1><p>" + escape(message) + "</p><p>Reason: <code>" + escape(code)
                + "</code>" + (requestId == null ? "" : " · Request id: <code>" + escape(requestId) + "</code>")
                + "</p></body></html>";
        return builder.type("text/html; charset=utf-8").header("Content-Security-Policy", "default-src 'none'")
                .entity(html).build();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}

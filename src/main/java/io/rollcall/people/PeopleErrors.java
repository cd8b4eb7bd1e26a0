package io.rollcall.people;

import io.rollcall.application.CommitFailures;
import io.rollcall.application.RequestIds;
import io.rollcall.application.ratelimit.TooManyRequestsException;
import io.rollcall.domain.shared.ConcurrentWriteConflict;
import io.rollcall.domain.shared.ConflictException;
import io.rollcall.domain.shared.DomainException;
import io.rollcall.domain.shared.ForbiddenException;
import io.rollcall.domain.shared.InvalidInputException;
import io.rollcall.domain.shared.NotFoundException;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.transaction.TransactionalException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Errors of {@code /invite} and {@code /login}: a page for a person, or {@code {status, code, message, requestId}}
 * JSON for a script (an {@code Accept} or body of {@code application/json}). Never a stack trace or class name.
 */
final class PeopleErrors {

    private static final Logger LOG = Logger.getLogger(PeopleErrors.class.getName());

    private PeopleErrors() {}

    /** 429 with {@code Retry-After} in seconds. */
    public static class RateLimited implements ExceptionMapper<TooManyRequestsException> {
        @Context
        HttpHeaders headers;

        @Override
        public Response toResponse(TooManyRequestsException e) {
            String message = "Too many sign-in requests. Try again in " + e.retryAfterSeconds() + " seconds.";
            Response base = json(headers) ? json(429, e.code(), message) : PeoplePages.loginForm(message, 429);
            return Response.fromResponse(base)
                    .header("Retry-After", Long.toString(e.retryAfterSeconds()))
                    .build();
        }
    }

    /** The client's mistakes and refusals, with their own message. */
    public static class Domain implements ExceptionMapper<DomainException> {
        @Context
        HttpHeaders headers;

        @Override
        public Response toResponse(DomainException e) {
            if (e instanceof ConcurrentWriteConflict) {
                // Persistence translated a unique-key race (two accepts of the same invite, say) into this type.
                LOG.fine("concurrent people request");
                String message = "Another request for the same person was completing at the same moment. Go back and"
                        + " try again.";
                return json(headers)
                        ? json(409, "concurrent-request", message)
                        : PeoplePages.error(409, message, RequestIds.current());
            }
            int status = e instanceof InvalidInputException
                    ? 400
                    : e instanceof ForbiddenException
                            ? 403
                            : e instanceof NotFoundException ? 404 : e instanceof ConflictException ? 409 : 400;
            LOG.fine(() -> "people page refused: " + e.code());
            if (json(headers)) {
                return json(status, e.code(), e.getMessage());
            }
            return e instanceof InvalidInputException
                    ? PeoplePages.loginForm(e.getMessage(), 400)
                    : PeoplePages.error(status, e.getMessage(), RequestIds.current());
        }
    }

    /** Unknown paths, wrong methods, unreadable bodies. */
    public static class Web implements ExceptionMapper<WebApplicationException> {
        @Context
        HttpHeaders headers;

        @Override
        public Response toResponse(WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status >= 500) {
                return Fallback.internal(headers, e);
            }
            String message = status == 404
                    ? "There is no such page."
                    : status == 405
                            ? "This page cannot be used" + " that way."
                            : status == 415 ? "Send a form or JSON." : "The request could not be understood.";
            return json(headers)
                    ? json(status, status == 404 ? "not-found" : "bad-request", message)
                    : PeoplePages.error(status, message, RequestIds.current());
        }
    }

    /**
     * Failures at commit arrive wrapped in a {@code TransactionalException}, for which Jersey ships a mapper that
     * re-throws (it beats {@link Fallback}'s {@code Throwable}): a lost race with a concurrent writer is a 409 the
     * person can retry, a refusal keeps its own answer ({@link Domain}), anything else is ours.
     */
    public static class Transactional implements ExceptionMapper<TransactionalException> {
        @Context
        HttpHeaders headers;

        @Override
        public Response toResponse(TransactionalException e) {
            if (CommitFailures.lostToConcurrentWriter(e)) {
                return domain(new ConcurrentWriteConflict());
            }
            return CommitFailures.domainCause(e).map(this::domain).orElseGet(() -> Fallback.internal(headers, e));
        }

        private Response domain(DomainException refusal) {
            Domain mapper = new Domain();
            mapper.headers = headers;
            return mapper.toResponse(refusal);
        }
    }

    /** Our bugs: a generic page, the detail only in the log. */
    public static class Fallback implements ExceptionMapper<Throwable> {
        @Context
        HttpHeaders headers;

        @Override
        public Response toResponse(Throwable e) {
            return internal(headers, e);
        }

        static Response internal(HttpHeaders headers, Throwable e) {
            LOG.log(Level.WARNING, "people page internal error", e);
            String message = "Something went wrong on our side. Quote the request id if you contact support.";
            return json(headers)
                    ? json(500, "internal-error", message)
                    : PeoplePages.error(500, message, RequestIds.current());
        }
    }

    static boolean json(HttpHeaders headers) {
        if (headers == null) {
            return false;
        }
        MediaType type = headers.getMediaType();
        return type != null && type.isCompatible(MediaType.APPLICATION_JSON_TYPE)
                || headers.getAcceptableMediaTypes().stream()
                        .anyMatch(t -> t.isCompatible(MediaType.APPLICATION_JSON_TYPE) && !t.isWildcardType());
    }

    static Response json(int status, String code, String message) {
        JsonObjectBuilder body = Json.createObjectBuilder()
                .add("status", status)
                .add("code", code)
                .add("message", message);
        String requestId = RequestIds.current();
        if (requestId != null) {
            body.add("requestId", requestId);
        }
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .entity(body.build().toString())
                .build();
    }
}

package io.rollcall.admin;

import io.rollcall.domain.shared.DomainException;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.TransactionalException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every error of the admin API leaves as problem details. Client mistakes get a precise message; anything else gets a
 * generic one with the request id, and the detail goes to the log only. Registered by the admin application alone, so
 * it never answers for SCIM.
 */
final class ExceptionMappers {

    private static final Logger LOG = Logger.getLogger(ExceptionMappers.class.getName());

    private ExceptionMappers() {}

    /** Domain refusals: 400/401/403/404/409/412. */
    public static class Domain implements ExceptionMapper<DomainException> {
        @Override
        public Response toResponse(DomainException e) {
            LOG.fine(() -> "refused: " + e.code() + ": " + e.getMessage());
            return ProblemResponses.of(e);
        }
    }

    /** JAX-RS's own errors: unknown path, wrong method, unsupported media type, unreadable body. */
    public static class Web implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status >= 500) {
                return Fallback.internal(e);
            }
            if (e.getResponse().hasEntity()) {
                // Already a problem-details answer, e.g. from StrictJsonBodies.
                return e.getResponse();
            }
            Throwable cause = e.getCause();
            if (status == 400
                    && (cause instanceof JsonbException
                            || cause instanceof JsonException
                            || cause instanceof ProcessingException)) {
                return malformedJson();
            }
            String reason = e.getResponse().getStatusInfo().getReasonPhrase();
            String code =
                    switch (status) {
                        case 404 -> "not-found";
                        case 405 -> "method-not-allowed";
                        case 406 -> "not-acceptable";
                        case 415 -> "unsupported-media-type";
                        default -> "bad-request";
                    };
            String detail =
                    switch (status) {
                        case 404 -> "no such resource";
                        case 405 -> "this method is not allowed on this resource";
                        case 415 -> "the request body must be application/json";
                        case 406 -> "this resource answers with application/json only";
                        default -> "the request could not be understood";
                    };
            return ProblemResponses.of(status, reason, code, detail);
        }
    }

    /** A body refused by the strict reader outside an entity parameter. */
    public static class BodyRejected implements ExceptionMapper<StrictJsonBodies.Rejected> {
        @Override
        public Response toResponse(StrictJsonBodies.Rejected e) {
            return e.response();
        }
    }

    /** A body that is not the JSON the resource expects. */
    public static class MalformedJson implements ExceptionMapper<JsonbException> {
        @Override
        public Response toResponse(JsonbException e) {
            return malformedJson();
        }
    }

    /** JSON-P parse errors (PATCH bodies). */
    public static class MalformedJsonP implements ExceptionMapper<JsonException> {
        @Override
        public Response toResponse(JsonException e) {
            return malformedJson();
        }
    }

    /**
     * Jersey reports a body JSON-B cannot read as a ProcessingException caused by a JSON error: the client's mistake.
     * Any other provider failure (for example while writing a response) is ours.
     */
    public static class Processing implements ExceptionMapper<ProcessingException> {
        @Override
        public Response toResponse(ProcessingException e) {
            if (Fallback.find(e, JsonbException.class) != null || Fallback.find(e, JsonException.class) != null) {
                return malformedJson();
            }
            return Fallback.internal(e);
        }
    }

    /** Two writers changed the same row: the loser gets 409 and may retry. */
    public static class OptimisticLock implements ExceptionMapper<OptimisticLockException> {
        @Override
        public Response toResponse(OptimisticLockException e) {
            return ProblemResponses.of(
                    409,
                    "Conflict",
                    "concurrent-change",
                    "the resource was changed by another request at the same time; retry");
        }
    }

    /**
     * Failures at commit (an optimistic lock lost to a concurrent writer, a refusal raised while flushing) arrive
     * wrapped in a {@link TransactionalException}. Jersey ships a mapper for exactly that type which re-throws, and an
     * exact-type mapper beats {@link Fallback}'s {@code Throwable}: without this one, two concurrent {@code PATCH}es of
     * one group were a 500 for the loser instead of 409 {@code concurrent-change}.
     */
    public static class Transactional implements ExceptionMapper<TransactionalException> {
        @Override
        public Response toResponse(TransactionalException e) {
            return new Fallback().toResponse(e);
        }
    }

    /** Anything else is ours: generic message with the request id, full detail in the log. */
    public static class Fallback implements ExceptionMapper<Throwable> {
        @Override
        public Response toResponse(Throwable e) {
            try {
                return classify(e);
            } catch (RuntimeException mapperFailure) {
                e.addSuppressed(mapperFailure);
                return internal(e);
            }
        }

        private static Response classify(Throwable e) {
            DomainException domain = find(e, DomainException.class);
            if (domain != null) {
                return ProblemResponses.of(domain);
            }
            if (find(e, OptimisticLockException.class) != null) {
                return ProblemResponses.of(
                        409,
                        "Conflict",
                        "concurrent-change",
                        "the resource was changed by another request at the same time; retry");
            }
            return internal(e);
        }

        static Response internal(Throwable e) {
            LOG.log(Level.WARNING, "internal error", e);
            return ProblemResponses.of(
                    500,
                    "Internal Server Error",
                    "internal-error",
                    "an internal error occurred; quote the request id when reporting it");
        }

        /** The first throwable of {@code type} in the cause chain (bounded: some libraries build cyclic chains). */
        static <T extends Throwable> T find(Throwable e, Class<T> type) {
            Throwable current = e;
            for (int depth = 0; current != null && depth < 50; depth++, current = current.getCause()) {
                if (type.isInstance(current)) {
                    return type.cast(current);
                }
            }
            return null;
        }
    }

    private static Response malformedJson() {
        return ProblemResponses.of(
                400, "Bad Request", "malformed-json", "the request body is not valid JSON of the expected shape");
    }
}

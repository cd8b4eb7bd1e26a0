package io.rollcall.scim;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.rollcall.application.scim.ScimProblem;
import io.rollcall.domain.shared.ConcurrentWriteConflict;
import io.rollcall.domain.shared.ConflictException;
import io.rollcall.domain.shared.ForbiddenException;
import io.rollcall.domain.shared.InvalidInputException;
import io.rollcall.domain.shared.NotFoundException;
import io.rollcall.domain.shared.PreconditionFailedException;
import io.rollcall.domain.shared.UnauthenticatedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one place where anything thrown under {@code /scim/v2} becomes a SCIM error body. Client mistakes get a precise
 * message; our failures get a generic one with the request id, and the log gets the detail. Registered only in
 * {@code io.rollcall.app.ScimApplication}, so the admin API keeps its problem details.
 */
public class ScimExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ScimExceptionMapper.class.getName());

    @Override
    public Response toResponse(Throwable thrown) {
        Response response = map(thrown);
        if (response.getStatus() >= 500) {
            LOG.log(Level.WARNING, "SCIM request failed", thrown);
        } else {
            LOG.log(Level.FINE, "SCIM request refused: {0}", thrown.toString());
        }
        return response;
    }

    private Response map(Throwable thrown) {
        if (thrown instanceof ScimProblem p) {
            return ScimErrors.response(p.status(), p.scimType(), p.getMessage());
        }
        if (thrown instanceof NotFoundException e) {
            return ScimErrors.response(404, null, e.getMessage());
        }
        if (thrown instanceof ConcurrentWriteConflict) {
            return ScimErrors.response(409, ScimProblem.UNIQUENESS, "a resource with this unique value exists");
        }
        if (thrown instanceof ConflictException e) {
            String scimType = "uniqueness".equals(e.code()) ? ScimProblem.UNIQUENESS : null;
            return ScimErrors.response(409, scimType, e.getMessage());
        }
        if (thrown instanceof InvalidInputException e) {
            return ScimErrors.response(400, ScimProblem.INVALID_VALUE, e.getMessage());
        }
        if (thrown instanceof PreconditionFailedException e) {
            return ScimErrors.response(412, null, e.getMessage());
        }
        if (thrown instanceof UnauthenticatedException e) {
            return ScimAuthFilter.unauthorized(e.getMessage());
        }
        if (thrown instanceof ForbiddenException e) {
            return ScimErrors.response(403, null, e.getMessage());
        }
        if (thrown instanceof JsonProcessingException) {
            return ScimErrors.response(400, ScimProblem.INVALID_SYNTAX, "the request body is not valid JSON");
        }
        if (thrown instanceof WebApplicationException e) {
            int status = e.getResponse().getStatus();
            return ScimErrors.response(
                    status,
                    null,
                    status >= 500
                            ? "internal error"
                            : Response.Status.Family.familyOf(status) == Response.Status.Family.CLIENT_ERROR
                                    ? reasonOf(status)
                                    : null);
        }
        Throwable cause = rootCauseOfInterest(thrown);
        if (cause instanceof OptimisticLockException) {
            return ScimErrors.response(412, null, "the resource was changed by another request; read it again");
        }
        if (cause instanceof SQLIntegrityConstraintViolationException) {
            return ScimErrors.response(409, ScimProblem.UNIQUENESS, "a resource with this unique value exists");
        }
        if (cause instanceof ScimProblem || cause instanceof io.rollcall.domain.shared.DomainException) {
            return map(cause);
        }
        return ScimErrors.response(500, null, "internal error");
    }

    private static String reasonOf(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return known == null ? "request refused" : known.getReasonPhrase().toLowerCase(java.util.Locale.ROOT);
    }

    /** Transactions wrap what went wrong at commit; look through the wrappers for a cause we can name. */
    private static Throwable rootCauseOfInterest(Throwable thrown) {
        Throwable current = thrown;
        for (int depth = 0; current != null && depth < 12; depth++) {
            if (current instanceof OptimisticLockException
                    || current instanceof SQLIntegrityConstraintViolationException
                    || current instanceof ScimProblem
                    || current instanceof io.rollcall.domain.shared.DomainException) {
                return current;
            }
            if (current instanceof java.sql.SQLException sql
                    && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("23")) {
                return new SQLIntegrityConstraintViolationException(sql.getMessage());
            }
            if (current.getClass().getName().equals("org.eclipse.persistence.exceptions.OptimisticLockException")) {
                return new OptimisticLockException();
            }
            current = current.getCause();
        }
        return thrown;
    }
}

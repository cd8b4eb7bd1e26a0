package io.rollcall.admin;

import io.rollcall.application.RequestIds;
import io.rollcall.domain.shared.ConflictException;
import io.rollcall.domain.shared.DomainException;
import io.rollcall.domain.shared.ForbiddenException;
import io.rollcall.domain.shared.InvalidInputException;
import io.rollcall.domain.shared.NotFoundException;
import io.rollcall.domain.shared.PreconditionFailedException;
import io.rollcall.domain.shared.UnauthenticatedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** Builds problem-details responses; the one place that decides which domain error is which HTTP status. */
final class ProblemResponses {

    private ProblemResponses() {}

    static Response of(DomainException e) {
        int status;
        String title;
        if (e instanceof NotFoundException) {
            status = 404;
            title = "Not Found";
        } else if (e instanceof ConflictException) {
            status = 409;
            title = "Conflict";
        } else if (e instanceof ForbiddenException) {
            status = 403;
            title = "Forbidden";
        } else if (e instanceof InvalidInputException) {
            status = 400;
            title = "Bad Request";
        } else if (e instanceof UnauthenticatedException) {
            status = 401;
            title = "Unauthorized";
        } else if (e instanceof PreconditionFailedException) {
            status = 412;
            title = "Precondition Failed";
        } else {
            status = 400;
            title = "Bad Request";
        }
        String field = e instanceof InvalidInputException invalid ? invalid.field() : null;
        Response.ResponseBuilder builder = Response.status(status)
                .entity(Problem.of(status, title, e.code(), e.getMessage(), field, RequestIds.current()))
                .type(Problem.MEDIA_TYPE);
        if (status == 401) {
            builder.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"rollcall\"");
        }
        return builder.build();
    }

    static Response of(int status, String title, String code, String detail) {
        return Response.status(status)
                .entity(Problem.of(status, title, code, detail, null, RequestIds.current()))
                .type(Problem.MEDIA_TYPE)
                .build();
    }
}

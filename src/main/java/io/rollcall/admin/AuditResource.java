package io.rollcall.admin;

import io.rollcall.application.AuditQueryService;
import io.rollcall.application.PageRequest;
import io.rollcall.domain.shared.InvalidInputException;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A workspace's audit log, newest first, filtered by {@code actor} (id) or {@code actorEmail} (a person's e-mail),
 * {@code action}, {@code since} (inclusive) and {@code until} (exclusive), both ISO-8601 instants.
 */
@Tag(name = "audit-events", description = "The audit log of a workspace")
@Path("/v1/workspaces/{ws}/audit-events")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    @Inject
    AuditQueryService audit;

    @Inject
    CallerContext caller;

    @Operation(
            operationId = "listAuditEvents",
            summary = "List audit events, newest first, filtered by actor (id or e-mail), action and time range")
    @GET
    public Views.PageView<Views.AuditEventView> list(
            @PathParam("ws") String ws,
            @Parameter(description = "The actor's id (an account, member, SCIM token or system id)")
                    @QueryParam("actor")
                    String actor,
            @Parameter(
                            description =
                                    "The actor's e-mail: events by that person's account and by their member in this"
                                            + " workspace (SSO). Not together with actor.",
                            example = "ada@example.com")
                    @QueryParam("actorEmail")
                    String actorEmail,
            @QueryParam("action") String action,
            @QueryParam("since") String since,
            @QueryParam("until") String until,
            @QueryParam("page") String page,
            @QueryParam("size") String size) {
        PageRequest request = PageRequest.of(page, size);
        var filter =
                new AuditQueryService.Filter(actor, actorEmail, action, parse("since", since), parse("until", until));
        return Views.PageView.of(audit.search(caller.caller(), ws, filter, request), request, Views.AuditEventView::of);
    }

    private static Instant parse(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(
                    name, "'" + name + "' must be an ISO-8601 instant such as" + " 2026-01-31T12:00:00Z");
        }
    }
}

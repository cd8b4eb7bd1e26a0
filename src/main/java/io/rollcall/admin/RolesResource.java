package io.rollcall.admin;

import io.rollcall.application.RoleService;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Preset and custom roles of a workspace. */
@Tag(name = "roles", description = "Preset and custom roles")
@Path("/v1/workspaces/{ws}/roles")
@Produces(MediaType.APPLICATION_JSON)
public class RolesResource {

    @Inject
    RoleService roles;

    @Inject
    CallerContext caller;

    @Operation(operationId = "listRoles", summary = "List preset and custom roles")
    @GET
    public List<Views.RoleView> list(@PathParam("ws") String ws) {
        return roles.list(caller.caller(), ws).stream().map(Views.RoleView::of).toList();
    }

    @Operation(operationId = "createRole", summary = "Create a custom role")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "RoleView")))
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@PathParam("ws") String ws, Requests.CreateRole body) {
        Requests.required(body);
        var role = roles.create(caller.caller(), ws, body.id(), body.name(), body.description(), body.permissions());
        return Response.created(URI.create("/api/v1/workspaces/" + ws + "/roles/" + role.id()))
                .entity(Views.RoleView.of(role))
                .build();
    }

    @Operation(operationId = "getRole", summary = "Read a role")
    @GET
    @Path("/{id}")
    public Views.RoleView get(@PathParam("ws") String ws, @PathParam("id") String id) {
        return Views.RoleView.of(roles.get(caller.caller(), ws, id));
    }

    /** {@code {name?, description?, permissions?}} */
    @Operation(operationId = "updateRole", summary = "Change a custom role")
    @RequestBody(
            content =
                    @Content(
                            mediaType = "application/json",
                            schema =
                                    @Schema(
                                            type = SchemaType.OBJECT,
                                            properties = {
                                                @SchemaProperty(name = "name", type = SchemaType.STRING),
                                                @SchemaProperty(name = "description", type = SchemaType.STRING),
                                                @SchemaProperty(
                                                        name = "permissions",
                                                        type = SchemaType.ARRAY,
                                                        implementation = String.class)
                                            })))
    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Views.RoleView update(@PathParam("ws") String ws, @PathParam("id") String id, JsonObject body) {
        Requests.onlyKnown(body, Set.of("name", "description", "permissions"));
        var changes = new RoleService.Changes(
                Requests.string(body, "name"),
                Requests.string(body, "description"),
                Requests.strings(body, "permissions"));
        return Views.RoleView.of(roles.update(caller.caller(), ws, id, changes));
    }

    @Operation(operationId = "deleteRole", summary = "Delete a custom role")
    @APIResponse(responseCode = "204", description = "Done; no body")
    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("ws") String ws, @PathParam("id") String id) {
        roles.delete(caller.caller(), ws, id);
        return Response.noContent().build();
    }
}

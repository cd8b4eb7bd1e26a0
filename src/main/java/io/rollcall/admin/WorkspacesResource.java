package io.rollcall.admin;

import io.rollcall.application.WorkspaceService;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
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
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Workspaces the caller belongs to; creating one makes the caller its owner. */
@Tag(name = "workspaces", description = "Workspaces (tenants)")
@Path("/v1/workspaces")
@Produces(MediaType.APPLICATION_JSON)
public class WorkspacesResource {

    @Inject
    WorkspaceService workspaces;

    @Inject
    CallerContext caller;

    @Operation(operationId = "listWorkspaces", summary = "The workspaces the caller is a member of")
    @GET
    public List<Views.WorkspaceView> list() {
        return workspaces.listMine(caller.caller()).stream()
                .map(Views.WorkspaceView::of)
                .toList();
    }

    @Operation(operationId = "createWorkspace", summary = "Create a workspace; the caller becomes its owner")
    @RequestBody(
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(ref = "CreateWorkspace"),
                            examples =
                                    @ExampleObject(
                                            name = "example",
                                            value = "{\"id\":\"acme\",\"name\":\"Acme Inc.\"}")))
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "WorkspaceView")))
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(Requests.CreateWorkspace body) {
        Requests.required(body);
        var created = workspaces.create(caller.caller(), body.id(), body.name());
        return Response.created(URI.create("/api/v1/workspaces/" + created.id()))
                .entity(Views.WorkspaceView.of(created))
                .build();
    }

    @Operation(operationId = "getWorkspace", summary = "Read a workspace")
    @GET
    @Path("/{ws}")
    public Views.WorkspaceView get(@PathParam("ws") String ws) {
        return Views.WorkspaceView.of(workspaces.get(caller.caller(), ws));
    }

    /** {@code {name?, jit?: {enabled?, domains?, role?}, scim?: {defaultRole?}, sso?: {required?}}}; sso is owner-only */
    @Operation(operationId = "updateWorkspace", summary = "Rename a workspace or change its JIT, SCIM or SSO settings")
    @RequestBody(
            content =
                    @Content(
                            mediaType = "application/json",
                            schema =
                                    @Schema(
                                            type = SchemaType.OBJECT,
                                            properties = {
                                                @SchemaProperty(name = "name", type = SchemaType.STRING),
                                                @SchemaProperty(name = "jit", type = SchemaType.OBJECT),
                                                @SchemaProperty(name = "scim", type = SchemaType.OBJECT),
                                                @SchemaProperty(name = "sso", type = SchemaType.OBJECT)
                                            })))
    @PATCH
    @Path("/{ws}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Views.WorkspaceView update(@PathParam("ws") String ws, JsonObject body) {
        Requests.onlyKnown(body, Set.of("name", "jit", "scim", "sso"));
        JsonObject sso = Requests.object(body, "sso");
        if (sso != null) {
            Requests.onlyKnown(sso, Set.of("required"));
        }
        JsonObject jit = Requests.object(body, "jit");
        if (jit != null) {
            Requests.onlyKnown(jit, Set.of("enabled", "domains", "role"));
        }
        JsonObject scim = Requests.object(body, "scim");
        if (scim != null) {
            Requests.onlyKnown(scim, Set.of("defaultRole"));
        }
        var changes = new WorkspaceService.Changes(
                Requests.string(body, "name"),
                jit == null ? null : Requests.bool(jit, "enabled"),
                jit == null ? null : Requests.strings(jit, "domains"),
                jit == null ? null : Requests.string(jit, "role"),
                scim == null ? null : Requests.string(scim, "defaultRole"),
                sso == null ? null : Requests.bool(sso, "required"));
        return Views.WorkspaceView.of(workspaces.update(caller.caller(), ws, changes));
    }
}

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

/** Workspaces the caller belongs to; creating one makes the caller its owner. */
@Path("/v1/workspaces")
@Produces(MediaType.APPLICATION_JSON)
public class WorkspacesResource {

    @Inject
    WorkspaceService workspaces;
    @Inject
    CallerContext caller;

    @GET
    public List<Views.WorkspaceView> list() {
        return workspaces.listMine(caller.caller()).stream().map(Views.WorkspaceView::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(Requests.CreateWorkspace body) {
        Requests.required(body);
        var created = workspaces.create(caller.caller(), body.id(), body.name());
        return Response.created(URI.create("/api/v1/workspaces/" + created.id()))
                .entity(Views.WorkspaceView.of(created)).build();
    }

    @GET
    @Path("/{ws}")
    public Views.WorkspaceView get(@PathParam("ws") String ws) {
        return Views.WorkspaceView.of(workspaces.get(caller.caller(), ws));
    }

    /** {@code {name?, jit?: {enabled?, domains?, role?}, scim?: {defaultRole?}, sso?: {required?}}}; sso is owner-only */
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
        var changes = new WorkspaceService.Changes(Requests.string(body, "name"),
                jit == null ? null : Requests.bool(jit, "enabled"),
                jit == null ? null : Requests.strings(jit, "domains"),
                jit == null ? null : Requests.string(jit, "role"),
                scim == null ? null : Requests.string(scim, "defaultRole"),
                sso == null ? null : Requests.bool(sso, "required"));
        return Views.WorkspaceView.of(workspaces.update(caller.caller(), ws, changes));
    }
}

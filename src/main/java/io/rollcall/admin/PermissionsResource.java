package io.rollcall.admin;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The permission catalogue. */
@Tag(name = "permissions", description = "The fixed permission catalogue")
@Path("/v1/permissions")
@Produces(MediaType.APPLICATION_JSON)
public class PermissionsResource {

    @Operation(operationId = "listPermissions", summary = "The permission catalogue")
    @GET
    public List<Views.PermissionView> list() {
        return Arrays.stream(io.rollcall.domain.rbac.Permission.values())
                .map(Views.PermissionView::of)
                .toList();
    }
}

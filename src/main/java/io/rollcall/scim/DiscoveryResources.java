package io.rollcall.scim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rollcall.application.scim.ScimProblem;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Optional;

/**
 * {@code /Schemas} and {@code /ResourceTypes} (RFC 7644 section 4) from {@link PublishedSchemas}, written as JSON
 * trees by {@link ScimJsonWriter} like every other SCIM answer, whatever the Accept header (SCIMple's resources left
 * {@code Accept: application/json} to JSON-B, which failed on its schema classes with a 500).
 */
public final class DiscoveryResources {

    private DiscoveryResources() {}

    /** {@code /Schemas}, {@code /Schemas/{urn}}. */
    @Path("Schemas")
    @RequestScoped
    @Produces({ScimMediaTypes.SCIM_JSON, MediaType.APPLICATION_JSON})
    public static class Schemas {

        @GET
        public Response list(@QueryParam("filter") String filter, @Context UriInfo uri) {
            return DiscoveryResources.list(filter, PublishedSchemas.schemas(ScimUris.base(uri)));
        }

        @GET
        @Path("{id}")
        public Response get(@PathParam("id") String id, @Context UriInfo uri) {
            return DiscoveryResources.one(PublishedSchemas.schema(id, ScimUris.base(uri)), "schema", id);
        }
    }

    /** {@code /ResourceTypes}, {@code /ResourceTypes/{name}}. */
    @Path("ResourceTypes")
    @RequestScoped
    @Produces({ScimMediaTypes.SCIM_JSON, MediaType.APPLICATION_JSON})
    public static class ResourceTypes {

        @GET
        public Response list(@QueryParam("filter") String filter, @Context UriInfo uri) {
            return DiscoveryResources.list(filter, PublishedSchemas.resourceTypes(ScimUris.base(uri)));
        }

        @GET
        @Path("{id}")
        public Response get(@PathParam("id") String id, @Context UriInfo uri) {
            return DiscoveryResources.one(PublishedSchemas.resourceType(id, ScimUris.base(uri)), "resource type", id);
        }
    }

    /** RFC 7644 section 4: discovery lists are not filtered; a filter SHOULD get 403. */
    private static Response list(String filter, List<ObjectNode> resources) {
        if (filter != null) {
            throw new ScimProblem(403, null, "filtering is not supported on discovery endpoints");
        }
        return Response.ok(ListResponses.of(resources, resources.size(), 1))
                .type(ScimMediaTypes.SCIM_JSON)
                .build();
    }

    private static Response one(Optional<ObjectNode> resource, String what, String id) {
        return Response.ok(resource.orElseThrow(() -> new ScimProblem(404, null, "no " + what + " '" + id + "'")))
                .type(ScimMediaTypes.SCIM_JSON)
                .build();
    }
}

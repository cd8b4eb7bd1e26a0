package io.rollcall.scim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.apache.directory.scim.server.configuration.ServerConfiguration;
import org.apache.directory.scim.spec.schema.ServiceProviderConfiguration.AuthenticationSchema;

/**
 * {@code /ServiceProviderConfig} (RFC 7643 section 5) rendered from our {@link ServerConfiguration}; replaces
 * SCIMple's resource, whose M1 meta carries zone-less "now" timestamps.
 */
@Path("ServiceProviderConfig")
@RequestScoped
@Produces({ScimMediaTypes.SCIM_JSON, MediaType.APPLICATION_JSON})
public class ServiceProviderConfigResource {

    static final String SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig";

    private final ServerConfiguration configuration;

    @Inject
    public ServiceProviderConfigResource(ServerConfiguration configuration) {
        this.configuration = configuration;
    }

    /** For CDI proxies only. */
    protected ServiceProviderConfigResource() {
        this(null);
    }

    @GET
    public Response get(@Context UriInfo uri) {
        return Response.ok(render(configuration, ScimUris.base(uri)))
                .type(ScimMediaTypes.SCIM_JSON)
                .build();
    }

    static ObjectNode render(ServerConfiguration c, String base) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode config = json.objectNode();
        config.putArray("schemas").add(SCHEMA);
        config.put("documentationUri", c.getDocumentationUri());
        config.putObject("patch").put("supported", c.getPatchConfiguration().isSupported());
        config.putObject("bulk")
                .put("supported", c.getBulkConfiguration().isSupported())
                .put("maxOperations", c.getBulkConfiguration().getMaxOperations())
                .put("maxPayloadSize", c.getBulkConfiguration().getMaxPayloadSize());
        config.putObject("filter")
                .put("supported", c.getFilterConfiguration().isSupported())
                .put("maxResults", c.getFilterConfiguration().getMaxResults());
        // RFC 9865 section 4: both paging methods, index by default.
        config.putObject("pagination")
                .put("cursor", true)
                .put("index", true)
                .put("defaultPaginationMethod", "index")
                .put("defaultPageSize", ListParams.DEFAULT_COUNT)
                .put("maxPageSize", ListParams.MAX_RESULTS);
        config.putObject("changePassword")
                .put("supported", c.getChangePasswordConfiguration().isSupported());
        config.putObject("sort").put("supported", c.getSortConfiguration().isSupported());
        config.putObject("etag").put("supported", c.getEtagConfiguration().isSupported());
        ArrayNode schemes = config.putArray("authenticationSchemes");
        boolean first = true;
        for (AuthenticationSchema scheme : c.getAuthenticationSchemas()) {
            ObjectNode node = schemes.addObject()
                    .put("type", scheme.getType().toString())
                    .put("name", scheme.getName())
                    .put("description", scheme.getDescription())
                    .put("specUri", scheme.getSpecUri())
                    .put("documentationUri", scheme.getDocumentationUri())
                    .put("primary", first);
            first = node == null && first;
        }
        config.putObject("meta")
                .put("resourceType", "ServiceProviderConfig")
                .put("location", base + "ServiceProviderConfig");
        return config;
    }
}

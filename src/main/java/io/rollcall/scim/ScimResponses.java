package io.rollcall.scim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.function.Function;

/** The two answers every SCIM resource endpoint gives: one resource, or one page of a list. */
final class ScimResponses {

    private ScimResponses() {}

    /**
     * One resource as {@code application/scim+json}, with its ETag (RFC 7644 section 3.14) and {@code Location}
     * (section 3.3), both from the rendering's {@code meta}.
     */
    static Response resource(Response.ResponseBuilder builder, ObjectNode rendered, long version, URI location) {
        return builder.entity(rendered)
                .type(ScimMediaTypes.SCIM_JSON)
                .tag(ETags.tag(version))
                .location(location)
                .build();
    }

    /**
     * A ListResponse (RFC 7644 section 3.4.2) of {@code items}, each rendered and projected as {@code params} asks;
     * {@code id} gives the keyset for cursor paging.
     */
    static <T> Response list(
            ListParams params, List<T> items, long total, Function<T, ObjectNode> render, Function<T, String> id) {
        return Response.ok(ListResponses.of(
                        params,
                        items.stream()
                                .map(v -> params.projection().apply(render.apply(v)))
                                .toList(),
                        items.stream().map(id).toList(),
                        total))
                .type(ScimMediaTypes.SCIM_JSON)
                .build();
    }
}

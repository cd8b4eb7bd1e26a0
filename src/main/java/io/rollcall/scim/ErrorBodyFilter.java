package io.rollcall.scim;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;

/**
 * Gives a SCIM error body to error responses that have none (SCIMple's discovery resources answer a bare 404 for an
 * unknown schema or resource type), so that every SCIM error a client sees has the RFC 7644 section 3.12 shape.
 */
public class ErrorBodyFilter implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() >= 400 && !response.hasEntity()) {
            String detail = response.getStatus() == 404 ? "not found" : "request refused";
            response.setEntity(
                    ScimErrors.body(response.getStatus(), null, detail), null, ScimMediaTypes.SCIM_JSON_TYPE);
        }
    }
}

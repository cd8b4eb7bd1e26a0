package io.rollcall.scim;

import jakarta.ws.rs.core.UriInfo;

/** Absolute SCIM URIs, built from the request's base URI ({@code http://host/scim/v2/}). */
public final class ScimUris {

    private ScimUris() {}

    public static String base(UriInfo uri) {
        String base = uri.getBaseUri().toString();
        return base.endsWith("/") ? base : base + "/";
    }
}

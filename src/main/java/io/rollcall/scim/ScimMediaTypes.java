package io.rollcall.scim;

import jakarta.ws.rs.core.MediaType;

/** The SCIM media type (RFC 7644 section 8.1). */
public final class ScimMediaTypes {

    public static final String SCIM_JSON = "application/scim+json";
    public static final MediaType SCIM_JSON_TYPE = MediaType.valueOf(SCIM_JSON);

    private ScimMediaTypes() {}
}

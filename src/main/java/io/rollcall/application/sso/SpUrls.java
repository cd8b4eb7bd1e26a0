package io.rollcall.application.sso;

import java.net.URI;

/** Rollcall's own SSO URLs for one workspace (ARCHITECTURE §2), derived from ROLLCALL_PUBLIC_URL. */
public record SpUrls(String entityId, URI acs, URI oidcCallback, URI login) {

    public static SpUrls of(URI publicUrl, String workspaceId) {
        String base = publicUrl + "/sso/" + workspaceId;
        return new SpUrls(
                base + "/saml/metadata",
                URI.create(base + "/saml/acs"),
                URI.create(base + "/oidc/callback"),
                URI.create(base + "/login"));
    }
}

package io.rollcall.app;

import io.rollcall.admin.AdminProviders;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The admin API at {@code /api}. Its resources and providers are listed here rather than discovered, so that its
 * problem-details mappers and bearer authentication never apply to the SCIM application beside it.
 */
@ApplicationPath("/api")
@OpenAPIDefinition(
        info =
                @Info(
                        title = "Rollcall admin API",
                        version = "1",
                        description =
                                "Workspaces, members, invites, groups, roles, tokens, SSO and audit. Errors are RFC 9457"
                                        + " problem details (application/problem+json) with a stable 'code' and the 'requestId'.",
                        license = @License(name = "Apache-2.0")),
        security = {@SecurityRequirement(name = "bearer"), @SecurityRequirement(name = "sessionCookie")})
@SecurityScheme(
        securitySchemeName = "bearer",
        type = SecuritySchemeType.HTTP,
        scheme = "bearer",
        description = "A personal API token (rcp_...) or the session JWT of an SSO login")
@SecurityScheme(
        securitySchemeName = "sessionCookie",
        type = SecuritySchemeType.APIKEY,
        in = org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn.COOKIE,
        apiKeyName = "rollcall_session",
        description = "The console's sign-in: the rollcall_session cookie, accepted only with the header"
                + " X-Rollcall-Csrf: 1 and, when the browser sends them, a same-origin Origin and a Sec-Fetch-Site"
                + " that is not cross-site (else 403 code csrf). DELETE /api/v1/me/session signs out.")
public class AdminApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return MatchedRoute.alongside(AdminProviders.classes());
    }

    /** No WADL: an OPTIONS answer would otherwise describe the server's internals (Jersey version, classes). */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.wadl.disableWadl", true);
    }
}

package io.rollcall.admin;

import io.rollcall.application.sso.SpUrls;
import io.rollcall.application.sso.SsoConnectionService;
import io.rollcall.config.RollcallConfig;
import io.rollcall.domain.shared.InvalidInputException;
import io.rollcall.domain.sso.SsoConnection;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/workspaces/{ws}/sso}: the workspace's SSO connection and the claim-rule dry run. PUT bodies:
 * <pre>
 * {"type":"saml", "idpEntityId":"...", "ssoUrl":"https://...", "certificates":["-----BEGIN CERTIFICATE-----..."]}
 * {"type":"saml", "metadataXml":"&lt;EntityDescriptor ...&gt;"}
 * {"type":"oidc", "issuer":"https://...", "clientId":"...", "clientSecret":"...", "scopes":["openid","email"],
 *  "groupsClaim":"groups"}
 * </pre>
 * The client secret is write-only: GET answers {@code "clientSecretSet": true}.
 */
@Tag(name = "sso", description = "The workspace's SAML or OIDC connection")
@Path("/v1/workspaces/{ws}/sso")
@Produces(MediaType.APPLICATION_JSON)
public class SsoConnectionResource {

    private static final Set<String> SAML_FIELDS = Set.of("type", "idpEntityId", "ssoUrl", "certificates",
            "metadataXml", "groupsClaim");
    private static final Set<String> OIDC_FIELDS = Set.of("type", "issuer", "clientId", "clientSecret", "scopes",
            "groupsClaim");

    @Inject
    SsoConnectionService service;
    @Inject
    CallerContext caller;
    @Inject
    RollcallConfig config;

    /** The connection as shown to owners, with Rollcall's own URLs to enter at the IdP. */
    public record SsoView(String type, String idpEntityId, String ssoUrl, List<String> certificates,
            boolean metadataImported, String issuer, String clientId, Boolean clientSecretSet, List<String> scopes,
            String groupsClaim, Map<String, String> serviceProvider, Instant createdAt, Instant updatedAt) {
    }

    /** One group a dry run would give. */
    public record DryRunGroup(String id, String name) {
    }

    /** Dry-run answer. */
    public record DryRunView(List<DryRunGroup> groups, boolean overage) {
    }

    @Operation(operationId = "getSsoConnection", summary = "Read the SSO connection")
    @GET
    public SsoView get(@PathParam("ws") String ws) {
        return view(ws, service.get(caller.caller(), ws));
    }

    @Operation(operationId = "putSsoConnection", summary = "Create or replace the SSO connection (SAML or OIDC)")
    @RequestBody(content = @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.OBJECT,
            properties = {
                    @SchemaProperty(name = "type", type = SchemaType.STRING),
                    @SchemaProperty(name = "idpEntityId", type = SchemaType.STRING),
                    @SchemaProperty(name = "ssoUrl", type = SchemaType.STRING),
                    @SchemaProperty(name = "certificates", type = SchemaType.ARRAY, implementation = String.class),
                    @SchemaProperty(name = "metadataXml", type = SchemaType.STRING),
                    @SchemaProperty(name = "issuer", type = SchemaType.STRING),
                    @SchemaProperty(name = "clientId", type = SchemaType.STRING),
                    @SchemaProperty(name = "clientSecret", type = SchemaType.STRING),
                    @SchemaProperty(name = "scopes", type = SchemaType.ARRAY, implementation = String.class),
                    @SchemaProperty(name = "groupsClaim", type = SchemaType.STRING)})))
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public SsoView put(@PathParam("ws") String ws, JsonObject body) {
        Requests.required(body);
        String type = Requests.string(body, "type");
        if ("saml".equals(type)) {
            Requests.onlyKnown(body, SAML_FIELDS);
            return view(ws, service.putSaml(caller.caller(), ws, new SsoConnectionService.SamlInput(
                    Requests.string(body, "idpEntityId"), Requests.string(body, "ssoUrl"),
                    Requests.strings(body, "certificates"), Requests.string(body, "metadataXml"),
                    Requests.string(body, "groupsClaim"))));
        }
        if ("oidc".equals(type)) {
            Requests.onlyKnown(body, OIDC_FIELDS);
            return view(ws, service.putOidc(caller.caller(), ws, new SsoConnectionService.OidcInput(
                    Requests.string(body, "issuer"), Requests.string(body, "clientId"),
                    Requests.string(body, "clientSecret"), Requests.strings(body, "scopes"),
                    Requests.string(body, "groupsClaim"))));
        }
        throw new InvalidInputException("type", "'type' must be \"saml\" or \"oidc\"");
    }

    @Operation(operationId = "deleteSsoConnection", summary = "Delete the SSO connection")
    @APIResponse(responseCode = "204", description = "Done; no body")
    @DELETE
    public Response delete(@PathParam("ws") String ws) {
        service.delete(caller.caller(), ws);
        return Response.noContent().build();
    }

    /** {@code {"claims": {"groups": ["/engineering"]}}} → the groups a login with these claims would give. */
    @Operation(operationId = "dryRunSsoLogin", summary = "The dynamic groups a login with these claims would give")
    @RequestBody(content = @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.OBJECT,
            properties = {
                    @SchemaProperty(name = "claims", type = SchemaType.OBJECT)})))
    @POST
    @Path("/dry-run")
    @Consumes(MediaType.APPLICATION_JSON)
    public DryRunView dryRun(@PathParam("ws") String ws, JsonObject body) {
        Requests.onlyKnown(body, Set.of("claims"));
        JsonObject claims = Requests.object(body, "claims");
        if (claims == null) {
            throw new InvalidInputException("claims", "'claims' is required");
        }
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (String name : claims.keySet()) {
            JsonValue value = claims.get(name);
            values.put(name, value.getValueType() == JsonValue.ValueType.STRING ? List.of(Requests.string(claims,
                    name)) : Requests.strings(claims, name));
        }
        var result = service.dryRun(caller.caller(), ws, values);
        return new DryRunView(result.groups().stream().map(g -> new DryRunGroup(g.id(), g.displayName())).toList(),
                result.overage());
    }

    private SsoView view(String ws, SsoConnection c) {
        SpUrls sp = SpUrls.of(config.publicUrl(), ws);
        Map<String, String> serviceProvider = new LinkedHashMap<>();
        serviceProvider.put("loginUrl", sp.login().toString());
        if (c.type() == SsoConnection.Type.SAML) {
            serviceProvider.put("entityId", sp.entityId());
            serviceProvider.put("acsUrl", sp.acs().toString());
            serviceProvider.put("metadataUrl", sp.entityId());
            return new SsoView("saml", c.samlIdpEntityId(), c.samlSsoUrl(), pemBlocks(c.samlCertificates()),
                    c.samlMetadataXml() != null, null, null, null, null, c.groupsClaim(), serviceProvider,
                    c.createdAt(), c.updatedAt());
        }
        serviceProvider.put("redirectUri", sp.oidcCallback().toString());
        return new SsoView("oidc", null, null, null, false, c.oidcIssuer(), c.oidcClientId(),
                c.oidcClientSecretEncrypted() != null, c.oidcScopes() == null ? List.of()
                        : Arrays.asList(c.oidcScopes().split(" ")), c.groupsClaim(), serviceProvider, c.createdAt(),
                c.updatedAt());
    }

    private static List<String> pemBlocks(String pem) {
        if (pem == null) {
            return List.of();
        }
        String end = "-----END CERTIFICATE-----";
        return Arrays.stream(pem.split("(?<=" + end + ")")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}

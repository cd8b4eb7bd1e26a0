package io.rollcall.admin;

import io.rollcall.application.sso.SpUrls;
import io.rollcall.application.sso.SsoConnectionService;
import io.rollcall.config.RollcallConfig;
import io.rollcall.domain.shared.InvalidInputException;
import io.rollcall.domain.sso.SsoConnection;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
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
 * Either type takes {@code "relinkByEmail": true} for a move to another IdP: the next login with a verified e-mail
 * re-binds a member bound to another subject (docs: idp-samples/README.md, "Moving to another IdP").
 * The client secret is write-only: GET answers {@code "clientSecretSet": true}. Before any connection exists GET
 * answers {@code "configured": false} with only {@code serviceProvider}: Rollcall's entity id, ACS URL, metadata URL,
 * OIDC redirect URI and login URL, which the IdP admin needs first.
 */
@Tag(name = "sso", description = "The workspace's SAML or OIDC connection")
@Path("/v1/workspaces/{ws}/sso")
@Produces(MediaType.APPLICATION_JSON)
public class SsoConnectionResource {

    private static final Set<String> SAML_FIELDS =
            Set.of("type", "idpEntityId", "ssoUrl", "certificates", "metadataXml", "groupsClaim", "relinkByEmail");
    private static final Set<String> OIDC_FIELDS =
            Set.of("type", "issuer", "clientId", "clientSecret", "scopes", "groupsClaim", "relinkByEmail");

    @Inject
    SsoConnectionService service;

    @Inject
    CallerContext caller;

    @Inject
    RollcallConfig config;

    /** The connection as shown to owners, with Rollcall's own URLs to enter at the IdP. */
    public record SsoView(
            boolean configured,
            String type,
            String idpEntityId,
            String ssoUrl,
            List<String> certificates,
            Boolean metadataImported,
            String issuer,
            String clientId,
            Boolean clientSecretSet,
            List<String> scopes,
            String groupsClaim,
            Boolean relinkByEmail,
            Map<String, String> serviceProvider,
            Instant createdAt,
            Instant updatedAt) {}

    /** One group a dry run would give. */
    public record DryRunGroup(String id, String name) {}

    /** Dry-run answer. */
    public record DryRunView(List<DryRunGroup> groups, boolean overage) {}

    @Operation(operationId = "getSsoConnection", summary = "Read the SSO connection")
    @GET
    public SsoView get(@PathParam("ws") String ws) {
        return service.find(caller.caller(), ws)
                .map(c -> view(ws, c))
                .orElseGet(() -> new SsoView(
                        false,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        serviceProvider(ws),
                        null,
                        null));
    }

    @Operation(operationId = "putSsoConnection", summary = "Create or replace the SSO connection (SAML or OIDC)")
    @RequestBody(
            content =
                    @Content(
                            mediaType = "application/json",
                            schema =
                                    @Schema(
                                            type = SchemaType.OBJECT,
                                            properties = {
                                                @SchemaProperty(name = "type", type = SchemaType.STRING),
                                                @SchemaProperty(name = "idpEntityId", type = SchemaType.STRING),
                                                @SchemaProperty(name = "ssoUrl", type = SchemaType.STRING),
                                                @SchemaProperty(
                                                        name = "certificates",
                                                        type = SchemaType.ARRAY,
                                                        implementation = String.class),
                                                @SchemaProperty(name = "metadataXml", type = SchemaType.STRING),
                                                @SchemaProperty(name = "issuer", type = SchemaType.STRING),
                                                @SchemaProperty(name = "clientId", type = SchemaType.STRING),
                                                @SchemaProperty(name = "clientSecret", type = SchemaType.STRING),
                                                @SchemaProperty(
                                                        name = "scopes",
                                                        type = SchemaType.ARRAY,
                                                        implementation = String.class),
                                                @SchemaProperty(name = "groupsClaim", type = SchemaType.STRING),
                                                @SchemaProperty(name = "relinkByEmail", type = SchemaType.BOOLEAN)
                                            })))
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public SsoView put(@PathParam("ws") String ws, JsonObject body) {
        Requests.required(body);
        String type = Requests.string(body, "type");
        if ("saml".equals(type)) {
            Requests.onlyKnown(body, SAML_FIELDS);
            return view(
                    ws,
                    service.putSaml(
                            caller.caller(),
                            ws,
                            new SsoConnectionService.SamlInput(
                                    Requests.string(body, "idpEntityId"), Requests.string(body, "ssoUrl"),
                                    Requests.strings(body, "certificates"), Requests.string(body, "metadataXml"),
                                    Requests.string(body, "groupsClaim"), relinkByEmail(body))));
        }
        if ("oidc".equals(type)) {
            Requests.onlyKnown(body, OIDC_FIELDS);
            return view(
                    ws,
                    service.putOidc(
                            caller.caller(),
                            ws,
                            new SsoConnectionService.OidcInput(
                                    Requests.string(body, "issuer"), Requests.string(body, "clientId"),
                                    Requests.string(body, "clientSecret"), Requests.strings(body, "scopes"),
                                    Requests.string(body, "groupsClaim"), relinkByEmail(body))));
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

    /**
     * {@code {"claims": {"groups": ["/engineering"]}}} → the groups a login with these claims would give. The claims
     * are taken as the IdP sends them, e.g. Entra's overage
     * {@code {"_claim_names": {"groups": "src1"}, "_claim_sources": {"src1": {"endpoint": "https://..."}}}}.
     */
    @Operation(operationId = "dryRunSsoLogin", summary = "The dynamic groups a login with these claims would give")
    @RequestBody(
            content =
                    @Content(
                            mediaType = "application/json",
                            schema =
                                    @Schema(
                                            type = SchemaType.OBJECT,
                                            properties = {@SchemaProperty(name = "claims", type = SchemaType.OBJECT)})))
    @POST
    @Path("/dry-run")
    @Consumes(MediaType.APPLICATION_JSON)
    public DryRunView dryRun(@PathParam("ws") String ws, JsonObject body) {
        Requests.onlyKnown(body, Set.of("claims"));
        JsonObject claims = Requests.object(body, "claims");
        if (claims == null) {
            throw new InvalidInputException("claims", "'claims' is required");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        claims.forEach((name, value) -> values.put(name, Requests.plain(value)));
        var result = service.dryRun(caller.caller(), ws, values);
        return new DryRunView(
                result.groups().stream()
                        .map(g -> new DryRunGroup(g.id(), g.displayName()))
                        .toList(),
                result.overage());
    }

    private static boolean relinkByEmail(JsonObject body) {
        return Boolean.TRUE.equals(Requests.bool(body, "relinkByEmail"));
    }

    private SsoView view(String ws, SsoConnection c) {
        if (c.type() == SsoConnection.Type.SAML) {
            return new SsoView(
                    true,
                    "saml",
                    c.samlIdpEntityId(),
                    c.samlSsoUrl(),
                    pemBlocks(c.samlCertificates()),
                    c.samlMetadataXml() != null,
                    null,
                    null,
                    null,
                    null,
                    c.groupsClaim(),
                    c.relinkByEmail(),
                    serviceProvider(ws),
                    c.createdAt(),
                    c.updatedAt());
        }
        return new SsoView(
                true,
                "oidc",
                null,
                null,
                null,
                false,
                c.oidcIssuer(),
                c.oidcClientId(),
                c.oidcClientSecretEncrypted() != null,
                c.oidcScopes() == null
                        ? List.of()
                        : Arrays.asList(c.oidcScopes().split(" ")),
                c.groupsClaim(),
                c.relinkByEmail(),
                serviceProvider(ws),
                c.createdAt(),
                c.updatedAt());
    }

    /** Rollcall's own URLs for both protocols, so an owner can prepare either at the IdP. */
    private Map<String, String> serviceProvider(String ws) {
        SpUrls sp = SpUrls.of(config.publicUrl(), ws);
        Map<String, String> urls = new LinkedHashMap<>();
        urls.put("loginUrl", sp.login().toString());
        urls.put("entityId", sp.entityId());
        urls.put("acsUrl", sp.acs().toString());
        urls.put("metadataUrl", sp.entityId());
        urls.put("redirectUri", sp.oidcCallback().toString());
        return urls;
    }

    private static List<String> pemBlocks(String pem) {
        if (pem == null) {
            return List.of();
        }
        String end = "-----END CERTIFICATE-----";
        return Arrays.stream(pem.split("(?<=" + end + ")"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }
}

package io.rollcall.scim;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.apache.directory.scim.server.configuration.ServerConfiguration;
import org.apache.directory.scim.spec.schema.ServiceProviderConfiguration.AuthenticationSchema;
import org.apache.directory.scim.spec.schema.ServiceProviderConfiguration.BulkConfiguration;

/**
 * What Rollcall's SCIM service supports, as /ServiceProviderConfig tells clients. SCIMple's default claims no filter
 * and no sort, and claims bulk whatever the repositories do; this one tells the truth. It is the one SCIMple bean
 * Rollcall needs at start-up: no SCIMple repository or schema registry is used (docs/design.md, "SCIM stack").
 */
@ApplicationScoped
public class ScimServerConfiguration {

    public static final String DOCUMENTATION_URI = "https://github.com/rollcall-io/rollcall#scim";

    @Produces
    @ApplicationScoped
    ServerConfiguration serverConfiguration() {
        return configuration();
    }

    /** The configuration, also usable without CDI. */
    public static ServerConfiguration configuration() {
        ServerConfiguration configuration = new ServerConfiguration() {
            @Override
            public BulkConfiguration getBulkConfiguration() {
                BulkConfiguration bulk = new BulkConfiguration();
                bulk.setSupported(true);
                bulk.setMaxOperations(BulkResource.MAX_OPERATIONS);
                bulk.setMaxPayloadSize(BulkResource.MAX_PAYLOAD_BYTES);
                return bulk;
            }
        };
        configuration.setSupportsChangePassword(false);
        configuration.setSupportsFilter(true);
        configuration.setFilterMaxResults(ListParams.MAX_RESULTS);
        configuration.setSupportsSort(true);
        configuration.setDocumentationUri(DOCUMENTATION_URI);
        AuthenticationSchema bearer = AuthenticationSchema.oauthBearer();
        bearer.setName("OAuth Bearer Token");
        bearer.setDescription(
                "A workspace SCIM token, created through the admin API, sent as" + " 'Authorization: Bearer <token>'.");
        bearer.setDocumentationUri(DOCUMENTATION_URI);
        configuration.addAuthenticationSchema(bearer);
        return configuration;
    }
}

package io.rollcall.scim;

import java.util.Set;
import org.apache.directory.scim.server.rest.ResourceTypesResourceImpl;
import org.apache.directory.scim.server.rest.ScimJacksonXmlBindJsonProvider;
import org.apache.directory.scim.server.rest.SchemaResourceImpl;

/**
 * Everything the SCIM JAX-RS application consists of. From SCIMple: /Schemas and /ResourceTypes (fed by the schema
 * registry our repositories populate) and its JSON provider for those beans. Ours: /Users, /Groups,
 * /ServiceProviderConfig, root /.search, authentication, and the error mapping.
 */
public final class ScimProviders {

    private ScimProviders() {
    }

    public static Set<Class<?>> classes() {
        return Set.of(
                UsersResource.class,
                GroupsResource.class,
                RootSearchResource.class,
                BulkResource.class,
                ServiceProviderConfigResource.class,
                SchemaResourceImpl.class,
                ResourceTypesResourceImpl.class,
                ScimAuthFilter.class,
                ErrorBodyFilter.class,
                ScimExceptionMapper.class,
                ScimTransactionalExceptionMapper.class,
                ScimJsonWriter.class,
                ScimJacksonXmlBindJsonProvider.class);
    }
}

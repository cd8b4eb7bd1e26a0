package io.rollcall.scim;

import java.util.Set;

/**
 * Everything the SCIM JAX-RS application consists of, all ours: /Users, /Groups, /ServiceProviderConfig, /Schemas and
 * /ResourceTypes (from {@link PublishedSchemas}), /Me (501), root /.search, /Bulk, authentication, the error mapping,
 * and one writer for every answer ({@link ScimJsonWriter}).
 */
public final class ScimProviders {

    private ScimProviders() {}

    public static Set<Class<?>> classes() {
        return Set.of(
                UsersResource.class,
                GroupsResource.class,
                RootSearchResource.class,
                BulkResource.class,
                ServiceProviderConfigResource.class,
                DiscoveryResources.Schemas.class,
                DiscoveryResources.ResourceTypes.class,
                MeResource.class,
                ScimAuthFilter.class,
                ErrorBodyFilter.class,
                ScimExceptionMapper.class,
                ScimTransactionalExceptionMapper.class,
                ScimJsonWriter.class);
    }
}

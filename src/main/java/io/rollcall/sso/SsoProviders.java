package io.rollcall.sso;

import java.util.Set;

/** What the SSO and well-known JAX-RS applications consist of, listed so no admin-API provider applies to them. */
public final class SsoProviders {

    private SsoProviders() {}

    public static Set<Class<?>> sso() {
        return Set.of(
                SsoResource.class,
                FormPosts.class,
                SsoRateLimit.class,
                SsoErrorPages.Failures.class,
                SsoErrorPages.Web.class,
                SsoErrorPages.Transactional.class,
                SsoErrorPages.Fallback.class);
    }

    public static Set<Class<?>> wellKnown() {
        return Set.of(JwksResource.class, SsoErrorPages.Web.class, SsoErrorPages.Fallback.class);
    }
}

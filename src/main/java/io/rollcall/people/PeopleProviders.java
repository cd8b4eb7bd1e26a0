package io.rollcall.people;

import java.util.Set;

/** What the {@code /invite} and {@code /login} JAX-RS applications consist of. */
public final class PeopleProviders {

    private PeopleProviders() {}

    public static Set<Class<?>> invite() {
        return Set.of(
                InvitePageResource.class,
                PeopleErrors.RateLimited.class,
                PeopleErrors.Domain.class,
                PeopleErrors.Web.class,
                PeopleErrors.Transactional.class,
                PeopleErrors.Fallback.class);
    }

    public static Set<Class<?>> login() {
        return Set.of(
                LoginResource.class,
                PeopleErrors.RateLimited.class,
                PeopleErrors.Domain.class,
                PeopleErrors.Web.class,
                PeopleErrors.Transactional.class,
                PeopleErrors.Fallback.class);
    }
}

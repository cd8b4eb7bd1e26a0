package io.rollcall.app;

import io.rollcall.people.PeopleProviders;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/** The invite accept pages at {@code /invite}, with their own error pages. */
@ApplicationPath("/invite")
public class InviteApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return MatchedRoute.alongside(PeopleProviders.invite());
    }
}

package io.rollcall.app;

import io.rollcall.people.PeopleProviders;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/** E-mail sign-in at {@code /login}, with its own error pages. */
@ApplicationPath("/login")
public class LoginApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return MatchedRoute.alongside(PeopleProviders.login());
    }
}

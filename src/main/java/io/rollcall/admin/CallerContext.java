package io.rollcall.admin;

import io.rollcall.application.Caller;
import io.rollcall.domain.shared.UnauthenticatedException;
import jakarta.enterprise.context.RequestScoped;

/** The authenticated caller of the current admin API request, set by {@link BearerAuthentication}. */
@RequestScoped
public class CallerContext {

    private Caller caller;

    void set(Caller caller) {
        this.caller = caller;
    }

    public Caller caller() {
        if (caller == null) {
            throw new UnauthenticatedException("authentication required");
        }
        return caller;
    }
}

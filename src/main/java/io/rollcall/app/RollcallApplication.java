package io.rollcall.app;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The admin API's JAX-RS application, rooted at {@code /api}. */
@ApplicationPath("/api")
public class RollcallApplication extends Application {
}

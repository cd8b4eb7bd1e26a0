package io.rollcall.app;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

class MatchedRouteTest {

    @Path("v1/workspaces/{ws}/members")
    static class Members {
        @Path("{id}")
        public void get() {}

        public void list() {}

        @Path("/{id: [a-z0-9-]+}/")
        public void withRegex() {}
    }

    @Test
    void theTemplateJoinsApplicationClassAndMethodPathsWithoutIds() throws Exception {
        Path type = Members.class.getAnnotation(Path.class);

        assertThat(MatchedRoute.template(
                        "/api", type, Members.class.getMethod("get").getAnnotation(Path.class)))
                .isEqualTo("/api/v1/workspaces/{ws}/members/{id}");
        assertThat(MatchedRoute.template("/api", type, null)).isEqualTo("/api/v1/workspaces/{ws}/members");
    }

    @Test
    void regularExpressionsAndStraySlashesAreDropped() throws Exception {
        Path type = Members.class.getAnnotation(Path.class);
        Path method = Members.class.getMethod("withRegex").getAnnotation(Path.class);

        assertThat(MatchedRoute.template("/api/", type, method)).isEqualTo("/api/v1/workspaces/{ws}/members/{id}");
        assertThat(MatchedRoute.template("", null, null)).isEqualTo("/");
    }
}

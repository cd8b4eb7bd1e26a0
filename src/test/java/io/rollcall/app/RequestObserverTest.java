package io.rollcall.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestObserverTest {

    @Test
    void unmatchedPathsFallIntoABoundedSetOfRoutes() {
        assertThat(RequestObserver.bucket("/")).isEqualTo("/");
        assertThat(RequestObserver.bucket("/health/ready")).isEqualTo("/health/ready");
        assertThat(RequestObserver.bucket("/console/users.js")).isEqualTo("static");
        assertThat(RequestObserver.bucket("/console/../../etc/passwd")).isEqualTo("unmatched");
        assertThat(RequestObserver.bucket("/wp-admin/install.php")).isEqualTo("unmatched");
        assertThat(RequestObserver.bucket("/api/v1/workspaces/acme/members/123"))
                .isEqualTo("unmatched");
        assertThat(RequestObserver.bucket(null)).isEqualTo("unmatched");
    }
}

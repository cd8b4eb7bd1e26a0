package io.rollcall.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CallerKindTest {

    @Test
    void theCredentialsShapeNamesTheCallerKind() {
        assertThat(CallerKind.of("Bearer rcp_abc", null).label()).isEqualTo("api-token");
        assertThat(CallerKind.of("bearer rcs_abc", null).label()).isEqualTo("scim-token");
        assertThat(CallerKind.of("rcs_abc", null).label()).isEqualTo("scim-token");
        assertThat(CallerKind.of("Bearer eyJhbGciOi.x.y", null).label()).isEqualTo("session");
        assertThat(CallerKind.of("Basic dXNlcjpwYXNz", null).label()).isEqualTo("other");
        assertThat(CallerKind.of(null, "a=b; rollcall_session=eyJ").label()).isEqualTo("session-cookie");
        assertThat(CallerKind.of(null, "a=b").label()).isEqualTo("anonymous");
        assertThat(CallerKind.of(" ", null).label()).isEqualTo("anonymous");
    }
}

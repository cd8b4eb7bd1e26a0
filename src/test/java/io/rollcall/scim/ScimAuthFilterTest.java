package io.rollcall.scim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which Authorization headers present a SCIM token secret. */
class ScimAuthFilterTest {

    @Test
    void bearerTokensPresentTheirSecretInAnyCase() {
        assertThat(ScimAuthFilter.presentedSecret("Bearer rcs_abc")).isEqualTo("rcs_abc");
        assertThat(ScimAuthFilter.presentedSecret("bearer   rcs_abc ")).isEqualTo("rcs_abc");
    }

    /** Okta's "HTTP Header" mode sends what the admin typed: often only the token. */
    @Test
    void aBareRollcallScimTokenIsAccepted() {
        assertThat(ScimAuthFilter.presentedSecret("rcs_abc")).isEqualTo("rcs_abc");
        assertThat(ScimAuthFilter.presentedSecret(" rcs_abc ")).isEqualTo("rcs_abc");
    }

    @Test
    void otherSchemesAndBareNonScimTokensPresentNothing() {
        assertThat(ScimAuthFilter.presentedSecret(null)).isNull();
        assertThat(ScimAuthFilter.presentedSecret("Basic cmNzX2FiYzo=")).isNull();
        assertThat(ScimAuthFilter.presentedSecret("rcp_personal-api-token")).isNull();
        assertThat(ScimAuthFilter.presentedSecret("rcs_abc extra")).isNull();
        assertThat(ScimAuthFilter.presentedSecret("")).isNull();
    }
}

package io.rollcall.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rollcall.application.scim.ScimProblem;
import org.junit.jupiter.api.Test;

/** Weak ETags from the version column, and the If-Match / If-None-Match reading. */
class ETagsTest {

    @Test
    void versionsRenderAsWeakTags() {
        assertThat(ETags.of(7)).isEqualTo("W/\"7\"");
    }

    @Test
    void ifMatchNamesAVersionOrNothing() {
        assertThat(ETags.expectedVersion("W/\"3\"")).isEqualTo(3L);
        assertThat(ETags.expectedVersion("\"3\"")).isEqualTo(3L);
        assertThat(ETags.expectedVersion(null)).isNull();
        assertThat(ETags.expectedVersion("*")).isNull();
        assertThatThrownBy(() -> ETags.expectedVersion("W/\"abc\""))
                .isInstanceOfSatisfying(
                        ScimProblem.class, p -> assertThat(p.status()).isEqualTo(412));
    }

    @Test
    void ifNoneMatchMatchesTheCurrentVersionOnly() {
        assertThat(ETags.notModified("W/\"3\"", 3)).isTrue();
        assertThat(ETags.notModified("W/\"2\", W/\"3\"", 3)).isTrue();
        assertThat(ETags.notModified("W/\"2\"", 3)).isFalse();
        assertThat(ETags.notModified("*", 3)).isTrue();
        assertThat(ETags.notModified(null, 3)).isFalse();
    }
}

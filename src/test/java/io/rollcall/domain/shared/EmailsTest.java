package io.rollcall.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EmailsTest {

    @Test
    void normalisesToTrimmedLowerCase() {
        assertThat(Emails.normalise("  Jane.Doe@Example.COM ")).isEqualTo("jane.doe@example.com");
        assertThat(Emails.domainOf("jane@sub.example.com")).isEqualTo("sub.example.com");
    }

    @Test
    void refusesWhatIsNotAnAddress() {
        for (String bad :
                new String[] {"", "jane", "jane@", "@example.com", "a b@example.com", "jane@example", "a@b@example.com"
                }) {
            assertThatThrownBy(() -> Emails.normalise(bad)).as(bad).isInstanceOf(InvalidInputException.class);
        }
        assertThatThrownBy(() -> Emails.normalise(null)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void idsAreCanonicalUuidsOnly() {
        assertThat(Ids.isUuid(Ids.newId())).isTrue();
        assertThat(Ids.isUuid("not-a-uuid")).isFalse();
        assertThat(Ids.isUuid("1-1-1-1-1")).isFalse();
        assertThat(Ids.isUuid(null)).isFalse();
    }
}

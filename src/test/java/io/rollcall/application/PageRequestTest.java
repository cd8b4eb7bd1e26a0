package io.rollcall.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rollcall.domain.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

class PageRequestTest {

    @Test
    void defaultsAndOffsets() {
        PageRequest defaults = PageRequest.of((String) null, null);
        assertThat(defaults.page()).isZero();
        assertThat(defaults.size()).isEqualTo(PageRequest.DEFAULT_SIZE);
        assertThat(PageRequest.of("3", "20").offset()).isEqualTo(60);
    }

    @Test
    void refusesOutOfRangeAndNonNumbers() {
        assertThatThrownBy(() -> PageRequest.of("-1", "10")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> PageRequest.of("0", "0")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> PageRequest.of("0", Integer.toString(PageRequest.MAX_SIZE + 1)))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> PageRequest.of("x", "10"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("page");
        assertThatThrownBy(() -> PageRequest.of("2147483647", "200")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void auditSummariesAreJsonOfPlainValues() {
        assertThat(AuditLog.toJson(java.util.Map.of("n", 3))).isEqualTo("{\"n\":3}");
        assertThat(AuditLog.toJson(java.util.Map.of())).isNull();
        assertThat(AuditLog.toJson(java.util.Map.of("l", java.util.List.of("a", "b"))))
                .isEqualTo("{\"l\":[\"a\",\"b\"]}");
    }
}

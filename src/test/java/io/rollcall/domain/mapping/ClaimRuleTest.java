package io.rollcall.domain.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClaimRuleTest {

    private static ClaimSet groups(String... values) {
        return ClaimSet.of(Map.of("groups", List.of(values)));
    }

    @Test
    void equalsMatchesAnyValueExactlyAndCaseSensitively() {
        ClaimRule rule = new ClaimRule("groups", ClaimMatch.EQUALS, "/engineering");
        assertThat(rule.applies(groups("/sales", "/engineering"))).isTrue();
        assertThat(rule.applies(groups("/Engineering"))).isFalse();
        assertThat(rule.applies(groups("/engineering/backend"))).isFalse();
    }

    @Test
    void prefixMatchesSubgroupPaths() {
        ClaimRule rule = new ClaimRule("groups", ClaimMatch.PREFIX, "/engineering");
        assertThat(rule.applies(groups("/engineering/backend"))).isTrue();
        assertThat(rule.applies(groups("/sales/engineering"))).isFalse();
    }

    @Test
    void regexMustMatchTheWholeValue() {
        ClaimRule rule = new ClaimRule("groups", ClaimMatch.REGEX, "/eng[a-z]*");
        assertThat(rule.applies(groups("/engineering"))).isTrue();
        assertThat(rule.applies(groups("/engineering/backend"))).isFalse();
        assertThat(rule.applies(groups("x/engineering"))).isFalse();
    }

    @Test
    void missingClaimNeverApplies() {
        ClaimRule rule = new ClaimRule("roles", ClaimMatch.PREFIX, "a");
        assertThat(rule.applies(groups("a"))).isFalse();
        assertThat(rule.applies(ClaimSet.empty())).isFalse();
    }

    @Test
    void invalidRegexIsRefusedAtConstruction() {
        assertThatThrownBy(() -> new ClaimRule("groups", ClaimMatch.REGEX, "(unclosed"))
                .isInstanceOf(InvalidClaimRuleException.class)
                .hasMessageContaining("invalid regular expression");
    }

    @Test
    void overlongRegexIsRefused() {
        assertThatThrownBy(
                        () -> new ClaimRule("groups", ClaimMatch.REGEX, "a".repeat(ClaimRule.MAX_PATTERN_LENGTH + 1)))
                .isInstanceOf(InvalidClaimRuleException.class)
                .hasMessageContaining("longer than");
    }

    @Test
    void blankClaimOrValueIsRefused() {
        assertThatThrownBy(() -> new ClaimRule(" ", ClaimMatch.EQUALS, "x"))
                .isInstanceOf(InvalidClaimRuleException.class);
        assertThatThrownBy(() -> new ClaimRule("groups", ClaimMatch.EQUALS, ""))
                .isInstanceOf(InvalidClaimRuleException.class);
    }

    @Test
    void catastrophicPatternGivesUpAsNoMatchQuickly() {
        ClaimRule rule = new ClaimRule("groups", ClaimMatch.REGEX, "(a+)+b");
        long start = System.nanoTime();
        assertThat(rule.applies(groups("a".repeat(40) + "c"))).isFalse();
        assertThat(System.nanoTime() - start).isLessThan(2_000_000_000L);
    }

    @Test
    void overlongValuesNeverMatchRegex() {
        ClaimRule rule = new ClaimRule("groups", ClaimMatch.REGEX, "a*");
        assertThat(rule.applies(groups("a".repeat(ClaimRule.MAX_VALUE_LENGTH)))).isTrue();
        assertThat(rule.applies(groups("a".repeat(ClaimRule.MAX_VALUE_LENGTH + 1))))
                .isFalse();
    }

    @Test
    void rulesWithSameFieldsAreEqual() {
        assertThat(new ClaimRule("g", ClaimMatch.REGEX, "a.*"))
                .isEqualTo(new ClaimRule("g", ClaimMatch.REGEX, "a.*"))
                .isNotEqualTo(new ClaimRule("g", ClaimMatch.PREFIX, "a.*"));
    }
}

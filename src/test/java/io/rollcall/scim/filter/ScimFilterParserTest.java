package io.rollcall.scim.filter;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollcall.application.scim.ParsedFilter;
import org.apache.directory.scim.spec.filter.AttributeComparisonExpression;
import org.apache.directory.scim.spec.filter.LogicalExpression;
import org.apache.directory.scim.spec.filter.LogicalOperator;
import org.junit.jupiter.api.Test;

/** The parser around SCIMple's grammar: literals, escapes and precedence. */
class ScimFilterParserTest {

    @Test
    void nonAsciiAndEscapedLiteralsReachTheTreeIntact() {
        ParsedFilter filter = ScimFilterParser.parse("userName eq \"jörg \\\"the\\\" 日本 \\u00e9\"");
        AttributeComparisonExpression eq = (AttributeComparisonExpression) filter.expression();
        assertThat(filter.literal(eq.getCompareValue())).isEqualTo("jörg \"the\" 日本 é");
    }

    @Test
    void andBindsTighterThanOrAtEveryLevel() {
        LogicalExpression top = (LogicalExpression)
                ScimFilterParser.parse("a pr or b pr and c pr or d pr").expression();
        // ((a or (b and c)) or d)
        assertThat(top.getOperator()).isEqualTo(LogicalOperator.OR);
        LogicalExpression left = (LogicalExpression) top.getLeft();
        assertThat(left.getOperator()).isEqualTo(LogicalOperator.OR);
        assertThat(((LogicalExpression) left.getRight()).getOperator()).isEqualTo(LogicalOperator.AND);
    }

    @Test
    void keywordsAreCaseInsensitive() {
        assertThat(ScimFilterParser.parse("userName EQ \"x\" AND active Eq true")
                        .expression())
                .isInstanceOf(LogicalExpression.class);
    }

    @Test
    void loneSurrogatesInLiteralsAreInvalidValueEvenWhenSpelledAsEscapes() {
        for (String filter :
                new String[] {"userName eq \"a\\ud800\"", "userName eq \"\\udc00\"", "emails[value sw \"x\\ud83d\"]"}) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> ScimFilterParser.parse(filter))
                    .as(filter)
                    .isInstanceOfSatisfying(
                            io.rollcall.application.scim.ScimProblem.class, p -> assertThat(p.scimType())
                                    .isEqualTo(io.rollcall.application.scim.ScimProblem.INVALID_VALUE));
        }
        assertThat(ScimFilterParser.parse("userName eq \"\\ud83d\\ude00\"").literals())
                .containsExactly("\uD83D\uDE00");
    }
}

package io.rollcall.application.scim;

import java.util.List;
import org.apache.directory.scim.spec.filter.FilterExpression;

/**
 * A parsed SCIM filter. String literals are kept apart from SCIMple's tree (which sees only placeholders), because
 * SCIMple M1's lexer refuses non-ASCII characters; {@link #literal} gives the client's real value back.
 */
public record ParsedFilter(FilterExpression expression, List<String> literals) {

    public static final String PLACEHOLDER_PREFIX = "L";

    /** The client's string for a placeholder found in the tree; invalidFilter when it is not one of ours. */
    public String literal(Object placeholder) {
        if (placeholder instanceof String s && s.startsWith(PLACEHOLDER_PREFIX)) {
            try {
                int index = Integer.parseInt(s.substring(PLACEHOLDER_PREFIX.length()));
                if (index >= 0 && index < literals.size()) {
                    return literals.get(index);
                }
            } catch (NumberFormatException e) {
                // falls through to the refusal below
            }
        }
        throw FilterErrors.invalid("a string value was expected");
    }
}

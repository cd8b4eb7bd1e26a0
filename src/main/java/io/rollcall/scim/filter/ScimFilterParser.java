package io.rollcall.scim.filter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rollcall.application.scim.FilterErrors;
import io.rollcall.application.scim.ParsedFilter;
import io.rollcall.application.scim.ScimProblem;
import io.rollcall.application.scim.UnicodeText;
import java.util.ArrayList;
import java.util.List;
import org.apache.directory.scim.spec.filter.Filter;

/**
 * Parses RFC 7644 filters with SCIMple's grammar, working around two M1 defects: its lexer refuses non-ASCII string
 * values ({@code userName eq "jörg"} was a 400), and its parser silently ignores some trailing input (an unbalanced
 * {@code )} or a {@code [..].sub} suffix, which would widen the result). String literals are decoded here (JSON
 * escapes included) and replaced by ASCII placeholders before SCIMple sees the text. A third defect, operators folded
 * left to right regardless of precedence, is corrected by {@link Precedence}.
 */
public final class ScimFilterParser {

    static final int MAX_LENGTH = 4096;
    private static final ObjectMapper JSON = new ObjectMapper();

    private ScimFilterParser() {}

    /** @throws ScimProblem 400 invalidFilter for anything malformed */
    public static ParsedFilter parse(String filter) {
        if (filter == null || filter.isBlank()) {
            throw FilterErrors.invalid("the filter is empty");
        }
        if (filter.length() > MAX_LENGTH) {
            throw FilterErrors.invalid("the filter is longer than " + MAX_LENGTH + " characters");
        }
        UnicodeText.requireValid(filter);
        List<String> literals = new ArrayList<>();
        String substituted = substituteLiterals(filter, literals);
        // A JSON escape in a literal can spell a lone surrogate that the raw text does not show.
        literals.forEach(UnicodeText::requireValid);
        try {
            return new ParsedFilter(Precedence.fix(new Filter(substituted).getExpression()), List.copyOf(literals));
        } catch (Exception | StackOverflowError e) {
            throw FilterErrors.invalid("the filter does not follow RFC 7644 section 3.4.2.2");
        }
    }

    private static String substituteLiterals(String filter, List<String> literals) {
        StringBuilder out = new StringBuilder(filter.length());
        int parens = 0;
        int brackets = 0;
        int i = 0;
        while (i < filter.length()) {
            char c = filter.charAt(i);
            if (c == '"') {
                int end = endOfString(filter, i);
                literals.add(decode(filter.substring(i, end + 1)));
                out.append('"')
                        .append(ParsedFilter.PLACEHOLDER_PREFIX)
                        .append(literals.size() - 1)
                        .append('"');
                i = end + 1;
                continue;
            }
            switch (c) {
                case '(' -> parens++;
                case ')' -> parens--;
                case '[' -> brackets++;
                case ']' -> {
                    brackets--;
                    if (i + 1 < filter.length() && filter.charAt(i + 1) == '.') {
                        throw FilterErrors.invalid("a sub-attribute after ']' is allowed in PATCH paths only");
                    }
                }
                default -> {
                    if (c > 127) {
                        throw FilterErrors.invalid("non-ASCII characters are allowed inside quoted values only");
                    }
                }
            }
            if (parens < 0 || brackets < 0 || brackets > 1) {
                throw FilterErrors.invalid("unbalanced parentheses or brackets");
            }
            out.append(c);
            i++;
        }
        if (parens != 0 || brackets != 0) {
            throw FilterErrors.invalid("unbalanced parentheses or brackets");
        }
        return out.toString();
    }

    private static int endOfString(String filter, int start) {
        for (int i = start + 1; i < filter.length(); i++) {
            char c = filter.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                return i;
            }
        }
        throw FilterErrors.invalid("a quoted value is not closed");
    }

    private static String decode(String quoted) {
        try {
            return JSON.readValue(quoted, String.class);
        } catch (JsonProcessingException e) {
            throw FilterErrors.invalid("a quoted value is not a valid JSON string");
        }
    }
}

package io.rollcall.domain.mapping;

import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One claim rule of a DYNAMIC group: it applies to a login when <em>any</em> value of the named claim matches.
 *
 * <p>Value semantics like a record ({@code claim()}, {@code match()}, {@code value()}, equality on those three); it is
 * a class rather than a record only so that a REGEX is compiled once, at construction, where an invalid or oversized
 * pattern is refused with an {@link InvalidClaimRuleException}. Immutable and thread-safe.
 *
 * <p>Regular expressions come from workspace owners and run on IdP data, so they are bounded: patterns longer than
 * {@value #MAX_PATTERN_LENGTH} characters are refused, claim values longer than {@value #MAX_VALUE_LENGTH} characters
 * never match a REGEX, and a match that needs more than {@value #MAX_REGEX_STEPS} character reads is abandoned as no
 * match (a catastrophic-backtracking guard).
 */
public final class ClaimRule {

    public static final int MAX_PATTERN_LENGTH = 256;
    public static final int MAX_VALUE_LENGTH = 1024;
    public static final int MAX_REGEX_STEPS = 200_000;

    private final String claim;
    private final ClaimMatch match;
    private final String value;
    private final Pattern pattern;

    public ClaimRule(String claim, ClaimMatch match, String value) {
        if (claim == null || claim.isBlank()) {
            throw new InvalidClaimRuleException("claim name must not be blank");
        }
        Objects.requireNonNull(match, "match");
        if (value == null || value.isEmpty()) {
            throw new InvalidClaimRuleException("rule value must not be empty");
        }
        this.claim = claim;
        this.match = match;
        this.value = value;
        this.pattern = match == ClaimMatch.REGEX ? compile(value) : null;
    }

    private static Pattern compile(String regex) {
        if (regex.length() > MAX_PATTERN_LENGTH) {
            throw new InvalidClaimRuleException("regular expression longer than " + MAX_PATTERN_LENGTH + " characters");
        }
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new InvalidClaimRuleException("invalid regular expression: " + e.getDescription(), e);
        }
    }

    /** Whether any value of {@link #claim()} in the claim set matches this rule. */
    public boolean applies(ClaimSet claims) {
        for (String candidate : claims.values(claim)) {
            if (matches(candidate)) {
                return true;
            }
        }
        return false;
    }

    private boolean matches(String candidate) {
        return switch (match) {
            case EQUALS -> candidate.equals(value);
            case PREFIX -> candidate.startsWith(value);
            case REGEX ->
                candidate.length() <= MAX_VALUE_LENGTH && BoundedRegex.fullMatch(pattern, candidate, MAX_REGEX_STEPS);
        };
    }

    public String claim() {
        return claim;
    }

    public ClaimMatch match() {
        return match;
    }

    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClaimRule other
                && claim.equals(other.claim)
                && match == other.match
                && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(claim, match, value);
    }

    @Override
    public String toString() {
        return "ClaimRule[" + claim + " " + match + " " + value + "]";
    }
}

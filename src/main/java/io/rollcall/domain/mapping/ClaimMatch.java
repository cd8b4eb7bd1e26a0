package io.rollcall.domain.mapping;

/** How a {@link ClaimRule} compares its value with a claim value. All comparisons are case-sensitive. */
public enum ClaimMatch {
    /** The claim value equals the rule value exactly. */
    EQUALS,
    /** The claim value starts with the rule value, e.g. {@code /engineering} matches {@code /engineering/backend}. */
    PREFIX,
    /** The whole claim value matches the rule's regular expression (full match, not find). */
    REGEX
}

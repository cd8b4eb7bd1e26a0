package io.rollcall.domain.mapping;

import java.util.List;
import java.util.Objects;

/**
 * The claim rules of one DYNAMIC group.
 *
 * @param groupId the group's id, whatever type the caller uses
 * @param rules the group's rules; the group matches a login when ANY of them applies, and never when there are none
 * @param <G> group id type
 */
public record GroupRules<G>(G groupId, List<ClaimRule> rules) {

    public GroupRules {
        Objects.requireNonNull(groupId, "groupId");
        rules = List.copyOf(rules);
    }

    /** Whether any rule applies to these claims. */
    public boolean matches(ClaimSet claims) {
        return rules.stream().anyMatch(rule -> rule.applies(claims));
    }
}

package io.rollcall.scim.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rollcall.application.scim.ParsedFilter;
import io.rollcall.application.scim.ScimProblem;
import java.util.Locale;
import org.apache.directory.scim.spec.filter.AttributeComparisonExpression;
import org.apache.directory.scim.spec.filter.AttributePresentExpression;
import org.apache.directory.scim.spec.filter.CompareOperator;
import org.apache.directory.scim.spec.filter.FilterExpression;
import org.apache.directory.scim.spec.filter.GroupExpression;
import org.apache.directory.scim.spec.filter.LogicalExpression;
import org.apache.directory.scim.spec.filter.LogicalOperator;
import org.apache.directory.scim.spec.filter.attribute.AttributeReference;

/**
 * Evaluates a PATCH value filter ({@code emails[type eq "work"]}) against the elements of one resource's
 * multi-valued attribute. This is the only in-memory filtering in SCIM, and it only ever sees one resource's values.
 * String comparisons ignore case, as for the sub-attributes of emails, phone numbers and members.
 */
final class ElementMatcher {

    private final ParsedFilter filter;

    ElementMatcher(ParsedFilter filter) {
        this.filter = filter;
    }

    boolean matches(JsonNode element) {
        return evaluate(filter.expression(), element);
    }

    /**
     * The element a filter describes when it is a conjunction of equalities ({@code type eq "work"}), so that
     * {@code emails[type eq "work"].value} can create the email Entra means; null when it is anything else.
     */
    ObjectNode template() {
        ObjectNode element = JsonNodeFactory.instance.objectNode();
        return fill(filter.expression(), element) ? element : null;
    }

    private boolean fill(FilterExpression expression, ObjectNode element) {
        if (expression instanceof LogicalExpression logical && logical.getOperator() == LogicalOperator.AND) {
            return fill(logical.getLeft(), element) && fill(logical.getRight(), element);
        }
        if (expression instanceof AttributeComparisonExpression c && c.getOperation() == CompareOperator.EQ) {
            Object value = c.getCompareValue();
            String name = name(c.getAttributePath());
            if (value instanceof Boolean b) {
                element.put(name, b);
            } else {
                element.put(name, filter.literal(value));
            }
            return true;
        }
        return false;
    }

    private boolean evaluate(FilterExpression expression, JsonNode element) {
        if (expression instanceof LogicalExpression logical) {
            boolean left = evaluate(logical.getLeft(), element);
            return logical.getOperator() == LogicalOperator.AND
                    ? left && evaluate(logical.getRight(), element)
                    : left || evaluate(logical.getRight(), element);
        }
        if (expression instanceof GroupExpression group) {
            return group.isNot() != evaluate(group.getFilterExpression(), element);
        }
        if (expression instanceof AttributePresentExpression present) {
            JsonNode value = JsonFields.get(element, name(present.getAttributePath()));
            return value != null
                    && !value.isNull()
                    && !(value.isTextual() && value.asText().isEmpty());
        }
        if (expression instanceof AttributeComparisonExpression c) {
            return compare(JsonFields.get(element, name(c.getAttributePath())), c.getOperation(), c.getCompareValue());
        }
        throw ScimProblem.badRequest(ScimProblem.INVALID_PATH, "unsupported value filter");
    }

    private boolean compare(JsonNode actual, CompareOperator operator, Object expected) {
        if (operator == CompareOperator.PR) {
            return actual != null && !actual.isNull();
        }
        if (expected instanceof Boolean b) {
            boolean value = actual != null
                    && (actual.isBoolean() ? actual.booleanValue() : "true".equalsIgnoreCase(actual.asText()));
            return switch (operator) {
                case EQ -> actual != null && value == b;
                case NE -> actual == null || value != b;
                default -> throw ScimProblem.badRequest(ScimProblem.INVALID_PATH, "unsupported boolean comparison");
            };
        }
        if (expected == null) {
            boolean absent = actual == null || actual.isNull();
            return operator == CompareOperator.EQ ? absent : !absent;
        }
        String wanted = filter.literal(expected).toLowerCase(Locale.ROOT);
        if (actual == null || actual.isNull()) {
            return operator == CompareOperator.NE;
        }
        String value = actual.asText().toLowerCase(Locale.ROOT);
        return switch (operator) {
            case EQ -> value.equals(wanted);
            case NE -> !value.equals(wanted);
            case CO -> value.contains(wanted);
            case SW -> value.startsWith(wanted);
            case EW -> value.endsWith(wanted);
            case GT -> value.compareTo(wanted) > 0;
            case GE -> value.compareTo(wanted) >= 0;
            case LT -> value.compareTo(wanted) < 0;
            case LE -> value.compareTo(wanted) <= 0;
            default -> false;
        };
    }

    /** Inside brackets, "type" and "emails.type" both name the element's sub-attribute. */
    private static String name(AttributeReference reference) {
        return reference.getSubAttributeName() != null ? reference.getSubAttributeName() : reference.getAttributeName();
    }
}

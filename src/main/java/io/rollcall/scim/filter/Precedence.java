package io.rollcall.scim.filter;

import java.util.ArrayList;
import java.util.List;
import org.apache.directory.scim.spec.filter.FilterExpression;
import org.apache.directory.scim.spec.filter.GroupExpression;
import org.apache.directory.scim.spec.filter.LogicalExpression;
import org.apache.directory.scim.spec.filter.LogicalOperator;
import org.apache.directory.scim.spec.filter.ValuePathExpression;

/**
 * Restores RFC 7644 operator precedence ({@code and} binds tighter than {@code or}). SCIMple M1 folds a chain of
 * logical operators strictly left to right, so {@code a or b and c} became {@code (a or b) and c}. Parentheses
 * survive as {@link GroupExpression}s, so an in-order walk of the logical nodes gives back the chain as written.
 */
final class Precedence {

    private Precedence() {}

    static FilterExpression fix(FilterExpression expression) {
        if (expression instanceof LogicalExpression) {
            List<FilterExpression> operands = new ArrayList<>();
            List<LogicalOperator> operators = new ArrayList<>();
            flatten(expression, operands, operators);
            FilterExpression disjunction = null;
            FilterExpression conjunction = operands.get(0);
            for (int i = 0; i < operators.size(); i++) {
                if (operators.get(i) == LogicalOperator.AND) {
                    conjunction = new LogicalExpression(conjunction, LogicalOperator.AND, operands.get(i + 1));
                } else {
                    disjunction = disjunction == null
                            ? conjunction
                            : new LogicalExpression(disjunction, LogicalOperator.OR, conjunction);
                    conjunction = operands.get(i + 1);
                }
            }
            return disjunction == null
                    ? conjunction
                    : new LogicalExpression(disjunction, LogicalOperator.OR, conjunction);
        }
        if (expression instanceof GroupExpression group) {
            return new GroupExpression(group.isNot(), fix(group.getFilterExpression()));
        }
        if (expression instanceof ValuePathExpression valuePath) {
            return new ValuePathExpression(valuePath.getAttributePath(), fix(valuePath.getAttributeExpression()));
        }
        return expression;
    }

    private static void flatten(
            FilterExpression expression, List<FilterExpression> operands, List<LogicalOperator> operators) {
        if (expression instanceof LogicalExpression logical) {
            flatten(logical.getLeft(), operands, operators);
            operators.add(logical.getOperator());
            flatten(logical.getRight(), operands, operators);
        } else {
            operands.add(fix(expression));
        }
    }
}

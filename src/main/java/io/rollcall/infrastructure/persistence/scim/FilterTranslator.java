package io.rollcall.infrastructure.persistence.scim;

import io.rollcall.application.scim.FilterErrors;
import io.rollcall.application.scim.ParsedFilter;
import jakarta.persistence.criteria.AbstractQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.From;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.apache.directory.scim.spec.filter.AttributeComparisonExpression;
import org.apache.directory.scim.spec.filter.AttributePresentExpression;
import org.apache.directory.scim.spec.filter.CompareOperator;
import org.apache.directory.scim.spec.filter.FilterExpression;
import org.apache.directory.scim.spec.filter.GroupExpression;
import org.apache.directory.scim.spec.filter.LogicalExpression;
import org.apache.directory.scim.spec.filter.LogicalOperator;
import org.apache.directory.scim.spec.filter.ValuePathExpression;
import org.apache.directory.scim.spec.filter.attribute.AttributeReference;

/**
 * Translates a parsed SCIM filter into one JPA Criteria predicate: every value is a bound parameter, multi-valued
 * attributes become correlated EXISTS subqueries, and nothing is evaluated in memory. Comparisons are null-safe
 * ({@code attr IS NOT NULL AND ...}) so that {@code not (...)} keeps two-valued logic: a member without a title
 * matches {@code not (title eq "x")}. Not thread-bound; one instance per resource type can be shared.
 */
public final class FilterTranslator {

    private final ResourceSchema schema;

    public FilterTranslator(ResourceSchema schema) {
        this.schema = schema;
    }

    public ResourceSchema schema() {
        return schema;
    }

    /** @throws io.rollcall.application.scim.ScimProblem 400 invalidFilter for unknown attributes or unfit operators/values */
    public Predicate translate(ParsedFilter filter, CriteriaBuilder cb, AbstractQuery<?> query, Root<?> root) {
        return new Run(filter, cb, query, root).expression(filter.expression(), null, null);
    }

    /** One translation: the query being built and the literals of the filter. */
    private final class Run {

        private final ParsedFilter filter;
        private final CriteriaBuilder cb;
        private final AbstractQuery<?> query;
        private final Root<?> root;

        Run(ParsedFilter filter, CriteriaBuilder cb, AbstractQuery<?> query, Root<?> root) {
            this.filter = filter;
            this.cb = cb;
            this.query = query;
            this.root = root;
        }

        /** {@code scope} and {@code child} are set inside a value path ({@code emails[...]}), null at top level. */
        Predicate expression(FilterExpression expression, MultiValuedAttribute scope, Root<?> child) {
            if (expression instanceof LogicalExpression logical) {
                Predicate left = expression(logical.getLeft(), scope, child);
                Predicate right = expression(logical.getRight(), scope, child);
                return logical.getOperator() == LogicalOperator.AND ? cb.and(left, right) : cb.or(left, right);
            }
            if (expression instanceof GroupExpression group) {
                Predicate inner = expression(group.getFilterExpression(), scope, child);
                return group.isNot() ? cb.not(inner) : inner;
            }
            if (expression instanceof ValuePathExpression valuePath) {
                if (scope != null) {
                    throw FilterErrors.invalid("value paths cannot nest");
                }
                MultiValuedAttribute multi = schema.multiValued(valuePath.getAttributePath());
                return exists(multi, c -> expression(valuePath.getAttributeExpression(), multi, c));
            }
            if (expression instanceof AttributeComparisonExpression comparison) {
                return onAttribute(
                        comparison.getAttributePath(),
                        scope,
                        child,
                        (from, column) ->
                                compare(from, column, comparison.getOperation(), comparison.getCompareValue()));
            }
            if (expression instanceof AttributePresentExpression present) {
                return onAttribute(present.getAttributePath(), scope, child, this::present);
            }
            throw FilterErrors.invalid("unsupported expression");
        }

        private Predicate onAttribute(
                AttributeReference reference, MultiValuedAttribute scope, Root<?> child, ColumnPredicate predicate) {
            if (scope != null) {
                if (reference.getAttributeName() == null
                        || !scope.name().equalsIgnoreCase(reference.getAttributeName())
                        || (reference.getUrn() != null
                                && !reference.getUrn().equalsIgnoreCase(schema.coreSchemaUrn()))) {
                    throw FilterErrors.invalid("inside " + scope.name() + "[...] only its sub-attributes can be used");
                }
                return predicate.on(child, scope.sub(reference.getSubAttributeName()));
            }
            ResourceSchema.Resolved resolved = schema.resolve(reference);
            if (resolved.multiValued() == null) {
                return predicate.on(root, resolved.column());
            }
            return exists(resolved.multiValued(), c -> predicate.on(c, resolved.column()));
        }

        private Predicate exists(MultiValuedAttribute multi, java.util.function.Function<Root<?>, Predicate> inner) {
            // Selects the child row rather than a constant: a literal in a subquery's SELECT makes EclipseLink
            // inline every value of the statement instead of binding it.
            Subquery<Object> subquery = query.subquery(Object.class);
            Root<Object> child = subquery.from(castEntity(multi.entity()));
            subquery.select(child).where(multi.correlation().correlate(cb, subquery, child, root), inner.apply(child));
            return cb.exists(subquery);
        }

        private Predicate present(From<?, ?> from, ColumnAttribute column) {
            Expression<Object> value = from.get(column.field());
            if (column.kind() == ValueKind.STRING) {
                return cb.and(cb.isNotNull(value), cb.notEqual(value, ""));
            }
            return cb.isNotNull(value);
        }

        private Predicate compare(From<?, ?> from, ColumnAttribute column, CompareOperator operator, Object value) {
            if (operator == CompareOperator.PR) {
                return present(from, column);
            }
            if (value == null) {
                // "attr eq null" is how some clients say "absent" (RFC 7644 section 3.4.2.2 allows null).
                return switch (operator) {
                    case EQ -> cb.not(present(from, column));
                    case NE -> present(from, column);
                    default -> throw FilterErrors.invalid(operator + " cannot compare with null");
                };
            }
            return switch (column.kind()) {
                case STRING -> compareString(from, column, operator, filter.literal(value));
                case BOOLEAN -> compareBoolean(from.get(column.field()), operator, value);
                case DATE_TIME -> compareInstant(from.get(column.field()), operator, instant(filter.literal(value)));
            };
        }

        private Predicate compareString(
                From<?, ?> from, ColumnAttribute column, CompareOperator operator, String value) {
            Expression<String> raw = from.get(column.field());
            Expression<String> subject = raw;
            String operand = value;
            if (!column.caseExact()) {
                subject = column.lowerField() != null ? from.get(column.lowerField()) : cb.lower(raw);
                operand = value.toLowerCase(Locale.ROOT);
            }
            Predicate comparison =
                    switch (operator) {
                        case EQ, NE -> cb.equal(subject, operand);
                        case CO -> cb.like(subject, "%" + escapeLike(operand) + "%");
                        case SW -> cb.like(subject, escapeLike(operand) + "%");
                        case EW -> cb.like(subject, "%" + escapeLike(operand));
                        case GT -> cb.greaterThan(subject, operand);
                        case GE -> cb.greaterThanOrEqualTo(subject, operand);
                        case LT -> cb.lessThan(subject, operand);
                        case LE -> cb.lessThanOrEqualTo(subject, operand);
                        default -> throw FilterErrors.invalid("unsupported operator " + operator);
                    };
            return nullSafe(raw, operator, comparison);
        }

        private Predicate compareBoolean(Expression<Boolean> subject, CompareOperator operator, Object value) {
            if (!(value instanceof Boolean b)) {
                throw FilterErrors.invalid("a boolean attribute compares with true or false");
            }
            // Compared as 0/1 through CASE: EclipseLink inlines values in some subqueries and then renders booleans
            // as 1/0, which H2 refuses to compare with a BOOLEAN column. CASE works on H2 and MariaDB alike.
            Expression<Integer> asNumber =
                    cb.<Integer>selectCase().when(subject, 1).otherwise(0);
            Predicate equal = cb.equal(asNumber, b ? 1 : 0);
            return switch (operator) {
                case EQ, NE -> nullSafe(subject, operator, equal);
                default -> throw FilterErrors.invalid(operator + " does not apply to a boolean attribute");
            };
        }

        private Predicate compareInstant(Expression<Instant> subject, CompareOperator operator, Instant value) {
            Predicate comparison =
                    switch (operator) {
                        case EQ, NE -> cb.equal(subject, value);
                        case GT -> cb.greaterThan(subject, value);
                        case GE -> cb.greaterThanOrEqualTo(subject, value);
                        case LT -> cb.lessThan(subject, value);
                        case LE -> cb.lessThanOrEqualTo(subject, value);
                        default -> throw FilterErrors.invalid(operator + " does not apply to a dateTime attribute");
                    };
            return nullSafe(subject, operator, comparison);
        }

        /** {@code ne} matches absent values; everything else requires a value. Both stay two-valued under NOT. */
        private Predicate nullSafe(Expression<?> subject, CompareOperator operator, Predicate equalityOrComparison) {
            if (operator == CompareOperator.NE) {
                return cb.or(cb.isNull(subject), cb.not(equalityOrComparison));
            }
            return cb.and(cb.isNotNull(subject), equalityOrComparison);
        }
    }

    @SuppressWarnings("unchecked")
    private static Class<Object> castEntity(Class<?> entity) {
        return (Class<Object>) entity;
    }

    @FunctionalInterface
    private interface ColumnPredicate {
        Predicate on(From<?, ?> from, ColumnAttribute column);
    }

    static String escapeLike(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** SCIM dateTime (xsd:dateTime); a value without offset is read as UTC. */
    static Instant instant(String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                throw FilterErrors.invalid("'" + value + "' is not an xsd:dateTime");
            }
        }
    }
}

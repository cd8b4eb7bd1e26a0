package io.rollcall.domain.mapping;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The claims of one login, every claim multi-valued: {@code name -> values}. Immutable and thread-safe.
 *
 * <p>Lookup order used by {@link #values(String)}: names are case-sensitive (SAML attribute names are URIs, JWT claim
 * names are case-sensitive by RFC 7519). A name is looked up exactly as given; for claims built from a JWT, nested
 * objects are also reachable by a dotted path ({@code realm_access.roles}), but a top-level claim whose name literally
 * contains the dot wins over the nested path. A missing claim yields an empty list, never {@code null}.
 */
public final class ClaimSet {

    private static final ClaimSet EMPTY = new ClaimSet(Map.of());

    private final Map<String, List<String>> claims;

    private ClaimSet(Map<String, List<String>> claims) {
        this.claims = claims;
    }

    /** An empty claim set. */
    public static ClaimSet empty() {
        return EMPTY;
    }

    /**
     * From SAML attributes, already merged per name (repeated {@code Attribute} elements of one name are one claim).
     * Null names and values are dropped.
     */
    public static ClaimSet of(Map<String, ? extends Collection<String>> attributes) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        attributes.forEach((name, values) -> {
            if (name == null || values == null) {
                return;
            }
            List<String> kept = values.stream().filter(Objects::nonNull).toList();
            copy.merge(name, kept, ClaimSet::concat);
        });
        return new ClaimSet(Collections.unmodifiableMap(copy));
    }

    /**
     * From the claims of a JWT as a JSON object ({@code Map<String,Object>} as Nimbus exposes it). A claim may be a
     * string, a number, a boolean (kept as their JSON text, e.g. {@code "true"}), an array of those (one value per
     * element; nested arrays and objects inside arrays are skipped) or an object (flattened to dotted names, see the
     * class comment). {@code null} is no value.
     */
    public static ClaimSet fromJwtClaims(Map<String, ?> jwtClaims) {
        Map<String, List<String>> flat = new LinkedHashMap<>();
        // Top-level claims first so that a literal dotted name wins over a flattened nested path.
        jwtClaims.forEach((name, value) -> {
            if (!(value instanceof Map<?, ?>)) {
                List<String> values = scalars(value);
                if (name != null && !values.isEmpty()) {
                    flat.put(name, values);
                }
            }
        });
        jwtClaims.forEach((name, value) -> {
            if (name != null && value instanceof Map<?, ?> nested) {
                flatten(name, nested, flat);
            }
        });
        return new ClaimSet(Collections.unmodifiableMap(flat));
    }

    private static void flatten(String prefix, Map<?, ?> object, Map<String, List<String>> into) {
        object.forEach((key, value) -> {
            if (key == null) {
                return;
            }
            String path = prefix + "." + key;
            if (value instanceof Map<?, ?> nested) {
                flatten(path, nested, into);
            } else {
                List<String> values = scalars(value);
                if (!values.isEmpty()) {
                    into.putIfAbsent(path, values);
                }
            }
        });
    }

    private static List<String> scalars(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof Collection<?> array) {
            List<String> out = new ArrayList<>(array.size());
            for (Object element : array) {
                if (element instanceof String || element instanceof Number || element instanceof Boolean) {
                    out.add(element.toString());
                }
            }
            return List.copyOf(out);
        }
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return List.of(value.toString());
        }
        return List.of();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    /** The values of a claim; empty when absent. */
    public List<String> values(String name) {
        List<String> values = claims.get(name);
        return values == null ? List.of() : List.copyOf(values);
    }

    /** Whether the claim is present with at least one value. */
    public boolean has(String name) {
        return !values(name).isEmpty();
    }

    /** All claims, unmodifiable. */
    public Map<String, List<String>> asMap() {
        return claims;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClaimSet other && claims.equals(other.claims);
    }

    @Override
    public int hashCode() {
        return claims.hashCode();
    }

    @Override
    public String toString() {
        // Names only: values can be personal data and must not end up in logs by accident.
        return "ClaimSet" + claims.keySet();
    }
}

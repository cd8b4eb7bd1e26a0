package io.rollcall.domain.shared;

import java.util.UUID;

/** Identifiers the domain hands out: random UUIDs, so that they reveal nothing and never collide across instances. */
public final class Ids {

    private Ids() {}

    public static String newId() {
        return UUID.randomUUID().toString();
    }

    /** True when {@code value} is a canonical UUID string; anything else can be refused before touching the DB. */
    public static boolean isUuid(String value) {
        if (value == null || value.length() != 36) {
            return false;
        }
        try {
            return UUID.fromString(value).toString().equals(value.toLowerCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}

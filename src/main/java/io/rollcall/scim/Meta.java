package io.rollcall.scim;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * The {@code meta} of a resource. Times carry an explicit offset (SCIMple M1 writes a zone-less LocalDateTime) and
 * {@code version} equals the ETag header, both derived from the entity's version column.
 */
public final class Meta {

    private Meta() {}

    public static ObjectNode of(
            String resourceType, Instant created, Instant lastModified, long version, String location) {
        ObjectNode meta = JsonNodeFactory.instance.objectNode();
        meta.put("resourceType", resourceType);
        // Millisecond precision, as stored (DATETIME(3)): a response before and after a re-read must agree.
        meta.put("created", DateTimeFormatter.ISO_INSTANT.format(created.truncatedTo(ChronoUnit.MILLIS)));
        meta.put("lastModified", DateTimeFormatter.ISO_INSTANT.format(lastModified.truncatedTo(ChronoUnit.MILLIS)));
        meta.put("location", location);
        meta.put("version", ETags.of(version));
        return meta;
    }
}

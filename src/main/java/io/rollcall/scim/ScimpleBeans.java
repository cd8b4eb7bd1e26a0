package io.rollcall.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.apache.directory.scim.spec.resources.ScimResource;
import org.apache.directory.scim.spec.schema.Meta;

/** Binds our JSON renderings to SCIMple beans for its repository SPI (its Meta holds zone-less UTC times). */
final class ScimpleBeans {

    private ScimpleBeans() {
    }

    static <T extends ScimResource> T bind(ObjectMapper mapper, ObjectNode rendered, Class<T> type) {
        JsonNode meta = rendered.remove("meta");
        try {
            T bean = mapper.treeToValue(rendered, type);
            Meta scimpleMeta = new Meta();
            scimpleMeta.setResourceType(meta.path("resourceType").asText());
            scimpleMeta.setLocation(meta.path("location").asText());
            scimpleMeta.setVersion(meta.path("version").asText());
            scimpleMeta.setCreated(utc(meta.path("created").asText()));
            scimpleMeta.setLastModified(utc(meta.path("lastModified").asText()));
            bean.setMeta(scimpleMeta);
            return bean;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a resource we rendered did not bind to SCIMple's " + type.getName(), e);
        }
    }

    private static LocalDateTime utc(String instant) {
        return OffsetDateTime.parse(instant).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
    }
}

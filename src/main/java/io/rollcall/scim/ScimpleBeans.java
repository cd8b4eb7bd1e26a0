package io.rollcall.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rollcall.domain.shared.Page;
import io.rollcall.scim.filter.ScimFilterParser;
import io.rollcall.scim.filter.SearchSpec;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.Function;
import org.apache.directory.scim.spec.filter.Filter;
import org.apache.directory.scim.spec.filter.FilterResponse;
import org.apache.directory.scim.spec.filter.PageRequest;
import org.apache.directory.scim.spec.filter.SortOrder;
import org.apache.directory.scim.spec.filter.SortRequest;
import org.apache.directory.scim.spec.resources.ScimResource;
import org.apache.directory.scim.spec.schema.Meta;

/**
 * What the SCIMple repository SPI implementations share: binding our JSON renderings to SCIMple beans (its Meta holds
 * zone-less UTC times) and back, and turning its find arguments into our search.
 */
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

    /** A SCIMple bean as our JSON input: {@code meta} is server-managed and never taken from a client. */
    static ObjectNode withoutMeta(ObjectMapper mapper, ScimResource resource) {
        ObjectNode node = mapper.valueToTree(resource);
        node.remove("meta");
        return node;
    }

    /** SCIMple's find arguments as our search, with the same defaults and limits as a list request over HTTP. */
    static SearchSpec searchSpec(Filter filter, PageRequest pageRequest, SortRequest sortRequest) {
        int start = pageRequest == null || pageRequest.getStartIndex() == null ? 1
                : Math.max(1, pageRequest.getStartIndex());
        int count = pageRequest == null || pageRequest.getCount() == null ? ListParams.DEFAULT_COUNT
                : Math.min(ListParams.MAX_RESULTS, Math.max(0, pageRequest.getCount()));
        return new SearchSpec(filter == null ? null : ScimFilterParser.parse(filter.getFilter()),
                sortRequest == null ? null : sortRequest.getSortBy(),
                sortRequest != null && sortRequest.getSortOrder() == SortOrder.DESCENDING, start - 1, count);
    }

    static <V, T extends ScimResource> FilterResponse<T> response(Page<V> page, Function<V, T> bean,
            PageRequest pageRequest) {
        return new FilterResponse<>(page.items().stream().map(bean).toList(), pageRequest,
                (int) Math.min(Integer.MAX_VALUE, page.total()));
    }

    private static LocalDateTime utc(String instant) {
        return OffsetDateTime.parse(instant).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
    }
}

package io.rollcall.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * Writes the JSON trees our SCIM resources build. Users, groups and errors are shaped as trees (not SCIMple beans)
 * so that meta, locations and attribute projection are exactly what RFC 7643 asks, whatever SCIMple M1 does.
 */
@Produces({ScimMediaTypes.SCIM_JSON, MediaType.APPLICATION_JSON})
public class ScimJsonWriter implements MessageBodyWriter<JsonNode> {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return JsonNode.class.isAssignableFrom(type);
    }

    @Override
    public void writeTo(
            JsonNode node,
            Class<?> type,
            Type genericType,
            Annotation[] annotations,
            MediaType mediaType,
            MultivaluedMap<String, Object> headers,
            OutputStream out)
            throws java.io.IOException {
        MAPPER.writeValue(
                new java.io.FilterOutputStream(out) {
                    /** FilterOutputStream would hand the container Jackson's buffer one byte (one call) at a time. */
                    @Override
                    public void write(byte[] bytes, int offset, int length) throws java.io.IOException {
                        out.write(bytes, offset, length);
                    }

                    @Override
                    public void close() {
                        // The container owns the stream.
                    }
                },
                node);
    }
}

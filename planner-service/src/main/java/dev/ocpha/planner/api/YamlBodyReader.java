package dev.ocpha.planner.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/** Reads request bodies sent as YAML (topology files are usually YAML) with the same rules as JSON. */
@Provider
@Consumes({"application/yaml", "application/x-yaml", "text/yaml"})
public class YamlBodyReader implements MessageBodyReader<Object> {

    private final ObjectMapper yaml;

    public YamlBodyReader(ObjectMapper json) {
        this.yaml = json.copyWith(new YAMLFactory());
    }

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type.isRecord();
    }

    @Override
    public Object readFrom(Class<Object> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                           MultivaluedMap<String, String> headers, InputStream body) throws IOException {
        return yaml.readValue(body, yaml.constructType(genericType));
    }
}

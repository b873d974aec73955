package dev.ocpha.planner.domain;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.ocpha.platform.api.Problem.FieldError;
import dev.ocpha.platform.api.ProblemMappers;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a topology from JSON or YAML with strict rules: unknown fields, keys given twice, wrong types and trailing
 * content are errors naming their field, so a typo never silently falls back to a default (or to the last of two
 * values).
 */
public final class TopologyParser {

    private static final ObjectMapper JSON = configure(JsonMapper.builder()).build();
    private static final ObjectMapper YAML = configure(YAMLMapper.builder()).build();

    private TopologyParser() {
    }

    private static <M extends ObjectMapper, B extends com.fasterxml.jackson.databind.cfg.MapperBuilder<M, B>> B configure(
            B builder) {
        return builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS);
    }

    /** Parses {@code body}; YAML when {@code yaml}, JSON otherwise. Throws {@link TopologyRejectedException}. */
    public static Topology parse(byte[] body, boolean yaml) {
        if (body == null || body.length == 0 || new String(body, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            throw new TopologyRejectedException(true, "The request body is empty: send a topology.", List.of());
        }
        ObjectMapper mapper = yaml ? YAML : JSON;
        JsonNode tree = null;
        try {
            tree = mapper.readTree(body);
            if (tree == null || !tree.isObject()) {
                throw new TopologyRejectedException(true, "The request body must be one topology object.", List.of());
            }
            return mapper.treeToValue(tree, Topology.class);
        } catch (JsonParseException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr();
            String field = ProblemMappers.path(e);
            throw new TopologyRejectedException(true, "The body is not valid " + (yaml ? "YAML" : "JSON") + where + ".",
                    field.isEmpty() ? List.of() : List.of(new FieldError(field,
                            ProblemMappers.firstLine(e.getOriginalMessage()))));
        } catch (JsonMappingException e) {
            String field = singleValueField(ProblemMappers.path(e), e, tree);
            FieldError error = new FieldError(field.isEmpty() ? "(body)" : field, message(e), hint(e));
            throw new TopologyRejectedException(true, "The topology cannot be read: " + error.field() + " "
                    + error.message() + ".", List.of(error));
        } catch (JsonProcessingException e) {
            throw new TopologyRejectedException(true, "The body cannot be read as a topology.", List.of());
        } catch (IOException e) {
            throw new TopologyRejectedException(true, "The body cannot be read.", List.of());
        }
    }

    /** {@code mode: TRIPLE} is read as the list [TRIPLE]; name the field as written, not its first element. */
    private static String singleValueField(String field, JsonMappingException e, JsonNode tree) {
        if (tree == null || !field.endsWith("[0]") || e.getPath().isEmpty()) {
            return field;
        }
        JsonNode node = tree;
        for (JsonMappingException.Reference ref : e.getPath().subList(0, e.getPath().size() - 1)) {
            node = ref.getFieldName() != null ? node.path(ref.getFieldName()) : node.path(ref.getIndex());
        }
        return node.isArray() ? field : field.substring(0, field.length() - 3);
    }

    private static String message(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return "is not a known field";
        }
        if (e instanceof InvalidFormatException format && format.getTargetType() != null
                && format.getTargetType().isEnum()) {
            return "'" + format.getValue() + "' is not one of " + Arrays.toString(format.getTargetType().getEnumConstants());
        }
        if (e instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            return "must be " + describe(mismatched.getTargetType());
        }
        return "cannot be read";
    }

    private static String hint(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException unknown && unknown.getKnownPropertyIds() != null) {
            return "known fields here: " + unknown.getKnownPropertyIds().stream().map(Object::toString).sorted().toList();
        }
        return "see docs/topology.md";
    }

    private static String describe(Class<?> type) {
        if (type == Integer.class || type == int.class) {
            return "a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (List.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        return "an object";
    }
}

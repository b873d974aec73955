package dev.ocpha.platform.api;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Function;

/**
 * Whole-number parameters that are not numbers ({@code ?page=abc}) are a 400 naming the parameter, instead of the
 * 404 JAX-RS gives a query or path parameter it cannot convert.
 */
@Provider
public class NumberParameters implements ParamConverterProvider {

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (rawType == int.class || rawType == Integer.class) {
            return (ParamConverter<T>) new WholeNumber<>(name(annotations), Integer::valueOf);
        }
        if (rawType == long.class || rawType == Long.class) {
            return (ParamConverter<T>) new WholeNumber<>(name(annotations), Long::valueOf);
        }
        return null;
    }

    private static String name(Annotation[] annotations) {
        return Arrays.stream(annotations).map(annotation -> annotation instanceof QueryParam query ? query.value()
                        : annotation instanceof PathParam path ? path.value()
                        : annotation instanceof HeaderParam header ? header.value() : null)
                .filter(Objects::nonNull).findFirst().orElse("a parameter");
    }

    private record WholeNumber<N extends Number>(String name, Function<String, N> parse) implements ParamConverter<N> {
        @Override
        public N fromString(String value) {
            try {
                return value == null ? null : parse.apply(value.trim());
            } catch (NumberFormatException e) {
                throw new InvalidParameterException(name, "must be a whole number");
            }
        }

        @Override
        public String toString(N value) {
            return value.toString();
        }
    }
}

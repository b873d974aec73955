package dev.ocpha.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Gives tests a {@link LabFleet} parameter: a fleet of {@link LabHosts} hosts (parameter, then method, then class;
 * default 1) in a temporary directory, shared by the test class and closed after it.
 * Hosts get free ports, so test runs on one machine do not collide.
 */
public final class LabFleetExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LabFleetExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LabFleet.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        int hosts = parameter.findAnnotation(LabHosts.class)
                .or(() -> context.getTestMethod().flatMap(m -> AnnotationSupport.findAnnotation(m, LabHosts.class)))
                .or(() -> context.getTestClass().flatMap(c -> AnnotationSupport.findAnnotation(c, LabHosts.class)))
                .map(LabHosts::value)
                .orElse(1);
        return classContext(context).getStore(NAMESPACE)
                .computeIfAbsent("fleet-" + hosts, key -> TempFleet.start(hosts), TempFleet.class)
                .fleet();
    }

    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext c = context;
        while (c.getTestMethod().isPresent() && c.getParent().isPresent()) {
            c = c.getParent().get();
        }
        return c;
    }

    /** Closed by JUnit with the class's store: the fleet stops and its directory goes. */
    private record TempFleet(LabFleet fleet, Path dir) implements AutoCloseable {
        static TempFleet start(int hosts) {
            try {
                Path dir = Files.createTempDirectory("lab-fleet-");
                return new TempFleet(LabFleet.start(dir, hosts, 0), dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() throws IOException {
            fleet.close();
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}

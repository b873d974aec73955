package dev.ocpha.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A service's OpenAPI document checked the way a client generator would read it: Redocly CLI's {@code recommended}
 * ruleset (installed by {@code npm ci} from the committed lock file in {@code tools/openapi-lint}, configured by its
 * {@code redocly.yaml}), then every operation walked for a 2xx response with a schema and the bearer requirement.
 */
public final class OpenApiLint {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");
    private static final String INSTALLED_MARK = ".ocpha-lock-sha256";

    private OpenApiLint() {
    }

    /** Lints {@code document} (JSON); fails listing every problem Redocly reports, errors and warnings alike. */
    public static void assertLintsClean(String service, String document) {
        Path tool = toolDir();
        installOnce(tool);
        try {
            Path file = Files.createTempFile("openapi-" + service + "-", ".json");
            Files.writeString(file, document);
            Path redocly = tool.resolve("node_modules/.bin/redocly");
            ProcessBuilder lint = new ProcessBuilder(redocly.toString(), "lint", "--config",
                    tool.resolve("redocly.yaml").toString(), "--format", "json", "--max-problems", "1000",
                    file.toString()).redirectError(ProcessBuilder.Redirect.DISCARD);
            quiet(lint);
            Result result = run(lint, 120);
            Files.deleteIfExists(file);
            JsonNode report;
            try {
                report = JSON.readTree(result.output());
            } catch (IOException e) {
                throw new AssertionError("Redocly did not lint " + service + "'s document (exit " + result.exit()
                        + "):\n" + result.output(), e);
            }
            List<String> problems = new ArrayList<>();
            for (JsonNode problem : report.path("problems")) {
                problems.add(problem.path("severity").asText() + " " + problem.path("ruleId").asText() + " at "
                        + problem.path("location").path(0).path("pointer").asText() + ": "
                        + problem.path("message").asText());
            }
            if (!problems.isEmpty() || result.exit() != 0) {
                throw new AssertionError("Redocly finds " + report.path("totals") + " in " + service
                        + "'s OpenAPI document:\n  " + String.join("\n  ", problems));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Every operation has a 2xx response with a schema (a 204, which has no body, is the one exception), and, unless
     * listed in {@code open}, the {@code securityScheme} requirement, which the document must declare.
     */
    public static void assertOperationsTyped(String document, String securityScheme, Set<String> open) {
        JsonNode root = read(document);
        List<String> wrong = new ArrayList<>();
        if (root.path("components").path("securitySchemes").path(securityScheme).isMissingNode()) {
            wrong.add("no security scheme '" + securityScheme + "' in components.securitySchemes");
        }
        for (Iterator<Map.Entry<String, JsonNode>> paths = root.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                String name = op.getKey().toUpperCase() + " " + path.getKey();
                checkSuccess(root, name, op.getValue().path("responses"), wrong);
                if (!open.contains(name) && !requires(op.getValue(), root, securityScheme)) {
                    wrong.add(name + ": no '" + securityScheme + "' security requirement");
                }
            }
        }
        if (!wrong.isEmpty()) {
            throw new AssertionError("OpenAPI operations a client cannot be generated for:\n  "
                    + String.join("\n  ", wrong));
        }
    }

    private static void checkSuccess(JsonNode root, String name, JsonNode responses, List<String> wrong) {
        boolean success = false;
        for (Iterator<Map.Entry<String, JsonNode>> it = responses.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> response = it.next();
            if (!response.getKey().startsWith("2")) {
                continue;
            }
            success = true;
            if (response.getKey().equals("204")) {
                continue;
            }
            JsonNode content = resolve(root, response.getValue()).path("content");
            if (content.isEmpty()) {
                wrong.add(name + ": response " + response.getKey() + " has no content");
            }
            for (Iterator<Map.Entry<String, JsonNode>> media = content.fields(); media.hasNext(); ) {
                Map.Entry<String, JsonNode> type = media.next();
                if (type.getValue().path("schema").isEmpty()) {
                    wrong.add(name + ": response " + response.getKey() + " " + type.getKey() + " has no schema");
                }
            }
        }
        if (!success) {
            wrong.add(name + ": no 2xx response");
        }
    }

    private static boolean requires(JsonNode operation, JsonNode root, String scheme) {
        JsonNode security = operation.has("security") ? operation.get("security") : root.path("security");
        for (JsonNode requirement : security) {
            if (requirement.has(scheme)) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode resolve(JsonNode root, JsonNode node) {
        JsonNode ref = node.path("$ref");
        return ref.isTextual() ? root.at(ref.asText().substring(1)) : node;
    }

    private static JsonNode read(String document) {
        try {
            return JSON.readTree(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path toolDir() {
        String configured = System.getProperty("ocpha.openapi-lint.dir");
        Path dir = configured != null ? Path.of(configured) : Path.of("..", "tools", "openapi-lint");
        if (!Files.isRegularFile(dir.resolve("package-lock.json"))) {
            throw new IllegalStateException("No tools/openapi-lint at " + dir.toAbsolutePath()
                    + " (system property ocpha.openapi-lint.dir)");
        }
        return dir.toAbsolutePath().normalize();
    }

    /**
     * {@code npm ci} from the committed lock file, unless node_modules was installed from this very lock file
     * already; a file lock keeps test JVMs running side by side from installing at once.
     */
    private static void installOnce(Path tool) {
        try (FileChannel channel = FileChannel.open(tool.resolve(".install-lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock ignored = channel.lock()) {
            String lockHash = sha256(Files.readAllBytes(tool.resolve("package-lock.json")));
            Path mark = tool.resolve("node_modules").resolve(INSTALLED_MARK);
            if (Files.isRegularFile(mark) && Files.readString(mark).equals(lockHash)) {
                return;
            }
            ProcessBuilder npm = new ProcessBuilder("npm", "ci", "--prefix", tool.toString(), "--no-audit",
                    "--no-fund").redirectErrorStream(true);
            quiet(npm);
            Result result;
            try {
                result = run(npm, 300);
            } catch (IOException missing) {
                throw new IllegalStateException("The OpenAPI lint needs Node.js 20.19 or newer with npm on the PATH "
                        + "(Redocly CLI's engines; this machine kind ships them): " + missing.getMessage(), missing);
            }
            if (result.exit() != 0) {
                throw new IllegalStateException("npm ci in " + tool + " failed:\n" + result.output());
            }
            Files.writeString(mark, lockHash);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** No telemetry and no update check: the lint runs offline apart from npm ci. */
    private static void quiet(ProcessBuilder process) {
        process.environment().put("REDOCLY_TELEMETRY", "off");
        process.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
        process.environment().put("NO_COLOR", "1");
    }

    private record Result(int exit, String output) {
    }

    private static Result run(ProcessBuilder builder, int timeoutSeconds) throws IOException {
        Process process = builder.start();
        process.getOutputStream().close();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", builder.command()) + " did not finish");
            }
            return new Result(process.exitValue(), output);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

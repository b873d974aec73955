package dev.ocpha.executor.steps;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** A step command's parameters, read with checks whose errors name the step kind, the parameter and the rule. */
public final class StepParameters {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,127}");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.:-]{0,252}");
    private static final Pattern DB_USER = Pattern.compile("[A-Za-z0-9_]+(@[A-Za-z0-9_]+(#[A-Za-z0-9_.-]+)?)?");
    private static final Pattern PATH = Pattern.compile("[A-Za-z0-9_./@+-]{1,1024}");

    private final String kind;
    private final Map<String, String> values;

    public StepParameters(String kind, Map<String, String> values) {
        this.kind = kind;
        this.values = values == null ? Map.of() : values;
    }

    public String require(String name) throws StepFailure {
        String value = values.get(name);
        if (value == null || value.isBlank()) {
            throw invalid(name, "is missing");
        }
        return value;
    }

    public String optional(String name, String fallback) {
        String value = values.get(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    public boolean has(String name) {
        String value = values.get(name);
        return value != null && !value.isBlank();
    }

    /** A container, cluster, zone, tenant, user or database name: letters, digits, {@code _ . -}. */
    public String name(String name) throws StepFailure {
        return matching(name, require(name), NAME, "a name of letters, digits, '_', '.' and '-'");
    }

    public String nameOr(String name, String fallback) throws StepFailure {
        return has(name) ? name(name) : fallback;
    }

    public int integer(String name, int min, int max) throws StepFailure {
        String value = require(name);
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid(name, "is '" + value + "', not a whole number from " + min + " to " + max);
    }

    public int port(String name) throws StepFailure {
        return integer(name, 1, 65535);
    }

    public boolean bool(String name) throws StepFailure {
        String value = optional(name, "false");
        if (value.equals("true") || value.equals("false")) {
            return Boolean.parseBoolean(value);
        }
        throw invalid(name, "is '" + value + "', not true or false");
    }

    /** A host name or address, optionally with {@code :port}. */
    public String host(String name) throws StepFailure {
        return matching(name, require(name), HOST, "a host name or address");
    }

    /** An absolute path, or one relative to the SSH user's home; no {@code ..}. */
    public String path(String name) throws StepFailure {
        return path(name, require(name));
    }

    private String path(String name, String value) throws StepFailure {
        matching(name, value, PATH, "a path of letters, digits and '_ . / @ + -'");
        if (Arrays.asList(value.split("/")).contains("..") || value.equals("/")) {
            throw invalid(name, "is '" + value + "': '..' and '/' itself are not allowed");
        }
        return value;
    }

    /** A comma-separated list of paths. */
    public List<String> paths(String name) throws StepFailure {
        List<String> paths = list(name);
        for (String path : paths) {
            path(name, path);
        }
        return paths;
    }

    /** A comma-separated list of names. */
    public List<String> names(String name) throws StepFailure {
        List<String> names = list(name);
        for (String each : names) {
            matching(name, each, NAME, "a list of names of letters, digits, '_', '.' and '-'");
        }
        return names;
    }

    public List<String> list(String name) throws StepFailure {
        List<String> items = Arrays.stream(require(name).split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        if (items.isEmpty()) {
            throw invalid(name, "is an empty list");
        }
        return items;
    }

    /** An http(s) URL without a trailing slash, as OCP's parameters want it. */
    public String url(String name) throws StepFailure {
        return url(name, require(name));
    }

    /** {@code value} (derived from parameter {@code name}) if it is an http(s) URL without a trailing slash. */
    public String url(String name, String value) throws StepFailure {
        if (!value.matches("https?://[A-Za-z0-9.\\[\\]:-]+(/[A-Za-z0-9._~/-]*)?") || value.endsWith("/")) {
            throw invalid(name, "gives '" + value + "', not an http(s) URL without a trailing '/'");
        }
        return value;
    }

    /** A database user: {@code user}, {@code user@tenant} or {@code user@tenant#cluster}. */
    public String dbUser(String name) throws StepFailure {
        return matching(name, require(name), DB_USER, "user, user@tenant or user@tenant#cluster");
    }

    /** One of the given words. */
    public String oneOf(String name, String... allowed) throws StepFailure {
        String value = require(name);
        if (!Arrays.asList(allowed).contains(value)) {
            throw invalid(name, "is '" + value + "', not one of " + String.join(", ", allowed));
        }
        return value;
    }

    /** Parameters named {@code prefix + x}, as x → value, in a stable order. */
    public Map<String, String> withPrefix(String prefix) {
        Map<String, String> found = new LinkedHashMap<>();
        values.entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> found.put(e.getKey().substring(prefix.length()), e.getValue()));
        return found;
    }

    public StepFailure invalid(String name, String problem) {
        return StepFailure.permanent("invalid parameter '" + name + "' of " + kind + ": it " + problem);
    }

    private String matching(String name, String value, Pattern pattern, String rule) throws StepFailure {
        if (!pattern.matcher(value).matches()) {
            throw invalid(name, "is '" + value + "', not " + rule);
        }
        return value;
    }
}

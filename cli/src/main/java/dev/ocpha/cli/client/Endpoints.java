package dev.ocpha.cli.client;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Where the services are: a flag wins over the environment ({@code OCPHA_PLANNER_URL}, {@code OCPHA_CHECKER_URL},
 * {@code OCPHA_REGISTRY_URL}, {@code OCPHA_EXECUTOR_URLS} comma-separated), which wins over the local defaults.
 */
public record Endpoints(Service planner, Service checker, Service registry, List<Service> executors) {

    public static final String PLANNER = "planner";
    public static final String CHECKER = "checker";
    public static final String REGISTRY = "registry";
    public static final String EXECUTOR = "executor";

    public static Endpoints resolve(String planner, String checker, String registry, List<String> executors,
                                    Map<String, String> env) {
        List<String> executorUrls = executors != null && !executors.isEmpty() ? executors
                : split(env.getOrDefault("OCPHA_EXECUTOR_URLS", "http://localhost:8082"));
        List<Service> executorServices = new ArrayList<>();
        for (int i = 0; i < executorUrls.size(); i++) {
            String name = executorUrls.size() == 1 ? EXECUTOR : EXECUTOR + "-" + (i + 1);
            executorServices.add(service(name, executorUrls.get(i), "--executor"));
        }
        return new Endpoints(
                service(PLANNER, pick(planner, env.get("OCPHA_PLANNER_URL"), "http://localhost:8081"), "--planner"),
                service(CHECKER, pick(checker, env.get("OCPHA_CHECKER_URL"), "http://localhost:8083"), "--checker"),
                service(REGISTRY, pick(registry, env.get("OCPHA_REGISTRY_URL"), "http://localhost:8084"), "--registry"),
                List.copyOf(executorServices));
    }

    /** Every service, in the order tables list them. */
    public List<Service> all() {
        List<Service> all = new ArrayList<>(List.of(planner, checker, registry));
        all.addAll(executors);
        return all;
    }

    /**
     * The services {@code name} selects: all without one; {@code executor} means every executor, {@code executor-2}
     * the second.
     */
    public List<Service> select(String name) {
        if (name == null) {
            return all();
        }
        List<Service> selected = all().stream()
                .filter(s -> s.name().equals(name) || name.equals(EXECUTOR) && s.name().startsWith(EXECUTOR))
                .toList();
        if (selected.isEmpty()) {
            throw new IllegalArgumentException("no service '" + name + "'; one of "
                    + String.join(", ", all().stream().map(Service::name).toList())
                    + (executors.size() > 1 ? ", executor (every executor)" : ""));
        }
        return selected;
    }

    /**
     * Where {@code name}'s tokens are kept: like {@link #select}, except that the executors share one database (the
     * {@code executor} schema), so all of them are one token store, reached through the first; {@code executor-N} picks
     * that one.
     */
    public List<Service> tokenStores(String name) {
        List<Service> selected = select(name);
        List<Service> stores = new ArrayList<>();
        boolean executorTaken = false;
        for (Service service : selected) {
            boolean executor = executors.contains(service);
            if (!executor || !executorTaken || name != null && name.equals(service.name())) {
                stores.add(service);
            }
            executorTaken |= executor;
        }
        return stores;
    }

    private static String pick(String flag, String env, String fallback) {
        if (flag != null && !flag.isBlank()) {
            return flag;
        }
        return env != null && !env.isBlank() ? env : fallback;
    }

    private static List<String> split(String urls) {
        return Arrays.stream(urls.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static Service service(String name, String url, String flag) {
        URI uri;
        try {
            uri = URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(flag + " " + url + " is not a URL");
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException(flag + " " + url + " is not an http(s) URL");
        }
        return new Service(name, uri);
    }
}

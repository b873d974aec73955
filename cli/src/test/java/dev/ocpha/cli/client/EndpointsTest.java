package dev.ocpha.cli.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EndpointsTest {

    @Test
    void withNothingConfigured_theLocalDefaultsAreUsed() {
        Endpoints endpoints = Endpoints.resolve(null, null, null, null, Map.of());

        assertEquals(List.of("planner http://localhost:8081", "checker http://localhost:8083",
                "registry http://localhost:8084", "executor http://localhost:8082"),
                endpoints.all().stream().map(s -> s.name() + " " + s.baseUrl()).toList());
    }

    @Test
    void aFlag_winsOverTheEnvironment_whichWinsOverTheDefault() {
        Endpoints endpoints = Endpoints.resolve("http://p:1", null, null, null,
                Map.of("OCPHA_PLANNER_URL", "http://env-p:2", "OCPHA_CHECKER_URL", "http://env-c:3"));

        assertEquals("http://p:1", endpoints.planner().baseUrl().toString());
        assertEquals("http://env-c:3", endpoints.checker().baseUrl().toString());
        assertEquals("http://localhost:8084", endpoints.registry().baseUrl().toString());
    }

    @Test
    void severalExecutors_areNumbered_andExecutorSelectsThemAll() {
        Endpoints endpoints = Endpoints.resolve(null, null, null, null,
                Map.of("OCPHA_EXECUTOR_URLS", "http://e1:8090, http://e2:8091,"));

        assertEquals(List.of("executor-1", "executor-2"), endpoints.executors().stream().map(Service::name).toList());
        assertEquals(2, endpoints.select("executor").size());
        assertEquals("http://e2:8091", endpoints.select("executor-2").get(0).baseUrl().toString());
        assertEquals(5, endpoints.select(null).size());
    }

    @Test
    void theExecutors_areOneTokenStore_reachedThroughTheFirstUnlessOneIsNamed() {
        Endpoints endpoints = Endpoints.resolve(null, null, null, null,
                Map.of("OCPHA_EXECUTOR_URLS", "http://e1:8090,http://e2:8091"));

        assertEquals(List.of("planner", "checker", "registry", "executor-1"),
                endpoints.tokenStores(null).stream().map(Service::name).toList());
        assertEquals(List.of("executor-1"), endpoints.tokenStores("executor").stream().map(Service::name).toList());
        assertEquals(List.of("executor-2"), endpoints.tokenStores("executor-2").stream().map(Service::name).toList());
    }

    @Test
    void anUnknownServiceOrABadUrl_isRefusedNamingIt() {
        Endpoints endpoints = Endpoints.resolve(null, null, null, null, Map.of());

        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> endpoints.select("x"));
        IllegalArgumentException url = assertThrows(IllegalArgumentException.class,
                () -> Endpoints.resolve("ftp://p", null, null, null, Map.of()));

        assertTrue(unknown.getMessage().contains("one of planner, checker, registry, executor"), unknown.getMessage());
        assertEquals("--planner ftp://p is not an http(s) URL", url.getMessage());
    }

    @Test
    void paths_areAppendedToTheBaseUrl_withOrWithoutATrailingSlash() {
        assertEquals("http://h:1/x/tokens", new Service("s", java.net.URI.create("http://h:1/x/")).resolve("/tokens")
                .toString());
    }
}

package dev.ocpha.cli.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApiExceptionTest {

    static final Service PLANNER = new Service("planner", URI.create("http://p:8081"));
    static final URI URL = URI.create("http://p:8081/deployments");

    @Test
    void aProblem_readsAsTheUrlStatusDetailAndOneLinePerField() {
        Problem problem = new Problem("about:blank", "Bad Request", 400, "Duplicate key.", null,
                List.of(new Problem.FieldError("hosts[1].name", "given twice", null)));

        assertEquals("planner POST http://p:8081/deployments: 400 Bad Request: Duplicate key.\n"
                + "  hosts[1].name: given twice", ApiException.describe(PLANNER, "POST", URL, 400, problem, null));
    }

    @Test
    void withoutAProblem_theBodyIsShown_shortened() {
        String message = ApiException.describe(PLANNER, "GET", URL, 502, null, "x".repeat(400));

        assertEquals("planner GET http://p:8081/deployments: 502: " + "x".repeat(300) + "…", message);
    }
}

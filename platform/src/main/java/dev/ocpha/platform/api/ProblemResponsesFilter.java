package dev.ocpha.platform.api;

import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * The errors every operation shares, in every service's OpenAPI document: each error response is
 * {@code application/problem+json} of the {@code Problem} schema; an operation that needs a token answers 401 and
 * 403; every operation answers 503 with Retry-After while the database is unreachable ({@link DatabaseOutage}).
 * Resources document only their own errors (404, 409, 422…).
 */
public class ProblemResponsesFilter implements OASFilter {

    private static final String PROBLEM = "Problem";
    private static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM;
    private static final Map<String, String> SHARED = Map.of(
            "401", "Unauthorized",
            "403", "Forbidden",
            "503", "ServiceUnavailable");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents() != null ? openAPI.getComponents() : OASFactory.createComponents();
        openAPI.setComponents(components);
        if (components.getSchemas() == null || !components.getSchemas().containsKey(PROBLEM)) {
            components.addSchema(PROBLEM, problemSchema());
        }
        components.addResponse(SHARED.get("401"), problem("No token, or one that is not valid")
                .addHeader("WWW-Authenticate", OASFactory.createHeader().description("Bearer")
                        .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING))));
        components.addResponse(SHARED.get("403"), problem("The token's role may not do this"));
        components.addResponse(SHARED.get("503"), problem("The database is unreachable; try again after Retry-After")
                .addHeader("Retry-After", OASFactory.createHeader().description("Seconds to wait before trying again")
                        .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))));
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            for (Operation operation : item.getOperations().values()) {
                addErrors(operation, openAPI);
            }
        }
    }

    private static void addErrors(Operation operation, OpenAPI openAPI) {
        APIResponses responses = operation.getResponses() != null ? operation.getResponses()
                : OASFactory.createAPIResponses();
        operation.setResponses(responses);
        if (responses.getAPIResponses() != null) {
            for (Map.Entry<String, APIResponse> response : responses.getAPIResponses().entrySet()) {
                boolean error = response.getKey().startsWith("4") || response.getKey().startsWith("5");
                if (error && response.getValue().getRef() == null && response.getValue().getContent() == null) {
                    response.getValue().setContent(problemContent());
                }
            }
        }
        boolean secured = operation.getSecurity() != null ? !operation.getSecurity().isEmpty()
                : openAPI.getSecurity() != null && !openAPI.getSecurity().isEmpty();
        if (secured) {
            shared(responses, "401");
            shared(responses, "403");
        }
        shared(responses, "503");
    }

    private static void shared(APIResponses responses, String status) {
        if (!responses.hasAPIResponse(status)) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().ref(SHARED.get(status)));
        }
    }

    private static APIResponse problem(String description) {
        return OASFactory.createAPIResponse().description(description).content(problemContent());
    }

    private static Content problemContent() {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF)));
    }

    /** {@link Problem} and its field errors, for documents in which no operation names it. */
    private static Schema problemSchema() {
        Schema string = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        Schema fieldError = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("One invalid field: its path in the request, what is wrong, how to fix it")
                .addProperty("field", string).addProperty("message", string).addProperty("hint", string);
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("An RFC 9457 problem detail")
                .addProperty("type", string).addProperty("title", string)
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                .addProperty("detail", string).addProperty("instance", string).addProperty("correlationId", string)
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(fieldError));
    }
}

package dev.ocpha.platform.api;

import dev.ocpha.platform.messaging.Correlation;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Builds problem+json responses. */
public final class ProblemResponses {

    /** 422: the request is well-formed, but what it asks for cannot be done (JAX-RS has no constant for it). */
    public static final Response.StatusType UNPROCESSABLE = new Status(422, "Unprocessable Content");

    private ProblemResponses() {
    }

    private record Status(int getStatusCode, String getReasonPhrase) implements Response.StatusType {
        @Override
        public Response.Status.Family getFamily() {
            return Response.Status.Family.familyOf(getStatusCode);
        }
    }

    public static Response of(Response.StatusType status, String detail) {
        return of(status, detail, List.of());
    }

    public static Response of(Response.StatusType status, String detail, List<Problem.FieldError> errors) {
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(problem(status, detail, errors)).build();
    }

    /** The problem itself, for the responses written outside JAX-RS. */
    public static Problem problem(Response.StatusType status, String detail, List<Problem.FieldError> errors) {
        return new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), detail, null,
                Correlation.correlationId(), errors);
    }
}

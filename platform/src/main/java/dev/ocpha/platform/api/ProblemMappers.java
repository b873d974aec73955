package dev.ocpha.platform.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error leaves the API as problem+json: field errors for bad input, never a stack trace. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    private final DatabaseOutage database;

    public ProblemMappers(DatabaseOutage database) {
        this.database = database;
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        return invalidJson(e);
    }

    @ServerExceptionMapper
    public Response invalidJson(JsonProcessingException e) {
        String field = path(e);
        String detail = e.getOriginalMessage();
        return ProblemResponses.of(Response.Status.BAD_REQUEST, "The request body is not valid: " + firstLine(detail),
                field.isEmpty() ? List.of() : List.of(new Problem.FieldError(field, firstLine(detail))));
    }

    @ServerExceptionMapper
    public Response invalidFields(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(java.util.Comparator.comparing(Problem.FieldError::field))
                .toList();
        return ProblemResponses.of(Response.Status.BAD_REQUEST, "The request has invalid fields.", errors);
    }

    @ServerExceptionMapper
    public Response invalidParameter(InvalidParameterException e) {
        return ProblemResponses.of(Response.Status.BAD_REQUEST, e.getMessage(),
                List.of(new Problem.FieldError(e.parameter(), e.problem())));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return invalidJson(json);
        }
        Response.StatusType status = e.getResponse().getStatusInfo();
        String detail = status.getStatusCode() == 404 && (e.getMessage() == null || e.getMessage().startsWith("HTTP 404"))
                ? "No such resource." : e.getMessage();
        return ProblemResponses.of(status, detail);
    }

    /**
     * The database is unreachable: 503, not a stack trace per request. Hibernate, Agroal and the JDBC driver each
     * wrap the refused or lost connection in their own type (JDBCConnectionException, SQLException with SQLState
     * 08…, a transaction's rollback), so the causes are looked at here rather than one mapper per type.
     */
    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        if (DatabaseOutage.isConnectionFailure(e)) {
            return database.unavailable(e);
        }
        LOG.error("unexpected error", e);
        return ProblemResponses.of(Response.Status.INTERNAL_SERVER_ERROR,
                "Unexpected error; see the service log for correlation id.");
    }

    /**
     * The JSON path of the field an error is about, e.g. {@code hosts[0].sshPort}: a mapping error's reference path,
     * or where the parser stood for a parse error (a key given twice with strict duplicate detection); empty when
     * neither names a field.
     */
    public static String path(JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping) {
            return mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
        }
        if (e.getProcessor() instanceof JsonParser parser) {
            return path(parser.getParsingContext());
        }
        return "";
    }

    private static String path(JsonStreamContext context) {
        StringBuilder path = new StringBuilder();
        for (JsonStreamContext at = context; at != null && !at.inRoot(); at = at.getParent()) {
            String step = at.inArray() ? "[" + at.getCurrentIndex() + "]"
                    : at.getCurrentName() == null ? "" : "." + at.getCurrentName();
            path.insert(0, step);
        }
        return path.length() > 0 && path.charAt(0) == '.' ? path.substring(1) : path.toString();
    }

    /** Drops the method and parameter part of a bean validation path ({@code create.request.hosts[0].address}). */
    public static String fieldOf(ConstraintViolation<?> violation) {
        List<Path.Node> nodes = StreamSupport.stream(violation.getPropertyPath().spliterator(), false).toList();
        StringBuilder field = new StringBuilder();
        for (Path.Node node : nodes) {
            if (node.getKind() == jakarta.validation.ElementKind.METHOD
                    || node.getKind() == jakarta.validation.ElementKind.PARAMETER) {
                continue;
            }
            if (node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            }
            if (node.getName() != null && node.getKind() != jakarta.validation.ElementKind.CONTAINER_ELEMENT) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(node.getName());
            }
        }
        return field.toString();
    }

    /** The first line of a parser's message: the rest is a snippet of the input or a parser's internals. */
    public static String firstLine(String message) {
        if (message == null) {
            return "malformed body";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}

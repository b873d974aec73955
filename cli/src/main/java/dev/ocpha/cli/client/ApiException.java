package dev.ocpha.cli.client;

import java.net.URI;

/** A service answered with an error status; {@code problem} is its problem+json when it sent one. */
public final class ApiException extends RuntimeException {

    private final Service service;
    private final URI url;
    private final int status;
    private final Problem problem;

    public ApiException(Service service, String method, URI url, int status, Problem problem, String body) {
        super(describe(service, method, url, status, problem, body));
        this.service = service;
        this.url = url;
        this.status = status;
        this.problem = problem;
    }

    public Service service() {
        return service;
    }

    public URI url() {
        return url;
    }

    public int status() {
        return status;
    }

    public Problem problem() {
        return problem;
    }

    /** {@code planner POST http://…/deployments: 422 Unprocessable Entity: detail}, then one line per field error. */
    static String describe(Service service, String method, URI url, int status, Problem problem, String body) {
        StringBuilder text = new StringBuilder().append(service.name()).append(' ').append(method).append(' ')
                .append(url).append(": ").append(status);
        if (problem == null) {
            String trimmed = body == null ? "" : body.strip();
            if (!trimmed.isEmpty()) {
                text.append(": ").append(trimmed.length() > 300 ? trimmed.substring(0, 300) + "…" : trimmed);
            }
            return text.toString();
        }
        if (problem.title() != null) {
            text.append(' ').append(problem.title());
        }
        if (problem.detail() != null) {
            text.append(": ").append(problem.detail());
        }
        if (problem.errors() != null) {
            for (Problem.FieldError error : problem.errors()) {
                text.append("\n  ").append(error.field() == null ? "(body)" : error.field()).append(": ")
                        .append(error.message());
                if (error.hint() != null) {
                    text.append(" (").append(error.hint()).append(')');
                }
            }
        }
        return text.toString();
    }
}

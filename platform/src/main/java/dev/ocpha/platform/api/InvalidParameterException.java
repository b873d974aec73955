package dev.ocpha.platform.api;

import jakarta.ws.rs.BadRequestException;

/** A query, path or header parameter that cannot be read as its type (HTTP 400 naming the parameter). */
public class InvalidParameterException extends BadRequestException {

    private final String parameter;
    private final String problem;

    public InvalidParameterException(String parameter, String problem) {
        super(parameter + " " + problem + ".");
        this.parameter = parameter;
        this.problem = problem;
    }

    public String parameter() {
        return parameter;
    }

    /** What is wrong with it, e.g. {@code must be a whole number}. */
    public String problem() {
        return problem;
    }
}

package dev.ocpha.cli.client;

import java.util.List;

/** An RFC 9457 problem as the services send it, with the invalid fields when there are any. */
public record Problem(String type, String title, Integer status, String detail, String correlationId,
                      List<FieldError> errors) {

    public record FieldError(String field, String message, String hint) {
    }
}

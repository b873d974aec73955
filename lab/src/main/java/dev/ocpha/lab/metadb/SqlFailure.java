package dev.ocpha.lab.metadb;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** An error as MySQL clients report it ({@code ERROR code (state): message}), on either side of the wire. */
public final class SqlFailure extends Exception {
    private final int code;
    private final String state;

    public SqlFailure(int code, String state, String message) {
        super(message);
        this.code = code;
        this.state = state;
    }

    public int code() {
        return code;
    }

    public String state() {
        return state;
    }

    /** {@code ERROR 1045 (28000): Access denied …}, as obclient prints it. */
    public String mysqlLine() {
        return "ERROR " + code + " (" + state + "): " + getMessage();
    }

    ObjectNode json() {
        ObjectNode n = SqlEngine.JSON.createObjectNode();
        n.putObject("error").put("code", code).put("state", state).put("message", getMessage());
        return n;
    }
}

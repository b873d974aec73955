package dev.ocpha.contracts.installer;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** OCP's editions: what each can do differs (multi-cluster and multi-AZ exist only in the enterprise edition). */
public enum Edition {
    COMMUNITY, ENTERPRISE;

    /** The edition a topology gets when it names none. */
    public static final Edition DEFAULT = COMMUNITY;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code community} or {@code enterprise}, in any case. @throws IllegalArgumentException naming the choices */
    @JsonCreator
    public static Edition of(String value) {
        return Arrays.stream(values()).filter(e -> e.id().equalsIgnoreCase(value == null ? "" : value.trim()))
                .findFirst().orElseThrow(() -> new IllegalArgumentException(
                        "'" + value + "' is not an OCP edition: community or enterprise"));
    }
}

package dev.ocpha.planner.domain;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The deployment an operator asks for. Credentials and passwords are references, never values. */
public record Topology(
        @NotBlank @Size(max = 63) @Pattern(regexp = NAME, message = NAME_MESSAGE) String name,
        @NotNull DeploymentMode mode,
        @NotBlank @Pattern(regexp = "\\d+\\.\\d+\\.\\d+(\\.\\d+)?(-[A-Za-z0-9.]+)?", message = "must be a version such as 4.2.2") String ocpVersion,
        @Pattern(regexp = "production|sandbox", message = "must be production or sandbox") String sizingProfile,
        @NotEmpty @Size(max = 100) List<@NotNull @Valid Host> hosts) {

    static final String NAME = "[a-z0-9]([a-z0-9-]*[a-z0-9])?";
    static final String NAME_MESSAGE = "must be lower-case letters, digits and inner dashes";

    public String sizingProfileOrDefault() {
        return sizingProfile == null ? "production" : sizingProfile;
    }

    /** A host to deploy on. {@code sshPort} defaults to 22 and {@code user} to root. */
    public record Host(
            @NotBlank @Size(max = 63) @Pattern(regexp = NAME, message = NAME_MESSAGE) String name,
            @NotBlank @Size(max = 253) @Pattern(regexp = "[A-Za-z0-9]([A-Za-z0-9.:-]*[A-Za-z0-9])?",
                    message = "must be an IP address or a host name") String address,
            @Min(1) @Max(65535) Integer sshPort,
            @Size(max = 32) @Pattern(regexp = "[a-z_][a-z0-9_-]*", message = "must be a Unix user name") String user,
            @NotBlank @Size(max = 128) @Pattern(regexp = "[A-Za-z0-9._/-]+",
                    message = "must be a credential reference (letters, digits, . _ / -)") String credentialRef) {

        public int sshPortOrDefault() {
            return sshPort == null ? 22 : sshPort;
        }

        public String userOrDefault() {
            return user == null ? "root" : user;
        }
    }
}

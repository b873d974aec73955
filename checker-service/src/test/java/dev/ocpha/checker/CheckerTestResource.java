package dev.ocpha.checker;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** The checker's own test settings: the OCP passwords by reference, and timeouts so a dead host costs seconds. */
public class CheckerTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String ADMIN_REF = "test-ocp-admin";
    public static final String META_REF = "test-ocp-meta";
    public static final String ADMIN_PASSWORD = "Adm1n_pw#2024";
    public static final String META_PASSWORD = "Meta_pw#2024x";

    @Override
    public Map<String, String> start() {
        return Map.of(
                "ocpha.secrets.\"" + ADMIN_REF + "\"", ADMIN_PASSWORD,
                "ocpha.secrets.\"" + META_REF + "\"", META_PASSWORD,
                "ocpha.checker.host-timeout", "10s",
                "ocpha.ssh.connect-timeout", "3s");
    }

    @Override
    public void stop() {
    }
}

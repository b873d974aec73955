package dev.ocpha.executor.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocpha.contracts.StepKinds;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RemoveMetaDbStepTest {

    private static Map<String, String> planned() {
        Map<String, String> parameters = new HashMap<>();
        parameters.put("media", "oceanbase-ce-4.2.1");
        parameters.put("mediaDir", "/home/admin/media/oceanbase-ce-4.2.1");
        parameters.put("installDir", "/home/admin/oceanbase");
        parameters.put("dataDir", "/data/1");
        parameters.put("logDir", "/log/1/");
        return parameters;
    }

    @Test
    void plannedDirectories_areTheOnesEmptied() throws StepFailure {
        assertEquals(List.of("/home/admin/oceanbase", "/data/1", "/log/1"),
                RemoveMetaDbStep.directories(new StepParameters(StepKinds.REMOVE_METADB, planned())));
    }

    @Test
    void aListOfDirsInsteadOfTheNamedDirectories_isRefusedNamingTheMissingParameter() {
        Map<String, String> parameters = Map.of("media", "oceanbase-ce-4.2.1", "mediaDir", "/home/admin/media/oceanbase-ce-4.2.1", "dirs", "/home/admin/oceanbase,/data/1,/log/1");
        StepFailure failure = assertThrows(StepFailure.class, () -> new RemoveMetaDbStep()
                .validate(new StepParameters(StepKinds.REMOVE_METADB, parameters)));
        assertTrue(failure.getMessage().contains("installDir") && failure.getMessage().contains("missing"), failure.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "//", "/data/../etc", "/data", "data/1", "/etc/oceanbase", "/usr/local/ob", "/var/lib/x",
            "/home/admin", "/root/x", "/./etc/x", "/proc/1"})
    void aDirectoryOutsideAnyMetaDbDirectory_isRefusedNamingTheParameter(String path) {
        Map<String, String> parameters = planned();
        parameters.put("dataDir", path);
        StepFailure failure = assertThrows(StepFailure.class, () -> new RemoveMetaDbStep()
                .validate(new StepParameters(StepKinds.REMOVE_METADB, parameters)));
        assertTrue(failure.getMessage().contains("dataDir"), failure.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/data/1", "/log/1", "/home/admin/oceanbase", "/data/ob/metadb/data", "/mnt/disk1/ob"})
    void metaDbDirectories_mayBeEmptied(String path) {
        assertEquals(null, RemoveMetaDbStep.notEmptiable(path));
    }
}

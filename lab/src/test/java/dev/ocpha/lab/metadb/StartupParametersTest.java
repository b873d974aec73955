package dev.ocpha.lab.metadb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The -o of observer and obproxy. */
class StartupParametersTest {
    @Test
    void keyValuePairs_quotedValuesKeepTheirCommasAndSemicolons() throws StartRefused {
        assertEquals(Map.of("memory_limit", "8G", "config_additional_dir", "/data/1/c/etc3;/data/log1/c/etc2", "cpu_count", "8"),
                StartupParameters.parse("memory_limit=8G,config_additional_dir='/data/1/c/etc3;/data/log1/c/etc2',cpu_count=8"));
    }

    @Test
    void anItemWithoutKeyOrEqualsSign_isRefused() {
        assertThrows(StartRefused.class, () -> StartupParameters.parse("memory_limit=8G,,cpu_count=8"));
        assertThrows(StartRefused.class, () -> StartupParameters.parse("memory_limit"));
        assertThrows(StartRefused.class, () -> StartupParameters.parse("=8G"));
        assertThrows(StartRefused.class, () -> StartupParameters.parse("a='8G"));
    }
}

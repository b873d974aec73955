package dev.ocpha.executor.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocpha.contracts.StepKinds;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The values CREATE_METADB, START_OBPROXY and BOOTSTRAP_METADB put into OceanBase's documented commands. */
class MetaDbStepsTest {

    private static StepParameters create(Map<String, String> changes) {
        Map<String, String> values = new HashMap<>(Map.of("cpu", "8", "memoryGb", "32", "systemMemoryGb", "4",
                "datafileGb", "200", "logDiskGb", "96", "rsList", "10.0.0.1:2882:2881;10.0.0.2:2882:2881"));
        values.putAll(changes);
        return new StepParameters(StepKinds.CREATE_METADB, values);
    }

    @Test
    void observerOptions_holdThePlannedSizes_andTheConfigDirectoriesAsTheDocumentedExample() throws StepFailure {
        assertEquals("memory_limit=32G,system_memory=4G,datafile_size=200G,log_disk_size=96G,cpu_count=8,"
                        + "config_additional_dir=/data/1/c1-meta/etc3;/log/1/c1-meta/etc2",
                CreateMetaDbStep.options(create(Map.of()), "/data/1/c1-meta", "/log/1/c1-meta"));
    }

    @Test
    void observerRsList_thatIsNotIpRpcSqlEntries_isRefusedNamingTheParameter() {
        for (String bad : new String[] {"10.0.0.1:2882", "10.0.0.1:2882:2881;", "10.0.0.1:2882:2881 ;x"}) {
            StepFailure failure = assertThrows(StepFailure.class, () -> CreateMetaDbStep.rsList(create(Map.of("rsList", bad))));
            assertTrue(failure.getMessage().contains("rsList"), failure.getMessage());
        }
    }

    @Test
    void obproxyPassword_isTheSha1HexOfProxyrosPassword_asTheDocumentsExample() {
        assertEquals("7c4a8d09ca3762af61e59520943dc26494f8941b", StartObproxyStep.sha1Hex("123456"));
    }

    @Test
    void obproxyRsList_takesObserversSqlAddresses() throws StepFailure {
        StepParameters p = new StepParameters(StepKinds.START_OBPROXY, Map.of("rsList", "10.0.0.1:2881;10.0.0.2:2881"));
        assertEquals("10.0.0.1:2881;10.0.0.2:2881", StartObproxyStep.rsList(p));
        StepParameters rpc = new StepParameters(StepKinds.START_OBPROXY, Map.of("rsList", "10.0.0.1:2882:2881"));
        assertThrows(StepFailure.class, () -> StartObproxyStep.rsList(rpc));
    }

    @Test
    void passwordInSql_isAQuotedLiteral_withQuotesAndBackslashesEscaped() {
        assertEquals("'it\\'s a \\\\ test'", BootstrapMetaDbStep.literal("it's a \\ test"));
    }
}

package dev.ocpha.infra;

import static dev.ocpha.infra.Timing.timed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresTest {

    @Test
    void answersSelectOneInDatabaseOcpha() throws Exception {
        try (EmbeddedPostgres pg = timed("EmbeddedPostgres.start (throwaway dir)", () -> EmbeddedPostgres.start(null, 0))) {
            assertTrue(pg.jdbcUrl().matches("jdbc:postgresql://127\\.0\\.0\\.1:\\d+/ocpha"), pg.jdbcUrl());
            try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), pg.username(), pg.password());
                 Statement s = c.createStatement()) {
                assertEquals(1, single(s, "select 1"));
                assertEquals("ocpha", single(s, "select current_database()"));
            }
        }
    }

    @Test
    void keepsDataWhenRestartedOnTheSameDataDir(@TempDir Path dataDir) throws Exception {
        try (EmbeddedPostgres pg = timed("EmbeddedPostgres.start (new data dir)", () -> EmbeddedPostgres.start(dataDir, 0));
             Connection c = DriverManager.getConnection(pg.jdbcUrl(), pg.username(), pg.password());
             Statement s = c.createStatement()) {
            s.execute("create table kept (v text)");
            s.execute("insert into kept values ('before restart')");
        }
        try (EmbeddedPostgres pg = timed("EmbeddedPostgres.start (existing data dir)", () -> EmbeddedPostgres.start(dataDir, 0));
             Connection c = DriverManager.getConnection(pg.jdbcUrl(), pg.username(), pg.password());
             Statement s = c.createStatement()) {
            assertEquals("before restart", single(s, "select v from kept"));
        }
    }

    @Test
    void takesOverADataDirWhosePostmasterOutlivedAKilledJvm(@TempDir Path dataDir) throws Exception {
        Process owner = ChildJvm.start(PostgresOwner.class, dataDir.toString());
        try {
            assertTrue(String.valueOf(ChildJvm.firstLine(owner)).startsWith("READY "));
        } finally {
            owner.destroyForcibly(); // SIGKILL: no shutdown hook stops its postmaster
            owner.waitFor();
        }
        long orphan = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
        assertTrue(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false), "postmaster should outlive its JVM");

        try (EmbeddedPostgres pg = timed("EmbeddedPostgres.start (orphaned postmaster on data dir)", () -> EmbeddedPostgres.start(dataDir, 0));
             Connection c = DriverManager.getConnection(pg.jdbcUrl(), pg.username(), pg.password());
             Statement s = c.createStatement()) {
            assertEquals(1, single(s, "select 1"));
        }
        assertFalse(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false));
    }

    private static Object single(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next());
            return rs.getObject(1);
        }
    }
}

package dev.ocpha.infra;

import java.nio.file.Path;

/** Owns a PostgreSQL on a data dir until killed: args = dataDir. */
final class PostgresOwner {

    private PostgresOwner() {
    }

    public static void main(String[] args) throws InterruptedException {
        EmbeddedPostgres postgres = EmbeddedPostgres.start(Path.of(args[0]), 0);
        System.out.println("READY " + postgres.jdbcUrl());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}

package dev.ocpha.lab.metadb;

/** A daemon's command line that the program refuses before it daemonizes: the message is what it prints. */
final class StartRefused extends Exception {
    StartRefused(String message) {
        super(message);
    }
}

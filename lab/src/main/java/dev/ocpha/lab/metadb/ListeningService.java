package dev.ocpha.lab.metadb;

import dev.ocpha.lab.standins.HostDaemons;
import java.io.IOException;

/**
 * What a running daemon serves: its listeners, opened together on start (none stays open when one cannot bind) and
 * closed together on stop; a second start while they are open changes nothing.
 */
abstract class ListeningService implements HostDaemons.Service {
    private final String threadName;
    private Listeners listeners;

    ListeningService(String threadName) {
        this.threadName = threadName;
    }

    /** Opens this daemon's listeners on {@code l}. */
    abstract void listen(Listeners l) throws IOException;

    @Override
    public final synchronized void start() throws IOException {
        if (listeners != null) {
            return;
        }
        Listeners l = new Listeners(threadName);
        try {
            listen(l);
        } catch (IOException e) {
            l.close();
            throw e;
        }
        listeners = l;
    }

    @Override
    public final synchronized void stop() {
        if (listeners != null) {
            listeners.close();
            listeners = null;
        }
    }
}

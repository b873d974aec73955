package dev.ocpha.ssh;

import java.util.Optional;

/**
 * Where host keys are pinned at first contact (trust on first use). Shared by every instance of a service, so that
 * the key one instance saw first is the key all of them expect.
 */
public interface HostKeyPins {

    /** @param host {@code address:port} */
    Optional<PinnedHostKey> find(String host);

    /** Pins {@code key} unless the host already has a pin; returns the pin in force afterwards (the older one wins). */
    PinnedHostKey pinIfAbsent(PinnedHostKey key);
}

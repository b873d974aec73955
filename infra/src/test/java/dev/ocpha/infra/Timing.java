package dev.ocpha.infra;

import java.util.function.Supplier;

/** Prints how long a start took, so test logs document startup times on the machine at hand. */
final class Timing {

    private Timing() {
    }

    static <T> T timed(String what, Supplier<T> action) {
        long began = System.nanoTime();
        T result = action.get();
        System.out.printf("[timing] %s: %d ms%n", what, (System.nanoTime() - began) / 1_000_000);
        return result;
    }
}

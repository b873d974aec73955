package dev.ocpha.planner.domain;

/** Where one webhook delivery stands: PENDING until a 2xx answer (DELIVERED) or the last attempt failed (FAILED). */
public enum DeliveryStatus {
    PENDING, DELIVERED, FAILED
}

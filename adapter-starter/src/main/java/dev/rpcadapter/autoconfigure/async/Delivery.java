package dev.rpcadapter.autoconfigure.async;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One accepted call and, once it has ended, its response.
 *
 * @param deliverId the id subscribers use
 * @param owner the principal that made the call
 * @param expiresAt when the record is removed
 * @param delivered whether the call has ended
 * @param payload the JSON-RPC response as JSON text ({@code null} while pending, or when
 * the call held only notifications)
 */
record Delivery(String deliverId, String owner, Instant expiresAt, boolean delivered, @Nullable String payload) {
}

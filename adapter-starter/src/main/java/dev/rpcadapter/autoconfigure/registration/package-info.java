/**
 * Registration of this server with an MCP proxy: register once the server listens,
 * heartbeat, back off and retry, unregister on graceful shutdown.
 * {@link RegistrationState} is the one source of truth, shown in {@code /health}, the
 * Actuator, the {@code registration_status} command and metrics.
 */
@NullMarked
package dev.rpcadapter.autoconfigure.registration;

import org.jspecify.annotations.NullMarked;

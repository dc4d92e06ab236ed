package dev.rpcadapter.dispatch;

import java.util.function.Consumer;

import dev.rpcadapter.command.Caller;
import org.jspecify.annotations.Nullable;

/**
 * The circumstances of one call.
 *
 * @param caller who calls
 * @param transport {@code http}, {@code cmd} or {@code ws} (a low-cardinality metrics tag)
 * @param remoteAddress the client's address, if known
 * @param jobListener told the id of every job this call submits (a WebSocket subscribes to it)
 */
public record CallContext(Caller caller, String transport, @Nullable String remoteAddress,
		Consumer<String> jobListener) {

	public static CallContext of(Caller caller, String transport) {
		return new CallContext(caller, transport, null, (jobId) -> {
		});
	}

	public CallContext withJobListener(Consumer<String> listener) {
		return new CallContext(this.caller, this.transport, this.remoteAddress, listener);
	}
}

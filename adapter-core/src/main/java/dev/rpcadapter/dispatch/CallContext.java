package dev.rpcadapter.dispatch;

import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.rpcadapter.command.Caller;
import org.jspecify.annotations.Nullable;

/**
 * The circumstances of one call.
 *
 * @param caller who calls
 * @param transport {@code http}, {@code cmd} or {@code ws} (a low-cardinality metrics
 * tag)
 * @param remoteAddress the client's address, if known
 * @param jobListener told the id of every job this call submits (a WebSocket subscribes
 * to it)
 * @param baseUrl supplies the absolute URL the client reached the server at
 * ({@code scheme://host[:port]}), or {@code null} when unknown; asked only when needed
 * ({@code rpc.discover} advertises the JSON-RPC endpoint under it), so building a context
 * stays cheap
 * @param headers reads a header of the request the call came with ({@code null} when
 * absent or the transport has none): how a tracing handler finds the caller's
 * {@code traceparent}
 */
public record CallContext(Caller caller, String transport, @Nullable String remoteAddress, Consumer<String> jobListener,
		Supplier<@Nullable String> baseUrl, Function<String, @Nullable String> headers) {

	private static final Supplier<@Nullable String> UNKNOWN = () -> null;

	private static final Function<String, @Nullable String> NO_HEADERS = (name) -> null;

	public CallContext(Caller caller, String transport, @Nullable String remoteAddress, Consumer<String> jobListener,
			Supplier<@Nullable String> baseUrl) {
		this(caller, transport, remoteAddress, jobListener, baseUrl, NO_HEADERS);
	}

	public CallContext(Caller caller, String transport, @Nullable String remoteAddress, Consumer<String> jobListener) {
		this(caller, transport, remoteAddress, jobListener, UNKNOWN, NO_HEADERS);
	}

	public static CallContext of(Caller caller, String transport) {
		return new CallContext(caller, transport, null, (jobId) -> {
		});
	}

	/** The first value of a header of the request, or {@code null}. */
	public @Nullable String header(String name) {
		return this.headers.apply(name);
	}

	public CallContext withJobListener(Consumer<String> listener) {
		return new CallContext(this.caller, this.transport, this.remoteAddress, listener, this.baseUrl, this.headers);
	}

	/** This context with the request's headers read by {@code headers}. */
	public CallContext withHeaders(Function<String, @Nullable String> headers) {
		return new CallContext(this.caller, this.transport, this.remoteAddress, this.jobListener, this.baseUrl,
				headers);
	}
}

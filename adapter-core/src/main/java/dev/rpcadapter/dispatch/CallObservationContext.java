package dev.rpcadapter.dispatch;

import dev.rpcadapter.jsonrpc.ErrorCodes;
import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.ReceiverContext;
import org.jspecify.annotations.Nullable;

/**
 * The observation context of one JSON-RPC call (one element of a batch): a receiver context whose
 * carrier is the {@link CallContext}, so that a tracing handler reads the caller's trace context
 * ({@code traceparent}) from the request's headers through {@link CallContext#header(String)}.
 */
public final class CallObservationContext extends ReceiverContext<CallContext> {

	private final String method;

	private int errorCode;

	private boolean cancelled;

	public CallObservationContext(String method, CallContext call) {
		super(CallContext::header, Kind.SERVER);
		this.method = method;
		setCarrier(call);
	}

	/** The method the request named, whether or not such a command exists. */
	public String method() {
		return this.method;
	}

	/** The command, or {@code "unknown"} when none of that name exists (or the caller may not see it). */
	public String command() {
		return (this.errorCode == ErrorCodes.METHOD_NOT_FOUND) ? "unknown" : this.method;
	}

	/** The call's circumstances: transport, caller, remote address. */
	public CallContext call() {
		CallContext call = getCarrier();
		if (call == null) {
			throw new IllegalStateException("No call context");
		}
		return call;
	}

	/** {@code 0} while running and on success, else the JSON-RPC error code of the response. */
	public int errorCode() {
		return this.errorCode;
	}

	/** Whether the caller went away before the call ended. */
	public boolean cancelled() {
		return this.cancelled;
	}

	void ended(int errorCode) {
		this.errorCode = errorCode;
	}

	void cancel() {
		this.cancelled = true;
	}

	/** The remote address, if known (a high-cardinality value: for spans only). */
	public @Nullable String remoteAddress() {
		return call().remoteAddress();
	}
}

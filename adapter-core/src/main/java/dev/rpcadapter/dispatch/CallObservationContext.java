package dev.rpcadapter.dispatch;

import dev.rpcadapter.jsonrpc.ErrorCodes;
import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.ReceiverContext;
import org.jspecify.annotations.Nullable;

/**
 * The observation context of one JSON-RPC call (one element of a batch): a receiver
 * context whose carrier is the {@link CallContext}, so that a tracing handler reads the
 * caller's trace context ({@code traceparent}) from the request's headers through
 * {@link CallContext#header(String)}.
 */
public final class CallObservationContext extends ReceiverContext<CallContext> {

	private final String method;

	private final boolean known;

	private int errorCode;

	private boolean ended;

	private boolean cancelled;

	/**
	 * @param method the method the request named
	 * @param known whether a command or system method of that name exists: the name of
	 * one that does not is never a tag value (a caller could make up any number of them)
	 * @param call the call's circumstances, whose headers carry the caller's trace
	 * context
	 */
	public CallObservationContext(String method, boolean known, CallContext call) {
		super(CallContext::header, Kind.SERVER);
		this.method = method;
		this.known = known;
		setCarrier(call);
	}

	/** The method the request named, whether or not such a command exists. */
	public String method() {
		return this.method;
	}

	/**
	 * The command, or {@code "unknown"} when none of that name exists (or the caller may
	 * not see it).
	 */
	public String command() {
		return (!this.known || this.errorCode == ErrorCodes.METHOD_NOT_FOUND) ? "unknown" : this.method;
	}

	/** The call's circumstances: transport, caller, remote address. */
	public CallContext call() {
		CallContext call = getCarrier();
		if (call == null) {
			throw new IllegalStateException("No call context");
		}
		return call;
	}

	/**
	 * {@code 0} while running and on success, else the JSON-RPC error code of the
	 * response.
	 */
	public int errorCode() {
		return this.errorCode;
	}

	/**
	 * Whether the call has ended (answered or cancelled): outcome and error code are
	 * known.
	 */
	public boolean ended() {
		return this.ended;
	}

	/** Whether the caller went away before the call ended. */
	public boolean cancelled() {
		return this.cancelled;
	}

	void ended(int errorCode) {
		this.errorCode = errorCode;
		this.ended = true;
	}

	void cancel() {
		this.cancelled = true;
		this.ended = true;
	}

	/** The remote address, if known (a high-cardinality value: for spans only). */
	public @Nullable String remoteAddress() {
		return call().remoteAddress();
	}

}

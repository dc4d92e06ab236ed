package dev.rpcadapter.autoconfigure.internal;

import java.util.concurrent.TimeUnit;

import dev.rpcadapter.dispatch.DispatchListener;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Records {@code rpc.adapter.calls}: a timer per command, transport, outcome and error code (all
 * low-cardinality: unknown methods are tagged {@code unknown}).
 */
public final class MetricsDispatchListener implements DispatchListener {

	private final MeterRegistry registry;

	private final java.util.concurrent.ConcurrentMap<Key, Timer> timers = new java.util.concurrent.ConcurrentHashMap<>();

	/** A timer's tags: a record, so a look-up hashes the (cached) string hashes instead of building a string. */
	private record Key(String command, String transport, int errorCode) {
	}

	public MetricsDispatchListener(MeterRegistry registry) {
		this.registry = registry;
	}

	@Override
	public void onCall(String command, String transport, int errorCode, long nanos) {
		Key key = new Key(command, transport, errorCode);
		Timer timer = this.timers.get(key);
		if (timer == null) {
			timer = this.timers.computeIfAbsent(key, (k) -> timer(command, transport, errorCode));
		}
		timer.record(nanos, TimeUnit.NANOSECONDS);
	}

	private Timer timer(String command, String transport, int errorCode) {
		return Timer.builder("rpc.adapter.calls")
			.description("JSON-RPC command calls")
			.tag("command", command)
			.tag("transport", transport)
			.tag("outcome", (errorCode == 0) ? "success" : "error")
			.tag("code", Integer.toString(errorCode))
			.register(this.registry);
	}
}

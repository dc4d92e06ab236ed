package dev.rpcadapter.autoconfigure.registration;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Registration meters, read from {@link RegistrationState}:
 * {@code rpc.adapter.registration.attempts} (register and heartbeat requests sent),
 * {@code rpc.adapter.registration.failures},
 * {@code rpc.adapter.registration.last.success} (epoch seconds, NaN before the first) and
 * {@code rpc.adapter.registration.registered} (1 when registered).
 */
final class RegistrationMetrics implements MeterBinder {

	private final RegistrationState state;

	RegistrationMetrics(RegistrationState state) {
		this.state = state;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		FunctionCounter.builder("rpc.adapter.registration.attempts", this.state, (s) -> s.snapshot().totalRequests())
			.description("Register and heartbeat requests sent to the proxy")
			.register(registry);
		FunctionCounter.builder("rpc.adapter.registration.failures", this.state, (s) -> s.snapshot().totalFailures())
			.description("Register and heartbeat requests that failed")
			.register(registry);
		Gauge.builder("rpc.adapter.registration.last.success", this.state, RegistrationMetrics::lastSuccess)
			.description("When the proxy last accepted a registration or heartbeat")
			.baseUnit("seconds")
			.register(registry);
		Gauge
			.builder("rpc.adapter.registration.registered", this.state,
					(s) -> (s.snapshot().phase() == RegistrationState.Phase.REGISTERED) ? 1 : 0)
			.description("1 while registered with the proxy, else 0")
			.register(registry);
	}

	private static double lastSuccess(RegistrationState state) {
		var last = state.snapshot().lastSuccess();
		return (last != null) ? last.toEpochMilli() / 1000.0 : Double.NaN;
	}

}

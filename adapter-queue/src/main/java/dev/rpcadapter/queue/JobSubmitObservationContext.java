package dev.rpcadapter.queue;

import java.util.HashMap;
import java.util.Map;

import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.SenderContext;
import org.jspecify.annotations.Nullable;

/**
 * The observation context of submitting a job: a sender (producer) context whose carrier
 * collects the trace context a tracing handler propagates; its {@code traceparent} is
 * stored with the job.
 */
public final class JobSubmitObservationContext extends SenderContext<Map<String, String>> {

	private final String command;

	public JobSubmitObservationContext(String command) {
		super((carrier, key, value) -> {
			if (carrier != null) {
				carrier.put(key, value);
			}
		}, Kind.PRODUCER);
		this.command = command;
		setCarrier(new HashMap<>());
	}

	/** The queued command's name. */
	public String command() {
		return this.command;
	}

	/**
	 * The W3C {@code traceparent} a tracing handler wrote, or {@code null} (no tracing,
	 * or another format).
	 */
	public @Nullable String traceParent() {
		Map<String, String> carrier = getCarrier();
		return (carrier != null) ? carrier.get(JobObservationContext.TRACEPARENT) : null;
	}

}

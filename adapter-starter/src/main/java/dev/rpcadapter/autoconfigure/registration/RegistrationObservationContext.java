package dev.rpcadapter.autoconfigure.registration;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.SenderContext;
import org.jspecify.annotations.Nullable;

/**
 * The observation context of one request to the registration proxy (register, heartbeat
 * or unregister): a sender (client) context whose carrier collects the headers a tracing
 * handler propagates ({@code traceparent}); they are sent with the request.
 */
public final class RegistrationObservationContext extends SenderContext<Map<String, String>> {

	private final String kind;

	private final URI url;

	private @Nullable Integer status;

	RegistrationObservationContext(String kind, URI url) {
		super((carrier, key, value) -> {
			if (carrier != null) {
				carrier.put(key, value);
			}
		}, Kind.CLIENT);
		this.kind = kind;
		this.url = url;
		setCarrier(new LinkedHashMap<>());
		setRemoteServiceName("rpc-adapter-proxy");
	}

	/** {@code register}, {@code heartbeat} or {@code unregister}. */
	public String kind() {
		return this.kind;
	}

	/** The proxy's URL the request goes to. */
	public URI url() {
		return this.url;
	}

	/**
	 * The HTTP status the proxy answered, or {@code null} while waiting or when no answer
	 * came.
	 */
	public @Nullable Integer status() {
		return this.status;
	}

	void answered(int status) {
		this.status = status;
	}

	Map<String, String> headers() {
		Map<String, String> carrier = getCarrier();
		return (carrier != null) ? carrier : Map.of();
	}

}

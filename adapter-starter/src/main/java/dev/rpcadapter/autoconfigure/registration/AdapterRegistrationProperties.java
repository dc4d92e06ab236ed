package dev.rpcadapter.autoconfigure.registration;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Registration with a proxy ({@code adapter.registration.*}); see
 * {@code docs/registration.md}.
 */
@ConfigurationProperties("adapter.registration")
public class AdapterRegistrationProperties {

	/** Whether this server registers itself with a proxy. */
	private boolean enabled = false;

	/**
	 * The id the proxy knows this server by; defaults to adapter.info.name, else
	 * spring.application.name.
	 */
	private String serverId = "";

	/**
	 * The URL the proxy calls this server at; never a wildcard such as 0.0.0.0. Empty:
	 * derived from the bound port.
	 */
	private String advertisedUrl = "";

	/** The proxy's registration endpoint. */
	private String registerUrl = "http://127.0.0.1:3004/register";

	/** The proxy's unregistration endpoint, called on graceful shutdown. */
	private String unregisterUrl = "http://127.0.0.1:3004/unregister";

	/** The proxy's heartbeat endpoint. */
	private String heartbeatUrl = "http://127.0.0.1:3004/proxy/heartbeat";

	/** Time between heartbeats once registered. */
	private Duration heartbeatInterval = Duration.ofSeconds(30);

	/** Capabilities announced to the proxy. */
	private List<String> capabilities = new ArrayList<>(List.of("jsonrpc", "health"));

	/**
	 * Extra metadata announced to the proxy; merged over the built-in protocol, host,
	 * port and paths.
	 */
	private Map<String, String> metadata = new LinkedHashMap<>();

	/**
	 * Name of a spring.ssl.bundle used for HTTPS or mTLS to the proxy; empty uses the
	 * JVM's default trust store.
	 */
	private String sslBundle = "";

	/**
	 * API token sent to the proxy as X-API-Key on register, heartbeat and unregister;
	 * empty sends none (e.g. mTLS alone).
	 */
	private String apiKey = "";

	/**
	 * Delay before the first retry after a failure; doubles (with jitter) on each further
	 * failure.
	 */
	private Duration initialBackoff = Duration.ofSeconds(1);

	/** Longest delay between two retries. */
	private Duration maxBackoff = Duration.ofSeconds(60);

	/** Failed registration attempts in a row before giving up; 0 retries forever. */
	private int maxAttempts = 0;

	/** Timeout of each request to the proxy (connect and response). */
	private Duration requestTimeout = Duration.ofSeconds(10);

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getServerId() {
		return this.serverId;
	}

	public void setServerId(String serverId) {
		this.serverId = serverId;
	}

	public String getAdvertisedUrl() {
		return this.advertisedUrl;
	}

	public void setAdvertisedUrl(String advertisedUrl) {
		this.advertisedUrl = advertisedUrl;
	}

	public String getRegisterUrl() {
		return this.registerUrl;
	}

	public void setRegisterUrl(String registerUrl) {
		this.registerUrl = registerUrl;
	}

	public String getUnregisterUrl() {
		return this.unregisterUrl;
	}

	public void setUnregisterUrl(String unregisterUrl) {
		this.unregisterUrl = unregisterUrl;
	}

	public String getHeartbeatUrl() {
		return this.heartbeatUrl;
	}

	public void setHeartbeatUrl(String heartbeatUrl) {
		this.heartbeatUrl = heartbeatUrl;
	}

	public Duration getHeartbeatInterval() {
		return this.heartbeatInterval;
	}

	public void setHeartbeatInterval(Duration heartbeatInterval) {
		this.heartbeatInterval = heartbeatInterval;
	}

	public List<String> getCapabilities() {
		return this.capabilities;
	}

	public void setCapabilities(List<String> capabilities) {
		this.capabilities = capabilities;
	}

	public Map<String, String> getMetadata() {
		return this.metadata;
	}

	public void setMetadata(Map<String, String> metadata) {
		this.metadata = metadata;
	}

	public String getApiKey() {
		return this.apiKey;
	}

	public void setApiKey(String apiKey) {
		this.apiKey = apiKey;
	}

	public String getSslBundle() {
		return this.sslBundle;
	}

	public void setSslBundle(String sslBundle) {
		this.sslBundle = sslBundle;
	}

	public Duration getInitialBackoff() {
		return this.initialBackoff;
	}

	public void setInitialBackoff(Duration initialBackoff) {
		this.initialBackoff = initialBackoff;
	}

	public Duration getMaxBackoff() {
		return this.maxBackoff;
	}

	public void setMaxBackoff(Duration maxBackoff) {
		this.maxBackoff = maxBackoff;
	}

	public int getMaxAttempts() {
		return this.maxAttempts;
	}

	public void setMaxAttempts(int maxAttempts) {
		this.maxAttempts = maxAttempts;
	}

	public Duration getRequestTimeout() {
		return this.requestTimeout;
	}

	public void setRequestTimeout(Duration requestTimeout) {
		this.requestTimeout = requestTimeout;
	}

}

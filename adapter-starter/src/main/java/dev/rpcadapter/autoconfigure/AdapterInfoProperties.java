package dev.rpcadapter.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.env.Environment;

/**
 * How the server names itself in documents, health and heartbeats
 * ({@code adapter.info.*}).
 */
@ConfigurationProperties("adapter.info")
public class AdapterInfoProperties {

	/** Server name; defaults to {@code spring.application.name}, else "rpc-adapter". */
	private String name = "";

	/** Server version shown in /health and the API documents. */
	private String version = "0.1.0";

	/** A description for the API documents. */
	private String description = "JSON-RPC 2.0 service";

	/**
	 * The absolute URL clients reach this server at (heartbeat, OpenRPC server URL);
	 * defaults to adapter.registration.advertised-url, else to the scheme and Host of
	 * each request.
	 */
	private String url = "";

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getVersion() {
		return this.version;
	}

	public void setVersion(String version) {
		this.version = version;
	}

	public String getDescription() {
		return this.description;
	}

	public void setDescription(String description) {
		this.description = description;
	}

	/**
	 * {@link #getUrl() url}, else {@code adapter.registration.advertised-url}; empty if
	 * neither is set.
	 */
	public String configuredUrl(Environment environment) {
		return !this.url.isBlank() ? this.url.trim()
				: environment.getProperty("adapter.registration.advertised-url", "").trim();
	}

	public String getUrl() {
		return this.url;
	}

	public void setUrl(String url) {
		this.url = url;
	}

}

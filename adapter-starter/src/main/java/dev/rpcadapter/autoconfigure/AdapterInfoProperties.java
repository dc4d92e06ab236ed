package dev.rpcadapter.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** How the server names itself in documents, health and heartbeats ({@code adapter.info.*}). */
@ConfigurationProperties("adapter.info")
public class AdapterInfoProperties {

	/** Server name; defaults to {@code spring.application.name}, else "rpc-adapter". */
	private String name = "";

	/** Server version shown in /health and the API documents. */
	private String version = "0.1.0";

	/** A description for the API documents. */
	private String description = "JSON-RPC 2.0 service";

	/** The URL clients reach this server at (heartbeat, documents); defaults to http://host:port. */
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

	public String getUrl() {
		return this.url;
	}

	public void setUrl(String url) {
		this.url = url;
	}
}

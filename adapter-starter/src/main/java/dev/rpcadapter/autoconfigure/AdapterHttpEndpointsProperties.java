package dev.rpcadapter.autoconfigure;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Paths of the adapter's other HTTP endpoints ({@code adapter.http.*}). */
@ConfigurationProperties("adapter.http")
public class AdapterHttpEndpointsProperties {

	/** Path of the REST-style command endpoint. */
	private String cmdPath = "/cmd";

	/** Path of the command catalogue. */
	private String commandsPath = "/commands";

	/** Path of the health endpoint. */
	private String healthPath = "/health";

	/**
	 * How long one computed /health body is served to every caller (0 computes it for
	 * each request).
	 */
	private Duration healthCache = Duration.ofSeconds(1);

	/** Path of the heartbeat endpoint the proxy probes. */
	private String heartbeatPath = "/heartbeat";

	/** Path of the OpenAPI 3.1 document. */
	private String openapiPath = "/openapi.json";

	/** Path of the OpenRPC 1.3 document. */
	private String openrpcPath = "/openrpc.json";

	/** Path of the human documentation page. */
	private String docsPath = "/docs";

	public String getCmdPath() {
		return this.cmdPath;
	}

	public void setCmdPath(String cmdPath) {
		this.cmdPath = cmdPath;
	}

	public String getCommandsPath() {
		return this.commandsPath;
	}

	public void setCommandsPath(String commandsPath) {
		this.commandsPath = commandsPath;
	}

	public String getHealthPath() {
		return this.healthPath;
	}

	public void setHealthPath(String healthPath) {
		this.healthPath = healthPath;
	}

	public Duration getHealthCache() {
		return this.healthCache;
	}

	public void setHealthCache(Duration healthCache) {
		this.healthCache = healthCache;
	}

	public String getHeartbeatPath() {
		return this.heartbeatPath;
	}

	public void setHeartbeatPath(String heartbeatPath) {
		this.heartbeatPath = heartbeatPath;
	}

	public String getOpenapiPath() {
		return this.openapiPath;
	}

	public void setOpenapiPath(String openapiPath) {
		this.openapiPath = openapiPath;
	}

	public String getOpenrpcPath() {
		return this.openrpcPath;
	}

	public void setOpenrpcPath(String openrpcPath) {
		this.openrpcPath = openrpcPath;
	}

	public String getDocsPath() {
		return this.docsPath;
	}

	public void setDocsPath(String docsPath) {
		this.docsPath = docsPath;
	}

}

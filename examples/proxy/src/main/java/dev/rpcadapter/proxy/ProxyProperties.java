package dev.rpcadapter.proxy;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The proxy's settings ({@code proxy.*}). */
@ConfigurationProperties("proxy")
public class ProxyProperties {

	/** How often registered servers are expected to send a heartbeat. */
	private Duration heartbeatInterval = Duration.ofSeconds(30);

	/** Heartbeats a server may miss before it is dropped from the catalogue. */
	private int missedHeartbeats = 3;

	/** Name of a spring.ssl.bundle used to call servers over HTTPS or mTLS; empty uses the JVM trust store. */
	private String sslBundle = "";

	/** Timeout of a forwarded call (connect and response). */
	private Duration callTimeout = Duration.ofSeconds(30);

	public Duration getHeartbeatInterval() {
		return this.heartbeatInterval;
	}

	public void setHeartbeatInterval(Duration heartbeatInterval) {
		this.heartbeatInterval = heartbeatInterval;
	}

	public int getMissedHeartbeats() {
		return this.missedHeartbeats;
	}

	public void setMissedHeartbeats(int missedHeartbeats) {
		this.missedHeartbeats = missedHeartbeats;
	}

	public String getSslBundle() {
		return this.sslBundle;
	}

	public void setSslBundle(String sslBundle) {
		this.sslBundle = sslBundle;
	}

	public Duration getCallTimeout() {
		return this.callTimeout;
	}

	public void setCallTimeout(Duration callTimeout) {
		this.callTimeout = callTimeout;
	}

	/** How long a server may stay silent before it is dropped. */
	Duration staleAfter() {
		return this.heartbeatInterval.multipliedBy(Math.max(1, this.missedHeartbeats));
	}
}

package dev.rpcadapter.autoconfigure;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** The {@code /ws} endpoint ({@code adapter.websocket.*}). */
@ConfigurationProperties("adapter.websocket")
public class AdapterWebSocketProperties {

	/** Whether the WebSocket endpoint is served. */
	private boolean enabled = true;

	/** Path of the WebSocket endpoint. */
	private String path = "/ws";

	/** Largest text frame (after aggregation of continuation frames) accepted. */
	private DataSize maxFrameSize = DataSize.ofMegabytes(10);

	/**
	 * Most answers and job events that may wait for one connection's client to read them;
	 * past it the connection is closed with status 1008, so a client that stops reading
	 * cannot make the server buffer without bound.
	 */
	private int maxQueuedFrames = 1000;

	/**
	 * How long a connection may stay open; then it is closed with status 1008 and the
	 * client reconnects (authenticating again). Zero for no limit. A connection is also
	 * closed when its JWT or client certificate expires, whatever this limit.
	 */
	private Duration maxSessionLifetime = Duration.ofHours(24);

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getPath() {
		return this.path;
	}

	public void setPath(String path) {
		this.path = path;
	}

	public int getMaxQueuedFrames() {
		return this.maxQueuedFrames;
	}

	public void setMaxQueuedFrames(int maxQueuedFrames) {
		this.maxQueuedFrames = maxQueuedFrames;
	}

	public Duration getMaxSessionLifetime() {
		return this.maxSessionLifetime;
	}

	public void setMaxSessionLifetime(Duration maxSessionLifetime) {
		this.maxSessionLifetime = maxSessionLifetime;
	}

	public DataSize getMaxFrameSize() {
		return this.maxFrameSize;
	}

	public void setMaxFrameSize(DataSize maxFrameSize) {
		this.maxFrameSize = maxFrameSize;
	}

}

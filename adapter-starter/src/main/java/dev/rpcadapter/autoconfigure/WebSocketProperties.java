package dev.rpcadapter.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** The {@code /ws} endpoint ({@code adapter.websocket.*}). */
@ConfigurationProperties("adapter.websocket")
public class WebSocketProperties {

	/** Whether the WebSocket endpoint is served. */
	private boolean enabled = true;

	/** Path of the WebSocket endpoint. */
	private String path = "/ws";

	/** Largest text frame (after aggregation of continuation frames) accepted. */
	private DataSize maxFrameSize = DataSize.ofMegabytes(10);

	/**
	 * Most answers and job events that may wait for one connection's client to read them; past it the
	 * connection is closed with status 1008, so a client that stops reading cannot make the server
	 * buffer without bound.
	 */
	private int maxQueuedFrames = 1000;

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

	public DataSize getMaxFrameSize() {
		return this.maxFrameSize;
	}

	public void setMaxFrameSize(DataSize maxFrameSize) {
		this.maxFrameSize = maxFrameSize;
	}
}

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

	public DataSize getMaxFrameSize() {
		return this.maxFrameSize;
	}

	public void setMaxFrameSize(DataSize maxFrameSize) {
		this.maxFrameSize = maxFrameSize;
	}
}

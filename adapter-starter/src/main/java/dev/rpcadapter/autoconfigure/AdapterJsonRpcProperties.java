package dev.rpcadapter.autoconfigure;

import java.time.Duration;

import dev.rpcadapter.dispatch.ResultFormat;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** JSON-RPC endpoint and dispatch settings ({@code adapter.jsonrpc.*}). */
@ConfigurationProperties("adapter.jsonrpc")
public class AdapterJsonRpcProperties {

	/** Path of the JSON-RPC 2.0 endpoint. */
	private String path = "/api/jsonrpc";

	/** Path of the batch-only endpoint (seed compatibility). */
	private String batchPath = "/api/jsonrpc/batch";

	/** How results are written: plain (JSON-RPC 2.0) or envelope (seed-compatible). */
	private ResultFormat resultFormat = ResultFormat.PLAIN;

	/** Most elements accepted in one batch. */
	private int maxBatchSize = 100;

	/** Largest request body accepted; larger bodies get HTTP 413 with a -32600 error. */
	private DataSize maxBodySize = DataSize.ofMegabytes(10);

	/** Deepest JSON nesting accepted in a request. */
	private int maxNestingDepth = 64;

	/** Longest JSON string accepted in a request, in characters. */
	private int maxStringLength = 5_000_000;

	/** How long a non-queued command may run unless it declares its own timeout. */
	private Duration defaultTimeout = Duration.ofSeconds(60);

	public String getPath() {
		return this.path;
	}

	public void setPath(String path) {
		this.path = path;
	}

	public String getBatchPath() {
		return this.batchPath;
	}

	public void setBatchPath(String batchPath) {
		this.batchPath = batchPath;
	}

	public ResultFormat getResultFormat() {
		return this.resultFormat;
	}

	public void setResultFormat(ResultFormat resultFormat) {
		this.resultFormat = resultFormat;
	}

	public int getMaxBatchSize() {
		return this.maxBatchSize;
	}

	public void setMaxBatchSize(int maxBatchSize) {
		this.maxBatchSize = maxBatchSize;
	}

	public DataSize getMaxBodySize() {
		return this.maxBodySize;
	}

	public void setMaxBodySize(DataSize maxBodySize) {
		this.maxBodySize = maxBodySize;
	}

	public int getMaxNestingDepth() {
		return this.maxNestingDepth;
	}

	public void setMaxNestingDepth(int maxNestingDepth) {
		this.maxNestingDepth = maxNestingDepth;
	}

	public int getMaxStringLength() {
		return this.maxStringLength;
	}

	public void setMaxStringLength(int maxStringLength) {
		this.maxStringLength = maxStringLength;
	}

	public Duration getDefaultTimeout() {
		return this.defaultTimeout;
	}

	public void setDefaultTimeout(Duration defaultTimeout) {
		this.defaultTimeout = defaultTimeout;
	}

}

package dev.rpcadapter.client;

import org.jspecify.annotations.Nullable;

/**
 * An upload or download stopped part-way (connection lost, server gone). The chunks that
 * arrived are kept: call {@link RpcClient#resumeUpload} with {@link #transferId()} (or
 * {@link RpcClient#download} again) to continue where it stopped.
 */
public class TransferInterruptedException extends RpcException {

	private static final long serialVersionUID = 1L;

	private final String transferId;

	public TransferInterruptedException(String transferId, String message, @Nullable Throwable cause) {
		super(message, cause);
		this.transferId = transferId;
	}

	/** The transfer to resume. */
	public String transferId() {
		return this.transferId;
	}

}

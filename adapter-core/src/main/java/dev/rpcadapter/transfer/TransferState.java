package dev.rpcadapter.transfer;

import java.util.Locale;

/** The state of a transfer session. */
public enum TransferState {

	/** Chunks are being uploaded. */
	UPLOADING,

	/**
	 * All chunks arrived and size and checksum were verified: the content can be
	 * downloaded and used.
	 */
	COMPLETED;

	/** The wire name ({@code uploading}, {@code completed}). */
	public String wire() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static TransferState fromWire(String wire) {
		return valueOf(wire.toUpperCase(Locale.ROOT));
	}

}

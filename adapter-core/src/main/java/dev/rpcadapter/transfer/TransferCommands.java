package dev.rpcadapter.transfer;

import java.util.List;

import dev.rpcadapter.command.Command;

/**
 * The built-in transfer commands: {@code transfer_upload_begin},
 * {@code transfer_upload_chunk}, {@code transfer_upload_status},
 * {@code transfer_upload_complete}, {@code transfer_download_begin} and
 * {@code transfer_download_chunk}.
 */
public final class TransferCommands {

	private TransferCommands() {
	}

	/**
	 * The commands, ready to register in a
	 * {@link dev.rpcadapter.command.CommandRegistry}.
	 */
	public static List<Command> of(Transfers transfers) {
		return new dev.rpcadapter.transfer.TransferCommandFactory(transfers).commands();
	}

}

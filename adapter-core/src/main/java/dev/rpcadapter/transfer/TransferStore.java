package dev.rpcadapter.transfer;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

/**
 * SPI: where transfer bytes live. The default keeps one file per transfer in a directory;
 * an object store implements the same four operations (a chunk as a part, a ranged read).
 */
public interface TransferStore {

	/**
	 * A channel that writes the bytes of one chunk starting at {@code offset}; the caller
	 * closes it.
	 */
	WritableByteChannel writer(String id, long offset) throws IOException;

	/** A channel over the content, positioned at 0; the caller closes it. */
	SeekableByteChannel reader(String id) throws IOException;

	/**
	 * The local file holding the content, if the store keeps one: downloads then use
	 * zero-copy file transfer and {@link TransferRef#path()} returns it. {@code null}
	 * otherwise.
	 */
	@Nullable Path localFile(String id);

	/** Removes the content; nothing happens if there is none. */
	void delete(String id) throws IOException;

	/**
	 * Removes content older than {@code olderThanMillis} that no session knows (left by a
	 * lost in-memory session).
	 */
	default void deleteOrphans(java.util.function.Predicate<String> known, long olderThanMillis) throws IOException {
	}

	/** One file per transfer in {@code directory} (created if missing). */
	static TransferStore directory(Path directory) {
		return new dev.rpcadapter.transfer.DirectoryTransferStore(directory);
	}

}

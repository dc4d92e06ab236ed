package dev.rpcadapter.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

import dev.rpcadapter.command.Caller;

/**
 * Chunked, resumable file transfers. Every operation is on behalf of a caller: a caller
 * sees only the transfers it began (an admin, {@link Builder#admins}, sees every
 * transfer; the starter uses the queue's rule, permission {@code queue:admin}), and
 * another caller's transfer is reported exactly like an unknown one ({@code -32602} on
 * {@code transfer_id}). Operations block (file and database I/O): call them off event
 * loops.
 */
public interface Transfers {

	/** Begins an upload; {@code chunkSize} {@code null} means the default. */
	TransferSession begin(Caller caller, String name, long size, @org.jspecify.annotations.Nullable String sha256,
			@org.jspecify.annotations.Nullable Integer chunkSize);

	/**
	 * The session, if the caller may see it; otherwise {@code -32602} (unknown transfer).
	 */
	TransferSession session(String id, Caller caller);

	/**
	 * Checks that chunk {@code index} may be uploaded now and returns the session: the
	 * caller's, still uploading, index in range. The chunk must then be exactly
	 * {@link TransferSession#chunkLength(int)} long.
	 */
	TransferSession chunkTarget(String id, int index, Caller caller);

	/** Stores a whole chunk (the JSON form of an upload). */
	void writeChunk(String id, int index, ByteBuffer data, Caller caller);

	/** Records that a chunk streamed through {@link #store()} arrived complete. */
	void chunkWritten(String id, int index);

	/** The chunks that arrived. */
	BitSet received(String id, Caller caller);

	/**
	 * Verifies that every chunk arrived and the SHA-256 matches the declared one, then
	 * completes the upload. Missing chunks: {@code -32602} with {@code data.missing};
	 * checksum mismatch: {@code -32000} with {@code data.expected} and
	 * {@code data.actual} (the upload stays open).
	 */
	TransferSession complete(String id, Caller caller);

	/** The bytes of one chunk of a completed transfer. */
	ByteBuffer readChunk(String id, int index, Caller caller);

	/**
	 * A completed transfer as a command parameter ({@code -32602} if unknown or not
	 * completed).
	 */
	TransferRef resolve(String id, Caller caller);

	/**
	 * Stores a job's output file as a completed transfer owned by the job's owner and
	 * announces it.
	 */
	Artifact publish(String jobId, Caller owner, String name, InputStream content) throws IOException;

	/** The artifacts of a job, oldest first. */
	List<Artifact> artifacts(String jobId);

	/** Called with (job id, artifact) after each {@link #publish}. */
	void addArtifactListener(BiConsumer<String, Artifact> listener);

	/** Removes expired sessions and their bytes; returns how many. */
	int sweep();

	/** Where the bytes live. */
	TransferStore store();

	/** The metadata store. */
	TransferSessions sessions();

	static Builder builder(TransferSessions sessions, TransferStore store) {
		return new Builder(sessions, store);
	}

	/**
	 * Settings of a {@link Transfers}; defaults: 24 h retention, 4 GiB max size, 4 MiB
	 * chunks (16 MiB max).
	 */
	final class Builder {

		private final TransferSessions sessions;

		private final TransferStore store;

		private Duration retention = Duration.ofHours(24);

		private long maxSize = 4L << 30;

		private int defaultChunkSize = 4 << 20;

		private int maxChunkSize = 16 << 20;

		private Clock clock = Clock.systemUTC();

		private Predicate<Caller> admins = (caller) -> false;

		private Builder(TransferSessions sessions, TransferStore store) {
			this.sessions = Objects.requireNonNull(sessions, "sessions");
			this.store = Objects.requireNonNull(store, "store");
		}

		/** How long a session lives after it began (and after it completed). */
		public Builder retention(Duration retention) {
			positive(retention.toMillis(), "retention");
			this.retention = retention;
			return this;
		}

		/** The largest transfer in bytes. */
		public Builder maxSize(long maxSize) {
			this.maxSize = positive(maxSize, "maxSize");
			return this;
		}

		public Builder defaultChunkSize(int size) {
			this.defaultChunkSize = (int) positive(size, "defaultChunkSize");
			return this;
		}

		public Builder maxChunkSize(int size) {
			this.maxChunkSize = (int) positive(size, "maxChunkSize");
			return this;
		}

		public Builder clock(Clock clock) {
			this.clock = Objects.requireNonNull(clock, "clock");
			return this;
		}

		/** Who sees every caller's transfers; default nobody. */
		public Builder admins(Predicate<Caller> admins) {
			this.admins = Objects.requireNonNull(admins, "admins");
			return this;
		}

		public Transfers build() {
			if (this.defaultChunkSize > this.maxChunkSize) {
				throw new IllegalArgumentException(
						"defaultChunkSize " + this.defaultChunkSize + " exceeds maxChunkSize " + this.maxChunkSize);
			}
			return new dev.rpcadapter.transfer.DefaultTransfers(this.sessions, this.store, this.retention, this.maxSize,
					this.defaultChunkSize, this.maxChunkSize, this.clock, this.admins);
		}

		private static long positive(long value, String name) {
			if (value <= 0) {
				throw new IllegalArgumentException(name + " must be positive, got " + value);
			}
			return value;
		}

	}

}

package dev.rpcadapter.transfer;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The metadata of one transfer: what is being uploaded, by whom, in how many chunks.
 *
 * @param id the transfer id (a random UUID)
 * @param owner the principal of the caller that began it
 * @param name the file name (no directories)
 * @param size the size in bytes
 * @param sha256 the SHA-256 (lower-case hex): the one declared at begin, or the one
 * computed on completion
 * @param chunkSize the chunk size in bytes; every chunk but the last has exactly this
 * size
 * @param state uploading or completed
 * @param jobId the job that published it as an artifact, or {@code null} for an upload
 * @param createdAt when it began
 * @param expiresAt when the cleanup sweep removes it
 */
public record TransferSession(String id, String owner, String name, long size, @Nullable String sha256, int chunkSize,
		TransferState state, @Nullable String jobId, Instant createdAt, Instant expiresAt) {

	/** The number of chunks (at least 1; an empty file is one empty chunk). */
	public int chunks() {
		return (size == 0) ? 1 : (int) ((this.size + this.chunkSize - 1) / this.chunkSize);
	}

	/** Where chunk {@code index} starts. */
	public long offset(int index) {
		return (long) index * this.chunkSize;
	}

	/** The exact length chunk {@code index} must have. */
	public long chunkLength(int index) {
		return Math.min(this.chunkSize, this.size - offset(index));
	}

	public TransferSession completed(String sha256, Instant expiresAt) {
		return new TransferSession(this.id, this.owner, this.name, this.size, sha256, this.chunkSize,
				TransferState.COMPLETED, this.jobId, this.createdAt, expiresAt);
	}
}

package dev.rpcadapter.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

import dev.rpcadapter.command.Caller;
import dev.rpcadapter.command.CommandException;

/**
 * Copies a job's output into the store as one completed transfer, downloadable in chunks
 * of the default size.
 */
record ArtifactWriter(TransferSessions sessions, TransferStore store, Clock clock, Duration retention, long maxSize,
		int chunkSize) {

	TransferSession write(String jobId, Caller owner, String name, InputStream content) throws IOException {
		String id = UUID.randomUUID().toString();
		MessageDigest digest = Checksums.digest();
		long size;
		try (OutputStream out = new DigestOutputStream(Channels.newOutputStream(this.store.writer(id, 0)), digest)) {
			size = copy(content, out);
		}
		catch (IOException | RuntimeException ex) {
			this.store.delete(id);
			throw ex;
		}
		Instant now = this.clock.instant();
		TransferSession session = new TransferSession(id, owner.principal(), name, size,
				HexFormat.of().formatHex(digest.digest()), this.chunkSize, TransferState.COMPLETED, jobId, now,
				now.plus(this.retention));
		this.sessions.create(session);
		return session;
	}

	private long copy(InputStream in, OutputStream out) throws IOException {
		byte[] buffer = new byte[64 * 1024];
		long total = 0;
		for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
			total += n;
			if (total > this.maxSize) {
				throw new CommandException(
						"artifact larger than adapter.transfers.max-size (" + this.maxSize + " bytes)");
			}
			out.write(buffer, 0, n);
		}
		return total;
	}
}

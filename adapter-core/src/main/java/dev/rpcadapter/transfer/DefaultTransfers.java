package dev.rpcadapter.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

import dev.rpcadapter.command.Caller;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link Transfers} over a metadata store and a byte store. */
final class DefaultTransfers implements Transfers {

	private static final Logger logger = LoggerFactory.getLogger(DefaultTransfers.class);

	static final int MAX_CHUNKS = 1_000_000;

	private final TransferSessions sessions;

	private final TransferStore store;

	private final Duration retention;

	private final long maxSize;

	private final int defaultChunkSize;

	private final int maxChunkSize;

	private final Clock clock;

	private final Predicate<Caller> admins;

	private final List<BiConsumer<String, Artifact>> listeners = new CopyOnWriteArrayList<>();

	public DefaultTransfers(TransferSessions sessions, TransferStore store, Duration retention, long maxSize,
			int defaultChunkSize, int maxChunkSize, Clock clock, Predicate<Caller> admins) {
		this.sessions = sessions;
		this.store = store;
		this.retention = retention;
		this.maxSize = maxSize;
		this.defaultChunkSize = defaultChunkSize;
		this.maxChunkSize = maxChunkSize;
		this.clock = clock;
		this.admins = admins;
	}

	@Override
	public TransferSession begin(Caller caller, String name, long size, @Nullable String sha256,
			@Nullable Integer chunkSize) {
		String fileName = Names.check(name);
		String sha = (sha256 != null) ? Names.checkSha256(sha256) : null;
		if (size < 0 || size > this.maxSize) {
			throw TransferErrors.invalid("size", "must be between 0 and " + this.maxSize + " bytes");
		}
		int chunk = (chunkSize != null) ? chunkSize : this.defaultChunkSize;
		if (chunk < 1 || chunk > this.maxChunkSize) {
			throw TransferErrors.invalid("chunk_size", "must be between 1 and " + this.maxChunkSize);
		}
		if ((size + chunk - 1) / chunk > MAX_CHUNKS) {
			throw TransferErrors.invalid("chunk_size", "too small: more than " + MAX_CHUNKS + " chunks");
		}
		Instant now = this.clock.instant();
		TransferSession session = new TransferSession(UUID.randomUUID().toString(), caller.principal(), fileName, size,
				sha, chunk, TransferState.UPLOADING, null, now, now.plus(this.retention));
		this.sessions.create(session);
		return session;
	}

	@Override
	public TransferSession session(String id, Caller caller) {
		return this.sessions.find(id)
			.filter((session) -> visible(session, caller) && session.expiresAt().isAfter(this.clock.instant()))
			.orElseThrow(TransferErrors::unknown);
	}

	private boolean visible(TransferSession session, Caller caller) {
		return session.owner().equals(caller.principal()) || this.admins.test(caller);
	}

	@Override
	public TransferSession chunkTarget(String id, int index, Caller caller) {
		TransferSession session = session(id, caller);
		if (session.state() != TransferState.UPLOADING) {
			throw TransferErrors.invalid("transfer_id", "upload already completed");
		}
		if (index < 0 || index >= session.chunks()) {
			throw TransferErrors.invalid("index", "must be between 0 and " + (session.chunks() - 1));
		}
		return session;
	}

	@Override
	public void writeChunk(String id, int index, ByteBuffer data, Caller caller) {
		TransferSession session = chunkTarget(id, index, caller);
		if (data.remaining() != session.chunkLength(index)) {
			throw TransferErrors.invalid("data", "chunk " + index + " must be exactly " + session.chunkLength(index)
					+ " bytes, got " + data.remaining());
		}
		try (WritableByteChannel out = this.store.writer(id, session.offset(index))) {
			while (data.hasRemaining()) {
				out.write(data);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		chunkWritten(id, index);
	}

	@Override
	public void chunkWritten(String id, int index) {
		this.sessions.markChunk(id, index);
	}

	@Override
	public BitSet received(String id, Caller caller) {
		session(id, caller);
		return this.sessions.receivedChunks(id);
	}

	@Override
	public TransferSession complete(String id, Caller caller) {
		TransferSession session = session(id, caller);
		if (session.state() == TransferState.COMPLETED) {
			return session;
		}
		List<Integer> missing = Chunks.missing(this.sessions.receivedChunks(id), session.chunks());
		if (!missing.isEmpty()) {
			throw TransferErrors.failedMissing(missing);
		}
		String actual = Checksums.sha256(this.store, id);
		if (session.sha256() != null && !session.sha256().equals(actual)) {
			throw TransferErrors.failed("sha256 mismatch: the uploaded content differs from the declared checksum",
					Map.of("expected", session.sha256(), "actual", actual));
		}
		TransferSession completed = session.completed(actual, this.clock.instant().plus(this.retention));
		this.sessions.update(completed);
		return completed;
	}

	@Override
	public ByteBuffer readChunk(String id, int index, Caller caller) {
		TransferSession session = downloadable(id, caller, "transfer_id");
		if (index < 0 || index >= session.chunks()) {
			throw TransferErrors.invalid("index", "must be between 0 and " + (session.chunks() - 1));
		}
		ByteBuffer buffer = ByteBuffer.allocate((int) session.chunkLength(index));
		try (SeekableByteChannel in = this.store.reader(id)) {
			in.position(session.offset(index));
			while (buffer.hasRemaining() && in.read(buffer) >= 0) {
				// fill
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return buffer.flip();
	}

	/** A completed session of the caller, else {@code -32602} on {@code param}. */
	TransferSession downloadable(String id, Caller caller, String param) {
		TransferSession session;
		try {
			session = session(id, caller);
		}
		catch (RuntimeException ex) {
			throw TransferErrors.invalid(param, TransferErrors.UNKNOWN);
		}
		if (session.state() != TransferState.COMPLETED) {
			throw TransferErrors.invalid(param, "upload not completed (call transfer_upload_complete)");
		}
		return session;
	}

	@Override
	public TransferRef resolve(String id, Caller caller) {
		return new StoredTransferRef(downloadable(id, caller, "transfer_id"), this.store);
	}

	@Override
	public Artifact publish(String jobId, Caller owner, String name, InputStream content) throws IOException {
		TransferSession session = new ArtifactWriter(this.sessions, this.store, this.clock, this.retention,
				this.maxSize, this.defaultChunkSize)
			.write(jobId, owner, Names.check(name), content);
		Artifact artifact = toArtifact(session);
		for (BiConsumer<String, Artifact> listener : this.listeners) {
			listener.accept(jobId, artifact);
		}
		return artifact;
	}

	@Override
	public List<Artifact> artifacts(String jobId) {
		return this.sessions.byJob(jobId).stream().map(DefaultTransfers::toArtifact).toList();
	}

	static Artifact toArtifact(TransferSession session) {
		return new Artifact(session.name(), session.id(), session.size(), String.valueOf(session.sha256()));
	}

	@Override
	public void addArtifactListener(BiConsumer<String, Artifact> listener) {
		this.listeners.add(listener);
	}

	@Override
	public int sweep() {
		Instant now = this.clock.instant();
		int removed = 0;
		for (TransferSession session : this.sessions.expired(now, 1000)) {
			try {
				this.store.delete(session.id());
				this.sessions.delete(session.id());
				removed++;
			}
			catch (IOException | RuntimeException ex) {
				logger.warn("Cannot remove expired transfer {}: {}", session.id(), ex.toString());
			}
		}
		try {
			this.store.deleteOrphans((id) -> this.sessions.find(id).isPresent(), this.retention.toMillis());
		}
		catch (IOException ex) {
			logger.warn("Cannot remove orphaned transfer files: {}", ex.toString());
		}
		return removed;
	}

	@Override
	public TransferStore store() {
		return this.store;
	}

	@Override
	public TransferSessions sessions() {
		return this.sessions;
	}

}

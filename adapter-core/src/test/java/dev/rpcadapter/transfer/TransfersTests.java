package dev.rpcadapter.transfer;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.rpcadapter.command.Caller;
import dev.rpcadapter.jsonrpc.JsonRpcException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class TransfersTests {

	private static final Caller ALICE = Caller.of("alice", Set.of());

	private static final Caller BOB = Caller.of("bob", Set.of());

	@TempDir
	Path dir;

	private final MutableClock clock = new MutableClock();

	private Transfers transfers() {
		return Transfers.builder(TransferSessions.inMemory(), TransferStore.directory(this.dir))
			.retention(Duration.ofHours(1))
			.maxSize(1000)
			.defaultChunkSize(10)
			.maxChunkSize(100)
			.clock(this.clock)
			.admins((caller) -> caller.hasRole("ops"))
			.build();
	}

	@Test
	void chunksCompleteAnUploadThatResolvesForItsOwnerOnly() throws Exception {
		Transfers transfers = transfers();
		TransferSession session = transfers.begin(ALICE, "dir/a.txt", 15, null, null);
		assertThat(session.name()).isEqualTo("a.txt");
		assertThat(session.chunks()).isEqualTo(2);
		transfers.writeChunk(session.id(), 1, ByteBuffer.wrap("fghij".getBytes()), ALICE);
		transfers.writeChunk(session.id(), 0, ByteBuffer.wrap("0123456789".getBytes()), ALICE);
		TransferSession done = transfers.complete(session.id(), ALICE);
		assertThat(done.state()).isEqualTo(TransferState.COMPLETED);
		TransferRef ref = transfers.resolve(session.id(), ALICE);
		assertThat(Files.readString(ref.path())).isEqualTo("0123456789fghij");
		assertThat(ref.sha256()).isEqualTo(done.sha256());
		assertThatExceptionOfType(JsonRpcException.class).isThrownBy(() -> transfers.resolve(session.id(), BOB))
			.satisfies((ex) -> assertThat(ex.error().code()).isEqualTo(-32602));
		assertThat(transfers.resolve(session.id(), Caller.of("root", Set.of("ops"))).size()).isEqualTo(15);
		// no role name is an admin by itself: only the configured predicate decides
		assertThatExceptionOfType(JsonRpcException.class)
			.isThrownBy(() -> transfers.resolve(session.id(), Caller.of("root", Set.of("queue_admin", "*"))));
	}

	@Test
	void limitsAreCheckedAtBegin() {
		Transfers transfers = transfers();
		assertThatExceptionOfType(JsonRpcException.class)
			.isThrownBy(() -> transfers.begin(ALICE, "a", 1001, null, null));
		assertThatExceptionOfType(JsonRpcException.class).isThrownBy(() -> transfers.begin(ALICE, "a", 10, null, 101));
		assertThatExceptionOfType(JsonRpcException.class)
			.isThrownBy(() -> transfers.begin(ALICE, "..", 10, null, null));
		assertThatExceptionOfType(JsonRpcException.class)
			.isThrownBy(() -> transfers.begin(ALICE, "a", 10, "xyz", null));
	}

	@Test
	void artifactsAreCompletedTransfersOfTheJobAndAnnounced() throws Exception {
		Transfers transfers = transfers();
		List<String> announced = new ArrayList<>();
		transfers.addArtifactListener((job, artifact) -> announced.add(job + ":" + artifact.name()));
		Artifact artifact = transfers.publish("job-1", ALICE, "out.txt", new ByteArrayInputStream("hello".getBytes()));
		assertThat(artifact.size()).isEqualTo(5);
		assertThat(transfers.artifacts("job-1")).containsExactly(artifact);
		assertThat(announced).containsExactly("job-1:out.txt");
		assertThat(transfers.readChunk(artifact.transferId(), 0, ALICE).remaining()).isEqualTo(5);
	}

	@Test
	void expiredSessionsAreSweptWithTheirBytes() {
		Transfers transfers = transfers();
		TransferSession session = transfers.begin(ALICE, "a", 3, null, null);
		transfers.writeChunk(session.id(), 0, ByteBuffer.wrap(new byte[3]), ALICE);
		assertThat(this.dir.resolve(session.id())).exists();
		this.clock.advance(Duration.ofHours(2));
		assertThatExceptionOfType(JsonRpcException.class).isThrownBy(() -> transfers.session(session.id(), ALICE));
		assertThat(transfers.sweep()).isEqualTo(1);
		assertThat(this.dir.resolve(session.id())).doesNotExist();
	}

	static final class MutableClock extends Clock {

		private Instant now = Instant.parse("2026-01-01T00:00:00Z");

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}

package dev.rpcadapter.client;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RemoteJobTests {

	private final JsonMapper mapper = JsonMapper.builder().build();

	@Test
	void jobObjectIsReadWithTimestampsAndError() {
		RemoteJob status = RemoteJob.fromJson(this.mapper.readTree("{\"job_id\":\"j1\",\"command\":\"chunk\","
				+ "\"status\":\"failed\",\"progress\":40,\"description\":\"splitting\","
				+ "\"error\":{\"code\":-32003,\"message\":\"Timed out\"},\"created_at\":\"2026-01-01T00:00:00Z\","
				+ "\"started_at\":\"2026-01-01T00:00:01Z\",\"finished_at\":\"2026-01-01T00:00:09.5Z\"}"));
		assertThat(status.state()).isEqualTo(RemoteJobState.FAILED);
		assertThat(status.progress()).isEqualTo(40);
		assertThat(status.error().code()).isEqualTo(RpcErrorCodes.TIMED_OUT);
		assertThat(status.result()).isNull();
		assertThat(status.createdAt()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
		assertThat(status.finishedAt()).isEqualTo(Instant.parse("2026-01-01T00:00:09.5Z"));
	}

	@Test
	void optionalFieldsMayBeAbsent() {
		RemoteJob status = RemoteJob.fromJson(this.mapper.readTree("{\"job_id\":\"j1\",\"status\":\"pending\"}"));
		assertThat(status.state().isTerminal()).isFalse();
		assertThat(status.startedAt()).isNull();
		assertThat(status.description()).isEmpty();
	}

	@Test
	void unknownStatusIsProtocolError() {
		assertThatExceptionOfType(RpcProtocolException.class)
			.isThrownBy(() -> RemoteJob.fromJson(this.mapper.readTree("{\"job_id\":\"j1\",\"status\":\"archived\"}")))
			.withMessageContaining("'archived'");
	}

}

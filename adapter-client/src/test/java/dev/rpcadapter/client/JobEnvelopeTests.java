package dev.rpcadapter.client;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class JobEnvelopeTests {

	private final JsonMapper mapper = JsonMapper.builder().build();

	@Test
	void queuedCommandAnswerIsDetected() {
		JobEnvelope envelope = JobEnvelope
			.detect(json("{\"job_id\":\"j1\",\"status\":\"pending\",\"command\":\"chunk\","
					+ "\"poll_with\":\"queue_get_job_status\"}"));
		assertThat(envelope).isEqualTo(new JobEnvelope("j1", "chunk", "queue_get_job_status"));
	}

	@Test
	void jobObjectWithoutPollWithIsNotAnEnvelope() {
		assertThat(JobEnvelope.detect(json("{\"job_id\":\"j1\",\"status\":\"completed\",\"command\":\"chunk\"}")))
			.isNull();
	}

	@Test
	void nonObjectsAndNonStringIdsAreNotEnvelopes() {
		assertThat(JobEnvelope.detect(json("[1]"))).isNull();
		assertThat(JobEnvelope.detect(json("\"j1\""))).isNull();
		assertThat(JobEnvelope.detect(json("{\"job_id\":7,\"status\":\"pending\",\"poll_with\":\"x\"}"))).isNull();
		assertThat(JobEnvelope.detect(null)).isNull();
	}

	private JsonNode json(String text) {
		return this.mapper.readTree(text);
	}

}

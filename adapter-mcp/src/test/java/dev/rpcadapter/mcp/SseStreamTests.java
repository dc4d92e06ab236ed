package dev.rpcadapter.mcp;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SseStreamTests {

	private static List<String> texts(List<byte[]> events) {
		return events.stream().map((e) -> new String(e, StandardCharsets.UTF_8)).toList();
	}

	@Test
	void aFinishedStreamReplaysTheEventsAfterTheLastSeenOne() {
		SseStream stream = new SseStream("s", 10);
		stream.send("");
		stream.send("{\"a\":1}");
		stream.send("{\"a\":2}");
		stream.complete();
		List<String> replay = texts(stream.resume(2).collectList().block());
		assertThat(replay).containsExactly("id: s-3\ndata: {\"a\":2}\n\n");
	}

	@Test
	void theReplayBufferIsBounded() {
		SseStream stream = new SseStream("s", 2);
		for (int i = 1; i <= 5; i++) {
			stream.send("{\"n\":" + i + "}");
		}
		stream.complete();
		assertThat(texts(stream.resume(0).collectList().block())).hasSize(2).first().asString().startsWith("id: s-4");
	}

	@Test
	void thePrimingEventCarriesARetry() {
		assertThat(new String(SseStream.encode("s-1", ""), StandardCharsets.UTF_8))
			.isEqualTo("id: s-1\nretry: 1000\ndata: \n\n");
	}

}

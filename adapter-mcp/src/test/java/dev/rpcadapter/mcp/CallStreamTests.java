package dev.rpcadapter.mcp;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CallStreamTests {

	@Test
	void aCallThatSendsNothingIsAnsweredWithJson() {
		CallStream out = new CallStream(null);
		assertThat(out.answered()).isFalse();
		out.respond(Rpc.result(Rpc.NODES.numberNode(1), Rpc.object()));
		McpHttpResponse answer = out.answer().block();
		assertThat(answer.isStream()).isFalse();
		assertThat(answer.headers()).containsEntry("Content-Type", "application/json");
		assertThat(new String(answer.body(), StandardCharsets.UTF_8))
			.isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}");
	}

	@Test
	void theFirstMessageOpensAStreamThatEndsWithTheResponse() {
		CallStream out = new CallStream(null);
		out.send(Rpc.notification("notifications/message", Rpc.object().put("level", "info")));
		assertThat(out.answered()).isTrue();
		out.respond(Rpc.result(Rpc.NODES.numberNode(1), Rpc.object()));
		out.send(Rpc.notification("notifications/message", Rpc.object().put("level", "late")));
		McpHttpResponse answer = out.answer().block();
		assertThat(answer.headers()).containsEntry("Content-Type", "text/event-stream");
		List<String> events = answer.events().map((e) -> new String(e, StandardCharsets.UTF_8)).collectList().block();
		assertThat(events).hasSize(3);
		assertThat(events.get(0)).contains("retry:");
		assertThat(events.get(1)).contains("notifications/message").contains("info");
		assertThat(events.get(2)).contains("\"result\":{}");
	}

}

package dev.rpcadapter.mcp;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import tools.jackson.databind.node.ObjectNode;

/**
 * The answer to a {@code tools/call} whose client accepts SSE: plain JSON if the call
 * sends nothing before its result, else a {@code text/event-stream} opened by the first
 * message the call sends (log messages, requests to the client), ending with the result.
 */
final class CallStream {

	private final @Nullable Session session;

	private final Sinks.One<McpHttpResponse> answer = Sinks.one();

	private @Nullable SseStream stream;

	private boolean done;

	CallStream(@Nullable Session session) {
		this.session = session;
	}

	/** The HTTP answer, as soon as it is known. */
	Mono<McpHttpResponse> answer() {
		return this.answer.asMono();
	}

	/** Whether the HTTP answer (the stream, or the JSON response) was given. */
	synchronized boolean answered() {
		return this.done || this.stream != null;
	}

	/**
	 * Sends a message related to the call (the first one turns the answer into a stream).
	 */
	synchronized void send(ObjectNode message) {
		if (this.done) {
			return;
		}
		if (this.stream == null) {
			this.stream = (this.session != null) ? this.session.newStream() : new SseStream("0", 0);
			this.stream.send("");
			this.answer.tryEmitValue(HttpAnswers.stream(this.stream.live()));
		}
		this.stream.send(message.toString());
	}

	/** The call's response: the last event of the stream, or the JSON answer. */
	synchronized void respond(ObjectNode response) {
		this.done = true;
		if (this.stream != null) {
			this.stream.send(response.toString());
			this.stream.complete();
		}
		else {
			this.answer.tryEmitValue(HttpAnswers.json(200, response));
		}
	}

}

package dev.rpcadapter.autoconfigure.observation;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import brave.handler.MutableSpan;
import brave.handler.SpanHandler;
import brave.propagation.TraceContext;
import dev.rpcadapter.command.CommandParam;
import dev.rpcadapter.command.JsonRpcCommand;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A server with Boot's Brave tracing whose finished spans are kept in memory. */
@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration
public class TracingTestApplication {

	@Bean
	Spans spans() {
		return new Spans();
	}

	@Bean
	Commands commands() {
		return new Commands();
	}

	/** Every finished span. */
	public static class Spans extends SpanHandler {

		final List<MutableSpan> finished = new CopyOnWriteArrayList<>();

		@Override
		public boolean end(TraceContext context, MutableSpan span, Cause cause) {
			this.finished.add(span);
			return true;
		}

	}

	/** A plain and a queued command. */
	public static class Commands {

		@JsonRpcCommand(name = "t_echo", description = "Echo")
		public String echo(@CommandParam("text") String text) {
			return text;
		}

		@JsonRpcCommand(name = "t_job", description = "Echo as a job", queued = true)
		public String job(@CommandParam("text") String text) {
			return text;
		}

	}

}

package dev.rpcadapter.bench.springai;

import org.springframework.ai.mcp.annotation.McpTool;
import org.springframework.ai.mcp.annotation.McpToolParam;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.stereotype.Component;

/** Spring AI's MCP server (stateless Streamable HTTP on WebFlux) with one echo tool, as the bench peer. */
@SpringBootApplication
public class SpringAiMcpApplication {

	public static void main(String[] args) {
		SpringApplication.run(SpringAiMcpApplication.class, args);
	}

	/** The same tool as the adapter's built-in {@code echo}. */
	@Component
	public static class EchoTool {

		@McpTool(name = "echo", description = "Returns the message it was given")
		public String echo(@McpToolParam(description = "the message", required = true) String message) {
			return message;
		}

	}

}

package dev.rpcadapter.mcpeverything;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Serves the conformance suite's fixtures on {@code /mcp} (port 3001). */
@SpringBootApplication
public class McpEverythingApplication {

	public static void main(String[] args) {
		SpringApplication.run(McpEverythingApplication.class, args);
	}

}

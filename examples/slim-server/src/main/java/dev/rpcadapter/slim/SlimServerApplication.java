package dev.rpcadapter.slim;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * JSON-RPC only: the starter without queue, Quartz, security and MCP (see the README).
 */
@SpringBootApplication
public class SlimServerApplication {

	public static void main(String[] args) {
		SpringApplication.run(SlimServerApplication.class, args);
	}

}

package dev.rpcadapter.bench.servlet;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The adapter in a Spring MVC application on Tomcat (Boot's defaults), nothing else: its
 * built-in {@code echo} ({@code {"message": s}} → {@code {"message": s}}, the command the Reactor
 * Netty benchmark calls) at {@code POST /api/jsonrpc}, served by the servlet transport.
 */
@SpringBootApplication
public class ServletEchoApplication {

	public static void main(String[] args) {
		SpringApplication.run(ServletEchoApplication.class, args);
	}
}

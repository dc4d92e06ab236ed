package dev.rpcadapter.secure;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * An adapter that only answers callers with a client certificate from its CA, with
 * per-role commands.
 */
@SpringBootApplication
public class SecureServerApplication {

	public static void main(String[] args) {
		SpringApplication.run(SecureServerApplication.class, args);
	}

}

package dev.rpcadapter.autoconfigure.security;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import javax.net.ssl.SSLContext;

import dev.rpcadapter.ca.CertificateRequest;
import dev.rpcadapter.ca.CertificateTool;
import dev.rpcadapter.ca.CrlRequest;
import dev.rpcadapter.ca.IssuedCertificate;
import dev.rpcadapter.ca.Pem;
import dev.rpcadapter.ca.TlsMaterial;
import org.jspecify.annotations.Nullable;

/** A CA, a server certificate and client certificates made with the {@link CertificateTool}, written as PEM files. */
final class TestCertificates {

	final Path directory;

	final IssuedCertificate ca;

	final IssuedCertificate server;

	TestCertificates(Path directory) {
		this(directory, CertificateRequest.forName("localhost").withDnsNames("localhost").withIpAddresses("127.0.0.1"));
	}

	TestCertificates(Path directory, CertificateRequest serverRequest) {
		this.directory = directory;
		this.ca = CertificateTool.createCa(CertificateRequest.forName("Test CA " + directory.getFileName()));
		this.server = CertificateTool.issueServer(this.ca, serverRequest);
		this.ca.writeTo(directory, "ca");
		this.server.writeTo(directory, "server");
	}

	IssuedCertificate client(String name, String... roles) {
		CertificateRequest request = CertificateRequest.forName(name);
		return CertificateTool.issueClient(this.ca, (roles.length > 0) ? request.withRoles(roles) : request);
	}

	IssuedCertificate expiredClient(String name, String... roles) {
		Instant now = Instant.now();
		return CertificateTool.issueClient(this.ca, CertificateRequest.forName(name)
			.withValidity(now.minus(Duration.ofDays(10)), now.minus(Duration.ofDays(1)))
			.withRoles(roles));
	}

	/** Writes {@code ca.crl} revoking the given serials, valid for a day (or with the given window). */
	Path writeCrl(List<BigInteger> revoked) {
		return writeCrl(CrlRequest.revoking(revoked));
	}

	Path writeCrl(CrlRequest request) {
		Path file = this.directory.resolve("ca.crl");
		try {
			Files.writeString(file, Pem.encode(CertificateTool.createCrl(this.ca, request)));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return file;
	}

	/** Spring Boot SSL bundle {@code server} with client authentication required. */
	String[] serverBundle(String clientAuth) {
		return new String[] { "spring.ssl.bundle.pem.server.keystore.certificate=" + uri("server.crt"),
				"spring.ssl.bundle.pem.server.keystore.private-key=" + uri("server.key"),
				"spring.ssl.bundle.pem.server.truststore.certificate=" + uri("ca.crt"), "server.ssl.bundle=server",
				"server.ssl.client-auth=" + clientAuth };
	}

	String uri(String file) {
		return this.directory.resolve(file).toUri().toString();
	}

	/** A client TLS context trusting this CA, presenting the given certificate (or none). */
	SSLContext clientTls(@Nullable IssuedCertificate identity) {
		return TlsMaterial.sslContext(identity, TlsMaterial.trustManager(List.of(this.ca.certificate())));
	}
}

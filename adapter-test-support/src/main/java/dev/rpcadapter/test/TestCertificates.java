package dev.rpcadapter.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

import dev.rpcadapter.ca.CertificateRequest;
import dev.rpcadapter.ca.CertificateTool;
import dev.rpcadapter.ca.CrlRequest;
import dev.rpcadapter.ca.IssuedCertificate;
import dev.rpcadapter.ca.IssuedCertificate.PemFiles;
import dev.rpcadapter.ca.Pem;
import dev.rpcadapter.ca.TlsMaterial;
import org.jspecify.annotations.Nullable;

/**
 * A throw-away PKI for tests, made with the {@link CertificateTool}: a CA and a server
 * certificate (SAN {@code localhost} and {@code 127.0.0.1}) written as
 * {@code ca.crt}/{@code ca.key} and {@code server.crt}/{@code server.key}; client and
 * further server certificates on demand, CRLs, Spring Boot SSL bundle properties and JDK
 * {@link SSLContext}s.
 */
public final class TestCertificates {

	private final Path directory;

	private final IssuedCertificate ca;

	private final IssuedCertificate server;

	/**
	 * A CA and a server certificate for {@code localhost} and {@code 127.0.0.1} in the
	 * directory.
	 */
	public TestCertificates(Path directory) {
		this(directory, CertificateRequest.forName("localhost").withDnsNames("localhost").withIpAddresses("127.0.0.1"));
	}

	/** A CA and a server certificate issued for the given request in the directory. */
	public TestCertificates(Path directory, CertificateRequest serverRequest) {
		this.directory = directory;
		this.ca = CertificateTool.createCa(CertificateRequest.forName("Test CA " + directory.getFileName()));
		this.server = CertificateTool.issueServer(this.ca, serverRequest);
		this.ca.writeTo(directory, "ca");
		this.server.writeTo(directory, "server");
	}

	/**
	 * @return the directory the files are written to
	 */
	public Path directory() {
		return this.directory;
	}

	/**
	 * @return the CA
	 */
	public IssuedCertificate ca() {
		return this.ca;
	}

	/**
	 * @return the server certificate (files {@code server.crt}, {@code server.key})
	 */
	public IssuedCertificate server() {
		return this.server;
	}

	/**
	 * @return the CA certificate as a PEM file ({@code ca.crt})
	 */
	public Path caPem() {
		return this.directory.resolve("ca.crt");
	}

	/**
	 * @return a key store trusting the CA
	 */
	public KeyStore caTrustStore() {
		return TlsMaterial.trustStore(List.of(this.ca.certificate()));
	}

	/** A client certificate with these roles (none when empty). */
	public IssuedCertificate client(String name, String... roles) {
		CertificateRequest request = CertificateRequest.forName(name);
		return CertificateTool.issueClient(this.ca, (roles.length > 0) ? request.withRoles(roles) : request);
	}

	/** A client certificate that expired yesterday. */
	public IssuedCertificate expiredClient(String name, String... roles) {
		Instant now = Instant.now();
		return CertificateTool.issueClient(this.ca,
				CertificateRequest.forName(name)
					.withValidity(now.minus(Duration.ofDays(10)), now.minus(Duration.ofDays(1)))
					.withRoles(roles));
	}

	/** A further server certificate of this CA. */
	public IssuedCertificate issueServer(CertificateRequest request) {
		return CertificateTool.issueServer(this.ca, request);
	}

	/**
	 * Issues a certificate usable for server and client auth (SAN localhost and
	 * 127.0.0.1) with these roles, written as {@code <name>.pem} (chain) and
	 * {@code <name>-key.pem}.
	 */
	public Leaf issue(String name, String... roles) {
		IssuedCertificate issued = issueServer(CertificateRequest.forName(name)
			.withDnsNames("localhost")
			.withIpAddresses("127.0.0.1")
			.withRoles(roles));
		return new Leaf(name, issued, write(issued, name));
	}

	/**
	 * Writes {@code <name>.pem} (the chain, leaf first) and {@code <name>-key.pem}
	 * (PKCS#8).
	 */
	public PemFiles write(IssuedCertificate issued, String name) {
		Path certificate = this.directory.resolve(name + ".pem");
		Path key = this.directory.resolve(name + "-key.pem");
		writeString(certificate, issued.chain().stream().map(Pem::encode).collect(Collectors.joining()));
		writeString(key, issued.privateKeyPem());
		return new PemFiles(certificate, key);
	}

	/** Writes {@code ca.crl} revoking the given serials, valid for a day. */
	public Path writeCrl(List<BigInteger> revoked) {
		return writeCrl(CrlRequest.revoking(revoked));
	}

	/** Writes {@code ca.crl} as requested. */
	public Path writeCrl(CrlRequest request) {
		Path file = this.directory.resolve("ca.crl");
		writeString(file, Pem.encode(CertificateTool.createCrl(this.ca, request)));
		return file;
	}

	/**
	 * @return the {@code file:} URI of a file in the directory
	 */
	public String uri(String file) {
		return this.directory.resolve(file).toUri().toString();
	}

	/**
	 * A client TLS context trusting this CA, presenting the given certificate (or none).
	 */
	public SSLContext clientTls(@Nullable IssuedCertificate identity) {
		return TlsMaterial.sslContext(identity, TlsMaterial.trustManager(List.of(this.ca.certificate())));
	}

	/** A TLS context presenting the leaf and trusting the CA. */
	public SSLContext sslContext(Leaf leaf) {
		return clientTls(leaf.issued());
	}

	/**
	 * A server TLS context presenting the identity; with {@code trustClients} it trusts
	 * this CA's clients.
	 */
	public SSLContext serverTls(IssuedCertificate identity, boolean trustClients) {
		try {
			TrustManager[] trust = trustClients
					? new TrustManager[] { TlsMaterial.trustManager(List.of(this.ca.certificate())) } : null;
			SSLContext context = SSLContext.getInstance("TLS");
			context.init(TlsMaterial.keyManagers(identity), trust, null);
			return context;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Spring Boot SSL bundle {@code server} (server certificate, CA as trust) as the
	 * server's, with this client auth.
	 */
	public String[] serverBundle(String clientAuth) {
		return new String[] { "spring.ssl.bundle.pem.server.keystore.certificate=" + uri("server.crt"),
				"spring.ssl.bundle.pem.server.keystore.private-key=" + uri("server.key"),
				"spring.ssl.bundle.pem.server.truststore.certificate=" + uri("ca.crt"), "server.ssl.bundle=server",
				"server.ssl.client-auth=" + clientAuth };
	}

	/**
	 * Properties defining {@code spring.ssl.bundle.pem.<bundle>} with the leaf's key and
	 * the CA as trust.
	 */
	public String[] bundle(String bundle, Leaf leaf) {
		String prefix = "spring.ssl.bundle.pem." + bundle + ".";
		return new String[] { prefix + "keystore.certificate=" + leaf.files().certificate().toUri(),
				prefix + "keystore.private-key=" + leaf.files().privateKey().toUri(),
				prefix + "truststore.certificate=" + uri("ca.crt") };
	}

	/** A bundle that trusts the CA but holds no client certificate. */
	public String[] trustOnlyBundle(String bundle) {
		return new String[] { "spring.ssl.bundle.pem." + bundle + ".truststore.certificate=" + uri("ca.crt") };
	}

	private static void writeString(Path file, String content) {
		try {
			Files.writeString(file, content, StandardCharsets.US_ASCII);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A certificate issued by {@link #issue(String, String...)}.
	 *
	 * @param name its file name stem and CN
	 * @param issued the certificate, its key and its chain
	 * @param files the PEM files written
	 */
	public record Leaf(String name, IssuedCertificate issued, PemFiles files) {
	}

}

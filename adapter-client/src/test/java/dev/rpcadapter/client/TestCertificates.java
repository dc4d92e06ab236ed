package dev.rpcadapter.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

import dev.rpcadapter.ca.CertificateRequest;
import dev.rpcadapter.ca.CertificateTool;
import dev.rpcadapter.ca.IssuedCertificate;
import dev.rpcadapter.ca.Pem;
import dev.rpcadapter.ca.TlsMaterial;

/**
 * Test PKI made with the {@link CertificateTool}: a CA, server certificates (matching 127.0.0.1
 * and localhost, only localhost, or only other.example), a client certificate, and an unrelated
 * CA.
 */
public final class TestCertificates {

	private static final char[] PASSWORD = "changeit".toCharArray();

	private final IssuedCertificate ca;

	private final IssuedCertificate otherCa;

	private final IssuedCertificate server;

	private final IssuedCertificate mismatchedServer;

	private final IssuedCertificate client;

	private final IssuedCertificate localhostServer;

	private final Path directory;

	private TestCertificates(Path directory) {
		this.directory = directory;
		this.ca = CertificateTool.createCa(CertificateRequest.forName("Test CA"));
		this.otherCa = CertificateTool.createCa(CertificateRequest.forName("Other CA"));
		this.server = CertificateTool.issueServer(this.ca,
				CertificateRequest.forName("server").withIpAddresses("127.0.0.1").withDnsNames("localhost"));
		this.mismatchedServer = CertificateTool.issueServer(this.ca,
				CertificateRequest.forName("other").withDnsNames("other.example"));
		this.client = CertificateTool.issueClient(this.ca, CertificateRequest.forName("client"));
		this.localhostServer = CertificateTool.issueServer(this.ca,
				CertificateRequest.forName("localhost").withDnsNames("localhost"));
	}

	public static TestCertificates create(Path directory) {
		try {
			TestCertificates certificates = new TestCertificates(directory);
			certificates.writeFiles();
			return certificates;
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot create test certificates", ex);
		}
	}

	public Path caPem() {
		return this.directory.resolve("ca.pem");
	}

	public Path otherCaPem() {
		return this.directory.resolve("other-ca.pem");
	}

	public Path clientCertificatePem() {
		return this.directory.resolve("client.pem");
	}

	public Path clientKeyPem() {
		return this.directory.resolve("client-key.pem");
	}

	/** Certificate chain (PEM) of a server certificate that names only {@code localhost}. */
	public Path localhostServerCertificatePem() {
		return this.directory.resolve("localhost-server.pem");
	}

	/** PKCS#8 PEM private key of {@link #localhostServerCertificatePem()}. */
	public Path localhostServerKeyPem() {
		return this.directory.resolve("localhost-server-key.pem");
	}

	public X509Certificate caCertificate() {
		return this.ca.certificate();
	}

	public KeyStore caTrustStore() {
		return TlsMaterial.trustStore(List.of(this.ca.certificate()));
	}

	/** PKCS#12 key store holding the client key and its chain under alias {@code key}. */
	public KeyStore clientKeyStore() {
		return this.client.toKeyStore("key", PASSWORD);
	}

	public static char[] keyStorePassword() {
		return PASSWORD.clone();
	}

	/** Server SSLContext; with {@code trustClients} it trusts client certificates from the CA. */
	public SSLContext serverContext(boolean mismatchedName, boolean trustClients) throws GeneralSecurityException {
		IssuedCertificate identity = mismatchedName ? this.mismatchedServer : this.server;
		TrustManager[] trustManagers = trustClients
				? new TrustManager[] { TlsMaterial.trustManager(List.of(this.ca.certificate())) } : null;
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(TlsMaterial.keyManagers(identity), trustManagers, null);
		return context;
	}

	private void writeFiles() throws IOException {
		Files.writeString(caPem(), Pem.encode(this.ca.certificate()));
		Files.writeString(otherCaPem(), Pem.encode(this.otherCa.certificate()));
		Files.writeString(clientCertificatePem(), chainPem(this.client));
		Files.writeString(clientKeyPem(), this.client.privateKeyPem());
		Files.writeString(localhostServerCertificatePem(), chainPem(this.localhostServer));
		Files.writeString(localhostServerKeyPem(), this.localhostServer.privateKeyPem());
	}

	private static String chainPem(IssuedCertificate issued) {
		return issued.chain().stream().map(Pem::encode).collect(Collectors.joining());
	}

	public static String pkcs8Pem(PrivateKey key) {
		return Pem.encode(key);
	}

	public static String pem(String type, byte[] der) {
		String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
		return "-----BEGIN " + type + "-----\n" + base64 + "\n-----END " + type + "-----\n";
	}

	public static KeyPair ecKeys() throws GeneralSecurityException {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
		generator.initialize(256);
		return generator.generateKeyPair();
	}

}
